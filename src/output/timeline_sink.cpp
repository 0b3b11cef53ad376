#include "xtrace/timeline_sink.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <fstream>

#include "xtrace/event_text.hpp"
#include "xtrace/inject_note.hpp"
#include "xtrace/syscall_decoder.hpp"
#include "xtrace/value_json.hpp"

namespace xtrace {
namespace {

using nlohmann::json;

std::string comm_of(pid_t tid) {
  std::ifstream in(fmt::format("/proc/{}/comm", tid));
  std::string line;
  std::getline(in, line);
  return line;
}

}  // namespace

TimelineSink::TimelineSink(OutputFile out, const TaskView* tasks, TextStyle style)
    : out_(std::move(out)), tasks_(tasks), style_(style) {
  out_.write("{\"displayTimeUnit\":\"ns\",\"traceEvents\":[\n");
}

double TimelineSink::micros(Clock::time_point t) const {
  return static_cast<double>(std::chrono::nanoseconds(t - start_).count()) / 1000.0;
}

void TimelineSink::write_event(const std::string& json) {
  if (!first_) out_.write(",\n");
  first_ = false;
  out_.write(json);
}

namespace {

// Chrome's metadata records: a process's name on its track group, a
// thread's on its track.
json name_record(const char* record, pid_t pid, pid_t tid, const std::string& name) {
  return json{
      {"ph", "M"}, {"name", record}, {"pid", pid}, {"tid", tid}, {"args", {{"name", name}}}};
}

}  // namespace

void TimelineSink::name_task(pid_t tid, bool renamed) {
  pid_t pid = process_of(tid);
  std::string comm = comm_of(tid);
  if (comm.empty()) return;  // gone: keep the numbers
  if (renamed || named_processes_.insert(pid).second)
    write_event(dump_line(name_record("process_name", pid, pid, comm)));
  if (renamed || named_threads_.insert(tid).second)
    write_event(dump_line(name_record("thread_name", pid, tid, comm)));
}

void TimelineSink::on_syscall_exit(const SyscallEvent& ev) {
  name_task(ev.tid);
  pid_t pid = process_of(ev.tid);
  text_.clear();
  for (int i = 0; i < ev.nargs; ++i) {
    if (ev.omitted[i]) continue;
    if (!text_.empty()) text_ += ", ";
    render_arg_text(ev, i, style_, text_);
  }
  json args{{"args", text_}};
  if (ev.exited) args["ret"] = ev.rval_text;
  Clock::time_point end = ev.exited ? ev.exited_at : ev.entered;
  write_event(dump_line(json{{"ph", "X"},
                             {"name", syscall_name(ev)},
                             {"cat", "syscall"},
                             {"pid", pid},
                             {"tid", ev.tid},
                             {"ts", micros(ev.entered)},
                             {"dur", micros(end) - micros(ev.entered)},
                             {"args", std::move(args)}}));
  if (ev.injected) {
    std::string note;
    append_inject_notes(ev, note);
    write_event(dump_line(json{{"ph", "i"},
                               {"s", "t"},
                               {"name", fmt::format("inject {}", syscall_name(ev))},
                               {"cat", "inject"},
                               {"pid", pid},
                               {"tid", ev.tid},
                               {"ts", micros(ev.entered)},
                               {"args", {{"result", ev.rval_text + note}}}}));
  }
  // An execve renames the process: its track says what runs now.
  if (ev.exited && !ev.is_error && ev.desc != nullptr &&
      (id_of(*ev.desc) == SysId::execve || id_of(*ev.desc) == SysId::execveat))
    name_task(ev.tid, true);
}

void TimelineSink::on_signal(const SignalEvent& ev) {
  name_task(ev.tid);
  json args = json::object();
  if (!ev.siginfo.empty()) {
    std::string text;
    render_text(ev.siginfo, style_, text);
    args["siginfo"] = std::move(text);
  }
  write_event(dump_line(json{{"ph", "i"},
                             {"s", "t"},
                             {"name", signal_name(ev.sig)},
                             {"cat", "signal"},
                             {"pid", process_of(ev.tid)},
                             {"tid", ev.tid},
                             {"ts", micros(Clock::now())},
                             {"args", std::move(args)}}));
}

void TimelineSink::finish() {
  out_.write("\n]}\n");
  out_.flush();
}

}  // namespace xtrace
