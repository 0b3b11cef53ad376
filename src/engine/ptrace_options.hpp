// The ptrace options every tracee is seized with.
#pragma once

#include <sys/ptrace.h>

namespace xtrace {

// TRACESYSGOOD tells syscall stops from SIGTRAPs; TRACEEXEC reports the
// exec; EXITKILL: a command we started dies with us rather than running on
// untraced (strace does the same for launched commands).
inline constexpr long kLaunchOptions =
    PTRACE_O_TRACESYSGOOD | PTRACE_O_TRACEEXEC | PTRACE_O_EXITKILL;

}  // namespace xtrace
