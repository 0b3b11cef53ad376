// -e trace-fds=SET / --trace-fds=SET: the descriptors whose operations are
// shown.  The syntax is strace's for every number set: leading '!'s
// invert, "all" and "none" stand alone, empty items between commas are
// skipped, and a set with no item at all is an error.
#include <climits>

#include <fmt/format.h>

#include "c_number.hpp"
#include "report_options.hpp"

namespace xtrace::cli {

DescriptorSet parse_descriptor_set(std::string_view value) {
  std::string_view rest = value;
  bool invert = false;
  for (; rest.starts_with('!'); rest.remove_prefix(1)) invert = !invert;
  DescriptorSet set;
  if (rest == "all") {
    set = DescriptorSet::all();
  } else if (rest != "none") {
    bool any = false;
    while (!rest.empty()) {
      std::size_t comma = rest.find(',');
      std::string_view item = rest.substr(0, comma);
      rest.remove_prefix(comma == std::string_view::npos ? rest.size() : comma + 1);
      if (item.empty()) continue;
      auto fd = parse_c_number(item, 0, INT_MAX);
      if (!fd) throw UsageError(fmt::format("invalid descriptor '{}'", item));
      set.add(static_cast<int>(*fd));
      any = true;
    }
    if (!any) throw UsageError(fmt::format("invalid descriptor '{}'", value));
  }
  return invert ? set.inverted() : set;
}

void qualify_trace_fds(std::string_view value, Options& opts) {
  // As in strace, a later set replaces an earlier one.
  opts.report.filter.fds = parse_descriptor_set(value);
}

}  // namespace xtrace::cli
