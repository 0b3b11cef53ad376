// What -Y (--decode-pids=comm) and --decode-pids=pidns add after a pid the
// tracee passed or got back: "1234<sleep>" and "1 /* 1234 in strace's PID
// NS */".  Decoders ask it through DecodeOptions::pids; without it (no -Y,
// no pidns) a pid prints as a plain number.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <memory>
#include <string>

namespace xtrace {

// What a number names, as strace tells them apart: the comm is shown for
// tasks and thread groups only; every kind is translated between
// namespaces by its own /proc/PID/status line (NSpid, NStgid, NSpgid, NSsid).
enum class PidType : std::uint8_t { tid, tgid, pgid, sid };

class PidNamespaces;

class PidDecorator {
 public:
  PidDecorator(bool comm, bool pidns);
  ~PidDecorator();
  PidDecorator(const PidDecorator&) = delete;
  PidDecorator& operator=(const PidDecorator&) = delete;

  // Appends what follows `pid`, as `tracee` numbers it, to out: "<comm>"
  // and/or " /* N in strace's PID NS */"; nothing for a task that is gone.
  void append(pid_t tracee, std::int64_t pid, PidType type, std::string& out);
  // A traced task ended: its tid may name another task later.
  void forget(pid_t tracee);

 private:
  bool comm_;
  bool pidns_;
  std::unique_ptr<PidNamespaces> namespaces_;
};

}  // namespace xtrace
