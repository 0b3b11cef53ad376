// What /proc tells about a task: read when a task first appears, never per
// stop.
#pragma once

#include <sys/types.h>

#include <string>
#include <vector>

namespace xtrace::proc {

// The thread group id of tid; tid itself when /proc cannot say.
pid_t thread_group(pid_t tid);
// The tids of pid's threads (/proc/PID/task), in directory order.
std::vector<pid_t> threads_of(pid_t pid);
// /proc/TID/comm without its newline; empty when the task is gone.
std::string comm(pid_t tid);

}  // namespace xtrace::proc
