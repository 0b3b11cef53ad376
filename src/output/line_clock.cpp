#include "xtrace/line_clock.hpp"

#include <time.h>

#include <array>

#include <fmt/format.h>

namespace xtrace {
namespace {

constexpr std::array<std::int64_t, 10> kPow10{1,      10,      100,      1000,      10000,
                                              100000, 1000000, 10000000, 100000000, 1000000000};

// The fraction of a second, truncated to `digits` digits, with its dot.
std::string fraction(std::int64_t ns_in_second, int digits) {
  if (digits == 0) return {};
  return fmt::format(".{:0{}}", ns_in_second / kPow10[9 - digits], digits);
}

}  // namespace

std::string LineClock::format_absolute(AbsoluteTime format, int digits, std::int64_t unix_ns) {
  std::int64_t secs = unix_ns / 1'000'000'000;
  std::int64_t ns = unix_ns % 1'000'000'000;
  if (format == AbsoluteTime::unix) return fmt::format("{}{}", secs, fraction(ns, digits));
  time_t t = static_cast<time_t>(secs);
  struct tm tm {};
  localtime_r(&t, &tm);
  return fmt::format("{:02}:{:02}:{:02}{}", tm.tm_hour, tm.tm_min, tm.tm_sec, fraction(ns, digits));
}

std::string LineClock::format_duration(std::int64_t ns, int digits) {
  if (ns < 0) ns = 0;
  return fmt::format("{}{}", ns / 1'000'000'000, fraction(ns % 1'000'000'000, digits));
}

void LineClock::append_prefix(std::string& line) {
  if (opts_.absolute != AbsoluteTime::none) {
    timespec ts{};
    clock_gettime(CLOCK_REALTIME, &ts);
    line += format_absolute(opts_.absolute, opts_.absolute_digits,
                            static_cast<std::int64_t>(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec);
    line += ' ';
  }
  if (opts_.relative) {
    Clock::time_point now = Clock::now();
    std::int64_t ns = have_last_ ? std::chrono::nanoseconds(now - last_).count() : 0;
    last_ = now;
    have_last_ = true;
    // strace: "%6ld.%06ld"; inside parentheses when -t is there too.
    std::string d = format_duration(ns, opts_.relative_digits);
    std::size_t dot = d.find('.');
    std::size_t int_len = dot == std::string::npos ? d.size() : dot;
    if (int_len < 6) d.insert(0, 6 - int_len, ' ');
    if (opts_.absolute != AbsoluteTime::none)
      fmt::format_to(std::back_inserter(line), "(+{}) ", d);
    else
      fmt::format_to(std::back_inserter(line), "{} ", d);
  }
}

void LineClock::append_syscall_time(const SyscallEvent& ev, std::string& line) const {
  if (!opts_.syscall_times || !ev.exited) return;
  std::int64_t ns = std::chrono::nanoseconds(ev.exited_at - ev.entered).count();
  fmt::format_to(std::back_inserter(line), " <{}>",
                 format_duration(ns, opts_.syscall_times_digits));
}

}  // namespace xtrace
