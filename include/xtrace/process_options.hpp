// The process model's options: what to trace (-p, -f), how the tracer sits
// beside its tracees (-D, -u, -I, --kill-on-exit, -b execve), and how tasks
// are named in the output (-ff, --always-show-pid, -Y, --decode-pids).
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace xtrace {

// -I: when fatal signals (SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE) may
// interrupt xtrace.  `unset` picks strace's default: `never` for
// "-o FILE PROG", `never_tstp` with -D, else `waiting`.
enum class Interruptible : std::uint8_t {
  unset = 0,
  anywhere = 1,
  waiting = 2,
  never = 3,
  never_tstp = 4
};

struct ProcessOptions {
  bool follow_forks = false;             // -f, --follow-forks
  bool output_separately = false;        // -ff, --output-separately (needs -o)
  std::vector<pid_t> attach;             // -p PID..., in command-line order
  int daemonize = 0;                     // -D (1 grandchild), -DD (2 pgroup), -DDD (3 session)
  std::optional<std::string> user;       // -u USER or UID:GID
  bool detach_on_execve = false;         // -b execve
  bool kill_on_exit = false;             // --kill-on-exit
  bool always_show_pid = false;          // --always-show-pid
  std::vector<std::string> env_changes;  // -E VAR=VAL / -E VAR, in order
  std::optional<std::string> argv0;      // --argv0=NAME: the command's argv[0]
  bool decode_pid_comm = false;          // -Y, --decode-pids=comm
  bool decode_pid_ns = false;            // --decode-pids=pidns
  Interruptible interruptible = Interruptible::unset;  // -I
  // --seccomp-bpf (true), --no-seccomp-bpf (false); unset: the fast path
  // whenever it is safe (app/seccomp_choice.hpp).
  std::optional<bool> seccomp_bpf;
};

}  // namespace xtrace
