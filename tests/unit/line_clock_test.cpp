#include <gtest/gtest.h>

#include <cstdlib>

#include "xtrace/line_clock.hpp"

namespace xtrace {
namespace {

TEST(LineClock, Durations) {
  EXPECT_EQ(LineClock::format_duration(12'345, 6), "0.000012");
  EXPECT_EQ(LineClock::format_duration(1'500'000'000, 3), "1.500");
  EXPECT_EQ(LineClock::format_duration(1'999'999'999, 0), "1");
  EXPECT_EQ(LineClock::format_duration(5, 9), "0.000000005");
}

TEST(LineClock, AbsoluteTimes) {
  std::int64_t t = 1'700'000'000'123'456'789;
  EXPECT_EQ(LineClock::format_absolute(AbsoluteTime::unix, 6, t), "1700000000.123456");
  EXPECT_EQ(LineClock::format_absolute(AbsoluteTime::unix, 0, t), "1700000000");
  setenv("TZ", "UTC", 1);
  tzset();
  EXPECT_EQ(LineClock::format_absolute(AbsoluteTime::time, 0, t), "22:13:20");
  EXPECT_EQ(LineClock::format_absolute(AbsoluteTime::time, 9, t), "22:13:20.123456789");
}

TEST(LineClock, RelativePrefix) {
  TimeOptions opts;
  opts.relative = true;
  LineClock clock(opts);
  std::string line;
  clock.append_prefix(line);
  EXPECT_EQ(line, "     0.000000 ");
  opts.absolute = AbsoluteTime::time;
  LineClock both(opts);
  line.clear();
  both.append_prefix(line);
  EXPECT_EQ(line.substr(8), " (+     0.000000) ");
}

TEST(LineClock, SyscallTime) {
  TimeOptions opts;
  opts.syscall_times = true;
  LineClock clock(opts);
  SyscallEvent ev;
  ev.exited = true;
  ev.entered = Clock::time_point(std::chrono::nanoseconds(1'000));
  ev.exited_at = Clock::time_point(std::chrono::nanoseconds(13'500));
  std::string line;
  clock.append_syscall_time(ev, line);
  EXPECT_EQ(line, " <0.000012>");
  ev.exited = false;  // "= ?": no time
  line.clear();
  clock.append_syscall_time(ev, line);
  EXPECT_EQ(line, "");
}

}  // namespace
}  // namespace xtrace
