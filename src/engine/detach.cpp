// Letting go of every tracee so that it runs on as if xtrace had never
// been there: no stop left behind, no signal lost, no call cut short.
//
// A running task cannot be detached; PTRACE_INTERRUPT stops it, and the
// stop that comes is whichever was due first.  At a syscall or event stop
// it is detached with no signal; at a signal-delivery stop with that
// signal, which it then receives as it would have; in a group-stop with
// none, and it stays stopped (a stopped process stays stopped).
#include <signal.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>

#include <fmt/format.h>

#include "proc_info.hpp"
#include "xtrace/tracer.hpp"

namespace xtrace {
namespace {

// How long to wait for one task's stop after PTRACE_INTERRUPT.  A task
// that cannot stop in time (a vfork parent whose child is stopped, a
// disk wait) is let go when xtrace exits: the kernel then detaches it
// and drops the pending interrupt.
constexpr auto kStopTimeout = std::chrono::seconds(2);

bool task_exists(pid_t tid) {
  return syscall(SYS_tkill, tid, 0) == 0 || errno != ESRCH;
}

// waitpid for one task, giving up after kStopTimeout.
pid_t wait_for(pid_t tid, int& status) {
  auto deadline = Clock::now() + kStopTimeout;
  long pause_ns = 20'000;
  for (;;) {
    pid_t r = waitpid(tid, &status, __WALL | WNOHANG);
    if (r != 0 && !(r < 0 && errno == EINTR)) return r;
    if (Clock::now() >= deadline) return 0;
    timespec ts{0, pause_ns};
    nanosleep(&ts, nullptr);
    pause_ns = std::min(pause_ns * 2, 5'000'000L);
  }
}

}  // namespace

void Tracer::detach_all(int sig) {
  // --kill-on-exit: PTRACE_O_EXITKILL kills every tracee when xtrace exits.
  if (config_.kill_on_exit) return;
  // Detaching may find new tasks (a fork event that was due); they are
  // registered and detached in the next round.
  while (!tasks_.empty()) {
    for (pid_t tid : tasks_.tids_in_order()) {
      if (tasks_.find(tid) == nullptr) continue;
      if (sig != 0 && tid == launched_ && launched_exists_) {
        // As strace: the command xtrace started gets the signal that ends
        // xtrace (it is in xtrace's place in the shell's job).
        kill(tid, SIGCONT);
        kill(tid, sig);
      }
      detach(tid);
    }
  }
}

void Tracer::detach(pid_t tid) {
  ThreadState* t = tasks_.find(tid);
  if (t == nullptr) return;
  held_.drop(tid);  // stopped by us: PTRACE_DETACH below works at once
  bool stopped_now = ptrace(PTRACE_DETACH, tid, nullptr, 0) == 0;
  if (!stopped_now && !t->exiting && task_exists(tid) &&
      ptrace(PTRACE_INTERRUPT, tid, nullptr, nullptr) == 0) {
    int status = 0;
    if (wait_for(tid, status) == tid && WIFSTOPPED(status)) {
      int sig = WSTOPSIG(status);
      int event = static_cast<int>(static_cast<unsigned>(status) >> 16);
      if (event == PTRACE_EVENT_FORK || event == PTRACE_EVENT_VFORK ||
          event == PTRACE_EVENT_CLONE) {
        unsigned long child = 0;
        if (ptrace(PTRACE_GETEVENTMSG, tid, nullptr, &child) == 0 && child != 0 &&
            tasks_.find(static_cast<pid_t>(child)) == nullptr)
          adopt(static_cast<pid_t>(child));
      }
      bool delivery = event == 0 && sig != (SIGTRAP | 0x80);
      ptrace(PTRACE_DETACH, tid, nullptr, delivery ? sig : 0);
    }
  }
  stages_.detach(tid);
  if (!config_.quiet.attach) message(fmt::format("Process {} detached", tid));
  if (tid == launched_) launched_exists_ = false;
  tasks_.erase(tid);
}

}  // namespace xtrace
