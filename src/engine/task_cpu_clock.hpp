// The CPU time a thread has used, read from /proc/TID/schedstat (the
// scheduler's sum_exec_runtime, in nanoseconds).  Read at a syscall's entry
// and exit stops, the difference is the time the kernel spent on the call
// for that thread: what -c reports as system time, with nanosecond
// resolution (strace takes the same difference from wait4's rusage, whose
// resolution is coarser).
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <unordered_map>

namespace xtrace {

class TaskCpuClock {
 public:
  TaskCpuClock() = default;
  TaskCpuClock(const TaskCpuClock&) = delete;
  TaskCpuClock& operator=(const TaskCpuClock&) = delete;
  ~TaskCpuClock();

  // Nanoseconds of CPU time of the thread, or -1 when it cannot be read.
  std::int64_t read(pid_t tid);
  // The thread is gone: drop its open file.
  void forget(pid_t tid);

 private:
  std::unordered_map<pid_t, int> fds_;  // /proc/TID/schedstat, kept open
};

}  // namespace xtrace
