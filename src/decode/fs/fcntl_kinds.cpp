// fcntl: its command-dependent argument (locks, owners, hints, leases) and
// the results its commands explain.
#include <fcntl.h>

#include <array>
#include <cstddef>
#include <cstdint>

#include "array_printer.hpp"
#include "families.hpp"
#include "fcntl_commands.hpp"
#include "fd_info.hpp"
#include "field_printer.hpp"
#include "format_helpers.hpp"
#include "fs_tables.hpp"
#include "pid_printer.hpp"
#include "signal_names.hpp"
#include "struct_reader.hpp"
#include "xlat.hpp"
#include "xtrace/decode.hpp"

namespace xtrace {
namespace {

using namespace decode;

constexpr std::array kDnotify{XLAT(DN_ACCESS), XLAT(DN_MODIFY), XLAT(DN_CREATE),   XLAT(DN_DELETE),
                              XLAT(DN_RENAME), XLAT(DN_ATTRIB), XLAT(DN_MULTISHOT)};
const Xlat kDnotifyTable{kDnotify, "DN_???"};
const Xlat& kLockWhenceTable = tables::whence;

constexpr std::array kOwnerTypes{XLAT(F_OWNER_TID), XLAT(F_OWNER_PID), XLAT(F_OWNER_PGRP)};
const Xlat kOwnerTypesTable{kOwnerTypes, "F_OWNER_???"};

// A lock the caller passes (F_SETLK) or, with l_pid, one the kernel wrote
// back (F_GETLK, printed at exit).
void print_flock(const ArgContext& c, bool getlk, auto& out) {
  auto fl = read_at<struct flock>(c, c.value(), getlk, out);
  if (!fl) return;
  StructPrinter s(out);
  print_enum(tables::lock_type, static_cast<std::uint16_t>(fl->l_type), s.field("l_type"));
  print_enum(kLockWhenceTable, static_cast<std::uint16_t>(fl->l_whence), s.field("l_whence"));
  print_int(fl->l_start, s.field("l_start"));
  print_int(fl->l_len, s.field("l_len"));
  if (getlk) print_pid(c.opts.pids, c.tid, fl->l_pid, PidType::tgid, s.field("l_pid"));
}

// F_SETOWN_EX / F_GETOWN_EX: the owner's pid is a thread, a process or a
// process group, as its type says.
// The type is read as a plain int: f_owner_ex declares it an enum, whose
// only valid values are F_OWNER_*, and the tracee's memory may hold any.
struct OwnerEx {
  std::int32_t type;
  std::int32_t pid;
};
static_assert(sizeof(OwnerEx) == sizeof(f_owner_ex) &&
              offsetof(OwnerEx, pid) == offsetof(f_owner_ex, pid));

void print_owner_ex(const ArgContext& c, bool out_arg, auto& out) {
  auto owner = read_at<OwnerEx>(c, c.value(), out_arg, out);
  if (!owner) return;
  StructPrinter s(out);
  print_enum(kOwnerTypesTable, static_cast<std::uint32_t>(owner->type), s.field("type"));
  auto& pid = s.field("pid");
  switch (owner->type) {
    case F_OWNER_TID: print_pid(c.opts.pids, c.tid, owner->pid, PidType::tid, pid); break;
    case F_OWNER_PID: print_pid(c.opts.pids, c.tid, owner->pid, PidType::tgid, pid); break;
    case F_OWNER_PGRP: print_pid(c.opts.pids, c.tid, owner->pid, PidType::pgid, pid); break;
    default: print_int(owner->pid, pid); break;
  }
}

constexpr std::array kWriteLifeHints{
    XlatEntry{0, "RWH_WRITE_LIFE_NOT_SET"}, XlatEntry{1, "RWH_WRITE_LIFE_NONE"},
    XlatEntry{2, "RWH_WRITE_LIFE_SHORT"},   XlatEntry{3, "RWH_WRITE_LIFE_MEDIUM"},
    XlatEntry{4, "RWH_WRITE_LIFE_LONG"},    XlatEntry{5, "RWH_WRITE_LIFE_EXTREME"}};
const Xlat kWriteLifeHintsTable{kWriteLifeHints, "RWH_WRITE_LIFE_???"};

// F_SET_RW_HINT and friends: a 64-bit hint behind the pointer, "[NAME]".
void print_rw_hint(const ArgContext& c, bool out_arg, auto& out) {
  auto hint = read_at<std::uint64_t>(c, c.value(), out_arg, out);
  if (!hint) return;
  ArrayPrinter a(out);
  print_enum(kWriteLifeHintsTable, *hint, a.item());
}

// The kernel's struct delegation (F_GETDELEG / F_SETDELEG).
struct Delegation {
  std::uint32_t d_flags;
  std::uint16_t d_type;
  std::uint16_t pad;
};

void print_delegation(const ArgContext& c, bool out_arg, auto& out) {
  auto d = read_at<Delegation>(c, c.value(), out_arg, out);
  if (!d) return;
  StructPrinter s(out);
  print_hex(d->d_flags, s.field("d_flags"));
  print_enum(tables::lock_type, d->d_type, s.field("d_type"));
  print_hex(d->pad, s.field("__pad"));
}

// Commands whose argument the kernel writes: printed at exit.
bool fcntl_writes_arg(int cmd) {
  return cmd == F_GETLK || cmd == F_OFD_GETLK || cmd == F_GETOWN_EX || cmd == kFcntlGetRwHint ||
         cmd == kFcntlGetFileRwHint || cmd == kFcntlGetdeleg;
}

Phase fcntl_arg_phase(const ArgContext& c) {
  return fcntl_writes_arg(static_cast<int>(c.ref_value())) ? Phase::exit : Phase::entry;
}

bool format_fcntl_arg(const ArgContext& c, ValueOut& out) {
  auto cmd = static_cast<int>(c.ref_value());
  auto v = c.value();
  switch (cmd) {
    case F_GETFD:
    case F_GETFL:
    case F_GETOWN:
    case F_GETSIG:
    case F_GETLEASE:
    case F_GETPIPE_SZ:
    case F_GET_SEALS: return false;
    case F_SETFD: print_flags(tables::fd_flags, static_cast<std::uint32_t>(v), out); return true;
    case F_SETFL:
      print_enum_flags(tables::open_access, O_ACCMODE, tables::open_flags,
                       static_cast<std::uint32_t>(v), out);
      return true;
    case F_SETLK:
    case F_SETLKW:
    case F_OFD_SETLK:
    case F_OFD_SETLKW: print_flock(c, false, out); return true;
    case F_GETLK:
    case F_OFD_GETLK: print_flock(c, true, out); return true;
    case F_SETSIG: print_signal(static_cast<int>(v), as_text(out)); return true;
    case F_SETOWN:
      print_pid_or_pgid(c.opts.pids, c.tid, static_cast<std::int32_t>(v), out);
      return true;
    case F_SETLEASE: print_enum(tables::lock_type, static_cast<std::uint32_t>(v), out); return true;
    case F_NOTIFY: print_flags(kDnotifyTable, static_cast<std::uint32_t>(v), out); return true;
    case F_ADD_SEALS:
      print_flags(tables::seal_flags, static_cast<std::uint32_t>(v), out);
      return true;
    case F_SETOWN_EX: print_owner_ex(c, false, out); return true;
    case F_GETOWN_EX: print_owner_ex(c, true, out); return true;
    case F_DUPFD:
    case F_DUPFD_CLOEXEC:
    case F_SETPIPE_SZ: print_int(static_cast<std::int32_t>(v), out); return true;
    case kFcntlDupfdQuery:
      print_fd_decorated(c.tid, static_cast<int>(v), c.opts.fd_details, out);
      return true;
    case kFcntlSetRwHint:
    case kFcntlSetFileRwHint: print_rw_hint(c, false, out); return true;
    case kFcntlGetRwHint:
    case kFcntlGetFileRwHint: print_rw_hint(c, true, out); return true;
    case kFcntlSetdeleg: print_delegation(c, false, out); return true;
    case kFcntlGetdeleg: print_delegation(c, true, out); return true;
    // A command strace does not know: the argument as the raw word, in hex.
    default: print_hex(v, out); return true;
  }
}

// fcntl's result explained by its command: "= 0x8002 (flags O_RDWR|O_LARGEFILE)".
bool fcntl_result(const SyscallEvent& ev, TraceeMemory&, const DecodeOptions& opts,
                  std::string& out) {
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

constexpr std::array kFcntlKinds{
    KindDecoder{ArgKind::fcntl_arg, Phase::entry, format_fcntl_arg, nullptr, nullptr, false,
                fcntl_arg_phase},
};
constexpr std::array kFcntlResults{ResultRow{SysId::fcntl, fcntl_result}};

}  // namespace

std::span<const KindDecoder> fcntl_kinds() {
  return kFcntlKinds;
}

std::span<const ResultRow> fcntl_results() {
  return kFcntlResults;
}

}  // namespace xtrace
