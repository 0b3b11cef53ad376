#include "xtrace/held_threads.hpp"

#include <signal.h>
#include <sys/wait.h>

#include <cerrno>

namespace xtrace {

void HeldThreads::hold(pid_t tid, int sig, Clock::duration delay) {
  held_.emplace(Clock::now() + delay, Held{tid, sig});
}

void HeldThreads::drop(pid_t tid) {
  for (auto it = held_.begin(); it != held_.end();) {
    if (it->second.tid == tid)
      it = held_.erase(it);
    else
      ++it;
  }
}

void HeldThreads::release_due(const Resume& resume) {
  auto now = Clock::now();
  while (!held_.empty() && held_.begin()->first <= now) {
    Held h = held_.begin()->second;
    held_.erase(held_.begin());
    resume(h.tid, h.sig);
  }
}

pid_t HeldThreads::wait(int& status, rusage* usage, const Resume& resume) {
  sigset_t chld;
  sigemptyset(&chld);
  sigaddset(&chld, SIGCHLD);
  for (;;) {
    release_due(resume);
    if (held_.empty()) return wait4(-1, &status, __WALL, usage);
    if (!sigchld_blocked_) {
      // Blocked, a SIGCHLD stays pending until sigtimedwait takes it; the
      // launched command was forked before this, so it does not inherit it.
      sigprocmask(SIG_BLOCK, &chld, nullptr);
      sigchld_blocked_ = true;
    }
    pid_t tid = wait4(-1, &status, __WALL | WNOHANG, usage);
    if (tid != 0) return tid;  // a stop, or an error for the caller
    auto left = held_.begin()->first - Clock::now();
    if (left <= Clock::duration::zero()) continue;
    auto ns = std::chrono::duration_cast<std::chrono::nanoseconds>(left).count();
    timespec timeout{static_cast<time_t>(ns / 1'000'000'000),
                     static_cast<long>(ns % 1'000'000'000)};
    sigtimedwait(&chld, nullptr, &timeout);  // EAGAIN on timeout, EINTR: loop either way
  }
}

}  // namespace xtrace
