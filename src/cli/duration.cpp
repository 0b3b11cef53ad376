#include "duration.hpp"

#include <cerrno>
#include <climits>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <string>

#include "named_values.hpp"

namespace xtrace::cli {
namespace {

constexpr NamedValue kUnits[] = {{"s", 1'000'000'000}, {"ms", 1'000'000}, {"us", 1'000}, {"ns", 1}};

// Beyond this many nanoseconds (~31 years) a duration is refused rather
// than overflowing.
constexpr double kMaxNanoseconds = 1e18;

}  // namespace

std::optional<std::chrono::nanoseconds> parse_duration(std::string_view text,
                                                       std::chrono::nanoseconds bare_unit) {
  std::string s(text);  // strtod and strtoll need the terminating NUL
  // As strace: the number is floating-point only if it uses more than an
  // integer's characters ("1.5", "1e3").
  std::size_t float_len = std::strspn(s.c_str(), "eE.-+0123456789");
  std::size_t int_len = std::strspn(s.c_str(), "+0123456789");
  char* end = nullptr;
  errno = 0;
  double value = 0;
  if (float_len > int_len) {
    value = std::strtod(s.c_str(), &end);
    if (end == s.c_str() || errno != 0 || value < 0 || !std::isfinite(value)) return std::nullopt;
  } else {
    long long n = std::strtoll(s.c_str(), &end, 10);
    if (end == s.c_str() || n < 0 || (n == LLONG_MAX && errno == ERANGE)) return std::nullopt;
    value = static_cast<double>(n);
  }
  std::string_view suffix(end);
  double scale = static_cast<double>(bare_unit.count());
  if (!suffix.empty()) {
    int unit = find_value(kUnits, suffix, Case::exact);
    if (unit < 0) return std::nullopt;
    scale = unit;
  }
  double ns = value * scale;
  if (ns > kMaxNanoseconds) return std::nullopt;
  return std::chrono::nanoseconds(static_cast<std::int64_t>(std::llround(ns)));
}

}  // namespace xtrace::cli
