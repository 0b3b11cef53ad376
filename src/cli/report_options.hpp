// The command line of issue 6's options: -e trace/status/signal/quiet and
// their long forms, -P, --trace-fds, --syscall-limit, -z/-Z, -t/-tt/-ttt/-r/-T and long forms, -A,
// and the summary (-c -C -w -S -U -O --summary-interval --summary-by).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

#include "xtrace/options.hpp"

namespace xtrace::cli {

// What CLI11 collects; checked and turned into ReportOptions afterwards, so
// that every bad value fails with strace's one-line message.
struct ReportCli {
  int absolute_count = 0;                       // -t, -tt, -ttt
  std::vector<std::string> absolute;            // --absolute-timestamps[=...], --timestamps[=...]
  bool relative = false;                        // -r
  std::vector<std::string> relative_long;       // --relative-timestamps[=...]
  bool syscall_times = false;                   // -T
  std::vector<std::string> syscall_times_long;  // --syscall-times[=...]
  bool successful_only = false;                 // -z
  bool failed_only = false;                     // -Z
  bool append = false;                          // -A
  bool summary_only = false;                    // -c
  bool summary_too = false;                     // -C
  bool wall_clock = false;                      // -w
  std::vector<std::string> sort;                // -S
  std::vector<std::string> columns;             // -U
  std::vector<std::string> overhead;            // -O
  std::vector<std::string> interval;            // --summary-interval
  std::vector<std::string> by;                  // --summary-by
  std::vector<std::string> paths;               // -P, --trace-path
  std::vector<std::string> syscall_limit;       // --syscall-limit
  std::vector<std::string> columns_at;          // -a, --columns
  bool instruction_pointer = false;             // -i, --instruction-pointer
  bool json = false;                            // --json
  std::vector<std::string> output_format;       // --output-format
  std::vector<std::string> timeline;            // --timeline
  std::vector<std::string> color;               // --color[=WHEN]
  std::vector<std::string> slow;                // --slow=DURATION
};

void add_report_options(CLI::App& app, ReportCli& cli);
// Checks the collected values and stores them in opts.report.
void apply_report_options(const ReportCli& cli, Options& opts);

// Applies -e and the long forms (--trace=, --signal=, ...) in command-line
// order, so that a later one replaces an earlier one as in strace.
void apply_qualifiers_in_order(const CLI::App& app, Options& opts);

// -e handlers (rows of kQualifiers).
void qualify_trace(std::string_view value, Options& opts);
void qualify_status(std::string_view value, Options& opts);
void qualify_signal(std::string_view value, Options& opts);
void qualify_quiet(std::string_view value, Options& opts);
void qualify_trace_fds(std::string_view value, Options& opts);  // trace_fds.cpp

// strace's number-set syntax for descriptors (trace_fds.cpp).
DescriptorSet parse_descriptor_set(std::string_view value);

}  // namespace xtrace::cli
