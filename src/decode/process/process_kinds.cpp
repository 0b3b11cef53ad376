// Process kinds: clone (strace's own argument order and names), clone3's
// clone_args, wait status and options, futex, prctl, rusage, utsname,
// sysinfo, scheduling, and the small constants of process calls.
#include <linux/futex.h>
#include <linux/sched.h>
#include <sched.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/sysinfo.h>
#include <sys/utsname.h>
#include <sys/wait.h>

#include <array>

#include "array_printer.hpp"
#include "fd_info.hpp"
#include "field_printer.hpp"
#include "format_helpers.hpp"
#include "pid_printer.hpp"
#include "process_tables.hpp"
#include "signal_names.hpp"
#include "struct_reader.hpp"
#include "table_kinds.hpp"
#include "xlat.hpp"
#include "xtrace/decode.hpp"
#include "xtrace/quote.hpp"

namespace xtrace {
namespace {

using namespace decode;

constexpr std::array kCloneFlags{XLAT(CLONE_VM),
                                 XLAT(CLONE_FS),
                                 XLAT(CLONE_FILES),
                                 XLAT(CLONE_SIGHAND),
                                 XLAT(CLONE_PIDFD),
                                 XLAT(CLONE_PTRACE),
                                 XLAT(CLONE_VFORK),
                                 XLAT(CLONE_PARENT),
                                 XLAT(CLONE_THREAD),
                                 XLAT(CLONE_NEWNS),
                                 XLAT(CLONE_SYSVSEM),
                                 XLAT(CLONE_SETTLS),
                                 XLAT(CLONE_PARENT_SETTID),
                                 XLAT(CLONE_CHILD_CLEARTID),
                                 XLAT(CLONE_UNTRACED),
                                 XLAT(CLONE_CHILD_SETTID),
                                 XLAT(CLONE_NEWCGROUP),
                                 XLAT(CLONE_NEWUTS),
                                 XLAT(CLONE_NEWIPC),
                                 XLAT(CLONE_NEWUSER),
                                 XLAT(CLONE_NEWPID),
                                 XLAT(CLONE_NEWNET),
                                 XLAT(CLONE_IO),
                                 XlatEntry{0x100000000ULL, "CLONE_CLEAR_SIGHAND"},
                                 XlatEntry{0x200000000ULL, "CLONE_INTO_CGROUP"},
                                 XlatEntry{0x80, "CLONE_NEWTIME"}};
const Xlat kCloneTable{kCloneFlags, "CLONE_???"};

constexpr std::array kWaitOptions{XLAT(WNOHANG), XLAT(WEXITED),  XLAT(WSTOPPED), XLAT(WCONTINUED),
                                  XLAT(WNOWAIT), XLAT(__WCLONE), XLAT(__WALL),   XLAT(__WNOTHREAD)};
const Xlat kWaitTable{kWaitOptions, "W???"};
constexpr std::array kWaitidTypes{XLAT(P_ALL), XLAT(P_PID), XLAT(P_PGID), XlatEntry{3, "P_PIDFD"}};
const Xlat kWaitidTable{kWaitidTypes, "P_???"};

constexpr std::array kFutexCmds{
    XLAT(FUTEX_WAIT),           XLAT(FUTEX_WAKE),        XLAT(FUTEX_FD),
    XLAT(FUTEX_REQUEUE),        XLAT(FUTEX_CMP_REQUEUE), XLAT(FUTEX_WAKE_OP),
    XLAT(FUTEX_LOCK_PI),        XLAT(FUTEX_UNLOCK_PI),   XLAT(FUTEX_TRYLOCK_PI),
    XLAT(FUTEX_WAIT_BITSET),    XLAT(FUTEX_WAKE_BITSET), XLAT(FUTEX_WAIT_REQUEUE_PI),
    XLAT(FUTEX_CMP_REQUEUE_PI), XLAT(FUTEX_LOCK_PI2)};
const Xlat kFutexTable{kFutexCmds};

constexpr std::array kRusageWho{XLAT(RUSAGE_SELF), XLAT(RUSAGE_CHILDREN), XLAT(RUSAGE_THREAD)};
const Xlat kRusageTable{kRusageWho, "RUSAGE_???"};
constexpr std::array kPrioWhich{XLAT(PRIO_PROCESS), XLAT(PRIO_PGRP), XLAT(PRIO_USER)};
const Xlat kPrioTable{kPrioWhich, "PRIO_???"};
constexpr std::array kRseqFlags{XlatEntry{1, "RSEQ_FLAG_UNREGISTER"}};
const Xlat kRseqFlagsTable{kRseqFlags, "RSEQ_FLAG_???"};

constexpr std::array kPrctlOptions{XLAT(PR_SET_PDEATHSIG),
                                   XLAT(PR_GET_PDEATHSIG),
                                   XLAT(PR_GET_DUMPABLE),
                                   XLAT(PR_SET_DUMPABLE),
                                   XLAT(PR_GET_UNALIGN),
                                   XLAT(PR_SET_UNALIGN),
                                   XLAT(PR_GET_KEEPCAPS),
                                   XLAT(PR_SET_KEEPCAPS),
                                   XLAT(PR_GET_FPEMU),
                                   XLAT(PR_SET_FPEMU),
                                   XLAT(PR_GET_FPEXC),
                                   XLAT(PR_SET_FPEXC),
                                   XLAT(PR_GET_TIMING),
                                   XLAT(PR_SET_TIMING),
                                   XLAT(PR_SET_NAME),
                                   XLAT(PR_GET_NAME),
                                   XLAT(PR_GET_ENDIAN),
                                   XLAT(PR_SET_ENDIAN),
                                   XLAT(PR_GET_SECCOMP),
                                   XLAT(PR_SET_SECCOMP),
                                   XLAT(PR_CAPBSET_READ),
                                   XLAT(PR_CAPBSET_DROP),
                                   XLAT(PR_GET_TSC),
                                   XLAT(PR_SET_TSC),
                                   XLAT(PR_GET_SECUREBITS),
                                   XLAT(PR_SET_SECUREBITS),
                                   XLAT(PR_SET_TIMERSLACK),
                                   XLAT(PR_GET_TIMERSLACK),
                                   XLAT(PR_TASK_PERF_EVENTS_DISABLE),
                                   XLAT(PR_TASK_PERF_EVENTS_ENABLE),
                                   XLAT(PR_MCE_KILL),
                                   XLAT(PR_MCE_KILL_GET),
                                   XLAT(PR_SET_MM),
                                   XLAT(PR_SET_PTRACER),
                                   XLAT(PR_SET_CHILD_SUBREAPER),
                                   XLAT(PR_GET_CHILD_SUBREAPER),
                                   XLAT(PR_SET_NO_NEW_PRIVS),
                                   XLAT(PR_GET_NO_NEW_PRIVS),
                                   XLAT(PR_GET_TID_ADDRESS),
                                   XLAT(PR_SET_THP_DISABLE),
                                   XLAT(PR_GET_THP_DISABLE),
                                   XLAT(PR_MPX_ENABLE_MANAGEMENT),
                                   XLAT(PR_MPX_DISABLE_MANAGEMENT),
                                   XLAT(PR_SET_FP_MODE),
                                   XLAT(PR_GET_FP_MODE),
                                   XLAT(PR_CAP_AMBIENT),
                                   XLAT(PR_SVE_SET_VL),
                                   XLAT(PR_SVE_GET_VL),
                                   XLAT(PR_GET_SPECULATION_CTRL),
                                   XLAT(PR_SET_SPECULATION_CTRL),
                                   XLAT(PR_PAC_RESET_KEYS),
                                   XLAT(PR_SET_TAGGED_ADDR_CTRL),
                                   XLAT(PR_GET_TAGGED_ADDR_CTRL),
                                   XLAT(PR_SET_IO_FLUSHER),
                                   XLAT(PR_GET_IO_FLUSHER),
                                   XlatEntry{59, "PR_SET_SYSCALL_USER_DISPATCH"},
                                   XlatEntry{60, "PR_PAC_SET_ENABLED_KEYS"},
                                   XlatEntry{61, "PR_PAC_GET_ENABLED_KEYS"},
                                   XlatEntry{62, "PR_SCHED_CORE"},
                                   XlatEntry{0x53564d41, "PR_SET_VMA"},
                                   XlatEntry{65, "PR_SET_MDWE"},
                                   XlatEntry{66, "PR_GET_MDWE"}};
const Xlat kPrctlTable{kPrctlOptions, "PR_???"};

// --- clone -----------------------------------------------------------------

// Registers of clone's pointer arguments differ by architecture
// (x86_64 and x32: flags, stack, ptid, ctid, tls; aarch64: flags, stack, ptid, tls, ctid).
int ctid_arg(const ArgContext& c) {
  return c.arch == Arch::aarch64 ? 4 : 3;
}
int tls_arg(const ArgContext& c) {
  return c.arch == Arch::aarch64 ? 3 : 4;
}

void print_clone_flags(std::uint64_t flags, auto& out) {
  std::uint64_t sig = flags & CSIGNAL;
  std::uint64_t rest = flags & ~std::uint64_t{CSIGNAL};
  if (rest == 0 && sig == 0) {
    out += '0';
    return;
  }
  std::string text;
  if (rest != 0) text = flags_text(kCloneTable, rest);
  if (sig != 0) {
    if (!text.empty()) text += '|';
    print_signal(static_cast<int>(sig), text);
  }
  print_styled(fmt::format("{:#x}", flags), text, out);
}

bool format_clone_flags(const ArgContext& c, ValueOut& out) {
  out += "child_stack=";
  print_addr(c.arg(1), out);
  out += ", flags=";
  print_clone_flags(c.value(), out);
  return true;
}
bool format_clone_skip(const ArgContext&, ValueOut&) {
  return false;
}

constexpr std::uint64_t kTidFlags = CLONE_PARENT_SETTID | CLONE_PIDFD;
bool has_ptid(const ArgContext& c) {
  return (c.arg(0) & kTidFlags) != 0;
}
bool has_ctid(const ArgContext& c) {
  return (c.arg(0) & (CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID)) != 0;
}
bool has_tls(const ArgContext& c) {
  return (c.arg(0) & CLONE_SETTLS) != 0;
}

bool format_clone_ptid(const ArgContext& c, ValueOut& out) {
  if (!has_ptid(c)) return false;
  out += "parent_tid=";
  auto v = c.value() != 0 && !c.failed() ? c.mem.read_value<std::int32_t>(c.value()) : std::nullopt;
  if (!v) {
    print_addr(c.value(), out);
    return true;
  }
  // The child's tid (-Y decorates it), or with CLONE_PIDFD alone its
  // pidfd (-y decorates it), as strace's printnum_pid / printnum_fd.
  ArrayPrinter a(out);
  if (c.arg(0) & CLONE_PARENT_SETTID)
    print_pid(c.opts.pids, c.tid, *v, PidType::tid, a.item());
  else
    print_fd_decorated(c.tid, *v, c.opts.fd_details, a.item());
  return true;
}
// What aarch64 passes in this register is tls; the printer of the
// register in position 3 prints what strace prints third after ptid.
bool format_clone_third(const ArgContext& c, ValueOut& out) {
  if (!has_tls(c)) return false;
  out += "tls=";
  print_addr(c.arg(tls_arg(c)), out);
  return true;
}
bool format_clone_fourth(const ArgContext& c, ValueOut& out) {
  if (!has_ctid(c)) return false;
  out += "child_tidptr=";
  print_addr(c.arg(ctid_arg(c)), out);
  return true;
}

// --- clone3 --------------------------------------------------------------

bool format_clone_args(const ArgContext& c, ValueOut& out) {
  auto a = read_in<clone_args>(c, out);
  if (!a) return true;
  StructPrinter s(out);
  print_flags(kCloneTable, a->flags, s.field("flags"));
  if (a->flags & CLONE_PIDFD) print_hex(a->pidfd, s.field("pidfd"));
  if (a->flags & (CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID))
    print_hex(a->child_tid, s.field("child_tid"));
  if (a->flags & CLONE_PARENT_SETTID) print_hex(a->parent_tid, s.field("parent_tid"));
  if (a->exit_signal == 0)
    print_uint(0, s.field("exit_signal"));
  else
    print_signal(static_cast<int>(a->exit_signal), s.field("exit_signal"));
  print_addr(a->stack, s.field("stack"));
  print_hex(a->stack_size, s.field("stack_size"));
  if (a->flags & CLONE_SETTLS) print_addr(a->tls, s.field("tls"));
  return true;
}

// --- wait ----------------------------------------------------------------

void print_wait_status(int s, auto& out) {
  out += "[{";
  if (WIFEXITED(s)) {
    fmt::format_to(std::back_inserter(out), "WIFEXITED(s) && WEXITSTATUS(s) == {}", WEXITSTATUS(s));
  } else if (WIFSIGNALED(s)) {
    out += "WIFSIGNALED(s) && WTERMSIG(s) == ";
    print_signal(WTERMSIG(s), as_text(out));
    if (WCOREDUMP(s)) out += " && WCOREDUMP(s)";
  } else if (WIFSTOPPED(s)) {
    out += "WIFSTOPPED(s) && WSTOPSIG(s) == ";
    print_signal(WSTOPSIG(s), as_text(out));
  } else if (WIFCONTINUED(s)) {
    out += "WIFCONTINUED(s)";
  } else {
    fmt::format_to(std::back_inserter(out), "{:#x}", s);
  }
  out += "}]";
}

bool format_wait_status(const ArgContext& c, ValueOut& out) {
  // wait4 returning 0 (WNOHANG, nothing ready) leaves the status unwritten:
  // the signature ties it to the result, status:wait_status_out(ret).
  if (auto s = read_out<std::int32_t>(c, out)) print_wait_status(*s, out);
  return true;
}

// --- rusage, utsname, sysinfo -------------------------------------------

void print_tv(const timeval& tv, auto& out) {
  print_timeval(tv.tv_sec, tv.tv_usec, out);
}

// strace prints every rusage counter unsigned (they are longs).
std::uint64_t counter(long v) {
  return static_cast<std::uint64_t>(v);
}

bool format_rusage(const ArgContext& c, ValueOut& out) {
  auto r = read_out<rusage>(c, out);
  if (!r) return true;
  StructPrinter s(out);
  print_tv(r->ru_utime, s.field("ru_utime"));
  print_tv(r->ru_stime, s.field("ru_stime"));
  if (c.abbrev) {
    out.more();
    return true;
  }
  const std::pair<const char*, long> counters[] = {
      {"ru_maxrss", r->ru_maxrss}, {"ru_ixrss", r->ru_ixrss},     {"ru_idrss", r->ru_idrss},
      {"ru_isrss", r->ru_isrss},   {"ru_minflt", r->ru_minflt},   {"ru_majflt", r->ru_majflt},
      {"ru_nswap", r->ru_nswap},   {"ru_inblock", r->ru_inblock}, {"ru_oublock", r->ru_oublock},
      {"ru_msgsnd", r->ru_msgsnd}, {"ru_msgrcv", r->ru_msgrcv},   {"ru_nsignals", r->ru_nsignals},
      {"ru_nvcsw", r->ru_nvcsw},   {"ru_nivcsw", r->ru_nivcsw}};
  for (const auto& [name, value] : counters) print_uint(counter(value), s.field(name));
  return true;
}

// The utsname strings: NUL-terminated within their arrays.
void quote_field(const ArgContext& c, const char* text, std::size_t size, ValueOut& out) {
  quote_string(std::string_view(text, strnlen(text, size)), {c.opts.hex}, out);
}

bool format_utsname(const ArgContext& c, ValueOut& out) {
  auto u = read_out<utsname>(c, out);
  if (!u) return true;
  StructPrinter s(out);
  quote_field(c, u->sysname, sizeof u->sysname, s.field("sysname"));
  quote_field(c, u->nodename, sizeof u->nodename, s.field("nodename"));
  if (c.abbrev) {
    out.more();
    return true;
  }
  quote_field(c, u->release, sizeof u->release, s.field("release"));
  quote_field(c, u->version, sizeof u->version, s.field("version"));
  quote_field(c, u->machine, sizeof u->machine, s.field("machine"));
  quote_field(c, u->domainname, sizeof u->domainname, s.field("domainname"));
  return true;
}

bool format_sysinfo(const ArgContext& c, ValueOut& out) {
  auto si = read_out<struct sysinfo>(c, out);
  if (!si) return true;
  StructPrinter s(out);
  print_int(si->uptime, s.field("uptime"));
  {
    ArrayPrinter loads(s.field("loads"));
    for (auto load : si->loads) print_uint(load, loads.item());
  }
  print_uint(si->totalram, s.field("totalram"));
  print_uint(si->freeram, s.field("freeram"));
  print_uint(si->sharedram, s.field("sharedram"));
  print_uint(si->bufferram, s.field("bufferram"));
  print_uint(si->totalswap, s.field("totalswap"));
  print_uint(si->freeswap, s.field("freeswap"));
  print_uint(si->procs, s.field("procs"));
  print_uint(si->totalhigh, s.field("totalhigh"));
  print_uint(si->freehigh, s.field("freehigh"));
  print_uint(si->mem_unit, s.field("mem_unit"));
  return true;
}

// --- futex -----------------------------------------------------------------

bool format_futex_op(const ArgContext& c, ValueOut& out) {
  auto op = static_cast<std::uint32_t>(c.value());
  std::uint32_t cmd = op & FUTEX_CMD_MASK;
  std::string text;
  if (op & FUTEX_CLOCK_REALTIME) text += "FUTEX_CLOCK_REALTIME|";
  std::string_view name = lookup(kFutexTable, cmd);
  if (name.empty()) {
    out += fmt::format("{:#x}", op);
    return true;
  }
  text += name;
  if (op & FUTEX_PRIVATE_FLAG) text += "_PRIVATE";
  print_styled(fmt::format("{:#x}", op), text, out);
  return true;
}

// futex's arguments after val mean different things per command; strace
// prints only those the command uses.
// The bitset of the *_BITSET operations: MATCH_ANY by name, else in hex.
void print_futex_bitset(std::uint64_t value, auto& out) {
  auto bitset = static_cast<std::uint32_t>(value);
  if (bitset == FUTEX_BITSET_MATCH_ANY)
    out += "FUTEX_BITSET_MATCH_ANY";
  else
    fmt::format_to(std::back_inserter(out), "{:#x}", bitset);
}

bool format_futex_val(const ArgContext& c, ValueOut& out) {
  std::uint32_t cmd = static_cast<std::uint32_t>(c.ref_value()) & FUTEX_CMD_MASK;
  int which = c.index - 3;  // 0: timeout, 1: uaddr2, 2: val3
  auto print_timeout = [&] {
    if (auto ts = read_in<timespec>(c, out)) print_timespec(ts->tv_sec, ts->tv_nsec, out);
  };
  switch (cmd) {
    case FUTEX_WAIT:
      if (which == 0) print_timeout();
      return which == 0;
    case FUTEX_WAIT_BITSET:
      if (which == 0)
        print_timeout();
      else if (which == 1)
        print_addr(c.value(), out);
      else
        print_futex_bitset(c.value(), out);
      return true;
    case FUTEX_WAKE: return false;
    case FUTEX_WAKE_BITSET:
      if (which == 0) return false;
      if (which == 1)
        print_addr(c.value(), out);
      else
        print_futex_bitset(c.value(), out);
      return true;
    case FUTEX_REQUEUE:
      if (which == 0)
        print_uint(static_cast<std::uint32_t>(c.value()), out);
      else if (which == 1)
        print_addr(c.value(), out);
      return which != 2;
    case FUTEX_CMP_REQUEUE:
    case FUTEX_CMP_REQUEUE_PI:
      if (which == 0)
        print_uint(static_cast<std::uint32_t>(c.value()), out);
      else if (which == 1)
        print_addr(c.value(), out);
      else
        print_uint(static_cast<std::uint32_t>(c.value()), out);
      return true;
    case FUTEX_LOCK_PI:
    case FUTEX_LOCK_PI2:
      if (which == 0) print_timeout();
      return which == 0;
    case FUTEX_UNLOCK_PI:
    case FUTEX_TRYLOCK_PI: return false;
    default: print_hex(c.value(), out); return true;
  }
}

// --- prctl -----------------------------------------------------------------

constexpr std::array kCapAmbientOps{XLAT(PR_CAP_AMBIENT_IS_SET), XLAT(PR_CAP_AMBIENT_RAISE),
                                    XLAT(PR_CAP_AMBIENT_LOWER), XLAT(PR_CAP_AMBIENT_CLEAR_ALL)};
const Xlat kCapAmbientTable{kCapAmbientOps, "PR_CAP_AMBIENT_???"};

// PR_CAP_AMBIENT: the operation, the capability it names (not for
// CLEAR_ALL or an unknown operation), and the rest in hex.
bool format_prctl_cap_ambient(const ArgContext& c, int which, auto& out) {
  auto op = static_cast<std::uint32_t>(c.arg(1));
  if (which == 0)
    print_enum(kCapAmbientTable, op, out);
  else if (which == 1 && op != PR_CAP_AMBIENT_CLEAR_ALL && !lookup(kCapAmbientTable, op).empty())
    print_enum(tables::capability, c.value(), out);
  else
    print_hex(c.value(), out);
  return true;
}

bool format_prctl_arg(const ArgContext& c, ValueOut& out) {
  auto op = static_cast<int>(c.ref_value());
  int which = c.index - 1;  // arg2..arg5 -> 0..3
  switch (op) {
    case PR_SET_NAME:
    case PR_GET_NAME:
      if (which != 0) return false;
      if (op == PR_GET_NAME && c.exiting == false) {
        print_addr(c.value(), out);
        return true;
      }
      {
        std::string name;
        bool term = false;
        if (c.mem.read_cstring(c.value(), 15, name, &term))
          fmt::format_to(std::back_inserter(out), "\"{}\"", name);
        else
          print_addr(c.value(), out);
      }
      return true;
    case PR_SET_PDEATHSIG:
      if (which != 0) return false;
      if (c.value() == 0)
        out += '0';
      else
        print_signal(static_cast<int>(c.value()), out);
      return true;
    case PR_GET_DUMPABLE:
    case PR_GET_KEEPCAPS:
    case PR_GET_SECCOMP:
    case PR_GET_TIMERSLACK:
    case PR_GET_CHILD_SUBREAPER:
    case PR_GET_NO_NEW_PRIVS:
    case PR_GET_THP_DISABLE:
    case PR_GET_FP_MODE:
    case PR_GET_TAGGED_ADDR_CTRL:
    case PR_GET_IO_FLUSHER:
    case PR_TASK_PERF_EVENTS_DISABLE:
    case PR_TASK_PERF_EVENTS_ENABLE: return false;
    case PR_SET_DUMPABLE:
    case PR_SET_KEEPCAPS:
    case PR_SET_CHILD_SUBREAPER:
    case PR_SET_TIMERSLACK:
      if (which != 0) return false;
      print_uint(c.value(), out);
      return true;
    case PR_CAPBSET_READ:
    case PR_CAPBSET_DROP:
      if (which != 0) return false;
      print_enum(tables::capability, c.value(), out);
      return true;
    case PR_CAP_AMBIENT: return format_prctl_cap_ambient(c, which, out);
    case PR_SET_NO_NEW_PRIVS:
    case PR_SET_THP_DISABLE: print_uint(c.value(), out); return true;
    case PR_GET_PDEATHSIG:
    case PR_GET_TID_ADDRESS:
      if (which != 0) return false;
      print_addr(c.value(), out);
      return true;
    default: print_hex(c.value(), out); return true;
  }
}

// --- scheduling ------------------------------------------------------------

bool format_sched_param(const ArgContext& c, ValueOut& out) {
  bool out_arg = id_of(c.desc) == SysId::sched_getparam;
  if (auto p = read_at<sched_param>(c, c.value(), out_arg, out))
    print_int(p->sched_priority, StructPrinter(out).field("sched_priority"));
  return true;
}

bool format_cpuset(const ArgContext& c, ValueOut& out) {
  std::uint64_t size = c.ref_value();
  bool out_arg = id_of(c.desc) == SysId::sched_getaffinity;
  if (c.value() == 0 || !c.deref || (out_arg && c.failed()) || size > 4096) {
    print_addr(c.value(), out);
    return true;
  }
  std::string bytes(size, '\0');
  if (!c.mem.read(c.value(), bytes.data(), size)) {
    print_addr(c.value(), out);
    return true;
  }
  out += '[';
  bool first = true;
  for (std::size_t i = 0; i < size * 8; ++i) {
    if (!(static_cast<unsigned char>(bytes[i / 8]) & (1u << (i % 8)))) continue;
    if (!first) out += ' ';
    first = false;
    print_uint(i, out);
  }
  out += ']';
  return true;
}

bool format_clone_unshare(const ArgContext& c, ValueOut& out) {
  print_flags(kCloneTable, c.value(), out);
  return true;
}

constexpr std::array kProcessKinds{
    KindDecoder{ArgKind::clone_flags, Phase::entry, format_clone_flags, nullptr, nullptr, true},
    KindDecoder{ArgKind::clone_stack, Phase::entry, format_clone_skip, nullptr, nullptr, true},
    KindDecoder{ArgKind::clone_ptid, Phase::exit, format_clone_ptid, nullptr, has_ptid, true},
    KindDecoder{ArgKind::clone_tls, Phase::exit, format_clone_third, nullptr, has_tls, true},
    KindDecoder{ArgKind::clone_ctid, Phase::exit, format_clone_fourth, nullptr, has_ctid, true},
    KindDecoder{ArgKind::clone_args_in, Phase::entry, format_clone_args},
    KindDecoder{ArgKind::unshare_flags, Phase::entry, format_clone_unshare},
    KindDecoder{ArgKind::wait_status_out, Phase::exit, format_wait_status},
    KindDecoder{ArgKind::wait_options, Phase::entry, flags32<kWaitTable>},
    KindDecoder{ArgKind::waitid_type, Phase::entry, enum32<kWaitidTable>},
    KindDecoder{ArgKind::rusage_out, Phase::exit, format_rusage},
    KindDecoder{ArgKind::rusage_who, Phase::entry, enum32<kRusageTable>},
    KindDecoder{ArgKind::utsname_out, Phase::exit, format_utsname},
    KindDecoder{ArgKind::sysinfo_out, Phase::exit, format_sysinfo},
    KindDecoder{ArgKind::futex_op, Phase::entry, format_futex_op},
    KindDecoder{ArgKind::futex_val, Phase::entry, format_futex_val},
    KindDecoder{ArgKind::prctl_option, Phase::entry, enum32<kPrctlTable>},
    KindDecoder{ArgKind::prctl_arg, Phase::entry, format_prctl_arg},
    KindDecoder{ArgKind::prio_which, Phase::entry, enum32<kPrioTable>},
    KindDecoder{ArgKind::sched_policy, Phase::entry, enum32<tables::sched_policy>},
    KindDecoder{ArgKind::sched_param_in, Phase::entry, format_sched_param},
    KindDecoder{ArgKind::sched_param_out, Phase::exit, format_sched_param},
    KindDecoder{ArgKind::cpuset_in, Phase::entry, format_cpuset},
    KindDecoder{ArgKind::cpuset_out, Phase::exit, format_cpuset},
    KindDecoder{ArgKind::rseq_flags, Phase::entry, flags32<kRseqFlagsTable>},
};

}  // namespace

std::span<const KindDecoder> process_kinds() {
  return kProcessKinds;
}

}  // namespace xtrace
