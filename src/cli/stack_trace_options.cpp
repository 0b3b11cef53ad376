#include "stack_trace_options.hpp"

#include <climits>

#include <fmt/format.h>

#include "c_number.hpp"
#include "optional_value.hpp"
#include "xtrace/diagnostic.hpp"

namespace xtrace::cli {
namespace {

// -kk asks for source lines, which need libdw; xtrace is built without it
// (as Debian's strace is), and says so as strace does.
[[noreturn]] void no_source_lines() {
  throw UsageError(
      "Stack traces with source line information (-kk/--stack-trace=source option) are not "
      "supported by this build of xtrace");
}

}  // namespace

void add_stack_trace_options(CLI::App& app, StackTraceCli& cli) {
  app.add_flag("-k", cli.k_count);
  app.add_flag(optional_value("--stack-trace") + "," + optional_value("--stack-traces"),
               cli.long_form);
  app.add_option("--stack-trace-frame-limit", cli.frame_limit)->allow_extra_args(false);
}

void apply_stack_trace_options(const StackTraceCli& cli, Options& opts) {
  StackTraceOptions& k = opts.stack_trace;
  if (cli.k_count >= 2) no_source_lines();
  k.enabled = cli.k_count == 1;
  for (const auto& v : cli.long_form) {
    if (v == kNoValue || v == "symbol")
      k.enabled = true;
    else if (v == "source")
      no_source_lines();
    else
      throw UsageError::with_help(fmt::format("invalid --stack-trace argument: '{}'", v));
  }
  bool limit_given = !cli.frame_limit.empty();
  for (const auto& v : cli.frame_limit) {
    // strace: a positive int, at most UINT_MAX / 4.
    auto limit = parse_c_number(v, 1, std::min<long long>(INT_MAX, UINT_MAX / 4));
    if (!limit)
      throw UsageError::with_help(
          fmt::format("invalid --stack-trace-frame-limit argument: '{}'", v));
    k.frame_limit = static_cast<std::size_t>(*limit);
  }
  const SummaryOptions& summary = opts.report.summary;
  if (k.enabled && summary.enabled && !summary.with_trace)
    diagnose(opts.program_name, "-k/--stack-trace has no effect with -c/--summary-only");
  if (!k.enabled && limit_given)
    diagnose(opts.program_name, "--stack-trace-frame-limit has no effect without -k/--stack-trace");
}

}  // namespace xtrace::cli
