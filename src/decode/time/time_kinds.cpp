// Time structures: timespec, timeval, itimerspec, itimerval, timezone,
// utimensat's pair, tms; and the constants of the timer calls.
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/times.h>
#include <sys/timex.h>
#include <time.h>

#include <array>

#include "date_text.hpp"
#include "field_printer.hpp"
#include "format_helpers.hpp"
#include "struct_reader.hpp"
#include "table_kinds.hpp"
#include "xlat.hpp"
#include "xtrace/decode.hpp"

namespace xtrace {
namespace {

using namespace decode;

constexpr std::array kTimerFlags{XLAT(TIMER_ABSTIME)};
constexpr std::array kItimerWhich{XLAT(ITIMER_REAL), XLAT(ITIMER_VIRTUAL), XLAT(ITIMER_PROF)};
const Xlat kTimerFlagsTable{kTimerFlags, "TIMER_???"};
const Xlat kItimerTable{kItimerWhich, "ITIMER_???"};

void print_timespec_value(const timespec& ts, auto& out) {
  print_timespec(ts.tv_sec, ts.tv_nsec, out);
}
void print_timeval_value(const timeval& tv, auto& out) {
  print_timeval(tv.tv_sec, tv.tv_usec, out);
}

template <typename T, void (*print)(const T&, ValueOut&)>
bool in_struct(const ArgContext& c, ValueOut& out) {
  if (auto v = read_in<T>(c, out)) print(*v, out);
  return true;
}
template <typename T, void (*print)(const T&, ValueOut&)>
bool out_struct(const ArgContext& c, ValueOut& out) {
  if (auto v = read_out<T>(c, out)) print(*v, out);
  return true;
}

// nanosleep's remainder is written only when the sleep was interrupted.
bool format_timespec_rem(const ArgContext& c, ValueOut& out) {
  bool interrupted = c.is_error && (-c.rval == EINTR || -c.rval == 512 || -c.rval == 516);
  if (!interrupted) {
    print_addr(c.value(), out);
    return true;
  }
  auto v = c.value() != 0 && c.deref ? c.mem.read_value<timespec>(c.value()) : std::nullopt;
  if (!v)
    print_addr(c.value(), out);
  else
    print_timespec_value(*v, out);
  return true;
}

bool format_timespec_out(const ArgContext& c, ValueOut& out) {
  SysId id = id_of(c.desc);
  if (id == SysId::nanosleep || id == SysId::clock_nanosleep) return format_timespec_rem(c, out);
  return out_struct<timespec, print_timespec_value>(c, out);
}

void print_itimerspec(const itimerspec& v, auto& out) {
  StructPrinter s(out);
  print_timespec_value(v.it_interval, s.field("it_interval"));
  print_timespec_value(v.it_value, s.field("it_value"));
}
void print_itimerval(const itimerval& v, auto& out) {
  StructPrinter s(out);
  print_timeval_value(v.it_interval, s.field("it_interval"));
  print_timeval_value(v.it_value, s.field("it_value"));
}
void print_timezone(const struct timezone& tz, auto& out) {
  StructPrinter s(out);
  print_int(tz.tz_minuteswest, s.field("tz_minuteswest"));
  print_int(tz.tz_dsttime, s.field("tz_dsttime"));
}
void print_tms(const tms& t, auto& out) {
  StructPrinter s(out);
  print_clock_ticks(t.tms_utime, s.field("tms_utime"));
  print_clock_ticks(t.tms_stime, s.field("tms_stime"));
  print_clock_ticks(t.tms_cutime, s.field("tms_cutime"));
  print_clock_ticks(t.tms_cstime, s.field("tms_cstime"));
}

void print_utime_ns(const timespec& ts, auto& out) {
  if (ts.tv_nsec == UTIME_NOW || ts.tv_nsec == UTIME_OMIT) {
    StructPrinter s(out);
    print_int(ts.tv_sec, s.field("tv_sec"));
    s.field("tv_nsec") += ts.tv_nsec == UTIME_NOW ? "UTIME_NOW" : "UTIME_OMIT";
    return;
  }
  print_timespec_value(ts, out);
  print_date_comment(ts.tv_sec, ts.tv_nsec, as_text(out));
}

// time()'s tloc: the seconds the kernel stored, with the date as a comment
// ("[1796155040 /* 2026-12-01T19:57:20+0000 */]").
void print_time_t(const std::int64_t& sec, auto& out) {
  fmt::format_to(std::back_inserter(out), "[{}", sec);
  print_date_comment(sec, 0, as_text(out));
  out += ']';
}

bool format_timespec_pair(const ArgContext& c, ValueOut& out) {
  auto v = read_in<std::array<timespec, 2>>(c, out);
  if (!v) return true;
  ArrayPrinter a(out);
  print_utime_ns((*v)[0], a.item());
  print_utime_ns((*v)[1], a.item());
  return true;
}

bool format_timeval_pair(const ArgContext& c, ValueOut& out) {
  auto v = read_in<std::array<timeval, 2>>(c, out);
  if (!v) return true;
  ArrayPrinter a(out);
  print_timeval_value((*v)[0], a.item());
  print_timeval_value((*v)[1], a.item());
  return true;
}

constexpr std::array kAdjtimexModes{XlatEntry{0xa001, "ADJ_OFFSET_SS_READ"},
                                    XLAT(ADJ_OFFSET_SINGLESHOT),
                                    XLAT(ADJ_OFFSET),
                                    XLAT(ADJ_FREQUENCY),
                                    XLAT(ADJ_MAXERROR),
                                    XLAT(ADJ_ESTERROR),
                                    XLAT(ADJ_STATUS),
                                    XLAT(ADJ_TIMECONST),
                                    XLAT(ADJ_TAI),
                                    XLAT(ADJ_SETOFFSET),
                                    XLAT(ADJ_MICRO),
                                    XLAT(ADJ_NANO),
                                    XLAT(ADJ_TICK)};
constexpr std::array kAdjtimexStatus{
    XLAT(STA_PLL),       XLAT(STA_PPSFREQ),   XLAT(STA_PPSTIME),   XLAT(STA_FLL),
    XLAT(STA_INS),       XLAT(STA_DEL),       XLAT(STA_UNSYNC),    XLAT(STA_FREQHOLD),
    XLAT(STA_PPSSIGNAL), XLAT(STA_PPSJITTER), XLAT(STA_PPSWANDER), XLAT(STA_PPSERROR),
    XLAT(STA_CLOCKERR),  XLAT(STA_NANO),      XLAT(STA_MODE),      XLAT(STA_CLK)};
const Xlat kAdjtimexModesTable{kAdjtimexModes, "ADJ_???"};
const Xlat kAdjtimexStatusTable{kAdjtimexStatus, "STA_???"};

// adjtimex/clock_adjtime: the kernel reads the modes it is asked to set and
// writes the whole structure back, so strace prints it once, at exit.  The
// result is explained ("= 5 (TIME_ERROR)") only when the structure printed:
// `saved` tells the result printer.
bool format_timex(const ArgContext& c, ValueOut& out) {
  c.saved = 0;
  auto tx = read_out<timex>(c, out);
  if (!tx) return true;
  c.saved = 1;
  StructPrinter s(out);
  print_flags(kAdjtimexModesTable, tx->modes, s.field("modes"));
  print_int(tx->offset, s.field("offset"));
  print_int(tx->freq, s.field("freq"));
  print_int(tx->maxerror, s.field("maxerror"));
  print_int(tx->esterror, s.field("esterror"));
  print_flags(kAdjtimexStatusTable, static_cast<std::uint32_t>(tx->status), s.field("status"));
  print_int(tx->constant, s.field("constant"));
  print_int(tx->precision, s.field("precision"));
  print_int(tx->tolerance, s.field("tolerance"));
  {
    StructPrinter time(s.field("time"));
    print_int(tx->time.tv_sec, time.field("tv_sec"));
    print_uint(static_cast<std::uint64_t>(tx->time.tv_usec), time.field("tv_usec"));
  }
  print_int(tx->tick, s.field("tick"));
  print_int(tx->ppsfreq, s.field("ppsfreq"));
  print_int(tx->jitter, s.field("jitter"));
  print_int(tx->shift, s.field("shift"));
  print_int(tx->stabil, s.field("stabil"));
  print_int(tx->jitcnt, s.field("jitcnt"));
  print_int(tx->calcnt, s.field("calcnt"));
  print_int(tx->errcnt, s.field("errcnt"));
  print_int(tx->stbcnt, s.field("stbcnt"));
  print_int(tx->tai, s.field("tai"));
  return true;
}

constexpr std::array kTimeKinds{
    KindDecoder{ArgKind::timespec_in, Phase::entry, in_struct<timespec, print_timespec_value>},
    KindDecoder{ArgKind::timespec_out, Phase::exit, format_timespec_out},
    KindDecoder{ArgKind::timeval_in, Phase::entry, in_struct<timeval, print_timeval_value>},
    KindDecoder{ArgKind::timeval_out, Phase::exit, out_struct<timeval, print_timeval_value>},
    KindDecoder{ArgKind::timezone_in, Phase::entry, in_struct<struct timezone, print_timezone>},
    KindDecoder{ArgKind::timezone_out, Phase::exit, out_struct<struct timezone, print_timezone>},
    KindDecoder{ArgKind::itimerspec_in, Phase::entry, in_struct<itimerspec, print_itimerspec>},
    KindDecoder{ArgKind::itimerspec_out, Phase::exit, out_struct<itimerspec, print_itimerspec>},
    KindDecoder{ArgKind::itimerval_in, Phase::entry, in_struct<itimerval, print_itimerval>},
    KindDecoder{ArgKind::itimerval_out, Phase::exit, out_struct<itimerval, print_itimerval>},
    KindDecoder{ArgKind::tms_out, Phase::exit, out_struct<tms, print_tms>},
    KindDecoder{ArgKind::time_out, Phase::exit, out_struct<std::int64_t, print_time_t>},
    KindDecoder{ArgKind::timex_inout, Phase::exit, format_timex},
    KindDecoder{ArgKind::timespec_pair_in, Phase::entry, format_timespec_pair},
    KindDecoder{ArgKind::timeval_pair_in, Phase::entry, format_timeval_pair},
    KindDecoder{ArgKind::timer_flags, Phase::entry, flags32<kTimerFlagsTable>},
    KindDecoder{ArgKind::itimer_which, Phase::entry, enum32<kItimerTable>},
};

}  // namespace

std::span<const KindDecoder> time_kinds() {
  return kTimeKinds;
}

}  // namespace xtrace
