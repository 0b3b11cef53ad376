// strace -c's table: the per-syscall counters and their formatting, kept
// apart from the sink so that unit tests can check the text.
#pragma once

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "xtrace/latency_histogram.hpp"
#include "xtrace/summary_options.hpp"

namespace xtrace {

struct SyscallStats {
  std::string name;
  std::int64_t order = 0;  // the syscall number: the order before sorting
  std::uint64_t calls = 0;
  std::uint64_t errors = 0;
  std::uint64_t injected = 0;  // calls on which an inject=/fault= rule fired
  // The measured time (CPU time, or wall time with -w), after -O.
  std::int64_t time_ns = 0;
  std::int64_t min_ns = INT64_MAX;
  std::int64_t max_ns = 0;
  // Wall-clock time from entry to exit, for the wall-* and pNN columns.
  std::int64_t wall_ns = 0;
  std::int64_t wall_min_ns = INT64_MAX;
  std::int64_t wall_max_ns = 0;
  LatencyHistogram wall_histogram;

  void add(std::int64_t time, std::int64_t wall, bool error, bool injected = false);
  void merge(const SyscallStats& other);
};

// Whether a sorts before b in -S's order (descending except by name).
bool sorts_before(const SyscallStats& a, const SyscallStats& b, SummarySort sort);

// The whole table, with the dashed rules and the total row; empty rows
// (no calls) are left out.  Column widths grow with the numbers.
std::string format_summary_table(std::vector<SyscallStats> rows, const SummaryOptions& opts);

// The same rows as JSON (-c --json): per syscall and in total, calls,
// errors, injected, the measured time (total, avg, min, max), the wall
// time and its percentiles.  Rows in -S's order.
nlohmann::json summary_json(std::vector<SyscallStats> rows, const SummaryOptions& opts);

}  // namespace xtrace
