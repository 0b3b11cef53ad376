// Processes a test starts and does not wait for at once (a helper to
// attach to, an xtrace to interrupt), with their output in files.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace xtrace::testing {

struct Background {
  pid_t pid = -1;
  int status = 0;  // waitpid's, once reaped
};

// Starts argv in its own process group (so a signal reaches only it), with
// stdout and stderr written to the files out and err.  With stdin_pipe its
// stdin is a pipe nobody writes to: a read from it blocks forever.
Background spawn(const std::vector<std::string>& argv, const std::string& out,
                 const std::string& err, bool stdin_pipe = false);
// Waits for it to end, at most `limit`; kills it after that and says so.
bool wait_exit(Background& b, std::chrono::milliseconds limit);
// /proc/PID/stat's state letter: R, S, T (stopped), t (tracing stop), Z...;
// '?' when the task is gone.
char state_of(pid_t pid);
// The first child of a process (a tracer's command), -1 when it has none.
pid_t traced_child_of(pid_t parent);
// The last tick of each thread in tick_loop's output ("tick THREAD N").
std::map<int, int> ticks(const std::string& path);
// Polls condition until it holds or `limit` has passed.
bool wait_until(const std::function<bool()>& condition,
                std::chrono::milliseconds limit = std::chrono::milliseconds(5000));

}  // namespace xtrace::testing
