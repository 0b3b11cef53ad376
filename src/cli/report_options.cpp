#include "report_options.hpp"

#include <algorithm>
#include <array>
#include <climits>
#include <map>
#include <span>

#include <fmt/format.h>

#include "c_number.hpp"
#include "duration.hpp"
#include "kernel_names.hpp"
#include "named_values.hpp"
#include "optional_value.hpp"
#include "qualifiers.hpp"
#include "split_list.hpp"
#include "token_set.hpp"
#include "xtrace/decode.hpp"
#include "xtrace/diagnostic.hpp"
#include "xtrace/inject_options.hpp"

namespace xtrace::cli {
namespace {

constexpr NamedValue kStatusNames[] = {
    {"successful", 0}, {"failed", 1}, {"unfinished", 2}, {"unavailable", 3}, {"detached", 4}};
static_assert(std::size(kStatusNames) == kStatusCount);

int find_status(std::string_view name) {
  return find_value(kStatusNames, name);
}

struct QuietName {
  std::string_view name;
  bool QuietOptions::*flag;
};

// strace's names and aliases ("exits" is "exit": the "+++ exited with N
// +++" and "+++ killed by SIG... +++" lines).
constexpr std::array<QuietName, 7> kQuietNames{{
    {"attach", &QuietOptions::attach},
    {"exit", &QuietOptions::exit},
    {"exits", &QuietOptions::exit},
    {"path-resolution", &QuietOptions::path_resolution},
    {"personality", &QuietOptions::personality},
    {"thread-execve", &QuietOptions::thread_execve},
    {"superseded", &QuietOptions::thread_execve},
}};

int find_quiet(std::string_view name) {
  const QuietName* row = find_named(kQuietNames, name);
  return row == nullptr ? -1 : static_cast<int>(row - kQuietNames.data());
}

constexpr std::chrono::nanoseconds kSecond = std::chrono::seconds(1);
constexpr std::chrono::nanoseconds kMicrosecond = std::chrono::microseconds(1);

// "s", "ms", "us", "ns" -> fractional digits.
int precision_digits(std::string_view unit) {
  static constexpr NamedValue kPrecisions[] = {{"s", 0}, {"ms", 3}, {"us", 6}, {"ns", 9}};
  return find_value(kPrecisions, unit, Case::exact);
}

// --absolute-timestamps=[[format:]none|time|unix][,[precision:]s|ms|us|ns]
void parse_absolute(std::string_view value, TimeOptions& time) {
  time.absolute = AbsoluteTime::time;
  if (value == kNoValue) return;
  auto bad = [&] {
    return UsageError::with_help(
        fmt::format("invalid --absolute-timestamps argument: '{}'", value));
  };
  if (value.empty()) return;  // strace takes "=" alone as the default
  for (std::string_view item : split_list(value)) {
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
  if (digits < 0)
    throw UsageError::with_help(fmt::format("invalid {} argument: '{}'", option, value));
  return digits;
}

// One name strace's -U and -S take (count.c's column_aliases), the column
// it shows and the order it sorts by; xtrace's own columns (injected,
// percentiles) sort nothing, "none"/"nothing" only sort.
struct ColumnName {
  std::string_view name;
  std::optional<SummaryColumn> column;
  std::optional<SummarySort> sort;
};

using C = SummaryColumn;
using S = SummarySort;
// '_' is accepted for '-' (dashed()), as strace lists both spellings.
constexpr std::array<ColumnName, 36> kColumnNames{{
    {"time", C::time_percent, S::time},
    {"time-percent", C::time_percent, S::time},
    {"time-total", C::total_time, S::time},
    {"total-time", C::total_time, S::time},
    {"min-time", C::min_time, S::min_time},
    {"shortest", C::min_time, S::min_time},
    {"time-min", C::min_time, S::min_time},
    {"longest", C::max_time, S::max_time},
    {"max-time", C::max_time, S::max_time},
    {"time-max", C::max_time, S::max_time},
    {"avg-time", C::avg_time, S::avg_time},
    {"time-avg", C::avg_time, S::avg_time},
    {"calls", C::calls, S::calls},
    {"count", C::calls, S::calls},
    {"error", C::errors, S::errors},
    {"errors", C::errors, S::errors},
    {"name", C::name, S::name},
    {"syscall", C::name, S::name},
    {"syscall-name", C::name, S::name},
    {"wall-total", C::wall_total, S::wall_total},
    {"total-wall", C::wall_total, S::wall_total},
    {"wall-min", C::wall_min, S::wall_min},
    {"min-wall", C::wall_min, S::wall_min},
    {"wall-max", C::wall_max, S::wall_max},
    {"max-wall", C::wall_max, S::wall_max},
    {"wall-avg", C::wall_avg, S::wall_avg},
    {"avg-wall", C::wall_avg, S::wall_avg},
    {"none", std::nullopt, S::nothing},
    {"nothing", std::nullopt, S::nothing},
    {"injected", C::injected, std::nullopt},
    {"p50", C::p50, std::nullopt},
    {"median", C::p50, std::nullopt},
    {"p90", C::p90, std::nullopt},
    {"p95", C::p95, std::nullopt},
    {"p99", C::p99, std::nullopt},
    {"p99.9", C::p999, std::nullopt},
}};

std::string dashed(std::string_view name) {
  std::string s(name);
  std::replace(s.begin(), s.end(), '_', '-');
  return s;
}

const ColumnName* find_column(std::string_view name) {
  return find_named(kColumnNames, dashed(name), Case::exact);
}

// strace's -U: a name at most once; the name column is always shown.
std::vector<SummaryColumn> parse_columns(std::string_view value) {
  std::vector<SummaryColumn> columns;
  std::string_view rest = value;
  for (std::string_view item : split_list(value)) {
    const ColumnName* c = find_column(item);
    if (c == nullptr || !c->column)
      throw UsageError::with_help(fmt::format("unknown column name: '{}'", item));
    if (std::find(columns.begin(), columns.end(), *c->column) != columns.end())
      throw UsageError::with_help(fmt::format(
          "call summary column has been provided more than once: '{}' (-U option residual: '{}')",
          item, rest));
    columns.push_back(*c->column);
    rest.remove_prefix(std::min(rest.size(), item.size() + 1));
  }
  if (std::find(columns.begin(), columns.end(), SummaryColumn::name) == columns.end())
    columns.push_back(SummaryColumn::name);
  return columns;
}

// --json is --output-format=json; the last of them wins.  JSON covers the
// -c summary too.
void apply_output_format(const ReportCli& cli, ReportOptions& r) {
  if (cli.json) r.format = OutputFormat::json;
  for (const auto& v : cli.output_format) {
    if (v == "text")
      r.format = OutputFormat::text;
    else if (v == "json")
      r.format = OutputFormat::json;
    else
      throw UsageError::with_help(fmt::format("invalid --output-format argument: '{}'", v));
  }
  r.summary.json = r.format == OutputFormat::json;
  for (const auto& v : cli.timeline) {
    if (v.empty()) throw UsageError::with_help("--timeline needs a file name");
    r.timeline_path = v;
  }
}

// --color[=WHEN] as strace 7.2 (no value is "auto"); --slow=DURATION in
// inject's duration syntax (a bare number is microseconds).
void apply_color(const ReportCli& cli, ReportOptions& r) {
  static constexpr std::array<std::pair<std::string_view, ColorMode>, 3> kModes{{
      {"auto", ColorMode::automatic},
      {"always", ColorMode::always},
      {"never", ColorMode::never},
  }};
  for (const auto& v : cli.color) {
    std::string_view when = v == kNoValue ? "auto" : std::string_view(v);
    auto it =
        std::find_if(kModes.begin(), kModes.end(), [&](const auto& m) { return m.first == when; });
    if (it == kModes.end())
      throw UsageError::with_help(fmt::format("invalid --color argument: '{}'", v));
    r.color = it->second;
  }
  for (const auto& v : cli.slow) {
    std::optional<std::chrono::nanoseconds> d = parse_inject_delay(v);
    if (!d) throw UsageError::with_help(fmt::format("invalid --slow argument: '{}'", v));
    r.slow = *d;
  }
}

// As strace 7.2: -w and -U without -c/-C are errors, -S only a warning,
// and -O is quietly accepted.
void apply_summary(const ReportCli& cli, SummaryOptions& s, const std::string& program) {
  if (cli.summary_only && cli.summary_too)
    throw UsageError::with_help("-c/--summary-only and -C/--summary are mutually exclusive");
  s.enabled = cli.summary_only || cli.summary_too;
  s.with_trace = cli.summary_too;
  constexpr std::string_view kWith = "(-c/--summary-only or -C/--summary)";
  auto require = [&](bool given, std::string_view option) {
    if (given && !s.enabled)
      throw UsageError::with_help(fmt::format("{} must be given with {}", option, kWith));
  };
  require(cli.wall_clock, "-w/--summary-wall-clock");
  require(!cli.columns.empty(), "-U/--summary-columns");
  if (!cli.sort.empty() && !s.enabled)
    diagnose(program, fmt::format("-S/--summary-sort-by has no effect without {}", kWith));
  require(!cli.interval.empty(), "--summary-interval");
  require(!cli.by.empty(), "--summary-by");
  s.wall_clock = cli.wall_clock;
  for (const auto& v : cli.sort) {
    const ColumnName* n = find_column(v);
    if (n == nullptr || !n->sort)
      throw UsageError::with_help(fmt::format("invalid sortby: '{}'", v));
    s.sort = *n->sort;
  }
  for (const auto& v : cli.columns) s.columns = parse_columns(v);
  for (const auto& v : cli.overhead) {
    auto d = parse_duration(v, kMicrosecond);
    if (!d) throw UsageError::with_help(fmt::format("invalid -O argument: '{}'", v));
    s.overhead = *d;
  }
  for (const auto& v : cli.interval) {
    auto d = parse_duration(v, kSecond);
    if (!d || d->count() == 0)
      throw UsageError::with_help(fmt::format("invalid --summary-interval argument: '{}'", v));
    s.interval = *d;
  }
  for (const auto& v : cli.by) {
    if (v == "process")
      s.by = SummaryBy::process;
    else if (v == "thread")
      s.by = SummaryBy::thread;
    else
      throw UsageError::with_help(fmt::format("invalid --summary-by argument: '{}'", v));
  }
}

// Long forms of -e qualifiers: --trace=SET is -e trace=SET.  Those with a
// default take their value only after '=' (getopt's optional_argument), so
// "--quiet PROG" runs PROG with the default.  Aliases are names of one
// option, so that a prefix of them all ("--sil") is not ambiguous.
struct LongQualifier {
  std::string_view names;  // "--signal,--signals": the first names it
  std::string_view qualifier;
  std::string_view default_value;  // empty: the value is required
};

constexpr std::array<LongQualifier, 11> kLongQualifiers{{
    {"--trace", "trace", ""},
    {"--trace-fds", "trace-fds", ""},
    {"--signal,--signals", "signal", ""},
    {"--status", "status", ""},
    {"--quiet,--silent,--silence", "quiet", "attach,personality"},
    {"--inject", "inject", ""},
    {"--fault", "fault", ""},  // issue 7: same order as -e
    {"--decode-pids", "decode-pids", ""},
    {"--kvm", "kvm", ""},
    {"--namespace", "namespace", "new"},
    {"--secontext", "secontext", "all"},
}};

// "--quiet,--silent" -> "--quiet{\x01},--silent{\x01}".
std::string optional_value_names(std::string_view names) {
  std::string out;
  for (std::string_view rest = names; !rest.empty();) {
    std::size_t comma = rest.find(',');
    if (!out.empty()) out += ',';
    out += optional_value(rest.substr(0, comma));
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
  }
  return out;
}

std::string first_long_name(std::string_view names) {
  return std::string(names.substr(2, names.find(',') - 2));
}

}  // namespace

void qualify_trace(std::string_view value, Options& opts) {
  // As in strace 7.2, a later trace= replaces an earlier one.
  opts.report.filter.trace = parse_syscall_set(value);
}

void qualify_status(std::string_view value, Options& opts) {
  opts.report.filter.status =
      parse_token_set(value, "status", find_status).to_bitset<kStatusCount>();
}

void qualify_signal(std::string_view value, Options& opts) {
  opts.report.filter.signals =
      parse_token_set(value, "signal", signal_token).to_bitset<kMaxQualifiedSignal + 1>();
}

void qualify_quiet(std::string_view value, Options& opts) {
  auto set = parse_token_set(value, "quiet", find_quiet).to_bitset<kQuietNames.size()>();
  for (std::size_t i = 0; i < kQuietNames.size(); ++i)
    if (set.test(i)) opts.quiet.*kQuietNames[i].flag = true;
  opts.quiet.set_by_qualifier = true;
}

void add_report_options(CLI::App& app, ReportCli& cli) {
  app.add_flag("-t", cli.absolute_count);
  app.add_flag(optional_value("--absolute-timestamps") + "," + optional_value("--timestamps"),
               cli.absolute);
  app.add_flag("-r", cli.relative);
  app.add_flag(optional_value("--relative-timestamps"), cli.relative_long);
  app.add_flag("-T", cli.syscall_times);
  app.add_flag(optional_value("--syscall-times"), cli.syscall_times_long);
  app.add_flag("-z,--successful-only", cli.successful_only);
  app.add_flag("-Z,--failed-only,--failing-only", cli.failed_only);
  app.add_flag("-A,--output-append-mode", cli.append);
  app.add_flag("-i,--instruction-pointer", cli.instruction_pointer);
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
  app.add_flag("--json", cli.json);
  app.add_option("--output-format", cli.output_format)->allow_extra_args(false);
  app.add_option("--timeline", cli.timeline)->allow_extra_args(false);
  app.add_flag(optional_value("--color"), cli.color);
  app.add_option("--slow", cli.slow)->allow_extra_args(false);
  app.add_option("-a,--columns", cli.columns_at)->allow_extra_args(false);
  for (const LongQualifier& q : kLongQualifiers) {
    if (q.default_value.empty())
      app.add_option(std::string(q.names))->allow_extra_args(false);
    else
      app.add_flag(optional_value_names(q.names));
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
  r.instruction_pointer = cli.instruction_pointer;
  apply_summary(cli, r.summary, opts.program_name);
  apply_output_format(cli, r);
  apply_color(cli, r);
  r.filter.paths.insert(r.filter.paths.end(), cli.paths.begin(), cli.paths.end());
  for (const auto& v : cli.syscall_limit) {
    // strace takes 1..LLONG_MAX.
    auto limit = parse_c_number(v, 1, LLONG_MAX);
    if (!limit)
      throw UsageError::with_help(fmt::format("invalid --syscall-limit argument: '{}'", v));
    r.filter.syscall_limit = static_cast<std::uint64_t>(*limit);
  }
  for (const auto& v : cli.columns_at) {
    // strace takes 0..INT_MAX; 0 puts the result right after the call.
    auto column = parse_c_number(v, 0, INT_MAX);
    if (!column) throw UsageError::with_help(fmt::format("invalid -a argument: '{}'", v));
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
    for (const LongQualifier& q : kLongQualifiers) {
      if (!opt->check_lname(first_long_name(q.names))) continue;
      std::string_view given = value == kNoValue ? q.default_value : std::string_view(value);
      apply_qualifier(fmt::format("{}={}", q.qualifier, given), opts);
    }
  }
}

}  // namespace xtrace::cli
