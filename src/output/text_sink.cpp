#include "xtrace/text_sink.hpp"

#include <fmt/format.h>

#include "xtrace/event_text.hpp"
#include "xtrace/inject_note.hpp"
#include "xtrace/syscall_decoder.hpp"

namespace xtrace {
namespace {

// Whether any argument after the entry ones will be printed at exit.
bool has_exit_args(const SyscallEvent& ev) {
  for (int i = ev.entry_args; i < ev.nargs; ++i)
    if (!ev.omitted[i]) return true;
  return false;
}

// -k: strace's frame lines (its unwind.c formats, without source lines).
void append_stack(const std::vector<StackFrame>& stack, std::string& out) {
  auto it = std::back_inserter(out);
  for (const StackFrame& f : stack) {
    switch (f.kind) {
      case StackFrame::Kind::frame:
        if (f.function.empty())
          fmt::format_to(it, " > {}() [{:#x}]\n", f.module, f.module_offset);
        else
          fmt::format_to(it, " > {}({}+{:#x}) [{:#x}]\n", f.module, f.function, f.function_offset,
                         f.module_offset);
        break;
      case StackFrame::Kind::unwind_error:
        if (f.address != 0)
          fmt::format_to(it, " > unexpected_backtracing_error [{:#x}]\n", f.address);
        else
          out += " > unexpected_backtracing_error\n";
        break;
      case StackFrame::Kind::too_many: out += " > too many stack frames\n"; break;
    }
  }
}

}  // namespace

void TextSink::paint(Paint paint, std::string_view text) {
  if (!opts_.palette.on()) {
    line_ += text;
    return;
  }
  std::string_view start = opts_.palette.start(paint);
  std::string_view reset = opts_.palette.reset();
  line_ += start;
  line_ += text;
  line_ += reset;
  invisible_ += start.size() + reset.size();
}

void TextSink::append_args(const SyscallEvent& ev, int from, int to) {
  bool first = true;
  std::string arg;
  for (int i = from; i < to; ++i) {
    if (ev.omitted[i]) continue;
    if (!first) line_ += ", ";
    arg.clear();
    render_arg_text(ev, i, opts_.values, arg);
    paint(Paint::arg, arg);
    first = false;
  }
}

void TextSink::print_stack(const std::vector<StackFrame>& stack) {
  if (stack.empty()) return;
  interrupt_open_line();
  line_.clear();
  append_stack(stack, line_);
  out_.write(line_);
  line_.clear();
  out_.event_done();
}

void TextSink::begin_line(pid_t tid, std::optional<std::uint64_t> ip) {
  interrupt_open_line();
  line_.clear();
  written_col_ = 0;
  invisible_ = 0;
  append_pid_prefix(tid);
  clock_.append_prefix(line_);
  if (opts_.syscall_numbers && last_nr_ >= 0)
    fmt::format_to(std::back_inserter(line_), "[{:4}] ", last_nr_);
  // -i: where the task stopped; strace prints question marks where it
  // cannot read it (a task that has exited).
  if (opts_.instruction_pointer) {
    if (ip)
      fmt::format_to(std::back_inserter(line_), "[{:016x}] ", *ip);
    else
      line_ += "[????????????????] ";
  }
}

void TextSink::append_pid_prefix(pid_t tid) {
  using PidPrefix = TextOptions::PidPrefix;
  bool several = opts_.tasks != nullptr && opts_.tasks->live() > 1;
  bool always = opts_.pid_prefix == PidPrefix::always;
  if (!always && !(opts_.pid_prefix == PidPrefix::when_several && several)) return;
  std::string_view comm =
      opts_.show_comm && opts_.tasks != nullptr ? opts_.tasks->comm(tid) : std::string_view();
  auto out = std::back_inserter(line_);
  if (always)
    fmt::format_to(out, fmt::runtime(comm.empty() ? "{:<5}" : "{}"), tid);
  else
    fmt::format_to(out, "[pid {:>5}", tid);
  if (!comm.empty()) fmt::format_to(out, "<{}>", comm);
  line_ += always ? " " : "] ";
}

void TextSink::end_open_line(std::string_view note) {
  if (open_tid_ == 0) return;
  out_.write(note);
  out_.write("\n");
  out_.event_done();
  open_tid_ = 0;
}

void TextSink::on_pid_changed(pid_t leader) {
  end_open_line(fmt::format(" <pid changed to {} ...>", leader));
}

void TextSink::on_detach(pid_t tid) {
  if (open_tid_ == tid) end_open_line(" <detached ...>");
  print_pending_stack(tid);
}

// strace prints the stack of a call cut short ("= ?") when it lets go of
// the task: after its "+++ exited ..." line, or when it detaches.
void TextSink::print_pending_stack(pid_t tid) {
  if (pending_stacks_.empty()) return;
  auto it = pending_stacks_.find(tid);
  if (it == pending_stacks_.end()) return;
  print_stack(it->second);
  pending_stacks_.erase(it);
}

// A non-leader thread's execve: its open line ends "<pid changed to N
// ...>", then the leader's line says who superseded it, and the execve's
// result comes as "<... execve resumed>".
void TextSink::on_superseded(pid_t leader, pid_t exec_tid) {
  if (open_tid_ == exec_tid) end_open_line(fmt::format(" <pid changed to {} ...>", leader));
  if (opts_.quiet.thread_execve) return;
  begin_line(leader);
  fmt::format_to(std::back_inserter(line_), "+++ superseded by execve in pid {} +++", exec_tid);
  end_line();
}

// strace's words (-e quiet=personality hides them): "[ Process PID=N runs
// in 32 bit mode. ]" (or x32, or 64 bit), with the usual prefixes, as a line
// of its own.
void TextSink::on_personality(pid_t tid, Arch arch) {
  if (opts_.quiet.personality) return;
  begin_line(tid);
  fmt::format_to(std::back_inserter(line_), "[ Process PID={} runs in {} mode. ]", tid,
                 personality_mode(arch));
  end_line();
}

void TextSink::interrupt_open_line() {
  if (open_tid_ == 0) return;
  out_.write(" <unfinished ...>\n");
  open_tid_ = 0;
}

void TextSink::end_line() {
  line_ += '\n';
  out_.write(line_);
  line_.clear();
  out_.event_done();
}

void TextSink::on_syscall_entry(const SyscallEvent& ev) {
  last_nr_ = ev.nr;
  begin_line(ev.tid, ev.ip);
  paint(Paint::name, syscall_name(ev));
  line_ += '(';
  append_args(ev, 0, ev.entry_args);
  // The entry part goes out now: a call that blocks shows what it waits on.
  out_.write(line_);
  out_.event_done();
  written_col_ = line_.size() - invisible_;
  line_.clear();
  invisible_ = 0;
  open_tid_ = ev.tid;
}

void TextSink::on_syscall_exit(const SyscallEvent& ev) {
  if (open_tid_ != ev.tid) {
    last_nr_ = ev.nr;
    begin_line(ev.tid, ev.ip);
    line_ += "<... ";
    paint(Paint::name, syscall_name(ev));
    line_ += " resumed>";
  }
  open_tid_ = 0;
  // strace 7 prints the separator with the exit part: "wait4(5241 <unfinished
  // ...>" then "<... wait4 resumed>, [{WIFEXITED(s) ...".
  if (ev.entry_args > 0 && has_exit_args(ev)) line_ += ", ";
  append_args(ev, ev.entry_args, ev.nargs);
  // The task ended inside a call whose decoder had more to print at exit.
  if (!ev.exited && ev.entry_args < ev.nargs) line_ += " <unfinished ...>";
  line_ += ") ";
  print_result(ev);
  end_line();
  if (!ev.trailer.empty()) out_.write(ev.trailer);
  if (ev.exited)
    print_stack(ev.stack);
  else if (!ev.stack.empty())
    pending_stacks_[ev.tid] = ev.stack;
}

void TextSink::print_result(const SyscallEvent& ev) {
  // line_ holds only what was not yet written when the entry part went out;
  // the column counts the whole line's visible characters.
  std::size_t col = line_.size() - invisible_ + written_col_;
  if (col < opts_.result_column) line_.append(opts_.result_column - col, ' ');
  line_ += "= ";
  bool slow =
      opts_.palette.on() && opts_.slow && ev.exited && ev.exited_at - ev.entered > *opts_.slow;
  if (!ev.exited) {
    line_ += '?';
    return;
  }
  paint(slow ? Paint::slow : ev.is_error ? Paint::error : Paint::result, ev.rval_text);
  std::string tail;
  append_inject_notes(ev, tail);
  if (!tail.empty()) paint(Paint::injected, tail);
  tail.clear();
  clock_.append_syscall_time(ev, tail);
  if (slow && !tail.empty())
    paint(Paint::slow, tail);
  else
    line_ += tail;
}

void TextSink::on_signal(const SignalEvent& ev) {
  begin_line(ev.tid, ev.ip);
  std::string text = ev.group_stop ? "--- stopped by " : "--- ";
  text += signal_name(ev.sig);
  if (!ev.siginfo.empty()) {
    text += ' ';
    render_text(ev.siginfo, opts_.values, text);
  }
  text += " ---";
  paint(Paint::signal, text);
  end_line();
  print_stack(ev.stack);
}

void TextSink::on_exit(const ExitEvent& ev) {
  if (!ev.signaled && opts_.quiet.exit) {  // -qq
    print_pending_stack(ev.tid);
    return;
  }
  begin_line(ev.tid);
  if (!ev.signaled)
    paint(ev.code == 0 ? Paint::exit : Paint::error,
          fmt::format("+++ exited with {} +++", ev.code));
  else
    paint(Paint::error, fmt::format("+++ killed by {}{} +++", signal_name(ev.code),
                                    ev.core_dumped ? " (core dumped)" : ""));
  end_line();
  print_pending_stack(ev.tid);
}

void TextSink::finish() {
  interrupt_open_line();
  out_.flush();
}

}  // namespace xtrace
