#include "xtrace/syscall_decoder.hpp"

#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <time.h>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <vector>

#include "addressable32.hpp"
#include "array_printer.hpp"
#include "date_text.hpp"
#include "fd_info.hpp"
#include "format_helpers.hpp"
#include "io_dump.hpp"
#include "namespace_ids.hpp"
#include "personality.hpp"
#include "pid_printer.hpp"
#include "signal_names.hpp"
#include "xlat.hpp"
#include "xlat_tables.hpp"

namespace xtrace {
namespace {

using namespace decode;

SysId id_of(const SyscallEvent& ev) {
  return id_of(*ev.desc);
}

// `args` is the event's kernel_args(): every formatter sees the arguments as
// the kernel reads them, whatever the high bits of the registers hold.
ArgContext context(SyscallEvent& ev, const std::array<std::uint64_t, 6>& args, int i, bool exiting,
                   TraceeMemory& mem, const DecodeOptions& opts) {
  SysId id = id_of(ev);
  ArgContext c{*ev.desc, ev.arch,     ev.tid, i,    args,       exiting,
               ev.rval,  ev.is_error, mem,    opts, ev.saved[i]};
  c.abbrev = opts.abbrev.contains(id) && !opts.verbose;
  c.deref = opts.deref.contains(id);
  return c;
}

bool is_raw(const SyscallEvent& ev, const DecodeOptions& opts) {
  return ev.desc == nullptr || opts.raw.contains(id_of(ev));
}

// A call whose arguments are not the native ones: its registers print in
// hex, its result as usual.  On i386, i386_decoding.tsv's `raw` rows; on
// x32, syscall_64.tbl's native-only rows (strace's NAME#64).
bool compat_raw_args(const SyscallEvent& ev) {
  if (ev.desc == nullptr) return false;
  return (ev.arch == Arch::i386 && i386_raw(id_of(ev))) ||
         (ev.arch == Arch::x32 && x32_native_only(ev.nr));
}

// An argument of a compat call (i386, x32's own rows) whose kind reads a
// native layout (a structure, an array of pointers, a time value) prints as
// its register, an address (NULL for 0) as strace prints a pointer it does
// not follow, at entry.  i386_decoding.tsv lists the kinds that read no
// long- or pointer-sized field, which decode as native ones.
bool undecoded(const SyscallEvent& ev, int i) {
  return compat_layouts(ev.arch, ev.nr) && !i386_decodes(ev.desc->args[i].kind);
}

void decode_arg(SyscallEvent& ev, const std::array<std::uint64_t, 6>& args, int i, bool exiting,
                TraceeMemory& mem, const DecodeOptions& opts) {
  if (undecoded(ev, i)) {
    ev.write_arg(i, [&](ValueOut& out) { print_addr(args[i], out); });
    return;
  }
  const KindDecoder* d = decoder_for(ev.desc->args[i].kind);
  ArgContext c = context(ev, args, i, exiting, mem, opts);
  ev.omitted[i] = !ev.write_arg(i, [&](ValueOut& out) { return d->format(c, out); });
  ev.names_itself[i] = d->names_itself;
}

// Results that strace explains after the number: "= 0x8002 (flags O_RDWR|O_LARGEFILE)".
// One row per syscall that has one; the hook returns false to print the
// plain result.
using ResultHook = bool (*)(const SyscallEvent&, TraceeMemory&, const DecodeOptions&, std::string&);

bool fcntl_result(const SyscallEvent& ev, TraceeMemory&, const DecodeOptions& opts, auto& out) {
  auto cmd = static_cast<int>(ev.args[1]);
  auto v = static_cast<std::uint64_t>(ev.rval);
  switch (cmd) {
    case F_GETFD:
      if (v == 0) return false;
      print_hex(v, out);
      out += " (flags " + flags_text(tables::fd_flags, v) + ")";
      return true;
    case F_GETFL: {
      print_hex(v, out);
      out +=
          " (flags " + enum_flags_text(tables::open_access, O_ACCMODE, tables::open_flags, v) + ")";
      return true;
    }
    case F_GET_SEALS:
      print_hex(v, out);
      if (v != 0) out += " (seals " + flags_text(tables::seal_flags, v) + ")";
      return true;
    case F_GETLEASE: {
      print_hex(v, out);
      std::string_view name = lookup(tables::lock_type, v);
      if (!name.empty()) fmt::format_to(std::back_inserter(out), " ({})", name);
      return true;
    }
    case F_GETSIG:
      if (v == 0) return false;
      fmt::format_to(std::back_inserter(out), "{} ({})", v, signal_name(static_cast<int>(v)));
      return true;
    case F_DUPFD:
    case F_DUPFD_CLOEXEC:
      print_fd_decorated(ev.tid, static_cast<int>(ev.rval), opts.fd_details, out);
      return true;
    // The owner: a process, or a process group negated.
    case F_GETOWN: print_pid_or_pgid(opts.pids, ev.tid, ev.rval, out); return true;
    default: return false;
  }
}

// ppoll and pselect6 report the time left: "left {tv_sec=0, tv_nsec=999}".
void append_time_left(const SyscallEvent& ev, TraceeMemory& mem, int arg, auto& out) {
  if (id_of(ev) != SysId::ppoll && id_of(ev) != SysId::pselect6) return;
  if (ev.args[arg] == 0) return;
  out += "left ";
  if (auto ts = mem.read_value<timespec>(ev.args[arg]))
    print_timespec(ts->tv_sec, ts->tv_nsec, out);
  else
    print_hex(ev.args[arg], out);
}

// poll/ppoll: "= 1 ([{fd=3, revents=POLLIN}])", or "= 0 (Timeout)".  As
// strace: the entries with revents, at most -s of them unless -v, fds bare;
// an unreadable entry ends the list with its address.
bool poll_result(const SyscallEvent& ev, TraceeMemory& mem, const DecodeOptions& opts, auto& out) {
  print_int(ev.rval, out);
  if (ev.rval == 0) {
    out += " (Timeout)";
    return true;
  }
  SysId id = id_of(ev);
  bool abbrev = opts.abbrev.contains(id) && !opts.verbose;
  std::uint64_t addr = ev.args[0];
  auto n = static_cast<std::uint32_t>(kernel_args(*ev.desc, ev.args)[1]);
  std::string parts;
  if (opts.deref.contains(id) && addr != 0 && n != 0 && addr + n * sizeof(pollfd) > addr) {
    ElementReader<pollfd> reader(mem, addr, n);
    std::size_t printed = 0;
    for (std::uint64_t i = 0; i < n; ++i) {
      const pollfd* p = reader.get(i);
      if (p != nullptr && p->revents == 0) continue;
      parts += parts.empty() ? "[" : ", ";
      if (p == nullptr) {
        print_hex(addr + i * sizeof(pollfd), parts);
        break;
      }
      if (abbrev && printed >= opts.string_limit) {
        parts += "...";
        break;
      }
      fmt::format_to(std::back_inserter(parts), "{{fd={}, revents=", p->fd);
      print_flags(tables::poll_events, static_cast<std::uint16_t>(p->revents), parts);
      parts += '}';
      ++printed;
    }
    if (!parts.empty()) parts += ']';
  }
  std::string left;
  append_time_left(ev, mem, 2, left);
  if (!left.empty()) parts += (parts.empty() ? "" : ", ") + left;
  if (!parts.empty()) out += " (" + parts + ")";
  return true;
}

// select/pselect6: "= 1 (in [3], out [4])" from the sets the kernel wrote.
bool select_result(const SyscallEvent& ev, TraceeMemory& mem, const DecodeOptions& opts,
                   auto& out) {
  print_int(ev.rval, out);
  if (ev.rval == 0) {
    out += " (Timeout)";
    return true;
  }
  auto nfds = static_cast<int>(ev.args[0]);
  if (nfds < 0 || nfds > 65536) return true;
  std::size_t bytes = (static_cast<std::size_t>(nfds) + 63) / 64 * 8;
  constexpr std::array<std::string_view, 3> kNames{"in", "out", "except"};
  std::string parts;
  for (int s = 0; s < 3; ++s) {
    if (ev.args[1 + s] == 0 || bytes == 0) continue;
    std::vector<std::uint64_t> words(bytes / 8);
    if (!mem.read(ev.args[1 + s], words.data(), bytes)) continue;
    std::string fds;
    for (int fd = 0; fd < nfds; ++fd) {
      if (!(words[fd / 64] & (std::uint64_t{1} << (fd % 64)))) continue;
      if (!fds.empty()) fds += ' ';
      print_fd_decorated(ev.tid, fd, opts.fd_details, fds);
    }
    if (fds.empty()) continue;
    if (!parts.empty()) parts += ", ";
    parts += fmt::format("{} [{}]", kNames[s], fds);
  }
  std::string left;
  append_time_left(ev, mem, 4, left);
  if (!left.empty()) parts += (parts.empty() ? "" : ", ") + left;
  if (!parts.empty()) out += " (" + parts + ")";
  return true;
}

// membarrier QUERY and GET_REGISTRATIONS return a set of commands:
// "= 0x3ff (MEMBARRIER_CMD_GLOBAL|...)".
bool membarrier_result(const SyscallEvent& ev, TraceeMemory&, const DecodeOptions&, auto& out) {
  constexpr std::uint64_t kQuery = 0, kGetRegistrations = 1 << 9;
  auto cmd = static_cast<std::uint32_t>(ev.args[0]);
  if ((cmd != kQuery && cmd != kGetRegistrations) || ev.rval <= 0) return false;
  auto v = static_cast<std::uint64_t>(ev.rval);
  print_hex(v, out);
  out += " (" + flags_text(tables::membarrier_cmd, v) + ")";
  return true;
}

// sched_getscheduler returns a policy: "= 0 (SCHED_OTHER)", "= 0x3
// (SCHED_BATCH)".  A value with no name (SCHED_RESET_ON_FORK set) stays
// decimal.
bool sched_policy_result(const SyscallEvent& ev, TraceeMemory&, const DecodeOptions&, auto& out) {
  if (ev.rval < 0) return false;
  auto v = static_cast<std::uint64_t>(ev.rval);
  std::string_view name = lookup(tables::sched_policy, v);
  if (name.empty()) return false;
  print_hex(v, out);
  fmt::format_to(std::back_inserter(out), " ({})", name);
  return true;
}

// personality returns the previous personality: "= 0 (PER_LINUX)",
// "= 0x400000 (PER_LINUX|READ_IMPLIES_EXEC)".
bool personality_result(const SyscallEvent& ev, TraceeMemory&, const DecodeOptions&, auto& out) {
  if (ev.rval < 0) return false;
  auto v = static_cast<std::uint32_t>(ev.rval);
  print_hex(v, out);
  fmt::format_to(std::back_inserter(out), " ({})", personality_text(v));
  return true;
}

// ioprio_get returns a class and a level: "= 16388
// (IOPRIO_PRIO_VALUE(IOPRIO_CLASS_BE, 4))".  A class with no name stays
// plain.
bool ioprio_result(const SyscallEvent& ev, TraceeMemory&, const DecodeOptions&, auto& out) {
  constexpr std::array<std::string_view, 4> kClasses{"IOPRIO_CLASS_NONE", "IOPRIO_CLASS_RT",
                                                     "IOPRIO_CLASS_BE", "IOPRIO_CLASS_IDLE"};
  constexpr int kClassShift = 13;  // linux/ioprio.h's IOPRIO_CLASS_SHIFT
  if (ev.rval < 0) return false;
  auto klass = static_cast<std::uint64_t>(ev.rval) >> kClassShift;
  if (klass >= kClasses.size()) return false;
  auto level = static_cast<std::uint64_t>(ev.rval) & ((1u << kClassShift) - 1);
  fmt::format_to(std::back_inserter(out), "{} (IOPRIO_PRIO_VALUE({}, {}))", ev.rval,
                 kClasses[klass], level);
  return true;
}

// adjtimex/clock_adjtime return the clock state: "= 5 (TIME_ERROR)", when
// the timex structure printed (its formatter leaves 1 in `saved`).
bool clock_state_result(const SyscallEvent& ev, TraceeMemory&, const DecodeOptions&, auto& out) {
  constexpr std::array<std::string_view, 6> kStates{"TIME_OK",  "TIME_INS",  "TIME_DEL",
                                                    "TIME_OOP", "TIME_WAIT", "TIME_ERROR"};
  int timex_arg = ev.desc->nargs - 1;
  if (ev.saved[timex_arg] != 1 || ev.rval < 0 ||
      static_cast<std::uint64_t>(ev.rval) >= kStates.size())
    return false;
  fmt::format_to(std::back_inserter(out), "{} ({})", ev.rval, kStates[ev.rval]);
  return true;
}

// -e namespace=new: after the result, the namespaces of the kinds the
// flags name that the task is in now (for clone and clone3 the child,
// translated into xtrace's pid namespace).
bool namespace_result(const SyscallEvent& ev, TraceeMemory& mem, const DecodeOptions& opts,
                      auto& out) {
  if (!opts.new_namespaces) return false;
  const SysId id = id_of(ev);
  const bool child = id == SysId::clone || id == SysId::clone3;
  std::uint64_t flags = 0;
  if (id == SysId::clone3) {
    // struct clone_args begins with its 64-bit flags.
    auto f = mem.read_value<std::uint64_t>(ev.args[0]);
    if (!f) return false;
    flags = *f;
  } else if (id == SysId::setns) {
    flags = static_cast<std::uint32_t>(ev.args[1]);
  } else {
    flags = ev.args[0];
  }
  pid_t pid = ev.tid;
  if (child) {
    pid = tid_in_our_namespace(ev.tid, static_cast<pid_t>(ev.rval));
    if (pid == 0) return false;
  }
  std::string ids = namespace_ids(pid, flags);
  if (ids.empty()) return false;
  if (child)
    print_pid(opts.pids, ev.tid, static_cast<pid_t>(ev.rval), PidType::tid, out);
  else
    fmt::format_to(std::back_inserter(out), "{}", ev.rval);
  fmt::format_to(std::back_inserter(out), " ({})", ids);
  return true;
}

struct ResultRow {
  SysId syscall;
  ResultHook hook;
};
constexpr std::array kResultHooks{ResultRow{SysId::fcntl, fcntl_result},
                                  ResultRow{SysId::poll, poll_result},
                                  ResultRow{SysId::ppoll, poll_result},
                                  ResultRow{SysId::select, select_result},
                                  ResultRow{SysId::pselect6, select_result},
                                  ResultRow{SysId::membarrier, membarrier_result},
                                  ResultRow{SysId::sched_getscheduler, sched_policy_result},
                                  ResultRow{SysId::personality, personality_result},
                                  ResultRow{SysId::ioprio_get, ioprio_result},
                                  ResultRow{SysId::adjtimex, clock_state_result},
                                  ResultRow{SysId::clock_adjtime, clock_state_result},
                                  ResultRow{SysId::clone, namespace_result},
                                  ResultRow{SysId::clone3, namespace_result},
                                  ResultRow{SysId::unshare, namespace_result},
                                  ResultRow{SysId::setns, namespace_result}};

bool special_result(const SyscallEvent& ev, TraceeMemory& mem, const DecodeOptions& opts,
                    auto& out) {
  // The hooks read native structures (timespec, the namespace links of a
  // clone's flags): a compat call's result prints plain.
  if (ev.desc == nullptr || compat_layouts(ev.arch, ev.nr)) return false;
  for (const auto& row : kResultHooks)
    if (row.syscall == id_of(ev)) return row.hook(ev, mem, opts, out);
  return false;
}

void format_error(const SyscallEvent& ev, auto& out) {
  out += format_errno_result(static_cast<int>(-ev.rval));
}

// Results that are pids, by the kind of id they are (strace's RVAL_TGID...).
struct PidResult {
  RetKind kind;
  PidType type;
};
constexpr std::array kPidResults{
    PidResult{RetKind::pid, PidType::tgid}, PidResult{RetKind::tid, PidType::tid},
    PidResult{RetKind::pgid, PidType::pgid}, PidResult{RetKind::sid, PidType::sid}};

bool pid_result(const SyscallEvent& ev, RetKind kind, const DecodeOptions& opts, auto& out) {
  for (const auto& row : kPidResults) {
    if (row.kind != kind) continue;
    // A pid is a pid_t: strace prints the low 32 bits of the register.
    print_pid(opts.pids, ev.tid, static_cast<pid_t>(ev.rval), row.type, out);
    return true;
  }
  return false;
}

void format_result(SyscallEvent& ev, TraceeMemory& mem, const DecodeOptions& opts) {
  std::string& out = ev.rval_text;
  out.clear();
  if (ev.is_error) {
    format_error(ev, out);
    return;
  }
  RetKind kind = ev.desc != nullptr ? ev.desc->ret : RetKind::int_;
  if (kind == RetKind::noreturn) {
    out += '?';
    return;
  }
  if (is_raw(ev, opts)) {
    print_hex(static_cast<std::uint64_t>(ev.rval), out);
    return;
  }
  if (special_result(ev, mem, opts, out) || pid_result(ev, kind, opts, out)) return;
  switch (kind) {
    case RetKind::hex: print_hex(static_cast<std::uint64_t>(ev.rval), out); break;
    case RetKind::oct:
      fmt::format_to(std::back_inserter(out), "0{:02o}", static_cast<std::uint64_t>(ev.rval));
      break;
    case RetKind::time:
      // strace explains a time: "= 1796155040 (2026-12-01T19:57:20+0000)".
      print_uint(static_cast<std::uint64_t>(ev.rval), out);
      if (std::string date = date_text(ev.rval); !date.empty()) out += " (" + date + ")";
      break;
    case RetKind::fd:
      // strace decorates only what can be a descriptor; anything larger
      // (an injected retval) prints as a signed number.
      if (static_cast<std::uint64_t>(ev.rval) <= INT_MAX)
        print_fd_decorated(ev.tid, static_cast<int>(ev.rval), opts.fd_details, out);
      else
        print_int(ev.rval, out);
      break;
    // strace's default (RVAL_UDECIMAL): a result that is not an error is
    // the register unsigned, so geteuid() with an injected retval of
    // 0x8000000000000000 prints 9223372036854775808.
    default: print_uint(static_cast<std::uint64_t>(ev.rval), out); break;
  }
}

// rt_sigreturn has no arguments, but strace shows the mask it restores,
// read from the signal frame the stack pointer points into.
bool sigreturn_args(SyscallEvent& ev, TraceeMemory& mem, ValueOut& out) {
  // Offset of uc_sigmask from sp: x86_64's sp points at the ucontext
  // (pretcode popped); aarch64's at the rt_sigframe (siginfo first).
  std::uint64_t offset = ev.arch == Arch::x86_64 ? 296 : 128 + 40;
  auto mask = mem.read_value<std::uint64_t>(ev.sp + offset);
  if (!mask) return false;
  out += "{mask=";
  print_sigmask(*mask, 64, as_text(out));
  out += '}';
  return true;
}

// Calls whose printed arguments are not their registers.
using PseudoArgs = bool (*)(SyscallEvent&, TraceeMemory&, ValueOut&);
struct PseudoArgsRow {
  SysId syscall;
  PseudoArgs print;
};
constexpr std::array kPseudoArgs{PseudoArgsRow{SysId::rt_sigreturn, sigreturn_args}};

bool pseudo_args(SyscallEvent& ev, TraceeMemory& mem) {
  for (const auto& row : kPseudoArgs) {
    if (row.syscall != id_of(ev)) continue;
    ev.names_itself[0] = true;  // {mask=...} is no register: -N names nothing
    if (ev.write_arg(0, [&](ValueOut& out) { return row.print(ev, mem, out); })) ev.nargs = 1;
    ev.entry_args = ev.nargs;
    return true;
  }
  return false;
}

Phase phase_of(SyscallEvent& ev, const std::array<std::uint64_t, 6>& args, int i, TraceeMemory& mem,
               const DecodeOptions& opts) {
  if (undecoded(ev, i)) return Phase::entry;
  const KindDecoder* d = decoder_for(ev.desc->args[i].kind);
  if (d->phase_of == nullptr) return d->phase;
  return d->phase_of(context(ev, args, i, false, mem, opts));
}

void decode_raw_entry(SyscallEvent& ev) {
  for (int i = 0; i < ev.nargs; ++i) {
    // An i386 register holds 32 bits; its upper half is the 64-bit
    // process's leftover, which the kernel ignores.
    std::uint64_t word = ev.arch == Arch::i386 ? ev.args[i] & 0xffffffffu : ev.args[i];
    ev.write_arg(i, [&](ValueOut& out) { print_hex(word, out); });
  }
}

}  // namespace

std::string syscall_name(const SyscallEvent& ev) {
  if (ev.desc != nullptr && ev.arch == Arch::x32 && x32_native_only(ev.nr))
    return native_only_name(id_of(ev));
  if (ev.desc != nullptr) return std::string(ev.desc->name);
  return fmt::format("syscall_{:#x}", static_cast<std::uint64_t>(ev.nr));
}

void decode_entry(SyscallEvent& ev, TraceeMemory& process_memory, const DecodeOptions& opts) {
  Addressable32 low_memory(process_memory);
  TraceeMemory& mem = ev.arch == Arch::x32 ? low_memory : process_memory;
  set_const_style(opts.const_style);
  ev.clear_args();
  ev.omitted.reset();
  ev.names_itself.reset();
  ev.trailer.clear();
  ev.entry_args = ev.nargs;
  if (is_raw(ev, opts) || compat_raw_args(ev)) {
    // Unknown numbers and -e raw=: every argument in hex, as strace does.
    decode_raw_entry(ev);
    return;
  }
  // rt_sigreturn's mask is read from a native signal frame.
  if (ev.nargs == 0 && !compat_layouts(ev.arch, ev.nr) && pseudo_args(ev, mem)) return;
  const auto args = kernel_args(*ev.desc, ev.args, ev.arch);
  int i = 0;
  for (; i < ev.nargs && phase_of(ev, args, i, mem, opts) == Phase::entry; ++i)
    decode_arg(ev, args, i, false, mem, opts);
  ev.entry_args = static_cast<std::uint8_t>(i);
  for (int j = i; j < ev.nargs; ++j) {
    if (undecoded(ev, j)) continue;
    const KindDecoder* d = decoder_for(ev.desc->args[j].kind);
    ArgContext c = context(ev, args, j, false, mem, opts);
    if (d->capture) d->capture(c);
    // Known now to print nothing: the entry part must not promise it.
    if (d->present && !d->present(c)) ev.omitted[j] = true;
  }
}

void decode_exit(SyscallEvent& ev, TraceeMemory& process_memory, const DecodeOptions& opts) {
  Addressable32 low_memory(process_memory);
  TraceeMemory& mem = ev.arch == Arch::x32 ? low_memory : process_memory;
  set_const_style(opts.const_style);
  if (!is_raw(ev, opts) && !compat_raw_args(ev)) {
    const auto args = kernel_args(*ev.desc, ev.args, ev.arch);
    for (int i = ev.entry_args; i < ev.nargs; ++i) {
      bool skipped = ev.omitted[i] && decoder_for(ev.desc->args[i].kind)->present != nullptr;
      if (!skipped) decode_arg(ev, args, i, true, mem, opts);
    }
    // -e read=/write= dumps read native iovecs and msghdrs.
    if (!compat_layouts(ev.arch, ev.nr)) dump_io(ev, mem, opts);
  }
  format_result(ev, mem, opts);
}

}  // namespace xtrace
