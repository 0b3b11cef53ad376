// -c/-C: the summary table (columns, order, time measure) and xtrace's
// additions (latency percentiles, periodic tables, per-process tables).
#pragma once

#include <chrono>
#include <cstdint>
#include <vector>

namespace xtrace {

// A column of the table; strace's, with xtrace's injected count after the
// errors, then xtrace's percentiles.
enum class SummaryColumn : std::uint8_t {
  time_percent,
  total_time,
  avg_time,
  calls,
  errors,
  injected,
  name,
  min_time,
  max_time,
  wall_total,
  wall_avg,
  wall_min,
  wall_max,
  p50,
  p90,
  p95,
  p99,
  p999,
};

// -S: what the rows are sorted by (descending, except name).
enum class SummarySort : std::uint8_t {
  time,
  min_time,
  max_time,
  avg_time,
  calls,
  errors,
  name,
  nothing,
  wall_total,
  wall_min,
  wall_max,
  wall_avg,
};

enum class SummaryBy : std::uint8_t { all, process, thread };

struct SummaryOptions {
  bool enabled = false;     // -c or -C
  bool with_trace = false;  // -C: the normal trace too
  bool wall_clock = false;  // -w: time from entry to exit, not CPU time
  SummarySort sort = SummarySort::time;
  std::vector<SummaryColumn> columns;  // -U; empty: strace's default set
  // Some inject=/fault= rule was given: the default set gains the injected
  // column after errors.  Without rules the table stays strace's.
  bool injecting = false;
  std::chrono::nanoseconds overhead{0};  // -O
  std::chrono::nanoseconds interval{0};  // --summary-interval; 0: at the end only
  SummaryBy by = SummaryBy::all;         // --summary-by
  bool json = false;                     // --json: one JSON document, not the table
};

}  // namespace xtrace
