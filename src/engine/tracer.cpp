// The stop loop.  Each waitpid status is classified once: exit, syscall
// stop, ptrace event, group-stop, or signal delivery.  Every lookup is one
// hash probe, so a stop costs the same with 1 task or 10,000.  A vanished
// tracee (ESRCH) is an ordinary outcome of any request, never an error.
#include <signal.h>
#include <sys/ptrace.h>
#include <sys/wait.h>

#include <cerrno>
#include <utility>

#include <fmt/format.h>

#include "proc_info.hpp"
#include "xtrace/arch_regs.hpp"
#include "xtrace/diagnostic.hpp"
#include "xtrace/own_children.hpp"
#include "xtrace/tracer.hpp"
#include "xtrace/wakeup.hpp"

namespace xtrace {
namespace {

// User plus system time: the kernel splits a process's run time between the
// two by tick samples, so a short program's "system" part is often 0 while
// their sum is its exact run time (to the microsecond).
std::int64_t cpu_ns(const rusage& usage) {
  auto ns = [](const timeval& tv) {
    return static_cast<std::int64_t>(tv.tv_sec) * 1'000'000'000 +
           static_cast<std::int64_t>(tv.tv_usec) * 1'000;
  };
  return ns(usage.ru_utime) + ns(usage.ru_stime);
}

bool is_stopping_signal(int sig) {
  return sig == SIGSTOP || sig == SIGTSTP || sig == SIGTTIN || sig == SIGTTOU;
}

const SyscallDesc* describe_number(Arch arch, std::int64_t nr) {
  auto id = lookup(arch, nr);
  return id ? &describe(*id) : nullptr;
}

bool is_exec(const SyscallDesc* desc) {
  if (desc == nullptr) return false;
  SysId id = id_of(*desc);
  return id == SysId::execve || id == SysId::execveat;
}
bool is_exec(const SyscallInfo& info) {
  return is_exec(describe_number(info.arch, info.nr));
}

}  // namespace

Tracer::Tracer(TraceStages& stages, TaskRegistry& tasks, TracerConfig config)
    : stages_(stages), tasks_(tasks), config_(std::move(config)) {}

void Tracer::message(const std::string& text) const {
  diagnose(config_.program_name, text);
}

// Under the seccomp filter a task runs free (PTRACE_CONT) between traced
// calls: the filter stops it at the next one.  Inside a call, and for any
// other task, the next stop must be the syscall's exit or entry.
void Tracer::resume(const ThreadState& t, int sig) {
  bool free_run = t.seccomp && !t.in_syscall;
  ptrace(free_run ? PTRACE_CONT : PTRACE_SYSCALL, t.tid, nullptr, sig);
}

void Tracer::resume(pid_t tid, int sig) {
  if (const ThreadState* t = tasks_.find(tid))
    resume(*t, sig);
  else
    ptrace(PTRACE_SYSCALL, tid, nullptr, sig);
}

CommandStatus Tracer::run() {
  while (!tasks_.empty()) {
    // Checked before each wait; the handler's wake-up child makes a wait
    // that was already blocking return.
    if (int sig = wakeup::interrupted()) {
      detach_all(sig);
      stages_.finish();
      return {true, sig, false};
    }
    if (stages_.syscall_limit_reached()) return stop_at_limit();
    int status = 0;
    // -c's CPU time comes with the stop, at no extra syscall.
    rusage usage{};
    rusage* want_usage = stages_.needs_cpu_time() ? &usage : nullptr;
    pid_t tid = held_.wait(status, want_usage, [this](pid_t held, int sig) { resume(held, sig); });
    if (tid < 0) {
      if (errno == EINTR) continue;
      break;  // ECHILD: nothing left to wait for
    }
    if (WIFEXITED(status) || WIFSIGNALED(status))
      handle_exit(tid, status);
    else if (WIFSTOPPED(status))
      handle_stop(tid, status, want_usage);
  }
  stages_.finish();
  return launched_status_;
}

// --syscall-limit: as strace, let every tracee go on untraced and end with
// status 0, not waiting for the command (it is no longer ours to report).
CommandStatus Tracer::stop_at_limit() {
  if (!config_.quiet.attach) message("System call limit has been reached, detaching tracees");
  detach_all(0);
  stages_.finish();
  return {};
}

// A task that stops before its parent's fork/clone event was seen.
ThreadState& Tracer::adopt(pid_t tid) {
  ThreadState& t = tasks_.add(tid, proc::thread_group(tid));
  t.announce = true;
  return t;
}

void Tracer::handle_stop(pid_t tid, int status, const rusage* usage) {
  ThreadState* t = tasks_.find(tid);
  if (t == nullptr) {
    if (!config_.follow_forks) {
      // Not ours to follow (a clone with CLONE_PTRACE): let it go.
      ptrace(PTRACE_DETACH, tid, nullptr, 0);
      if (!config_.quiet.attach) message(fmt::format("Detached unknown pid {}", tid));
      return;
    }
    t = &adopt(tid);
  }
  if (!t->live) handle_first_stop(*t);
  if (usage != nullptr) t->stop_cpu_ns = cpu_ns(*usage);
  if (t->grabbed) {
    // The first stop after -p: the call the task was inside, if any, is
    // what a restart_syscall will resume.
    t->grabbed = false;
    if (auto regs = arch::read_regs(tid)) t->previous = describe_number(regs->arch, regs->nr);
  }
  int sig = WSTOPSIG(status);
  int event = static_cast<int>(static_cast<unsigned>(status) >> 16);
  if (sig == (SIGTRAP | 0x80))
    handle_syscall_stop(*t);
  else if (event != 0)
    handle_event_stop(*t, event, sig);
  else
    handle_signal_stop(*t, sig);
}

void Tracer::handle_first_stop(ThreadState& t) {
  tasks_.mark_live(t);
  if (config_.keep_comm) t.comm = proc::comm(t.tid);
  stages_.task_start(t.tid);
  if (t.announce && !config_.quiet.attach) message(fmt::format("Process {} attached", t.tid));
}

void Tracer::handle_syscall_stop(ThreadState& t) {
  auto info = arch::read_syscall_info(t.tid);
  if (!info) {
    resume(t);
    return;
  }
  // A task resumed with PTRACE_SYSCALL before it was known to carry the
  // filter (a child whose first stop came before its parent's fork event)
  // stops at a traced call's entry and then at its seccomp stop: one call.
  if (info->op == SyscallInfo::Op::seccomp && t.in_syscall) {
    resume(t);
    return;
  }
  bool entering = info->op == SyscallInfo::Op::entry || info->op == SyscallInfo::Op::seccomp ||
                  (info->op == SyscallInfo::Op::none && !t.in_syscall);
  if (entering) {
    t.in_syscall = true;
    t.event.desc = nullptr;
    // The launched command's exec is the first thing shown.
    if (t.hidden && is_exec(*info)) t.hidden = false;
    stages_.syscall_entry(t, *info);
  } else if (t.in_syscall) {
    t.in_syscall = false;
    stages_.syscall_exit(t, *info);
    t.previous = t.event.desc;
    if (t.before_first_exec && is_exec(t.event.desc) && t.event.is_error) {
      t.hidden = true;
      t.failed_exec_shown = true;
    }
  }
  resume_from_syscall(t, info->op == SyscallInfo::Op::seccomp);
}

// Fault injection may ask for a signal (signal=) or a delay (delay_enter=,
// delay_exit=): the delayed thread alone stays stopped until its time.
void Tracer::resume_from_syscall(ThreadState& t, bool seccomp_stop) {
  // The kernel ignores a signal given to a seccomp (event) stop, where it
  // delivers one given to a syscall stop: an injected signal then waits
  // for the call's exit stop.
  int sig = seccomp_stop ? 0 : std::exchange(t.resume_signal, 0);
  Clock::duration delay = std::exchange(t.resume_delay, Clock::duration::zero());
  if (delay > Clock::duration::zero())
    held_.hold(t.tid, sig, delay);
  else
    resume(t, sig);
}

void Tracer::handle_event_stop(ThreadState& t, int event, int sig) {
  switch (event) {
    case PTRACE_EVENT_STOP:
      // Under PTRACE_SEIZE a group-stop is reported as an event stop with
      // the stopping signal; PTRACE_LISTEN keeps the task stopped (so the
      // shell's job control works through xtrace) and reports SIGCONT.
      // Any other event stop (PTRACE_INTERRUPT, a new task's first stop,
      // the end of a group-stop) just resumes.
      if (is_stopping_signal(sig)) {
        stages_.group_stop(t, sig);
        t.listening = true;
        ptrace(PTRACE_LISTEN, t.tid, nullptr, nullptr);
        return;
      }
      t.listening = false;
      break;
    case PTRACE_EVENT_FORK:
    case PTRACE_EVENT_VFORK:
    case PTRACE_EVENT_CLONE: handle_new_task_event(t); break;
    case PTRACE_EVENT_EXEC: handle_exec_event(t); return;
    case PTRACE_EVENT_SECCOMP: handle_syscall_stop(t); return;
    case PTRACE_EVENT_EXIT:
      // The task is about to go: a call it was inside ends with "= ?" now,
      // in the order strace prints it, before the exit status arrives.
      t.exiting = true;
      if (t.in_syscall) {
        t.in_syscall = false;
        stages_.syscall_unfinished(t);
      }
      break;
    default: break;
  }
  resume(t);
}

// The new task is traced already (auto-attached); registering it now keeps
// the loop from ending in the window before its first stop.
void Tracer::handle_new_task_event(ThreadState& parent) {
  unsigned long msg = 0;
  if (ptrace(PTRACE_GETEVENTMSG, parent.tid, nullptr, &msg) != 0 || msg == 0) return;
  pid_t child = static_cast<pid_t>(msg);
  ThreadState* known = tasks_.find(child);  // its first stop may have come first
  ThreadState& t = known != nullptr ? *known : adopt(child);
  t.seccomp = parent.seccomp;  // the filter is inherited
}

void Tracer::handle_exec_event(ThreadState& t) {
  unsigned long msg = 0;
  ptrace(PTRACE_GETEVENTMSG, t.tid, nullptr, &msg);
  auto former = static_cast<pid_t>(msg);
  ThreadState* current = &t;
  if (former > 0 && former != t.tid && tasks_.find(former) != nullptr) {
    // A non-leader thread exec'd: the other threads are gone, the leader
    // without an exit status, and the exec'ing thread now has the
    // leader's tid.  Its state (the execve in flight) moves there.
    pid_t leader = t.tid;
    held_.drop(leader);
    tasks_.erase(leader);
    current = &tasks_.rename(former, leader);
    stages_.superseded(leader, former);
  }
  current->before_first_exec = false;
  if (config_.keep_comm) current->comm = proc::comm(current->tid);
  if (config_.detach_on_execve) {
    // -b execve: the launched command's own exec is traced, any later
    // one is where xtrace lets go.
    if (current->tid == launched_ && !current->first_exec_kept) {
      current->first_exec_kept = true;
    } else {
      detach(current->tid);
      return;
    }
  }
  resume(*current);
}

void Tracer::handle_signal_stop(ThreadState& t, int sig) {
  siginfo_t si{};
  if (ptrace(PTRACE_GETSIGINFO, t.tid, nullptr, &si) == 0) stages_.signal(t, si);
  // Delivered unchanged, as without a tracer.
  resume(t, sig);
}

void Tracer::handle_exit(pid_t tid, int status) {
  ThreadState* t = tasks_.find(tid);
  if (t == nullptr) {
    if (wakeup::is_wake_child(tid) || own_children::contains(tid)) return;
    // For example a child xtrace inherited: (sleep 1 & exec xtrace true).
    // strace names the wait status: "Exit of ...", "Termination of ...".
    if (!config_.quiet.exit)
      message(fmt::format("{} of unknown pid {} ignored",
                          WIFSIGNALED(status) ? "Termination" : "Exit", tid));
    return;
  }
  if (!held_.empty()) held_.drop(tid);
  if (t->in_syscall) stages_.syscall_unfinished(*t);
  ExitEvent ev;
  ev.tid = tid;
  ev.signaled = WIFSIGNALED(status);
  ev.code = ev.signaled ? WTERMSIG(status) : WEXITSTATUS(status);
  ev.core_dumped = ev.signaled && WCOREDUMP(status);
  if (!t->hidden || t->failed_exec_shown) stages_.exit(ev);
  if (tid == launched_ && launched_exists_) {
    launched_status_ = {ev.signaled, ev.code, ev.core_dumped};
    launched_exists_ = false;
  }
  tasks_.erase(tid);
}

}  // namespace xtrace
