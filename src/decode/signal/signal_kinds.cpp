// Signal kinds: sigset (`[INT TERM]`, `~[RTMIN RT_1]`), struct sigaction,
// siginfo, stack_t.
#include <signal.h>

#include <array>
#include <bit>

#include "families.hpp"
#include "field_printer.hpp"
#include "format_helpers.hpp"
#include "signal_names.hpp"
#include "struct_reader.hpp"
#include "xlat.hpp"
#include "xtrace/decode.hpp"

#ifndef SA_RESTORER
#define SA_RESTORER 0x04000000
#endif

namespace xtrace {
namespace {

using namespace decode;

constexpr std::array kSaFlags{XlatEntry{SA_RESTORER, "SA_RESTORER"},
                              XLAT(SA_ONSTACK),
                              XLAT(SA_RESTART),
                              XlatEntry{0x20000000, "SA_INTERRUPT"},
                              XLAT(SA_NODEFER),
                              XLAT(SA_RESETHAND),
                              XLAT(SA_SIGINFO),
                              XLAT(SA_NOCLDSTOP),
                              XLAT(SA_NOCLDWAIT)};
const Xlat kSaFlagsTable{kSaFlags, "SA_???"};
constexpr std::array kSsFlags{XLAT(SS_ONSTACK), XLAT(SS_DISABLE),
                              XlatEntry{1u << 31, "SS_AUTODISARM"}};
const Xlat kSsFlagsTable{kSsFlags, "SS_???"};

// The kernel takes only its own sigset size (8 bytes) except in
// rt_sigpending, which takes any size up to it: strace prints the address
// for any other size, as the kernel rejects it.
void print_sigset_at(const ArgContext& c, std::uint64_t addr, std::uint64_t size, bool out_arg,
                     ValueOut& out, std::uint64_t min_size = 8) {
  if (addr == 0) {
    print_addr(0, out);
    return;
  }
  if (size < min_size || size == 0 || size > 8 || !c.deref || (out_arg && c.failed())) {
    print_hex(addr, out);
    return;
  }
  std::uint64_t mask = 0;
  if (!c.mem.read(addr, &mask, size)) {
    print_hex(addr, out);
    return;
  }
  print_sigmask(mask, static_cast<unsigned>(size * 8), out);
}

bool format_sigset_in(const ArgContext& c, ValueOut& out) {
  print_sigset_at(c, c.value(), c.ref_value(), false, out);
  return true;
}
bool format_sigset_out(const ArgContext& c, ValueOut& out) {
  print_sigset_at(c, c.value(), c.ref_value(), true, out);
  return true;
}
bool format_pending_sigset(const ArgContext& c, ValueOut& out) {
  print_sigset_at(c, c.value(), c.ref_value(), true, out, 1);
  return true;
}

// The kernel's struct sigaction: x86_64 has sa_restorer before the mask.
struct KernelSigactionX86 {
  std::uint64_t handler, flags, restorer, mask;
};
struct KernelSigactionGeneric {
  std::uint64_t handler, flags, mask;
};

// SIG_DFL and SIG_IGN are constants -X styles ("0x1 /* SIG_IGN */").
void print_handler(std::uint64_t h, auto& out) {
  if (h == reinterpret_cast<std::uint64_t>(SIG_DFL))
    print_styled("0", "SIG_DFL", out);
  else if (h == reinterpret_cast<std::uint64_t>(SIG_IGN))
    print_styled("0x1", "SIG_IGN", out);
  else
    print_hex(h, out);
}

void print_sigaction_at(const ArgContext& c, bool out_arg, auto& out) {
  KernelSigactionX86 sa{};
  if (c.arch == Arch::x86_64) {
    auto v = read_at<KernelSigactionX86>(c, c.value(), out_arg, out);
    if (!v) return;
    sa = *v;
  } else {
    auto v = read_at<KernelSigactionGeneric>(c, c.value(), out_arg, out);
    if (!v) return;
    sa = {v->handler, v->flags, 0, v->mask};
  }
  StructPrinter s(out);
  print_handler(sa.handler, s.field("sa_handler"));
  print_sigmask(sa.mask, 64, s.field("sa_mask"));
  print_flags(kSaFlagsTable, sa.flags, s.field("sa_flags"));
  if (c.arch == Arch::x86_64 && (sa.flags & SA_RESTORER))
    print_addr(sa.restorer, s.field("sa_restorer"));
}

bool format_sigaction_in(const ArgContext& c, ValueOut& out) {
  print_sigaction_at(c, false, out);
  return true;
}
bool format_sigaction_out(const ArgContext& c, ValueOut& out) {
  print_sigaction_at(c, true, out);
  return true;
}

bool print_siginfo_at(const ArgContext& c, bool out_arg, auto& out) {
  if (auto si = read_at<siginfo_t>(c, c.value(), out_arg, out))
    print_siginfo(*si, c.opts.pids, c.tid, out);
  return true;
}
bool format_siginfo_in(const ArgContext& c, ValueOut& out) {
  return print_siginfo_at(c, false, out);
}
bool format_siginfo_out(const ArgContext& c, ValueOut& out) {
  return print_siginfo_at(c, true, out);
}

void print_stack(const ArgContext& c, bool out_arg, auto& out) {
  auto ss = read_at<stack_t>(c, c.value(), out_arg, out);
  if (!ss) return;
  StructPrinter s(out);
  print_addr(reinterpret_cast<std::uint64_t>(ss->ss_sp), s.field("ss_sp"));
  print_flags(kSsFlagsTable, static_cast<std::uint32_t>(ss->ss_flags), s.field("ss_flags"));
  print_uint(ss->ss_size, s.field("ss_size"));
}
bool format_stack_in(const ArgContext& c, ValueOut& out) {
  print_stack(c, false, out);
  return true;
}
bool format_stack_out(const ArgContext& c, ValueOut& out) {
  print_stack(c, true, out);
  return true;
}

constexpr std::array kSigevNotify{XLAT(SIGEV_SIGNAL), XLAT(SIGEV_NONE), XLAT(SIGEV_THREAD),
                                  XLAT(SIGEV_THREAD_ID)};
const Xlat kSigevNotifyTable{kSigevNotify, "SIGEV_???"};

// struct sigevent as far as the kernel reads it (32 bytes, not glibc's
// padded 64): strace reads no more, so a sigevent at the end of a mapping
// still prints.
struct KernelSigevent {
  union {
    std::int32_t sival_int;
    std::uint64_t sival_ptr;
  } sigev_value;
  std::int32_t sigev_signo;
  std::int32_t sigev_notify;
  union {
    std::int32_t tid;
    struct {
      std::uint64_t function;
      std::uint64_t attribute;
    } thread;
  } un;
};

// timer_create/mq_notify: struct sigevent.  The value prints only when it
// is set, the signal by name only for the notifications that deliver one,
// as strace does.
bool format_sigevent(const ArgContext& c, ValueOut& out) {
  auto ev = read_in<KernelSigevent>(c, out);
  if (!ev) return true;
  int notify = ev->sigev_notify;
  StructPrinter s(out);
  if (ev->sigev_value.sival_ptr != 0) {
    StructPrinter value(s.field("sigev_value"));
    print_int(ev->sigev_value.sival_int, value.field("sival_int"));
    print_addr(ev->sigev_value.sival_ptr, value.field("sival_ptr"));
  }
  if (notify == SIGEV_SIGNAL || notify == SIGEV_THREAD || notify == SIGEV_THREAD_ID)
    print_signal(ev->sigev_signo, s.field("sigev_signo"));
  else
    print_uint(static_cast<std::uint32_t>(ev->sigev_signo), s.field("sigev_signo"));
  print_enum(kSigevNotifyTable, static_cast<std::uint32_t>(notify), s.field("sigev_notify"));
  if (notify == SIGEV_THREAD) {
    print_addr(ev->un.thread.function, s.field("sigev_notify_function"));
    print_addr(ev->un.thread.attribute, s.field("sigev_notify_attributes"));
  } else if (notify == SIGEV_THREAD_ID) {
    print_int(ev->un.tid, s.field("sigev_notify_thread_id"));
  }
  return true;
}

// pselect6's and io_pgetevents' last argument: the kernel's pair of a
// sigset pointer and its size, "{sigmask=[HUP CHLD], sigsetsize=8}".
bool format_kernel_sigset(const ArgContext& c, ValueOut& out) {
  struct SigsetAddrSize {
    std::uint64_t sigmask;
    std::uint64_t sigsetsize;
  };
  auto sas = read_in<SigsetAddrSize>(c, out);
  if (!sas) return true;
  StructPrinter s(out);
  print_sigset_at(c, sas->sigmask, sas->sigsetsize, false, s.field("sigmask"));
  print_uint(sas->sigsetsize, s.field("sigsetsize"));
  return true;
}

// rt_sigtimedwait returns the signal it took: "= 14 (SIGALRM)".
bool signal_number_result(const SyscallEvent& ev, TraceeMemory&, const DecodeOptions&,
                          std::string& out) {
  if (ev.is_error || ev.rval <= 0) return false;
  print_uint(static_cast<std::uint64_t>(ev.rval), out);
  fmt::format_to(std::back_inserter(out), " ({})", signal_name(static_cast<int>(ev.rval)));
  return true;
}

constexpr std::array kSignalKinds{
    KindDecoder{ArgKind::sigevent_in, Phase::entry, format_sigevent},
    KindDecoder{ArgKind::sigset_in, Phase::entry, format_sigset_in},
    KindDecoder{ArgKind::sigset_out, Phase::exit, format_sigset_out},
    KindDecoder{ArgKind::pending_sigset_out, Phase::exit, format_pending_sigset},
    KindDecoder{ArgKind::sigaction_in, Phase::entry, format_sigaction_in},
    KindDecoder{ArgKind::sigaction_out, Phase::exit, format_sigaction_out},
    KindDecoder{ArgKind::siginfo_in, Phase::entry, format_siginfo_in},
    KindDecoder{ArgKind::siginfo_out, Phase::exit, format_siginfo_out},
    KindDecoder{ArgKind::stack_t_in, Phase::entry, format_stack_in},
    KindDecoder{ArgKind::stack_t_out, Phase::exit, format_stack_out},
    KindDecoder{ArgKind::pselect6_sig_in, Phase::entry, format_kernel_sigset},
    KindDecoder{ArgKind::aio_sigset_in, Phase::entry, format_kernel_sigset},
};
constexpr std::array kSignalResults{
    ResultRow{SysId::rt_sigtimedwait, signal_number_result},
};

}  // namespace

std::span<const KindDecoder> signal_kinds() {
  return kSignalKinds;
}

std::span<const ResultRow> signal_results() {
  return kSignalResults;
}

}  // namespace xtrace
