// -k: the user stack of a stopped thread, through libunwind-ptrace.  One
// libunwind address space per process, kept across calls with its caches
// (unwind tables, register-state cache); one ptrace context per thread.
// The process's mappings are read once from /proc and read again only when
// its code mappings change (the pipeline reports mmap/munmap/mprotect/...
// and exec), or when a walk meets an address they do not cover.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <memory>
#include <vector>

#include "xtrace/event.hpp"
#include "xtrace/stack_frame.hpp"

namespace xtrace {

class Unwinder {
 public:
  explicit Unwinder(std::size_t frame_limit);
  ~Unwinder();
  Unwinder(const Unwinder&) = delete;
  Unwinder& operator=(const Unwinder&) = delete;

  // The stack of thread tid of process pid, which is in a ptrace stop,
  // innermost frame first, into frames (its elements and their strings
  // are reused).  Never fails: what cannot be unwound ends the stack with
  // an unwind_error frame, and a thread that vanishes midway (SIGKILL)
  // gives just that.
  void capture(pid_t tid, pid_t pid, std::vector<StackFrame>& frames);
  // A call of process pid finished (ev.exited): when it may have changed
  // where code is mapped (mapping_changes.hpp), the cached mappings are
  // read again at the next walk; after an exec, everything of the
  // process is dropped (a non-leader's exec also changes its tid).
  void after_call(pid_t pid, const SyscallEvent& ev);
  void forget_thread(pid_t tid);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace xtrace
