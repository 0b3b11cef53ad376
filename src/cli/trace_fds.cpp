// -e trace-fds=SET / --trace-fds=SET: the descriptors whose operations are
// shown, in strace's set syntax (token_set.hpp).
#include "report_options.hpp"
#include "token_set.hpp"

namespace xtrace::cli {

DescriptorSet parse_descriptor_set(std::string_view value) {
  TokenSet tokens = parse_token_set(value, "descriptor", descriptor_token);
  DescriptorSet set;
  for (int fd : tokens.numbers) set.add(fd);
  return tokens.inverted ? set.inverted() : set;
}

void qualify_trace_fds(std::string_view value, Options& opts) {
  // As in strace, a later set replaces an earlier one.
  opts.report.filter.fds = parse_descriptor_set(value);
}

}  // namespace xtrace::cli
