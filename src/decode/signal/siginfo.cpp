// siginfo_t as strace prints it in `--- SIGCHLD {...} ---` lines: which
// fields exist depends on the signal and on si_code.
#include <signal.h>

#include <array>

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

void print_code(const siginfo_t& si, std::string& out) {
  // The shared codes are negative (SI_TKILL is -6): the table holds them
  // sign-extended, as XLAT does.
  std::string_view name = lookup(Xlat{kGenericCodes},
                                 static_cast<std::uint64_t>(static_cast<std::int64_t>(si.si_code)));
  if (name.empty() && si.si_code > 0)
    name = lookup(Xlat{codes_for(si.si_signo)}, static_cast<std::uint64_t>(si.si_code));
  if (!name.empty())
    out += name;
  else
    print_int(si.si_code, out);
}

void print_value(const siginfo_t& si, std::string& out) {
  fmt::format_to(std::back_inserter(out), ", si_int={}, si_ptr=", si.si_value.sival_int);
  print_addr(reinterpret_cast<std::uint64_t>(si.si_value.sival_ptr), out);
}

// Who sent the signal, decorated as the receiver numbers it.
struct Sender {
  PidDecorator* pids;
  pid_t tracee;
};

void print_sender(const siginfo_t& si, const Sender& sender, std::string& out) {
  out += ", si_pid=";
  print_pid(sender.pids, sender.tracee, si.si_pid, PidType::tgid, out);
  fmt::format_to(std::back_inserter(out), ", si_uid={}", si.si_uid);
}

void print_kernel_fields(const siginfo_t& si, const Sender& sender, std::string& out) {
  int sig = si.si_signo;
  if (sig == SIGCHLD) {
    print_sender(si, sender, out);
    out += ", si_status=";
    if (si.si_code == CLD_EXITED)
      print_int(si.si_status, out);
    else
      print_signal(si.si_status, out);
    out += ", si_utime=";
    print_clock_ticks(static_cast<std::uint64_t>(si.si_utime), out);
    out += ", si_stime=";
    print_clock_ticks(static_cast<std::uint64_t>(si.si_stime), out);
  } else if (is_fault(sig)) {
    out += ", si_addr=";
    print_addr(reinterpret_cast<std::uint64_t>(si.si_addr), out);
  } else if (sig == SIGPOLL) {
    fmt::format_to(std::back_inserter(out), ", si_band={}, si_fd={}", si.si_band, si.si_fd);
  } else if (sig == SIGSYS) {
    out += ", si_call_addr=";
    print_addr(reinterpret_cast<std::uint64_t>(si.si_call_addr), out);
    fmt::format_to(std::back_inserter(out), ", si_syscall={}, si_arch={:#x}", si.si_syscall,
                   si.si_arch);
  }
}

}  // namespace

std::string format_siginfo(const siginfo_t& si, PidDecorator* pids, pid_t tracee) {
  // waitid with WNOHANG and nothing to report zeroes the siginfo: strace
  // prints an empty structure.
  if (si.si_signo == 0) return "{}";
  Sender sender{pids, tracee};
  std::string out = "{si_signo=";
  print_signal(si.si_signo, out);
  out += ", si_code=";
  print_code(si, out);
  if (si.si_errno != 0) {
    out += ", si_errno=";
    std::string_view name = errno_name(si.si_errno);
    if (name.empty())
      print_int(si.si_errno, out);
    else
      out += name;
  }
  switch (si.si_code) {
    case SI_USER:
    case SI_TKILL: print_sender(si, sender, out); break;
    case SI_QUEUE:
    case SI_MESGQ:
      print_sender(si, sender, out);
      print_value(si, out);
      break;
    case SI_TIMER:
      fmt::format_to(std::back_inserter(out), ", si_timerid={:#x}, si_overrun={}", si.si_timerid,
                     si.si_overrun);
      print_value(si, out);
      break;
    case SI_KERNEL:
      if (is_fault(si.si_signo)) print_kernel_fields(si, sender, out);
      break;
    default:
      if (si.si_code > 0) print_kernel_fields(si, sender, out);
  }
  out += '}';
  return out;
}

}  // namespace xtrace
