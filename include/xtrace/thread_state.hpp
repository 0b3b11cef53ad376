// What the engine knows of one traced thread between two stops.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <string>

#include "xtrace/arch.hpp"
#include "xtrace/event.hpp"

namespace xtrace {

struct ThreadState {
  pid_t tid = 0;
  pid_t pid = 0;            // thread group id
  bool in_syscall = false;  // between a syscall's entry and exit stops
  // Before the launched command's first execve, the tracee is still our
  // forked child getting ready: strace shows nothing of that, nor do we.
  bool hidden = false;
  // The launched command until its first execve succeeds: a failed execve
  // is shown, what the child does after it (the error message, the exit
  // call) is hidden again, but its exit line is shown, as strace does.
  bool before_first_exec = false;
  bool failed_exec_shown = false;
  // The arch of the task's last call: an `int $0x80` call switches it to
  // i386, the next native call back (strace's "runs in 32 bit mode").
  Arch personality = arch::native();
  SyscallEvent event;  // the syscall in flight; reused, so buffers keep capacity
  // The process model (engine/task_registry.cpp, tracer.cpp).
  std::uint64_t seq = 0;         // order of first appearance
  bool live = false;             // its first stop was seen (strace's nprocs counts it)
  bool announce = false;         // print "Process N attached" at the first stop (-f)
  bool grabbed = false;          // attached with -p: may be inside a call at the first stop
  bool first_exec_kept = false;  // -b execve: the launched command's own exec is traced
  bool listening = false;        // in a group-stop, restarted with PTRACE_LISTEN
  bool exiting = false;          // past PTRACE_EVENT_EXIT: nothing left to detach
  // Under xtrace's seccomp filter (the launched command and what it
  // creates): between traced calls it runs with PTRACE_CONT, and a traced
  // call's entry is its seccomp stop.
  bool seccomp = false;
  // The last call this thread made (or the one -p found it in), for
  // "restart_syscall(<... resuming interrupted NAME ...>".
  const SyscallDesc* previous = nullptr;
  std::string comm;  // /proc/TID/comm, kept only for -Y
  // Set by the pipeline (fault injection) for the engine, which clears them
  // when it resumes the thread: deliver this signal with the resume, and
  // keep the thread stopped this long first (other tasks keep running).
  int resume_signal = 0;
  // The process's CPU time (ns) at this stop, from the rusage wait4 returns
  // (as strace's -c, at no extra syscall): the difference between a call's
  // entry and exit stops is the time spent in it.  -1 unless -c asks.
  std::int64_t stop_cpu_ns = -1;
  // -k: this call's stack is taken at its exit stop (the command's first
  // execve: what runs after it is the new image, as strace shows it).
  bool stack_at_exit = false;
  Clock::duration resume_delay{};
};

}  // namespace xtrace
