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
#include "families.hpp"
#include "fd_info.hpp"
#include "format_helpers.hpp"
#include "io_dump.hpp"
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

// The results a family explains, by syscall (families.hpp).
struct ResultHooks {
  std::array<ResultHook, kSysCount> by_id{};
  ResultHooks() {
    for (auto rows : {fcntl_results(), mm_results(), process_results(), signal_results(),
                      time_results(), poll_results()})
      for (const ResultRow& row : rows) by_id[static_cast<std::size_t>(row.syscall)] = row.hook;
  }
};

bool special_result(const SyscallEvent& ev, TraceeMemory& mem, const DecodeOptions& opts,
                    auto& out) {
  // The hooks read native structures (timespec, the namespace links of a
  // clone's flags): a compat call's result prints plain.
  if (ev.desc == nullptr || compat_layouts(ev.arch, ev.nr)) return false;
  static const ResultHooks hooks;
  ResultHook hook = hooks.by_id[static_cast<std::size_t>(id_of(ev))];
  return hook != nullptr && hook(ev, mem, opts, out);
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
  StructPrinter s(out);
  print_sigmask(*mask, 64, s.field("mask"));
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
