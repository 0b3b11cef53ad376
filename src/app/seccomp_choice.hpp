// When the seccomp-bpf fast path is used.  strace uses it only when asked
// (--seccomp-bpf); xtrace uses it whenever it is safe, and --no-seccomp-bpf
// turns it off.  Safe means: a launched command (a filter cannot be put
// into a running process: -p tasks are traced as always), -f (a child or
// thread the tracer does not follow would get ENOSYS from every call the
// filter traces), no -b execve or --syscall-limit (both detach tracees that
// still carry the filter), and a trace set that leaves something out.
#pragma once

#include <linux/filter.h>

#include <string>
#include <vector>

#include "xtrace/arch.hpp"
#include "xtrace/options.hpp"

namespace xtrace::seccomp {

struct Choice {
  std::vector<sock_filter> program;  // empty: every call stops (PTRACE_SYSCALL)
  // For stderr, in strace's words, only when --seccomp-bpf was given and
  // cannot (fully) be honoured.
  std::vector<std::string> notes;
};

Choice choose(const Options& opts, Arch arch);

}  // namespace xtrace::seccomp
