// The stop loop.  Each waitpid status is classified once: exit, syscall
// stop, ptrace event, or signal delivery; a vanished tracee (ESRCH) is an
// ordinary outcome of any request, never an error.
#include <signal.h>
#include <sys/ptrace.h>
#include <sys/wait.h>

#include <cerrno>
#include <utility>

#include "xtrace/tracer.hpp"

namespace xtrace {
namespace {

bool is_stopping_signal(int sig) {
  return sig == SIGSTOP || sig == SIGTSTP || sig == SIGTTIN || sig == SIGTTOU;
}

bool is_exec(const SyscallInfo& info) {
  auto id = lookup(info.arch, info.nr);
  return id && (describe(*id).name == "execve" || describe(*id).name == "execveat");
}

}  // namespace

ThreadState& Tracer::thread(pid_t tid) {
  auto [it, inserted] = threads_.try_emplace(tid);
  if (inserted) {
    it->second.tid = tid;
    it->second.pid = tid;
  }
  return it->second;
}

void Tracer::resume(pid_t tid, int sig) {
  ptrace(PTRACE_SYSCALL, tid, nullptr, sig);
}

CommandStatus Tracer::run() {
  while (!threads_.empty()) {
    int status = 0;
    pid_t tid = held_.wait(status, [this](pid_t held, int sig) { resume(held, sig); });
    if (tid < 0) {
      if (errno == EINTR) continue;
      break;  // ECHILD: nothing left to wait for
    }
    if (WIFEXITED(status) || WIFSIGNALED(status))
      handle_exit(tid, status);
    else if (WIFSTOPPED(status))
      handle_stop(tid, status);
  }
  pipeline_.finish();
  return launched_status_;
}

void Tracer::handle_stop(pid_t tid, int status) {
  ThreadState& t = thread(tid);
  int sig = WSTOPSIG(status);
  int event = status >> 16;
  if (sig == (SIGTRAP | 0x80))
    handle_syscall_stop(t);
  else if (event != 0)
    handle_event_stop(t, event);
  else
    handle_signal_stop(t, sig);
}

void Tracer::handle_syscall_stop(ThreadState& t) {
  auto info = arch::read_syscall_info(t.tid);
  if (!info) {
    resume(t.tid);
    return;
  }
  bool entering = info->op == SyscallInfo::Op::entry ||
                  (info->op == SyscallInfo::Op::none && !t.in_syscall);
  if (entering) {
    t.in_syscall = true;
    t.event.desc = nullptr;
    // The launched command's exec is the first thing shown.
    if (t.hidden && is_exec(*info)) t.hidden = false;
    pipeline_.syscall_entry(t, *info);
  } else if (t.in_syscall) {
    t.in_syscall = false;
    pipeline_.syscall_exit(t, *info);
  }
  resume_from_syscall(t);
}

// Fault injection may ask for a signal (signal=) or a delay (delay_enter=,
// delay_exit=): the delayed thread alone stays stopped until its time.
void Tracer::resume_from_syscall(ThreadState& t) {
  int sig = std::exchange(t.resume_signal, 0);
  Clock::duration delay = std::exchange(t.resume_delay, Clock::duration::zero());
  if (delay > Clock::duration::zero())
    held_.hold(t.tid, sig, delay);
  else
    resume(t.tid, sig);
}

void Tracer::handle_event_stop(ThreadState& t, int event) {
  if (event == PTRACE_EVENT_STOP) {
    siginfo_t si{};
    bool group_stop = ptrace(PTRACE_GETSIGINFO, t.tid, nullptr, &si) == 0 &&
                      is_stopping_signal(si.si_signo);
    // A group-stop stays a stop (the shell's job control works through
    // xtrace); PTRACE_LISTEN waits for SIGCONT without resuming.
    if (group_stop)
      ptrace(PTRACE_LISTEN, t.tid, nullptr, nullptr);
    else
      resume(t.tid);
    return;
  }
  resume(t.tid);
}

void Tracer::handle_signal_stop(ThreadState& t, int sig) {
  siginfo_t si{};
  if (ptrace(PTRACE_GETSIGINFO, t.tid, nullptr, &si) == 0) pipeline_.signal(t, si);
  resume(t.tid, sig);
}

void Tracer::handle_exit(pid_t tid, int status) {
  auto it = threads_.find(tid);
  if (it == threads_.end()) return;
  ThreadState& t = it->second;
  if (!held_.empty()) held_.drop(tid);
  if (t.in_syscall) pipeline_.syscall_unfinished(t);
  ExitEvent ev;
  ev.tid = tid;
  ev.signaled = WIFSIGNALED(status);
  ev.code = ev.signaled ? WTERMSIG(status) : WEXITSTATUS(status);
  ev.core_dumped = ev.signaled && WCOREDUMP(status);
  if (!t.hidden) pipeline_.exit(ev);
  if (tid == launched_) launched_status_ = {ev.signaled, ev.code, ev.core_dumped};
  threads_.erase(it);
}

}  // namespace xtrace
