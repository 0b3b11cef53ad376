// What is shown and how it is stamped: -e trace/status/signal, -z/-Z, -P, --trace-fds,
// --syscall-limit, -t/-r/-T, -A, and the -c summary.
#pragma once

#include <bitset>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "xtrace/descriptor_set.hpp"
#include "xtrace/summary_options.hpp"
#include "xtrace/syscall_set.hpp"

namespace xtrace {

// -e status=: which outcomes of a syscall are shown.
enum class SyscallStatus : std::uint8_t { successful, failed, unfinished, unavailable, detached };
inline constexpr std::size_t kStatusCount = 5;

// strace accepts signal numbers up to 255 in -e signal=.
inline constexpr int kMaxQualifiedSignal = 255;

struct FilterOptions {
  SyscallSet trace = SyscallSet::everything();                           // -e trace=
  std::bitset<kStatusCount> status = std::bitset<kStatusCount>().set();  // -e status=, -z, -Z
  std::bitset<kMaxQualifiedSignal + 1> signals =
      std::bitset<kMaxQualifiedSignal + 1>().set();  // -e signal=
  std::uint64_t syscall_limit = 0;                   // --syscall-limit; 0: none
  // -P PATH (as given; resolved when tracing starts) and --trace-fds=SET:
  // either one shows only the calls that touch these paths or descriptors.
  std::vector<std::string> paths;
  std::optional<DescriptorSet> fds;

  bool traces_paths() const { return !paths.empty() || fds.has_value(); }

  bool shows_status(SyscallStatus s) const { return status.test(static_cast<std::size_t>(s)); }
  bool shows_signal(int sig) const {
    return sig >= 0 && sig <= kMaxQualifiedSignal && signals.test(sig);
  }
};

// How -t/-tt/-ttt/--absolute-timestamps stamp a line.
enum class AbsoluteTime : std::uint8_t { none, time, unix };

struct TimeOptions {
  AbsoluteTime absolute = AbsoluteTime::none;
  int absolute_digits = 0;  // fractional digits: 0, 3, 6 or 9
  bool relative = false;    // -r
  int relative_digits = 6;
  bool syscall_times = false;  // -T
  int syscall_times_digits = 6;
};

// How events are written: strace's text, or JSON lines (--json).
enum class OutputFormat : std::uint8_t { text, json };

// --color=WHEN, as strace 7.2 (auto: on a terminal, unless NO_COLOR).
enum class ColorMode : std::uint8_t { automatic, always, never };

struct ReportOptions {
  FilterOptions filter;
  TimeOptions time;
  SummaryOptions summary;
  bool append = false;                       // -A: -o appends
  std::size_t result_column = 40;            // -a: where " = RESULT" starts
  bool instruction_pointer = false;          // -i: "[00007f...] " before each line
  OutputFormat format = OutputFormat::text;  // --json, --output-format
  std::optional<std::string> timeline_path;  // --timeline: Chrome trace-event JSON
  ColorMode color = ColorMode::automatic;    // --color
  // --slow=DURATION: calls that took longer are highlighted (with colour).
  std::optional<std::chrono::nanoseconds> slow;
};

}  // namespace xtrace
