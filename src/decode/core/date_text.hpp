// A time in seconds as strace's sprinttime writes it: the local calendar
// date, "2026-12-01T19:57:20+0000" (with ".000000006" when nsec is set).
#pragma once

#include <cstdint>
#include <string>

namespace xtrace::decode {

// Empty where strace prints no date: the epoch itself (0 s, 0 ns), a
// fraction out of range, or a time the C library cannot convert.
std::string date_text(std::int64_t sec, std::uint64_t nsec = 0);

// " /* 2024-01-02T03:04:05.000000006+0000 */" after a time, as strace -v.
void print_date_comment(std::int64_t sec, std::uint64_t nsec, std::string& out);

}  // namespace xtrace::decode
