// The time stamps of strace's text lines: -t/-tt/-ttt and
// --absolute-timestamps before the line, -r (time since the previous line),
// and -T (" <0.000012>", time spent in the call) after the result.
#pragma once

#include <string>

#include "xtrace/event.hpp"
#include "xtrace/report_options.hpp"

namespace xtrace {

class LineClock {
 public:
  explicit LineClock(TimeOptions opts) : opts_(opts) {}
  bool stamps_lines() const { return opts_.absolute != AbsoluteTime::none || opts_.relative; }
  // Appends the prefix of a line that starts now.
  void append_prefix(std::string& line);
  // Appends " <seconds>" for a call that returned (-T).
  void append_syscall_time(const SyscallEvent& ev, std::string& line) const;

  // The pieces, for tests: an absolute time, and a duration as -r/-T show it.
  static std::string format_absolute(AbsoluteTime format, int digits, std::int64_t unix_ns);
  static std::string format_duration(std::int64_t ns, int digits);

 private:
  TimeOptions opts_;
  bool have_last_ = false;
  Clock::time_point last_;
};

}  // namespace xtrace
