// Constant and flag kinds of time calls (clocks, timerfd's flags), and the
// clock state adjtimex returns.
#include <sys/timerfd.h>
#include <time.h>

#include <fmt/format.h>

#include <array>
#include <string_view>

#include "families.hpp"
#include "table_kinds.hpp"
#include "xlat.hpp"
#include "xtrace/decode.hpp"

namespace xtrace {
namespace {

using namespace decode;

constexpr std::array kClockid{XLAT(CLOCK_REALTIME),
                              XLAT(CLOCK_MONOTONIC),
                              XLAT(CLOCK_PROCESS_CPUTIME_ID),
                              XLAT(CLOCK_THREAD_CPUTIME_ID),
                              XLAT(CLOCK_MONOTONIC_RAW),
                              XLAT(CLOCK_REALTIME_COARSE),
                              XLAT(CLOCK_MONOTONIC_COARSE),
                              XLAT(CLOCK_BOOTTIME),
                              XLAT(CLOCK_REALTIME_ALARM),
                              XLAT(CLOCK_BOOTTIME_ALARM),
                              XLAT(CLOCK_TAI)};
const Xlat kClockidTable{kClockid, "CLOCK_???"};
constexpr std::array kTimerfdFlags{XLAT(TFD_TIMER_ABSTIME), XLAT(TFD_TIMER_CANCEL_ON_SET),
                                   XLAT(TFD_CLOEXEC), XLAT(TFD_NONBLOCK)};
const Xlat kTimerfdTable{kTimerfdFlags, "TFD_???"};

// adjtimex/clock_adjtime return the clock state: "= 5 (TIME_ERROR)", when
// the timex structure printed (its formatter leaves 1 in `saved`).
bool clock_state_result(const SyscallEvent& ev, TraceeMemory&, const DecodeOptions&,
                        std::string& out) {
  constexpr std::array<std::string_view, 6> kStates{"TIME_OK",  "TIME_INS",  "TIME_DEL",
                                                    "TIME_OOP", "TIME_WAIT", "TIME_ERROR"};
  int timex_arg = ev.desc->nargs - 1;
  if (ev.saved[timex_arg] != 1 || ev.rval < 0 ||
      static_cast<std::uint64_t>(ev.rval) >= kStates.size())
    return false;
  fmt::format_to(std::back_inserter(out), "{} ({})", ev.rval, kStates[ev.rval]);
  return true;
}

constexpr std::array kTimeFlagKinds{
    KindDecoder{ArgKind::clockid, Phase::entry, enum32<kClockidTable>},
    KindDecoder{ArgKind::timerfd_flags, Phase::entry, flags32<kTimerfdTable>},
};
constexpr std::array kTimeResults{ResultRow{SysId::adjtimex, clock_state_result},
                                  ResultRow{SysId::clock_adjtime, clock_state_result}};

}  // namespace

std::span<const KindDecoder> time_flag_kinds() {
  return kTimeFlagKinds;
}

std::span<const ResultRow> time_results() {
  return kTimeResults;
}

}  // namespace xtrace
