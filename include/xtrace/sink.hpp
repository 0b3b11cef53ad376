// A consumer of trace events: strace text, JSON, the -c summary.  Sinks never
// call ptrace; they only read events.
#pragma once

#include "xtrace/event.hpp"

namespace xtrace {

class Sink {
 public:
  virtual ~Sink() = default;
  // Whether this sink shows decoded arguments (the summary does not, so a
  // summary-only run skips decoding).
  virtual bool needs_decoding() const { return true; }
  virtual void on_syscall_entry(const SyscallEvent&) {}
  // exited=false: the task vanished inside the call (printed "= ?").
  virtual void on_syscall_exit(const SyscallEvent&) {}
  virtual void on_signal(const SignalEvent&) {}
  virtual void on_exit(const ExitEvent&) {}
  // Tracing is over: write what is left.
  virtual void finish() {}
};

}  // namespace xtrace
