// Durations as strace reads them (parse_ts: -O, inject delay_enter=/
// delay_exit=): a non-negative integer or floating-point number, then a
// unit s, ms, us or ns (lower case: strace
// rejects "1MS"); a bare number is in `bare_unit`
// (microseconds for strace's options).
#pragma once

#include <chrono>
#include <optional>
#include <string_view>

namespace xtrace::cli {

std::optional<std::chrono::nanoseconds> parse_duration(
    std::string_view text, std::chrono::nanoseconds bare_unit = std::chrono::microseconds(1));

}  // namespace xtrace::cli
