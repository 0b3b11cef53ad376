#include "report_options.hpp"

#include <strings.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <climits>
#include <cmath>
#include <map>

#include <fmt/format.h>

#include "c_number.hpp"
#include "qualifiers.hpp"
#include "xtrace/decode.hpp"

namespace xtrace::cli {
namespace {

// Splits "a,b,c"; empty items are kept for the caller to judge.
std::vector<std::string_view> split_commas(std::string_view text) {
  std::vector<std::string_view> items;
  while (true) {
    std::size_t comma = text.find(',');
    items.push_back(text.substr(0, comma));
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
  return items;
}

// strace's qualify_tokens for a small named set: [!]...(all|none|ITEM,...).
template <std::size_t N, typename Lookup>
std::bitset<N> parse_named_set(std::string_view value, std::string_view what, Lookup lookup) {
  std::bitset<N> set;
  bool invert = false;
  std::string_view rest = value;
  while (!rest.empty() && rest.front() == '!') {
    invert = !invert;
    rest.remove_prefix(1);
  }
  if (rest == "all") {
    set.set();
  } else if (rest != "none") {
    // As strace's strtok: empty items are skipped, but some item must be there.
    bool any = false;
    for (std::string_view item : split_commas(rest)) {
      if (item.empty()) continue;
      int bit = lookup(item);
      if (bit < 0 || static_cast<std::size_t>(bit) >= N)
        throw UsageError(fmt::format("invalid {} '{}'", what, item));
      set.set(static_cast<std::size_t>(bit));
      any = true;
    }
    if (!any) throw UsageError(fmt::format("invalid {} '{}'", what, value));
  }
  return invert ? ~set : set;
}

int find_status(std::string_view name) {
  static constexpr std::array<std::string_view, kStatusCount> kNames{
      "successful", "failed", "unfinished", "unavailable", "detached"};
  auto it = std::find(kNames.begin(), kNames.end(), name);
  return it == kNames.end() ? -1 : static_cast<int>(it - kNames.begin());
}

int find_signal(std::string_view name) {
  if (name.front() >= '0' && name.front() <= '9') {
    int value = -1;
    auto [end, ec] = std::from_chars(name.data(), name.data() + name.size(), value);
    return ec == std::errc() && end == name.data() + name.size() ? value : -1;
  }
  std::string full(name);
  if (full.size() < 3 || strncasecmp(full.c_str(), "SIG", 3) != 0) full = "SIG" + full;
  for (int sig = 1; sig <= 64; ++sig)
    if (strcasecmp(signal_name(sig).c_str(), full.c_str()) == 0) return sig;
  return -1;
}

struct QuietName {
  std::string_view name;
  bool QuietOptions::*flag;
};

constexpr std::array<QuietName, 6> kQuietNames{{
    {"attach", &QuietOptions::attach},
    {"exit", &QuietOptions::exit},
    {"path-resolution", &QuietOptions::path_resolution},
    {"personality", &QuietOptions::personality},
    {"thread-execve", &QuietOptions::thread_execve},
    {"superseded", &QuietOptions::thread_execve},
}};

int find_quiet(std::string_view name) {
  for (std::size_t i = 0; i < kQuietNames.size(); ++i)
    if (kQuietNames[i].name == name) return static_cast<int>(i);
  return -1;
}

// A duration: a non-negative number of seconds, or with a unit suffix
// (s, ms, us, ns), as strace's -O takes it.
std::optional<std::chrono::nanoseconds> parse_duration(std::string_view text) {
  static constexpr std::array<std::pair<std::string_view, double>, 4> kUnits{
      {{"ns", 1}, {"us", 1e3}, {"ms", 1e6}, {"s", 1e9}}};
  double scale = 1e9;
  for (auto [suffix, s] : kUnits) {
    if (text.size() > suffix.size() && text.ends_with(suffix)) {
      text.remove_suffix(suffix.size());
      scale = s;
      break;
    }
  }
  double value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size() || value < 0 ||
      !std::isfinite(value))
    return std::nullopt;
  return std::chrono::nanoseconds(static_cast<std::int64_t>(std::llround(value * scale)));
}

// "s", "ms", "us", "ns" -> fractional digits.
int precision_digits(std::string_view unit) {
  static constexpr std::array<std::pair<std::string_view, int>, 4> kPrecisions{
      {{"s", 0}, {"ms", 3}, {"us", 6}, {"ns", 9}}};
  for (auto [name, digits] : kPrecisions)
    if (name == unit) return digits;
  return -1;
}

constexpr std::string_view kNoValue = "\x01";  // a long flag given without "=VALUE"

// --absolute-timestamps=[[format:]none|time|unix][,[precision:]s|ms|us|ns]
void parse_absolute(std::string_view value, TimeOptions& time) {
  time.absolute = AbsoluteTime::time;
  if (value == kNoValue) return;
  auto bad = [&] {
    return UsageError(fmt::format("invalid --absolute-timestamps argument: '{}'", value));
  };
  if (value.empty()) return;  // strace takes "=" alone as the default
  for (std::string_view item : split_commas(value)) {
    bool format_only = item.starts_with("format:");
    bool precision_only = item.starts_with("precision:");
    if (format_only) item.remove_prefix(7);
    if (precision_only) item.remove_prefix(10);
    if (!precision_only && (item == "none" || item == "time" || item == "unix")) {
      time.absolute = item == "none"   ? AbsoluteTime::none
                      : item == "time" ? AbsoluteTime::time
                                       : AbsoluteTime::unix;
    } else if (int digits = precision_digits(item); !format_only && digits >= 0) {
      time.absolute_digits = digits;
    } else {
      throw bad();
    }
  }
}

int parse_precision(std::string_view value, std::string_view option) {
  if (value == kNoValue) return 6;
  std::string_view unit = value.starts_with("precision:") ? value.substr(10) : value;
  int digits = precision_digits(unit);
  if (digits < 0) throw UsageError(fmt::format("invalid {} argument: '{}'", option, value));
  return digits;
}

struct ColumnName {
  std::string_view name;
  SummaryColumn column;
};

// strace's -U names and aliases ('_' is accepted for '-'), then xtrace's
// injected count and percentiles.
constexpr std::array<ColumnName, 30> kColumnNames{{
    {"time-percent", SummaryColumn::time_percent},
    {"time", SummaryColumn::time_percent},
    {"total-time", SummaryColumn::total_time},
    {"avg-time", SummaryColumn::avg_time},
    {"calls", SummaryColumn::calls},
    {"count", SummaryColumn::calls},
    {"errors", SummaryColumn::errors},
    {"error", SummaryColumn::errors},
    {"name", SummaryColumn::name},
    {"syscall", SummaryColumn::name},
    {"syscall-name", SummaryColumn::name},
    {"min-time", SummaryColumn::min_time},
    {"shortest", SummaryColumn::min_time},
    {"max-time", SummaryColumn::max_time},
    {"longest", SummaryColumn::max_time},
    {"injected", SummaryColumn::injected},
    {"wall-total", SummaryColumn::wall_total},
    {"total-wall", SummaryColumn::wall_total},
    {"wall-avg", SummaryColumn::wall_avg},
    {"avg-wall", SummaryColumn::wall_avg},
    {"wall-min", SummaryColumn::wall_min},
    {"min-wall", SummaryColumn::wall_min},
    {"wall-max", SummaryColumn::wall_max},
    {"max-wall", SummaryColumn::wall_max},
    {"p50", SummaryColumn::p50},
    {"p90", SummaryColumn::p90},
    {"p95", SummaryColumn::p95},
    {"p99", SummaryColumn::p99},
    {"p99.9", SummaryColumn::p999},
    {"median", SummaryColumn::p50},
}};

struct SortName {
  std::string_view name;
  SummarySort sort;
};

constexpr std::array<SortName, 21> kSortNames{{
    {"time", SummarySort::time},         {"time-percent", SummarySort::time},
    {"total-time", SummarySort::time},   {"min-time", SummarySort::min_time},
    {"shortest", SummarySort::min_time}, {"max-time", SummarySort::max_time},
    {"longest", SummarySort::max_time},  {"avg-time", SummarySort::avg_time},
    {"calls", SummarySort::calls},       {"count", SummarySort::calls},
    {"errors", SummarySort::errors},     {"error", SummarySort::errors},
    {"name", SummarySort::name},         {"syscall", SummarySort::name},
    {"syscall-name", SummarySort::name}, {"nothing", SummarySort::nothing},
    {"none", SummarySort::nothing},      {"wall-total", SummarySort::wall_total},
    {"wall-min", SummarySort::wall_min}, {"wall-max", SummarySort::wall_max},
    {"wall-avg", SummarySort::wall_avg},
}};

std::string dashed(std::string_view name) {
  std::string s(name);
  std::replace(s.begin(), s.end(), '_', '-');
  return s;
}

template <typename Table>
auto find_named(const Table& table, std::string_view name) -> const typename Table::value_type* {
  std::string key = dashed(name);
  for (const auto& row : table)
    if (row.name == key) return &row;
  return nullptr;
}

std::vector<SummaryColumn> parse_columns(std::string_view value) {
  std::vector<SummaryColumn> columns;
  for (std::string_view item : split_commas(value)) {
    const ColumnName* c = find_named(kColumnNames, item);
    if (c == nullptr) throw UsageError(fmt::format("unknown column name: '{}'", item));
    columns.push_back(c->column);
  }
  return columns;
}

void apply_summary(const ReportCli& cli, SummaryOptions& s) {
  if (cli.summary_only && cli.summary_too)
    throw UsageError("-c/--summary-only and -C/--summary are mutually exclusive");
  s.enabled = cli.summary_only || cli.summary_too;
  s.with_trace = cli.summary_too;
  constexpr std::string_view kWith = "(-c/--summary-only or -C/--summary)";
  auto require = [&](bool given, std::string_view option) {
    if (given && !s.enabled)
      throw UsageError(fmt::format("{} must be given with {}", option, kWith));
  };
  require(cli.wall_clock, "-w/--summary-wall-clock");
  require(!cli.columns.empty(), "-U/--summary-columns");
  require(!cli.sort.empty(), "-S/--summary-sort-by");
  require(!cli.overhead.empty(), "-O/--summary-syscall-overhead");
  require(!cli.interval.empty(), "--summary-interval");
  require(!cli.by.empty(), "--summary-by");
  s.wall_clock = cli.wall_clock;
  for (const auto& v : cli.sort) {
    const SortName* n = find_named(kSortNames, v);
    if (n == nullptr) throw UsageError(fmt::format("invalid sortby: '{}'", v));
    s.sort = n->sort;
  }
  for (const auto& v : cli.columns) s.columns = parse_columns(v);
  for (const auto& v : cli.overhead) {
    auto d = parse_duration(v);
    if (!d) throw UsageError(fmt::format("invalid -O argument: '{}'", v));
    s.overhead = *d;
  }
  for (const auto& v : cli.interval) {
    auto d = parse_duration(v);
    if (!d || d->count() == 0)
      throw UsageError(fmt::format("invalid --summary-interval argument: '{}'", v));
    s.interval = *d;
  }
  for (const auto& v : cli.by) {
    if (v == "process")
      s.by = SummaryBy::process;
    else if (v == "thread")
      s.by = SummaryBy::thread;
    else
      throw UsageError(fmt::format("invalid --summary-by argument: '{}'", v));
  }
}

// Long forms of -e qualifiers: --trace=SET is -e trace=SET.
constexpr std::array<std::pair<std::string_view, std::string_view>, 8> kLongQualifiers{{
    {"--trace", "trace"},
    {"--trace-fds", "trace-fds"},
    {"--signal", "signal"},
    {"--status", "status"},
    {"--quiet", "quiet"},
    {"--inject", "inject"},
    {"--fault", "fault"},  // issue 7: same order as -e
    {"--decode-pids", "decode-pids"},
}};

}  // namespace

void qualify_trace(std::string_view value, Options& opts) {
  // As in strace 7.2, a later trace= replaces an earlier one.
  opts.report.filter.trace = parse_syscall_set(value);
}

void qualify_status(std::string_view value, Options& opts) {
  opts.report.filter.status = parse_named_set<kStatusCount>(value, "status", find_status);
}

void qualify_signal(std::string_view value, Options& opts) {
  opts.report.filter.signals =
      parse_named_set<kMaxQualifiedSignal + 1>(value, "signal", find_signal);
}

void qualify_quiet(std::string_view value, Options& opts) {
  auto set = parse_named_set<kQuietNames.size()>(value, "quiet", find_quiet);
  for (std::size_t i = 0; i < kQuietNames.size(); ++i)
    if (set.test(i)) opts.quiet.*kQuietNames[i].flag = true;
  opts.quiet.set_by_qualifier = true;
}

void add_report_options(CLI::App& app, ReportCli& cli) {
  const std::string no_value{kNoValue};
  app.add_flag("-t", cli.absolute_count);
  app.add_flag("--absolute-timestamps{" + no_value + "},--timestamps{" + no_value + "}",
               cli.absolute);
  app.add_flag("-r", cli.relative);
  app.add_flag("--relative-timestamps{" + no_value + "}", cli.relative_long);
  app.add_flag("-T", cli.syscall_times);
  app.add_flag("--syscall-times{" + no_value + "}", cli.syscall_times_long);
  app.add_flag("-z,--successful-only", cli.successful_only);
  app.add_flag("-Z,--failed-only", cli.failed_only);
  app.add_flag("-A", cli.append);
  app.add_flag("-c,--summary-only", cli.summary_only);
  app.add_flag("-C,--summary", cli.summary_too);
  app.add_flag("-w,--summary-wall-clock", cli.wall_clock);
  app.add_option("-S,--summary-sort-by", cli.sort)->allow_extra_args(false);
  app.add_option("-U,--summary-columns", cli.columns)->allow_extra_args(false);
  app.add_option("-O,--summary-syscall-overhead", cli.overhead)->allow_extra_args(false);
  app.add_option("--summary-interval", cli.interval)->allow_extra_args(false);
  app.add_option("--summary-by", cli.by)->allow_extra_args(false);
  app.add_option("-P,--trace-path", cli.paths)->allow_extra_args(false);
  app.add_option("--syscall-limit", cli.syscall_limit)->allow_extra_args(false);
  app.add_option("-a,--columns", cli.columns_at)->allow_extra_args(false);
  for (auto [long_name, qualifier] : kLongQualifiers) {
    (void)qualifier;
    app.add_option(std::string(long_name))->allow_extra_args(false);
  }
}

void apply_report_options(const ReportCli& cli, Options& opts) {
  ReportOptions& r = opts.report;
  if (cli.successful_only) r.filter.status = 1u << static_cast<int>(SyscallStatus::successful);
  if (cli.failed_only) r.filter.status = 1u << static_cast<int>(SyscallStatus::failed);

  TimeOptions& time = r.time;
  if (cli.absolute_count > 0) {
    time.absolute = cli.absolute_count >= 3 ? AbsoluteTime::unix : AbsoluteTime::time;
    time.absolute_digits = cli.absolute_count >= 2 ? 6 : 0;
  }
  for (const auto& v : cli.absolute) parse_absolute(v, time);
  time.relative = cli.relative || !cli.relative_long.empty();
  for (const auto& v : cli.relative_long)
    time.relative_digits = parse_precision(v, "--relative-timestamps");
  time.syscall_times = cli.syscall_times || !cli.syscall_times_long.empty();
  for (const auto& v : cli.syscall_times_long)
    time.syscall_times_digits = parse_precision(v, "--syscall-times");

  r.append = cli.append;
  apply_summary(cli, r.summary);
  r.filter.paths.insert(r.filter.paths.end(), cli.paths.begin(), cli.paths.end());
  for (const auto& v : cli.syscall_limit) {
    // strace takes 1..LLONG_MAX.
    auto limit = parse_c_number(v, 1, LLONG_MAX);
    if (!limit) throw UsageError(fmt::format("invalid --syscall-limit argument: '{}'", v));
    r.filter.syscall_limit = static_cast<std::uint64_t>(*limit);
  }
  for (const auto& v : cli.columns_at) {
    // strace takes 0..INT_MAX; 0 puts the result right after the call.
    auto column = parse_c_number(v, 0, INT_MAX);
    if (!column) throw UsageError(fmt::format("invalid -a argument: '{}'", v));
    r.result_column = static_cast<std::size_t>(*column);
  }
}

void apply_qualifiers_in_order(const CLI::App& app, Options& opts) {
  std::map<const CLI::Option*, std::size_t> used;
  for (const CLI::Option* opt : app.parse_order()) {
    // -Y is decode-pids=comm at its place among the others.
    if (opt->check_sname("Y")) {
      apply_qualifier("decode-pids=comm", opts);
      continue;
    }
    std::size_t index = used[opt]++;
    const auto& values = opt->results();
    if (index >= values.size()) continue;
    const std::string& value = values[index];
    if (opt->check_sname("e")) {
      apply_qualifier(value, opts);
      continue;
    }
    for (auto [long_name, qualifier] : kLongQualifiers)
      if (opt->check_lname(std::string(long_name.substr(2))))
        apply_qualifier(fmt::format("{}={}", qualifier, value), opts);
  }
}

}  // namespace xtrace::cli
