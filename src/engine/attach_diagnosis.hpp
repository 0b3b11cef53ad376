// Why -p PID failed with EPERM, in strace 7.2's words (diagnose_attach_eperm):
// another tracer holds the process, it belongs to another user, or Yama's
// ptrace_scope forbids the attach.  Printed after the "attach: ptrace(...)"
// line, at most one hint.
#pragma once

#include <sys/types.h>

#include <optional>
#include <string>

namespace xtrace {

// What the hint depends on, read from /proc (or given by a test).
struct AttachFacts {
  pid_t tracer_pid = 0;            // TracerPid: of /proc/PID/status (0: none, -1: unknown)
  bool can_ptrace_anyone = false;  // CAP_SYS_PTRACE in CapEff: of /proc/self/status
  bool signal_denied = false;      // kill(PID, 0) failed with EPERM
  int yama_scope = 0;              // /proc/sys/kernel/yama/ptrace_scope (0: absent)
};

AttachFacts read_attach_facts(pid_t pid);

// The hint for these facts, in strace's order of checks; none when no
// check explains the failure.
std::optional<std::string> attach_eperm_hint(pid_t pid, const AttachFacts& facts);

}  // namespace xtrace
