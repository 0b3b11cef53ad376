// Attaching to running processes (-p): PTRACE_SEIZE, then PTRACE_INTERRUPT
// so that the task stops once and the loop takes over.  With -f, every
// thread listed in /proc/PID/task is seized as well; what they create later
// is followed through the ptrace options.
#include <signal.h>
#include <sys/ptrace.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include <fmt/format.h>

#include "attach_diagnosis.hpp"
#include "proc_info.hpp"
#include "xtrace/tracer.hpp"

namespace xtrace {

// TRACESYSGOOD tells syscall stops from SIGTRAPs; TRACEEXEC reports the
// exec (and the tid switch of an exec in a non-leader thread); TRACEEXIT
// lets a call cut short by the task's end be closed in order.  EXITKILL
// only with --kill-on-exit: by default, as with strace, a tracee outlives
// a killed xtrace.
long Tracer::ptrace_options() const {
  long options = PTRACE_O_TRACESYSGOOD | PTRACE_O_TRACEEXEC | PTRACE_O_TRACEEXIT;
  if (config_.follow_forks)
    options |= PTRACE_O_TRACECLONE | PTRACE_O_TRACEFORK | PTRACE_O_TRACEVFORK;
  if (config_.kill_on_exit) options |= PTRACE_O_EXITKILL;
  // Inherited by the tracees the filter's command creates; without it, the
  // filter's SECCOMP_RET_TRACE would fail their calls with ENOSYS.
  if (!config_.seccomp_program.empty()) options |= PTRACE_O_TRACESECCOMP;
  return options;
}

bool Tracer::seize(pid_t tid, bool interrupt) {
  if (ptrace(PTRACE_SEIZE, tid, nullptr, ptrace_options()) != 0) return false;
  if (interrupt && ptrace(PTRACE_INTERRUPT, tid, nullptr, nullptr) != 0) {
    int err = errno;
    ptrace(PTRACE_DETACH, tid, nullptr, 0);
    errno = err;
    return false;
  }
  return true;
}

std::size_t Tracer::attach(const std::vector<pid_t>& pids) {
  std::size_t attached = 0;
  for (pid_t pid : pids) {
    if (tasks_.find(pid) != nullptr) continue;  // named twice, or a thread of an earlier one
    if (pid == getppid()) {
      message(fmt::format("attach: pid {}: {}", pid, std::strerror(EPERM)));
      continue;
    }
    if (!seize(pid, true)) {
      int err = errno;
      message(fmt::format("attach: ptrace(PTRACE_SEIZE, {}): {}", pid, std::strerror(err)));
      if (err == EPERM)
        if (auto hint = attach_eperm_hint(pid, read_attach_facts(pid))) message(*hint);
      continue;
    }
    ++attached;
    pid_t tgid = proc::thread_group(pid);
    auto grab = [&](pid_t tid) {
      ThreadState& t = tasks_.add(tid, tgid);
      t.grabbed = true;
      tasks_.mark_live(t);
      if (config_.keep_comm) t.comm = proc::comm(tid);
      stages_.task_start(tid);
    };
    grab(pid);
    unsigned threads = 1;
    if (config_.follow_forks) {
      for (pid_t tid : proc::threads_of(pid)) {
        if (tid == pid || tasks_.find(tid) != nullptr || !seize(tid, true)) continue;
        grab(tid);
        ++threads;
      }
    }
    if (config_.quiet.attach) continue;
    if (threads > 1)
      message(fmt::format("Process {} attached with {} threads", pid, threads));
    else
      message(fmt::format("Process {} attached", pid));
  }
  return attached;
}

}  // namespace xtrace
