#include "xtrace/pipeline.hpp"

#include <fmt/format.h>

#include "xtrace/arch.hpp"
#include "xtrace/syscall_decoder.hpp"
#include "xtrace/unwinder.hpp"

namespace xtrace {

Pipeline::Pipeline(DecodeOptions decode, std::vector<std::unique_ptr<Sink>> sinks)
    : decode_(std::move(decode)), sinks_(std::move(sinks)) {
  for (const auto& s : sinks_) decoding_ = decoding_ || s->needs_decoding();
  for (const auto& s : sinks_) cpu_time_ = cpu_time_ || s->needs_cpu_time();
}

Pipeline::~Pipeline() = default;

void Pipeline::set_unwinder(std::unique_ptr<Unwinder> unwinder) {
  unwinder_ = std::move(unwinder);
}

void Pipeline::set_injector(std::unique_ptr<Injector> injector) {
  injector_ = std::move(injector);
  if (injector_) injector_->set_traced(filter_.trace);
}

void Pipeline::set_filter(FilterOptions filter) {
  filter_ = std::move(filter);
  if (injector_) injector_->set_traced(filter_.trace);
  status_filtering_ = !filter_.status.all();
  if (filter_.traces_paths()) path_filter_.emplace(filter_.paths, filter_.fds);
}

// With -e status=, a call's line is only known to be shown at its exit: the
// sinks it selects get the entry then, just before the exit.
void Pipeline::deliver_entry(const SyscallEvent& ev) {
  for (auto& s : sinks_)
    if (!status_filtering_ || !s->filtered_by_status()) s->on_syscall_entry(ev);
}

void Pipeline::deliver_exit(const SyscallEvent& ev, SyscallStatus status) {
  // strace counts a call towards --syscall-limit when its exit is shown; a
  // call cut short (exit_group's "= ?") is not counted.
  if (status != SyscallStatus::unfinished && filter_.shows_status(status)) ++shown_;
  for (auto& s : sinks_) {
    if (!status_filtering_ || !s->filtered_by_status()) {
      s->on_syscall_exit(ev);
    } else if (filter_.shows_status(status)) {
      s->on_syscall_entry(ev);
      s->on_syscall_exit(ev);
    }
  }
}

void Pipeline::syscall_entry(ThreadState& t, const SyscallInfo& info) {
  SyscallEvent& ev = t.event;
  ev.tid = t.tid;
  ev.arch = info.arch;
  ev.nr = info.nr;
  ev.args = info.args;
  ev.sp = info.sp;
  ev.ip = info.ip;
  auto id = lookup(info.arch, info.nr);
  ev.desc = id ? &describe(*id) : nullptr;
  ev.nargs = ev.desc != nullptr ? ev.desc->nargs : 6;
  ev.exited = false;
  ev.entered = Clock::now();
  // As strace, at the first stop of a call in another personality, shown
  // or not (strace updates it before filtering).
  if (info.arch != t.personality) {
    t.personality = info.arch;
    if (!t.hidden)
      for (auto& s : sinks_) s->on_personality(t.tid, info.arch);
  }
  if (t.hidden) return;
  // Not shown: neither decoded, counted (strace's -c counts what -e trace=
  // selects) nor injected into (strace tampers only with traced calls).
  // A number no table knows is always shown, whatever -e trace= says, as
  // strace shows it (and counts it under -c): nothing can name it.
  ev.selected = ev.desc == nullptr || filter_.trace.contains_number(info.arch, info.nr);
  memory_.set_pid(t.tid);
  if (ev.selected && path_filter_) ev.selected = path_filter_->matches(ev, memory_);
  if (!ev.selected) return;
  // Not into the command's first execve, which is still xtrace's own
  // launching (strace too leaves it alone: -e fault=all must not stop PROG
  // from starting).
  if (injector_ && !t.before_first_exec) injector_->on_entry(t);
  ev.cpu_entry_ns = cpu_time_ ? t.stop_cpu_ns : -1;
  if (unwinder_) {
    // strace 7.2 takes the stack at entry, where the caller still is,
    // except for the command's own execve, whose exit shows the new image.
    t.stack_at_exit = t.before_first_exec;
    if (t.stack_at_exit)
      ev.stack.clear();
    else
      unwinder_->capture(t.tid, t.pid, ev.stack);
  }
  if (decoding_) {
    decode_entry(ev, memory_, decode_);
    note_restart(t);
  }
  deliver_entry(ev);
}

// restart_syscall names the call it continues, as strace prints it:
// "restart_syscall(<... resuming interrupted clock_nanosleep ...>".
void Pipeline::note_restart(ThreadState& t) {
  SyscallEvent& ev = t.event;
  if (ev.desc == nullptr || id_of(*ev.desc) != SysId::restart_syscall) return;
  ev.write_arg(0, [&](ValueOut& out) {
    out += fmt::format("<... resuming interrupted {} ...>",
                       t.previous != nullptr ? t.previous->name : "system call");
  });
  ev.omitted.reset();
  ev.names_itself[0] = true;
  ev.nargs = 1;
  ev.entry_args = 1;
}

void Pipeline::syscall_exit(ThreadState& t, const SyscallInfo& info) {
  SyscallEvent& ev = t.event;
  ev.exited = true;
  ev.exited_at = Clock::now();
  ev.rval = info.rval;
  ev.is_error = info.is_error;
  ev.ip = info.ip;
  if (t.hidden) return;
  // The real result, before an injected one replaces it.
  if (unwinder_) unwinder_->after_call(t.pid, ev);
  if (injector_) injector_->on_exit(t);  // fakes rval / is_error when a rule fired
  if (!ev.selected) return;
  ev.cpu_exit_ns = cpu_time_ ? t.stop_cpu_ns : -1;
  // Not after a failed first execve: that stack would be xtrace's own child.
  if (unwinder_ && t.stack_at_exit && !ev.is_error) unwinder_->capture(t.tid, t.pid, ev.stack);
  if (decoding_) {
    memory_.set_pid(t.tid);
    decode_exit(ev, memory_, decode_);
  }
  deliver_exit(ev, ev.is_error ? SyscallStatus::failed : SyscallStatus::successful);
  release_big_buffers(ev);
}

// Every thread keeps its event's buffers from call to call, so that a
// common call allocates nothing.  But a bigger one (a structure, a long
// string, an -e read= dump) must not stay allocated for the rest of the
// thread's life, times the number of threads: most threads of a big
// process sit in futex or epoll_wait after one rseq at their start, whose
// ten values alone would keep 640 bytes.  512 bytes hold the values of a
// call with a few numbers, flags and short strings.
void Pipeline::release_big_buffers(SyscallEvent& ev) {
  constexpr std::size_t kKeptBytes = 512;
  ev.values.release_if_above(kKeptBytes);
  if (ev.trailer.capacity() > kKeptBytes) std::string().swap(ev.trailer);
}

void Pipeline::syscall_unfinished(ThreadState& t) {
  if (t.hidden) return;
  if (injector_) injector_->on_unfinished(t);
  SyscallEvent& ev = t.event;
  ev.exited = false;
  ev.exited_at = Clock::now();
  // Arguments the kernel would have filled are unknown: print what entry had.
  if (!ev.selected) return;
  for (int i = ev.entry_args; i < ev.nargs; ++i) ev.omitted[i] = true;
  deliver_exit(ev, SyscallStatus::unfinished);
}

namespace {

// -i at a signal or group stop: no syscall is in progress, but the kernel
// still reports where the task is.
std::optional<std::uint64_t> instruction_pointer(pid_t tid) {
  auto info = arch::read_syscall_info(tid);
  if (!info) return std::nullopt;
  return info->ip;
}

}  // namespace

void Pipeline::signal(const ThreadState& t, const siginfo_t& si) {
  if (t.hidden || !filter_.shows_signal(si.si_signo)) return;
  SignalEvent ev;
  ev.tid = t.tid;
  ev.sig = si.si_signo;
  print_siginfo(si, decode_.pids, t.tid, ev.siginfo);
  if (instruction_pointer_) ev.ip = instruction_pointer(t.tid);
  if (unwinder_) unwinder_->capture(t.tid, t.pid, ev.stack);  // strace: after "--- SIG... ---" too
  for (auto& s : sinks_) s->on_signal(ev);
}

void Pipeline::exit(const ExitEvent& ev) {
  if (decode_.pids != nullptr) decode_.pids->forget(ev.tid);
  if (injector_) injector_->forget(ev.tid);
  if (unwinder_) unwinder_->forget_thread(ev.tid);
  for (auto& s : sinks_) s->on_exit(ev);
}

void Pipeline::group_stop(const ThreadState& t, int sig) {
  if (t.hidden || !filter_.shows_signal(sig)) return;
  SignalEvent ev;
  ev.tid = t.tid;
  ev.sig = sig;
  ev.group_stop = true;
  if (instruction_pointer_) ev.ip = instruction_pointer(t.tid);
  if (unwinder_) unwinder_->capture(t.tid, t.pid, ev.stack);
  for (auto& s : sinks_) s->on_signal(ev);
}

void Pipeline::task_start(pid_t tid) {
  for (auto& s : sinks_) s->on_task_start(tid);
}

void Pipeline::detach(pid_t tid) {
  if (injector_) injector_->forget(tid);
  if (unwinder_) unwinder_->forget_thread(tid);
  for (auto& s : sinks_) s->on_detach(tid);
}

void Pipeline::superseded(pid_t leader, pid_t exec_tid) {
  for (auto& s : sinks_) s->on_superseded(leader, exec_tid);
}

void Pipeline::finish() {
  for (auto& s : sinks_) s->finish();
  // After the trace is complete, so that the report is the last word.
  if (injector_) injector_->report(stderr);
}

}  // namespace xtrace
