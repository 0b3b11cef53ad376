// -c --json: the summary's rows as one JSON document.
#include <algorithm>

#include "xtrace/summary_table.hpp"

namespace xtrace {
namespace {

nlohmann::json row_json(const SyscallStats& s) {
  nlohmann::json j{{"calls", s.calls},
                   {"errors", s.errors},
                   {"injected", s.injected},
                   {"time_ns", s.time_ns},
                   {"avg_ns", s.calls == 0 ? 0 : s.time_ns / static_cast<std::int64_t>(s.calls)},
                   {"min_ns", s.calls == 0 ? 0 : s.min_ns},
                   {"max_ns", s.max_ns},
                   {"wall_ns", s.wall_ns},
                   {"wall_min_ns", s.calls == 0 ? 0 : s.wall_min_ns},
                   {"wall_max_ns", s.wall_max_ns}};
  // Within 1/16 of the true value (the histogram's buckets).
  j["wall_p50_ns"] = s.wall_histogram.quantile(0.50);
  j["wall_p90_ns"] = s.wall_histogram.quantile(0.90);
  j["wall_p99_ns"] = s.wall_histogram.quantile(0.99);
  return j;
}

}  // namespace

nlohmann::json summary_json(std::vector<SyscallStats> rows, const SummaryOptions& opts) {
  std::erase_if(rows, [](const SyscallStats& s) { return s.calls == 0; });
  std::stable_sort(rows.begin(), rows.end(), [&](const SyscallStats& a, const SyscallStats& b) {
    return sorts_before(a, b, opts.sort);
  });
  nlohmann::json list = nlohmann::json::array();
  SyscallStats total;
  total.name = "total";
  for (const SyscallStats& s : rows) {
    nlohmann::json j = row_json(s);
    j["syscall"] = s.name;
    list.push_back(std::move(j));
    total.merge(s);
  }
  return {{"time", opts.wall_clock ? "wall" : "cpu"},
          {"syscalls", std::move(list)},
          {"total", row_json(total)}};
}

}  // namespace xtrace
