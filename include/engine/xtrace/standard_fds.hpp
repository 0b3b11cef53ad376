// xtrace's own standard descriptors, handled as strace handles them.
#pragma once

namespace xtrace::standard_fds {

// Fills a closed 0, 1 or 2 with a placeholder (the read end of a pipe with
// no writer, close-on-exec): the -o file then never lands on a standard
// descriptor, and the command still starts with it closed.  Call first.
void ensure_open();

// After the command started: xtrace lets go of its stdin and stdout (each
// replaced by a placeholder), so that a pipe the command closes has no
// reader or writer left in xtrace: `yes | xtrace sh -c 'exec <&-; ...'`
// ends `yes` at once, as without a tracer.  stderr stays for messages.
void release_input_output();

}  // namespace xtrace::standard_fds
