// Processes a test starts and does not wait for at once (a helper to
// attach to, an xtrace to interrupt), with their output in files.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <functional>
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
// Polls condition until it holds or `limit` has passed.
bool wait_until(const std::function<bool()>& condition,
                std::chrono::milliseconds limit = std::chrono::milliseconds(5000));

}  // namespace xtrace::testing
