#include "xtrace/json_sink.hpp"

#include <nlohmann/json.hpp>

#include <chrono>

#include "xtrace/decode.hpp"
#include "xtrace/syscall_decoder.hpp"
#include "xtrace/value_json.hpp"

namespace xtrace {
namespace {

using nlohmann::json;

// Nanoseconds since the epoch of a steady-clock instant (events carry
// steady times, which never jump; the offset to the wall clock is taken
// once).
std::int64_t epoch_ns(Clock::time_point t) {
  static const auto offset =
      std::chrono::system_clock::now().time_since_epoch() - Clock::now().time_since_epoch();
  return std::chrono::duration_cast<std::chrono::nanoseconds>(t.time_since_epoch() + offset)
      .count();
}

json classes_of(const SyscallDesc* desc) {
  json list = json::array();
  if (desc == nullptr) return list;
  for (std::size_t bit = 0; bit < 32; ++bit) {
    if (!(desc->classes & (1u << bit))) continue;
    std::string_view name = class_name(bit);
    if (!name.empty()) list.push_back(name);
  }
  return list;
}

json args_of(const SyscallEvent& ev) {
  json args = json::array();
  for (int i = 0; i < ev.nargs; ++i) {
    if (ev.omitted[i]) continue;
    json arg;
    if (ev.desc != nullptr && i < ev.desc->nargs) arg["name"] = ev.desc->args[i].name;
    arg["raw"] = ev.args[i];
    arg["value"] = value_json(ev.arg(i));
    args.push_back(std::move(arg));
  }
  return args;
}

// -k: [{module, function, offset, address}], innermost first; an
// unwinding error or the frame limit ends it with an {"error": ...} entry.
json stack_json(const std::vector<StackFrame>& stack) {
  json frames = json::array();
  for (const StackFrame& f : stack) {
    switch (f.kind) {
      case StackFrame::Kind::frame: {
        json frame{
            {"module", f.module}, {"address", f.address}, {"module_offset", f.module_offset}};
        if (!f.function.empty()) {
          frame["function"] = f.function;
          frame["offset"] = f.function_offset;
        }
        frames.push_back(std::move(frame));
        break;
      }
      case StackFrame::Kind::unwind_error:
        frames.push_back({{"error", "unexpected_backtracing_error"}, {"address", f.address}});
        break;
      case StackFrame::Kind::too_many:
        frames.push_back({{"error", "too many stack frames"}});
        break;
    }
  }
  return frames;
}

}  // namespace

void JsonSink::write(const std::string& line) {
  out_.write(line);
  out_.write("\n");
  out_.event_done();
}

void JsonSink::on_syscall_exit(const SyscallEvent& ev) {
  json j{{"type", "syscall"},           {"ts", epoch_ns(ev.entered)},
         {"pid", process_of(ev.tid)},   {"tid", ev.tid},
         {"syscall", syscall_name(ev)}, {"nr", ev.nr},
         {"arch", arch_name(ev.arch)},  {"classes", classes_of(ev.desc)},
         {"args", args_of(ev)}};
  if (!ev.exited) {
    j["unfinished"] = true;  // the task ended inside the call
  } else if (ev.is_error) {
    int err = static_cast<int>(-ev.rval);
    j["ret"] = -1;
    std::string_view name = errno_name(err);
    j["errno"] = name.empty() ? json(err) : json(name);
    j["error"] = errno_message(err);
  } else {
    j["ret"] = ev.rval;
    j["ret_text"] = ev.rval_text;
  }
  if (ev.exited)
    j["duration_ns"] =
        std::chrono::duration_cast<std::chrono::nanoseconds>(ev.exited_at - ev.entered).count();
  if (ev.injected) j["injected"] = true;
  if (!ev.stack.empty()) j["stack"] = stack_json(ev.stack);
  write(dump_line(j));
}

void JsonSink::on_signal(const SignalEvent& ev) {
  json j{{"type", "signal"}, {"ts", epoch_ns(Clock::now())},  {"pid", process_of(ev.tid)},
         {"tid", ev.tid},    {"signal", signal_name(ev.sig)}, {"signo", ev.sig}};
  if (ev.group_stop) j["stopped"] = true;
  if (!ev.siginfo.empty()) j["siginfo"] = value_json(ev.siginfo);
  if (!ev.stack.empty()) j["stack"] = stack_json(ev.stack);
  write(dump_line(j));
}

void JsonSink::on_exit(const ExitEvent& ev) {
  json j{{"type", "exit"},
         {"ts", epoch_ns(Clock::now())},
         {"pid", process_of(ev.tid)},
         {"tid", ev.tid}};
  if (ev.signaled) {
    j["killed_by"] = signal_name(ev.code);
    j["core_dumped"] = ev.core_dumped;
  } else {
    j["exit_code"] = ev.code;
  }
  write(dump_line(j));
}

void JsonSink::on_task_start(pid_t tid) {
  write(dump_line(json{
      {"type", "start"}, {"ts", epoch_ns(Clock::now())}, {"pid", process_of(tid)}, {"tid", tid}}));
}

void JsonSink::on_detach(pid_t tid) {
  write(dump_line(json{
      {"type", "detach"}, {"ts", epoch_ns(Clock::now())}, {"pid", process_of(tid)}, {"tid", tid}}));
}

void JsonSink::on_superseded(pid_t leader, pid_t exec_tid) {
  write(dump_line(json{{"type", "superseded"},
                       {"ts", epoch_ns(Clock::now())},
                       {"pid", leader},
                       {"tid", leader},
                       {"exec_tid", exec_tid}}));
}

}  // namespace xtrace
