#include "xtrace/summary_sink.hpp"

#include <fstream>

#include <fmt/format.h>

#include "xtrace/syscall_decoder.hpp"
#include "xtrace/value_json.hpp"

namespace xtrace {
namespace {

std::string first_line_of(const std::string& path) {
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);
  return line;
}

// The thread group of a thread, from /proc (the event names the thread).
pid_t thread_group_of(pid_t tid) {
  std::ifstream in(fmt::format("/proc/{}/status", tid));
  std::string line;
  while (std::getline(in, line))
    if (line.starts_with("Tgid:")) return static_cast<pid_t>(std::stol(line.substr(5)));
  return tid;
}

double seconds_since(Clock::time_point from, Clock::time_point to) {
  return std::chrono::duration<double>(to - from).count();
}

}  // namespace

SummarySink::SummarySink(OutputFile out, SummaryOptions opts)
    : out_(std::move(out)), opts_(std::move(opts)) {}

pid_t SummarySink::group_of(pid_t tid) {
  if (opts_.by == SummaryBy::all) return 0;
  pid_t group = opts_.by == SummaryBy::thread ? tid : thread_group_of(tid);
  if (!group_names_.contains(group)) {
    // Read now, while the task exists: it may be gone when the table prints.
    std::string comm = first_line_of(fmt::format("/proc/{}/comm", group));
    group_names_[group] = fmt::format(
        "{} {} ({})", opts_.by == SummaryBy::thread ? "thread" : "process", group, comm);
  }
  return group;
}

void SummarySink::on_syscall_exit(const SyscallEvent& ev) {
  if (!ev.exited) return;  // strace counts a call when it returns
  Clock::time_point now = ev.exited_at;
  if (opts_.interval.count() > 0 && now - interval_start_ >= opts_.interval) {
    print(fmt::format("interval +{:.6f}s to +{:.6f}s", seconds_since(started_, interval_start_),
                      seconds_since(started_, now)));
    rows_.clear();
    interval_start_ = now;
  }
  std::int64_t wall = std::chrono::nanoseconds(ev.exited_at - ev.entered).count();
  std::int64_t cpu = ev.cpu_entry_ns >= 0 && ev.cpu_exit_ns >= ev.cpu_entry_ns
                         ? ev.cpu_exit_ns - ev.cpu_entry_ns
                         : 0;
  // As strace, -O comes off every time measured, wall-clock columns too.
  wall = std::max<std::int64_t>(wall - opts_.overhead.count(), 0);
  cpu -= opts_.overhead.count();
  std::int64_t time = opts_.wall_clock ? wall : cpu;
  SyscallStats& s = rows_[{group_of(ev.tid), ev.arch, ev.nr}];
  if (s.calls == 0) {
    s.name = syscall_name(ev);
    s.order = ev.nr;
  }
  s.add(std::max<std::int64_t>(time, 0), wall, ev.is_error, ev.injected);
}

// -c --json: one document per table strace would print, on one line.
void SummarySink::print_json(const std::string& title) {
  nlohmann::json doc{{"type", "summary"}};
  if (opts_.interval.count() > 0 && !title.empty()) doc["interval"] = title;
  auto rows_of = [&](auto& it) {
    // Both personalities in one table: the JSON rows name their calls.
    pid_t group = std::get<0>(it->first);
    std::vector<SyscallStats> rows;
    for (; it != rows_.end() && std::get<0>(it->first) == group; ++it) rows.push_back(it->second);
    return summary_json(std::move(rows), opts_);
  };
  if (opts_.by == SummaryBy::all) {
    auto it = rows_.begin();
    nlohmann::json table = it == rows_.end() ? summary_json({}, opts_) : rows_of(it);
    doc.update(table);
  } else {
    nlohmann::json groups = nlohmann::json::array();
    for (auto it = rows_.begin(); it != rows_.end();) {
      pid_t group = std::get<0>(it->first);
      nlohmann::json g = rows_of(it);
      g[opts_.by == SummaryBy::thread ? "tid" : "pid"] = group;
      g["name"] = group_names_[group];
      groups.push_back(std::move(g));
    }
    doc["time"] = opts_.wall_clock ? "wall" : "cpu";
    doc["groups"] = std::move(groups);
  }
  out_.write(dump_line(doc));
  out_.write("\n");
  out_.flush();
}

void SummarySink::print(const std::string& title) {
  if (opts_.json) {
    print_json(title);
    return;
  }
  // As strace: nothing counted, no table (not even its header).
  if (rows_.empty()) return;
  if (opts_.interval.count() > 0 && !title.empty()) out_.write(fmt::format("--- {} ---\n", title));
  auto it = rows_.begin();
  bool first = true;
  pid_t last_group = -1;
  while (it != rows_.end()) {
    pid_t group = std::get<0>(it->first);
    Arch personality = std::get<1>(it->first);
    std::vector<SyscallStats> rows;
    for (; it != rows_.end() && std::get<0>(it->first) == group &&
           std::get<1>(it->first) == personality;
         ++it)
      rows.push_back(it->second);
    if (opts_.by != SummaryBy::all && group != last_group) {
      if (!first) out_.write("\n");
      out_.write(group_names_[group] + ":\n");
    }
    // strace's title of another personality's table.
    if (personality != arch::native())
      out_.write(
          fmt::format("System call usage summary for {} mode:\n", personality_mode(personality)));
    first = false;
    last_group = group;
    out_.write(format_summary_table(std::move(rows), opts_));
  }
  out_.flush();
}

void SummarySink::finish() {
  Clock::time_point now = Clock::now();
  print(fmt::format("interval +{:.6f}s to +{:.6f}s (end)", seconds_since(started_, interval_start_),
                    seconds_since(started_, now)));
}

}  // namespace xtrace
