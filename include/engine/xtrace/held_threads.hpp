// Threads that an injected delay (-e inject=...:delay_enter=, delay_exit=)
// keeps stopped, and the wait of the stop loop that serves them.  Only the
// delayed thread waits: the loop goes on serving every other task, and
// resumes the held one when its time has come, without ever sleeping.
#pragma once

#include <sys/resource.h>
#include <sys/types.h>

#include <functional>
#include <map>
#include <utility>

#include "xtrace/event.hpp"

namespace xtrace {

class HeldThreads {
 public:
  using Resume = std::function<void(pid_t tid, int sig)>;

  // Keep tid stopped for `delay`, then resume it with `sig`.
  void hold(pid_t tid, int sig, Clock::duration delay);
  // The thread is gone (killed while held): nothing to resume.
  void drop(pid_t tid);
  bool empty() const { return held_.empty(); }

  // wait4(-1, &status, __WALL, usage), resuming through `resume` the held
  // threads whose time comes while it waits.  Without held threads it is
  // exactly that wait4.  With some, SIGCHLD is blocked (so that none is
  // lost between a check and the wait) and waited for with sigtimedwait
  // until the next deadline.
  pid_t wait(int& status, rusage* usage, const Resume& resume);

 private:
  void release_due(const Resume& resume);

  struct Held {
    pid_t tid;
    int sig;
  };
  std::multimap<Clock::time_point, Held> held_;
  bool sigchld_blocked_ = false;
};

}  // namespace xtrace
