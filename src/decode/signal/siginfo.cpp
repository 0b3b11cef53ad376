// siginfo_t as strace prints it in `--- SIGCHLD {...} ---` lines and in
// waitid's and rt_sigtimedwait's arguments: which fields exist depends on
// the signal and on si_code.  Written as values: si_signo, si_code and
// si_errno are constants -X styles.
#include <signal.h>

#include <array>

#include <fmt/format.h>

#include "field_printer.hpp"
#include "format_helpers.hpp"
#include "pid_printer.hpp"
#include "signal_names.hpp"
#include "xlat.hpp"
#include "xtrace/decode.hpp"

namespace xtrace {
namespace {

using namespace decode;

constexpr std::array kGenericCodes{
    XLAT(SI_USER),    XLAT(SI_KERNEL), XLAT(SI_QUEUE), XLAT(SI_TIMER),    XLAT(SI_MESGQ),
    XLAT(SI_ASYNCIO), XLAT(SI_SIGIO),  XLAT(SI_TKILL), XLAT(SI_DETHREAD), XLAT(SI_ASYNCNL)};
constexpr std::array kChldCodes{XLAT(CLD_EXITED),  XLAT(CLD_KILLED),  XLAT(CLD_DUMPED),
                                XLAT(CLD_TRAPPED), XLAT(CLD_STOPPED), XLAT(CLD_CONTINUED)};
constexpr std::array kSegvCodes{XLAT(SEGV_MAPERR),  XLAT(SEGV_ACCERR),  XLAT(SEGV_BNDERR),
                                XLAT(SEGV_PKUERR),  XLAT(SEGV_ACCADI),  XLAT(SEGV_ADIDERR),
                                XLAT(SEGV_ADIPERR), XLAT(SEGV_MTEAERR), XLAT(SEGV_MTESERR)};
constexpr std::array kBusCodes{XLAT(BUS_ADRALN), XLAT(BUS_ADRERR), XLAT(BUS_OBJERR),
                               XLAT(BUS_MCEERR_AR), XLAT(BUS_MCEERR_AO)};
constexpr std::array kIllCodes{XLAT(ILL_ILLOPC), XLAT(ILL_ILLOPN), XLAT(ILL_ILLADR),
                               XLAT(ILL_ILLTRP), XLAT(ILL_PRVOPC), XLAT(ILL_PRVREG),
                               XLAT(ILL_COPROC), XLAT(ILL_BADSTK)};
constexpr std::array kFpeCodes{XLAT(FPE_INTDIV), XLAT(FPE_INTOVF), XLAT(FPE_FLTDIV),
                               XLAT(FPE_FLTOVF), XLAT(FPE_FLTUND), XLAT(FPE_FLTRES),
                               XLAT(FPE_FLTINV), XLAT(FPE_FLTSUB)};
constexpr std::array kTrapCodes{XLAT(TRAP_BRKPT), XLAT(TRAP_TRACE), XLAT(TRAP_BRANCH),
                                XLAT(TRAP_HWBKPT)};
constexpr std::array kPollCodes{XLAT(POLL_IN),  XLAT(POLL_OUT), XLAT(POLL_MSG),
                                XLAT(POLL_ERR), XLAT(POLL_PRI), XLAT(POLL_HUP)};

// Signal-specific codes are positive; SI_USER and the negative ones are
// shared by every signal.
std::span<const XlatEntry> codes_for(int sig) {
  switch (sig) {
    case SIGCHLD: return kChldCodes;
    case SIGSEGV: return kSegvCodes;
    case SIGBUS: return kBusCodes;
    case SIGILL: return kIllCodes;
    case SIGFPE: return kFpeCodes;
    case SIGTRAP: return kTrapCodes;
    case SIGPOLL: return kPollCodes;
    default: return {};
  }
}

bool is_fault(int sig) {
  return sig == SIGSEGV || sig == SIGBUS || sig == SIGILL || sig == SIGFPE || sig == SIGTRAP;
}

// si_code: a name shared by every signal (the negative ones, SI_USER,
// SI_KERNEL) or one of this signal's own, as a constant -X styles.
void print_code(const siginfo_t& si, ValueOut& out) {
  // The shared codes are negative (SI_TKILL is -6): the table holds them
  // sign-extended, as XLAT does, and the number prints signed.
  auto code = static_cast<std::uint64_t>(static_cast<std::int64_t>(si.si_code));
  const Xlat generic{kGenericCodes, {}, XlatNumber::signed_dec};
  if (lookup(generic, code).empty() && si.si_code > 0)
    print_enum(Xlat{codes_for(si.si_signo), {}, XlatNumber::signed_dec}, code, out);
  else
    print_enum(generic, code, out);
}

void print_value(const siginfo_t& si, StructPrinter<ValueOut>& s) {
  print_int(si.si_value.sival_int, s.field("si_int"));
  print_addr(reinterpret_cast<std::uint64_t>(si.si_value.sival_ptr), s.field("si_ptr"));
}

// Who sent the signal, decorated as the receiver numbers it.
struct Sender {
  PidDecorator* pids;
  pid_t tracee;
};

void print_sender(const siginfo_t& si, const Sender& sender, StructPrinter<ValueOut>& s) {
  print_pid(sender.pids, sender.tracee, si.si_pid, PidType::tgid, s.field("si_pid"));
  print_uint(si.si_uid, s.field("si_uid"));
}

void print_kernel_fields(const siginfo_t& si, const Sender& sender, StructPrinter<ValueOut>& s) {
  int sig = si.si_signo;
  if (sig == SIGCHLD) {
    print_sender(si, sender, s);
    if (si.si_code == CLD_EXITED)
      print_int(si.si_status, s.field("si_status"));
    else
      print_signal(si.si_status, s.field("si_status"));
    print_clock_ticks(static_cast<std::uint64_t>(si.si_utime), s.field("si_utime"));
    print_clock_ticks(static_cast<std::uint64_t>(si.si_stime), s.field("si_stime"));
  } else if (is_fault(sig)) {
    print_addr(reinterpret_cast<std::uint64_t>(si.si_addr), s.field("si_addr"));
  } else if (sig == SIGPOLL) {
    print_int(si.si_band, s.field("si_band"));
    print_int(si.si_fd, s.field("si_fd"));
  } else if (sig == SIGSYS) {
    print_addr(reinterpret_cast<std::uint64_t>(si.si_call_addr), s.field("si_call_addr"));
    print_int(si.si_syscall, s.field("si_syscall"));
    print_hex(si.si_arch, s.field("si_arch"));
  }
}

}  // namespace

void print_siginfo(const siginfo_t& si, PidDecorator* pids, pid_t tracee, ValueOut& out) {
  StructPrinter s(out);
  // waitid with WNOHANG and nothing to report zeroes the siginfo: strace
  // prints an empty structure.
  if (si.si_signo == 0) return;
  Sender sender{pids, tracee};
  print_signal(si.si_signo, s.field("si_signo"));
  print_code(si, s.field("si_code"));
  if (si.si_errno != 0) {
    std::string_view name = errno_name(si.si_errno);
    if (name.empty())
      print_int(si.si_errno, s.field("si_errno"));
    else
      print_styled(fmt::format("{}", si.si_errno), name, s.field("si_errno"));
  }
  switch (si.si_code) {
    case SI_USER:
    case SI_TKILL: print_sender(si, sender, s); break;
    case SI_QUEUE:
    case SI_MESGQ:
      print_sender(si, sender, s);
      print_value(si, s);
      break;
    case SI_TIMER:
      print_hex(static_cast<std::uint32_t>(si.si_timerid), s.field("si_timerid"));
      print_int(si.si_overrun, s.field("si_overrun"));
      print_value(si, s);
      break;
    case SI_KERNEL:
      if (is_fault(si.si_signo)) print_kernel_fields(si, sender, s);
      break;
    default:
      if (si.si_code > 0) print_kernel_fields(si, sender, s);
  }
}

}  // namespace xtrace
