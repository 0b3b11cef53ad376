#include "xtrace/short_io.hpp"

namespace xtrace::inject {

// facts.tsv's short column.
std::optional<int> short_count_arg(SysId id) noexcept {
  std::int8_t arg = facts(id).short_count;
  if (arg < 0) return std::nullopt;
  return arg;
}

bool any_shortable(const SyscallSet& set) {
  for (SysId id : all_sys_ids())
    if (set.contains(id) && short_count_arg(id)) return true;
  return false;
}

}  // namespace xtrace::inject
