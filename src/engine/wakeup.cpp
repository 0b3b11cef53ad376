#include "xtrace/wakeup.hpp"

#include <signal.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <cerrno>

namespace xtrace::wakeup {
namespace {

constexpr std::array kFatalSignals{SIGHUP, SIGINT, SIGQUIT, SIGPIPE, SIGTERM};

std::atomic<int> g_interrupted{0};
// The children started by the handler; a signal storm may start more than
// fit, and those are then taken for unknown pids (harmless).
std::array<std::atomic<pid_t>, 32> g_wake_children{};
std::atomic<unsigned> g_next_wake{0};

void on_fatal_signal(int sig) {
  int saved_errno = errno;
  int none = 0;
  g_interrupted.compare_exchange_strong(none, sig);
  // vfork: nothing is copied, and the child only calls _exit.
  pid_t child = vfork();
  if (child == 0) _exit(0);
  if (child > 0) g_wake_children[g_next_wake++ % g_wake_children.size()].store(child);
  errno = saved_errno;
}

void set_disposition(int sig, void (*handler)(int)) {
  struct sigaction sa {};
  sa.sa_handler = handler;
  sa.sa_flags = SA_RESTART;
  sigfillset(&sa.sa_mask);  // one handler at a time
  sigaction(sig, &sa, nullptr);
}

}  // namespace

void install(Interruptible mode) {
  set_disposition(SIGCHLD, SIG_DFL);
  set_disposition(SIGTTOU, SIG_IGN);
  set_disposition(SIGTTIN, SIG_IGN);
  if (mode == Interruptible::anywhere) return;
  if (mode == Interruptible::never_tstp) set_disposition(SIGTSTP, SIG_IGN);
  bool handle = mode == Interruptible::waiting || mode == Interruptible::unset;
  for (int sig : kFatalSignals) set_disposition(sig, handle ? on_fatal_signal : SIG_IGN);
  // A fatal signal may be blocked by whoever started us; it must get through.
  sigset_t set;
  sigemptyset(&set);
  for (int sig : kFatalSignals) sigaddset(&set, sig);
  if (handle) sigprocmask(SIG_UNBLOCK, &set, nullptr);
}

int interrupted() noexcept {
  return g_interrupted.load(std::memory_order_relaxed);
}

bool is_wake_child(pid_t pid) noexcept {
  for (auto& slot : g_wake_children) {
    pid_t expected = pid;
    if (slot.compare_exchange_strong(expected, 0)) return true;
  }
  return false;
}

}  // namespace xtrace::wakeup
