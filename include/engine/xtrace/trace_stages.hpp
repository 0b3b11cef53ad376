// What the engine tells about each stop, and the little it asks back.  The
// pipeline (src/pipeline/) implements it with decoding, the filter, fault
// injection and the sinks; the engine sees only this interface, so it
// cannot depend on any of them.
#pragma once

#include <signal.h>
#include <sys/types.h>

#include "xtrace/arch.hpp"
#include "xtrace/event.hpp"
#include "xtrace/thread_state.hpp"

namespace xtrace {

class TraceStages {
 public:
  virtual void syscall_entry(ThreadState& t, const SyscallInfo& info) = 0;
  virtual void syscall_exit(ThreadState& t, const SyscallInfo& info) = 0;
  // The thread is gone while inside a syscall (exit_group, SIGKILL): the
  // line ends with "= ?".
  virtual void syscall_unfinished(ThreadState& t) = 0;
  virtual void signal(const ThreadState& t, const siginfo_t& si) = 0;
  virtual void exit(const ExitEvent& ev) = 0;
  // The task entered a group-stop (SIGSTOP, SIGTSTP, ...).
  virtual void group_stop(const ThreadState& t, int sig) = 0;
  // The process model: a task is traced from now on; xtrace let go of a
  // live task; a non-leader thread's execve replaced its process.
  virtual void task_start(pid_t tid) = 0;
  virtual void detach(pid_t tid) = 0;
  virtual void superseded(pid_t leader, pid_t exec_tid) = 0;
  // Tracing is over.
  virtual void finish() = 0;
  // Whether the engine must fill ThreadState::stop_cpu_ns at each stop.
  virtual bool needs_cpu_time() const = 0;
  // --syscall-limit: that many calls were shown; the engine then detaches.
  virtual bool syscall_limit_reached() const = 0;

 protected:
  ~TraceStages() = default;
};

}  // namespace xtrace
