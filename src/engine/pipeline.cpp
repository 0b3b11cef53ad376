#include "xtrace/pipeline.hpp"

#include "xtrace/syscall_decoder.hpp"

namespace xtrace {

Pipeline::Pipeline(DecodeOptions decode, std::vector<std::unique_ptr<Sink>> sinks)
    : decode_(decode), sinks_(std::move(sinks)) {
  for (const auto& s : sinks_) decoding_ = decoding_ || s->needs_decoding();
}

void Pipeline::syscall_entry(ThreadState& t, const SyscallInfo& info) {
  SyscallEvent& ev = t.event;
  ev.tid = t.tid;
  ev.arch = info.arch;
  ev.nr = info.nr;
  ev.args = info.args;
  auto id = lookup(info.arch, info.nr);
  ev.desc = id ? &describe(*id) : nullptr;
  ev.nargs = ev.desc != nullptr ? ev.desc->nargs : 6;
  ev.exited = false;
  ev.entered = Clock::now();
  if (t.hidden) return;
  // Before any filtering: injection applies whether or not the call is shown.
  if (injector_) injector_->on_entry(t);
  if (decoding_) {
    memory_.set_pid(t.tid);
    decode_entry(ev, memory_, decode_);
  }
  for (auto& s : sinks_) s->on_syscall_entry(ev);
}

void Pipeline::syscall_exit(ThreadState& t, const SyscallInfo& info) {
  SyscallEvent& ev = t.event;
  ev.exited = true;
  ev.exited_at = Clock::now();
  ev.rval = info.rval;
  ev.is_error = info.is_error;
  if (t.hidden) return;
  if (injector_) injector_->on_exit(t);  // fakes rval / is_error when a rule fired
  if (decoding_) {
    memory_.set_pid(t.tid);
    decode_exit(ev, memory_, decode_);
  }
  for (auto& s : sinks_) s->on_syscall_exit(ev);
}

void Pipeline::syscall_unfinished(ThreadState& t) {
  if (t.hidden) return;
  if (injector_) injector_->on_unfinished(t);
  SyscallEvent& ev = t.event;
  ev.exited = false;
  ev.exited_at = Clock::now();
  // Arguments the kernel would have filled are unknown: print what entry had.
  for (int i = ev.entry_args; i < ev.nargs; ++i) ev.omitted[i] = true;
  for (auto& s : sinks_) s->on_syscall_exit(ev);
}

void Pipeline::signal(const ThreadState& t, const siginfo_t& si) {
  if (t.hidden) return;
  SignalEvent ev{t.tid, si.si_signo, format_siginfo(si)};
  for (auto& s : sinks_) s->on_signal(ev);
}

void Pipeline::exit(const ExitEvent& ev) {
  if (injector_) injector_->forget(ev.tid);
  for (auto& s : sinks_) s->on_exit(ev);
}

void Pipeline::finish() {
  for (auto& s : sinks_) s->finish();
  // After the trace is complete, so that the report is the last word.
  if (injector_) injector_->report(stderr);
}

}  // namespace xtrace
