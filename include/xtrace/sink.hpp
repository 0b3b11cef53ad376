// A consumer of trace events: strace text, JSON, the -c summary.  Sinks never
// call ptrace; they only read events.
#pragma once

#include <sys/types.h>

#include "xtrace/event.hpp"

namespace xtrace {

class Sink {
 public:
  virtual ~Sink() = default;
  // Whether this sink shows decoded arguments (the summary does not, so a
  // summary-only run skips decoding).
  virtual bool needs_decoding() const { return true; }
  // Whether this sink needs each call's CPU time (SyscallEvent::cpu_*_ns);
  // reading it costs a read of /proc per stop, so only -c asks.
  virtual bool needs_cpu_time() const { return false; }
  // Whether -e status= / -z / -Z select what this sink sees.  Sinks that
  // are selected get a call's entry and exit together, at its exit.
  virtual bool filtered_by_status() const { return true; }
  virtual void on_syscall_entry(const SyscallEvent&) {}
  // exited=false: the task vanished inside the call (printed "= ?").
  virtual void on_syscall_exit(const SyscallEvent&) {}
  virtual void on_signal(const SignalEvent&) {}
  virtual void on_exit(const ExitEvent&) {}
  // The process model: a task is traced from now on (launched, attached,
  // or followed); xtrace let go of a live task (a line it left open ends
  // with " <detached ...>"); a non-leader thread's execve replaced its
  // process, and exec_tid now carries the leader's tid.
  virtual void on_task_start(pid_t) {}
  virtual void on_detach(pid_t) {}
  virtual void on_superseded(pid_t /*leader*/, pid_t /*exec_tid*/) {}
  // The task's calls now go through another arch's table (an `int $0x80`
  // call of a 64-bit process, or back): strace's personality line.
  virtual void on_personality(pid_t /*tid*/, Arch /*arch*/) {}
  // -ff: this sink's task exec'd in a non-leader thread and goes on as
  // `leader` in another file; end what is open here.
  virtual void on_pid_changed(pid_t /*leader*/) {}
  // Tracing is over: write what is left.
  virtual void finish() {}
};

}  // namespace xtrace
