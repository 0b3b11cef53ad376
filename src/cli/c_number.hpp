// Numbers as strace reads them from its command line: with strtoll, so
// leading blanks and a '+' are accepted, anything after the digits is not,
// and a value that does not fit is an error rather than a clipped number.
#pragma once

#include <cerrno>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>

namespace xtrace::cli {

// The decimal value of text if it is a whole number in [min, max].
inline std::optional<long long> parse_c_number(std::string_view text, long long min,
                                               long long max) {
  std::string copy(text);  // strtoll needs the terminating NUL
  if (copy.empty()) return std::nullopt;
  char* end = nullptr;
  errno = 0;
  long long value = std::strtoll(copy.c_str(), &end, 10);
  if (end == copy.c_str() || *end != '\0' || errno == ERANGE || value < min || value > max)
    return std::nullopt;
  return value;
}

}  // namespace xtrace::cli
