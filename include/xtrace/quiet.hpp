// strace's suppressible informational messages, shared by the two ways to
// ask for quiet: -q/-qq/-qqq (registered with the process options, in
// src/cli/process_options.cpp) and -e quiet=SET / --quiet=SET (the filter's
// qualifier).  Both write only these flags; the engine and the text sink
// read them.
#pragma once

namespace xtrace {

struct QuietOptions {
  bool attach = false;           // "Process N attached" / "... detached"
  bool exit = false;             // "+++ exited with N +++"
  bool path_resolution = false;  // "Requested path ... resolved into ..."
  bool personality = false;      // "[ Process PID=N runs in 32 bit mode. ]"
  bool thread_execve = false;    // "+++ superseded by execve in pid N +++"
  // -q or -e quiet= was given: "-o FILE PROG" then no longer implies -q,
  // and -q together with -e quiet= is an error, as in strace.
  bool set_by_q = false;
  bool set_by_qualifier = false;
};

}  // namespace xtrace
