#include "xtrace/summary_table.hpp"

#include <algorithm>
#include <array>
#include <functional>

#include <fmt/format.h>

namespace xtrace {

void SyscallStats::add(std::int64_t time, std::int64_t wall, bool error, bool was_injected) {
  ++calls;
  if (error) ++errors;
  if (was_injected) ++injected;
  time_ns += time;
  min_ns = std::min(min_ns, time);
  max_ns = std::max(max_ns, time);
  wall_ns += wall;
  wall_min_ns = std::min(wall_min_ns, wall);
  wall_max_ns = std::max(wall_max_ns, wall);
  wall_histogram.add(static_cast<std::uint64_t>(std::max<std::int64_t>(wall, 0)));
}

void SyscallStats::merge(const SyscallStats& o) {
  calls += o.calls;
  errors += o.errors;
  injected += o.injected;
  time_ns += o.time_ns;
  min_ns = std::min(min_ns, o.min_ns);
  max_ns = std::max(max_ns, o.max_ns);
  wall_ns += o.wall_ns;
  wall_min_ns = std::min(wall_min_ns, o.wall_min_ns);
  wall_max_ns = std::max(wall_max_ns, o.wall_max_ns);
  wall_histogram.merge(o.wall_histogram);
}

namespace {

// strace prints seconds as "%ld.%06ld" of a timespec: microseconds truncated.
std::string seconds(std::int64_t ns) {
  if (ns == INT64_MAX) ns = 0;
  return fmt::format("{}.{:06}", ns / 1'000'000'000, ns % 1'000'000'000 / 1000);
}

// Counts that are mostly zero (errors, injected) print blank when zero, as
// strace prints its errors.
std::string count_or_blank(std::uint64_t n) {
  return n == 0 ? std::string() : fmt::format("{}", n);
}

std::string usecs_per_call(std::int64_t ns, std::uint64_t calls) {
  return fmt::format("{}", calls == 0 ? 0 : static_cast<std::uint64_t>(ns) / calls / 1000);
}

struct Row {
  const SyscallStats* stats;
  double percent;  // of the total time
};

struct ColumnDesc {
  SummaryColumn column;
  std::string_view header;
  std::size_t width;  // strace's minimum
  bool left;          // left-aligned (the name)
  std::function<std::string(const Row&)> value;
};

std::string percentile(const SyscallStats& s, double q) {
  return seconds(static_cast<std::int64_t>(s.wall_histogram.quantile(q)));
}

const std::vector<ColumnDesc>& column_table() {
  static const std::vector<ColumnDesc> kColumns{
      {SummaryColumn::time_percent, "% time", 6, false,
       [](const Row& r) { return fmt::format("{:.2f}", r.percent); }},
      {SummaryColumn::total_time, "seconds", 11, false,
       [](const Row& r) { return seconds(r.stats->time_ns); }},
      {SummaryColumn::avg_time, "usecs/call", 11, false,
       [](const Row& r) { return usecs_per_call(r.stats->time_ns, r.stats->calls); }},
      {SummaryColumn::calls, "calls", 9, false,
       [](const Row& r) { return fmt::format("{}", r.stats->calls); }},
      {SummaryColumn::errors, "errors", 9, false,
       [](const Row& r) { return count_or_blank(r.stats->errors); }},
      {SummaryColumn::injected, "injected", 9, false,
       [](const Row& r) { return count_or_blank(r.stats->injected); }},
      {SummaryColumn::name, "syscall", 16, true, [](const Row& r) { return r.stats->name; }},
      {SummaryColumn::min_time, "shortest", 8, false,
       [](const Row& r) { return seconds(r.stats->min_ns); }},
      {SummaryColumn::max_time, "longest", 8, false,
       [](const Row& r) { return seconds(r.stats->max_ns); }},
      {SummaryColumn::wall_total, "wall-total", 11, false,
       [](const Row& r) { return seconds(r.stats->wall_ns); }},
      {SummaryColumn::wall_avg, "wall-avg", 11, false,
       [](const Row& r) { return usecs_per_call(r.stats->wall_ns, r.stats->calls); }},
      {SummaryColumn::wall_min, "wall-min", 8, false,
       [](const Row& r) { return seconds(r.stats->wall_min_ns); }},
      {SummaryColumn::wall_max, "wall-max", 8, false,
       [](const Row& r) { return seconds(r.stats->wall_max_ns); }},
      {SummaryColumn::p50, "p50", 8, false, [](const Row& r) { return percentile(*r.stats, 0.5); }},
      {SummaryColumn::p90, "p90", 8, false, [](const Row& r) { return percentile(*r.stats, 0.9); }},
      {SummaryColumn::p95, "p95", 8, false,
       [](const Row& r) { return percentile(*r.stats, 0.95); }},
      {SummaryColumn::p99, "p99", 8, false,
       [](const Row& r) { return percentile(*r.stats, 0.99); }},
      {SummaryColumn::p999, "p99.9", 8, false,
       [](const Row& r) { return percentile(*r.stats, 0.999); }},
  };
  return kColumns;
}

const ColumnDesc& describe_column(SummaryColumn c) {
  return column_table()[static_cast<std::size_t>(c)];
}

std::vector<SummaryColumn> default_columns(const SummaryOptions& opts) {
  std::vector<SummaryColumn> columns{SummaryColumn::time_percent, SummaryColumn::total_time,
                                     SummaryColumn::avg_time, SummaryColumn::calls,
                                     SummaryColumn::errors};
  if (opts.injecting) columns.push_back(SummaryColumn::injected);
  columns.push_back(SummaryColumn::name);
  return columns;
}

double avg(std::int64_t ns, std::uint64_t calls) {
  return calls == 0 ? 0 : static_cast<double>(ns) / static_cast<double>(calls);
}

void append_cell(std::string& line, const std::string& text, std::size_t width, bool left,
                 bool last) {
  if (!line.empty()) line += ' ';
  if (left && last)
    line += text;
  else if (left)
    fmt::format_to(std::back_inserter(line), "{:<{}}", text, width);
  else
    fmt::format_to(std::back_inserter(line), "{:>{}}", text, width);
}

}  // namespace

bool sorts_before(const SyscallStats& a, const SyscallStats& b, SummarySort sort) {
  switch (sort) {
    case SummarySort::time: return a.time_ns > b.time_ns;
    case SummarySort::min_time: return a.min_ns > b.min_ns;
    case SummarySort::max_time: return a.max_ns > b.max_ns;
    case SummarySort::avg_time: return avg(a.time_ns, a.calls) > avg(b.time_ns, b.calls);
    case SummarySort::calls: return a.calls > b.calls;
    case SummarySort::errors: return a.errors > b.errors;
    case SummarySort::name: return a.name < b.name;
    case SummarySort::nothing: return false;
    case SummarySort::wall_total: return a.wall_ns > b.wall_ns;
    case SummarySort::wall_min: return a.wall_min_ns > b.wall_min_ns;
    case SummarySort::wall_max: return a.wall_max_ns > b.wall_max_ns;
    case SummarySort::wall_avg: return avg(a.wall_ns, a.calls) > avg(b.wall_ns, b.calls);
  }
  return false;
}

std::string format_summary_table(std::vector<SyscallStats> rows, const SummaryOptions& opts) {
  std::erase_if(rows, [](const SyscallStats& s) { return s.calls == 0; });
  std::stable_sort(rows.begin(), rows.end(),
                   [](const SyscallStats& a, const SyscallStats& b) { return a.order < b.order; });
  std::stable_sort(rows.begin(), rows.end(), [&](const SyscallStats& a, const SyscallStats& b) {
    return sorts_before(a, b, opts.sort);
  });

  SyscallStats total;
  total.name = "total";
  for (const auto& r : rows) total.merge(r);
  auto percent_of = [&](const SyscallStats& s) {
    return total.time_ns == 0
               ? 0.0
               : 100.0 * static_cast<double>(s.time_ns) / static_cast<double>(total.time_ns);
  };

  std::vector<SummaryColumn> columns = opts.columns.empty() ? default_columns(opts) : opts.columns;
  std::vector<Row> table;
  table.reserve(rows.size());
  for (const auto& r : rows) table.push_back({&r, percent_of(r)});
  Row total_row{&total, 100.0};

  // Cell texts first: the widths grow to the longest.
  std::vector<std::vector<std::string>> cells(table.size() + 1);
  std::vector<std::size_t> widths;
  widths.reserve(columns.size());
  for (SummaryColumn c : columns) widths.push_back(describe_column(c).width);
  for (std::size_t i = 0; i <= table.size(); ++i) {
    const Row& row = i < table.size() ? table[i] : total_row;
    for (std::size_t j = 0; j < columns.size(); ++j) {
      cells[i].push_back(describe_column(columns[j]).value(row));
      widths[j] = std::max(widths[j], cells[i].back().size());
    }
  }

  auto line_of = [&](auto cell_text) {
    std::string line;
    for (std::size_t j = 0; j < columns.size(); ++j)
      append_cell(line, cell_text(j), widths[j], describe_column(columns[j]).left,
                  j + 1 == columns.size());
    return line + '\n';
  };
  auto rule = [&] { return line_of([&](std::size_t j) { return std::string(widths[j], '-'); }); };

  std::string out =
      line_of([&](std::size_t j) { return std::string(describe_column(columns[j]).header); });
  out += rule();
  for (std::size_t i = 0; i < table.size(); ++i)
    out += line_of([&](std::size_t j) { return cells[i][j]; });
  out += rule();
  out += line_of([&](std::size_t j) { return cells[table.size()][j]; });
  return out;
}

}  // namespace xtrace
