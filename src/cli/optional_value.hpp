// Long options whose value is optional (--decode-fds[=SET], --tips[=...]):
// getopt reads a value only after '=', so "--decode-fds PROG" runs PROG.
// CLI11 gets them as flags whose default is kNoValue, a value no user types.
#pragma once

#include <string>
#include <string_view>

namespace xtrace::cli {

// What such an option holds when it was given without "=VALUE".
inline constexpr std::string_view kNoValue = "\x01";

// The CLI11 flag name of an optional-value long option: "--NAME{\x01}".
inline std::string optional_value(std::string_view long_name) {
  std::string name(long_name);
  name += '{';
  name += kNoValue;
  name += '}';
  return name;
}

}  // namespace xtrace::cli
