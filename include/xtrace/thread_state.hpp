// What the engine knows of one traced thread between two stops.
#pragma once

#include <sys/types.h>

#include "xtrace/event.hpp"

namespace xtrace {

struct ThreadState {
  pid_t tid = 0;
  pid_t pid = 0;            // thread group id
  bool in_syscall = false;  // between a syscall's entry and exit stops
  // Before the launched command's first execve, the tracee is still our
  // forked child getting ready: strace shows nothing of that, nor do we.
  bool hidden = false;
  SyscallEvent event;  // the syscall in flight; reused, so buffers keep capacity
  // Set by the pipeline (fault injection) for the engine, which clears them
  // when it resumes the thread: deliver this signal with the resume, and
  // keep the thread stopped this long first (other tasks keep running).
  int resume_signal = 0;
  Clock::duration resume_delay{};
};

}  // namespace xtrace
