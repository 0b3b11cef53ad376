// Printing a pid the way strace's printpid does: the number, then what -Y
// and --decode-pids=pidns add (see xtrace/pid_decorator.hpp).
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <string>

#include "format_helpers.hpp"
#include "xtrace/pid_decorator.hpp"

namespace xtrace::decode {

inline void print_pid(PidDecorator* pids, pid_t tracee, std::int64_t pid, PidType type,
                      std::string& out) {
  print_int(pid, out);
  if (pids != nullptr) pids->append(tracee, pid, type, out);
}

// kill, wait4, F_SETOWN: a positive number is a process, one below -1 the
// negated process group; 0 and -1 are the caller's group and "all".
inline void print_pid_or_pgid(PidDecorator* pids, pid_t tracee, std::int64_t pid,
                              std::string& out) {
  print_int(pid, out);
  if (pids == nullptr) return;
  if (pid > 0)
    pids->append(tracee, pid, PidType::tgid, out);
  else if (pid < -1)
    pids->append(tracee, -pid, PidType::pgid, out);
}

// The same as pid values; the decoration (none without -Y) is their text.
inline void print_pid(PidDecorator* pids, pid_t tracee, std::int64_t pid, PidType type,
                      ValueOut& out) {
  std::string decoration;
  if (pids != nullptr) pids->append(tracee, pid, type, decoration);
  out.pid(pid, decoration);
}

inline void print_pid_or_pgid(PidDecorator* pids, pid_t tracee, std::int64_t pid, ValueOut& out) {
  std::string decoration;
  if (pids != nullptr && pid > 0)
    pids->append(tracee, pid, PidType::tgid, decoration);
  else if (pids != nullptr && pid < -1)
    pids->append(tracee, -pid, PidType::pgid, decoration);
  out.pid(pid, decoration);
}

}  // namespace xtrace::decode
