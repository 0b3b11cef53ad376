// Kinds of descriptor calls: fcntl's and ioctl's command-dependent
// argument, pipe pairs, descriptor-creating flags, flock, close_range.
#include <fcntl.h>
#include <linux/close_range.h>
#include <sys/eventfd.h>
#include <sys/file.h>
#include <sys/inotify.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/signalfd.h>
#include <sys/timerfd.h>
#include <termios.h>

#include <array>
#include <cstddef>
#include <cstdint>

#include "fcntl_commands.hpp"
#include "fd_info.hpp"
#include "field_printer.hpp"
#include "format_helpers.hpp"
#include "pid_printer.hpp"
#include "signal_names.hpp"
#include "struct_reader.hpp"
#include "table_kinds.hpp"
#include "xlat.hpp"
#include "xlat_tables.hpp"
#include "xtrace/decode.hpp"

#ifndef MFD_NOEXEC_SEAL
#define MFD_NOEXEC_SEAL 0x0008U
#endif
#ifndef MFD_EXEC
#define MFD_EXEC 0x0010U
#endif

namespace xtrace {
namespace {

using namespace decode;

constexpr std::array kIoctlCmd{XLAT(TCGETS),
                               XLAT(TCSETS),
                               XLAT(TCSETSW),
                               XLAT(TCSETSF),
                               XLAT(TCGETA),
                               XLAT(TCSETA),
                               XLAT(TCSETAW),
                               XLAT(TCSETAF),
                               XLAT(TCSBRK),
                               XLAT(TCXONC),
                               XLAT(TCFLSH),
                               XLAT(TIOCEXCL),
                               XLAT(TIOCNXCL),
                               XLAT(TIOCSCTTY),
                               XLAT(TIOCGPGRP),
                               XLAT(TIOCSPGRP),
                               XLAT(TIOCOUTQ),
                               XLAT(TIOCSTI),
                               XLAT(TIOCGWINSZ),
                               XLAT(TIOCSWINSZ),
                               XLAT(TIOCMGET),
                               XLAT(TIOCMBIS),
                               XLAT(TIOCMBIC),
                               XLAT(TIOCMSET),
                               XLAT(FIONREAD),
                               XLAT(TIOCLINUX),
                               XLAT(TIOCCONS),
                               XLAT(FIONBIO),
                               XLAT(TIOCNOTTY),
                               XLAT(TIOCGSID),
                               XLAT(FIONCLEX),
                               XLAT(FIOCLEX),
                               XLAT(FIOASYNC),
                               XLAT(TIOCGPTN),
                               XLAT(TIOCSPTLCK),
                               XLAT(FIOQSIZE),
                               XlatEntry{0x40049409, "BTRFS_IOC_CLONE or FICLONE"},
                               XlatEntry{0x4020940d, "BTRFS_IOC_CLONE_RANGE or FICLONERANGE"},
                               XlatEntry{0x80086601, "FS_IOC_GETFLAGS"},
                               XlatEntry{0x40086602, "FS_IOC_SETFLAGS"},
                               XlatEntry{0x5401 + 0x2f, "TIOCGPTPEER"}};
const Xlat kIoctlTable{kIoctlCmd};
constexpr std::array kIocDirs{XlatEntry{1, "_IOC_WRITE"}, XlatEntry{2, "_IOC_READ"}};
const Xlat kIocDirTable{kIocDirs};

constexpr std::array kEventfdFlags{XLAT(EFD_SEMAPHORE), XLAT(EFD_CLOEXEC), XLAT(EFD_NONBLOCK)};
constexpr std::array kTimerfdFlags{XLAT(TFD_TIMER_ABSTIME), XLAT(TFD_TIMER_CANCEL_ON_SET),
                                   XLAT(TFD_CLOEXEC), XLAT(TFD_NONBLOCK)};
constexpr std::array kSignalfdFlags{XLAT(SFD_CLOEXEC), XLAT(SFD_NONBLOCK)};
constexpr std::array kInotifyInit{XLAT(IN_NONBLOCK), XLAT(IN_CLOEXEC)};
constexpr std::array kInotifyMask{
    XLAT(IN_ACCESS),        XLAT(IN_MODIFY),      XLAT(IN_ATTRIB),      XLAT(IN_CLOSE_WRITE),
    XLAT(IN_CLOSE_NOWRITE), XLAT(IN_OPEN),        XLAT(IN_MOVED_FROM),  XLAT(IN_MOVED_TO),
    XLAT(IN_CREATE),        XLAT(IN_DELETE),      XLAT(IN_DELETE_SELF), XLAT(IN_MOVE_SELF),
    XLAT(IN_UNMOUNT),       XLAT(IN_Q_OVERFLOW),  XLAT(IN_IGNORED),     XLAT(IN_ONLYDIR),
    XLAT(IN_DONT_FOLLOW),   XLAT(IN_EXCL_UNLINK), XLAT(IN_MASK_CREATE), XLAT(IN_MASK_ADD),
    XLAT(IN_ISDIR),         XLAT(IN_ONESHOT)};
constexpr std::array kMemfdFlags{XLAT(MFD_CLOEXEC), XLAT(MFD_ALLOW_SEALING), XLAT(MFD_HUGETLB),
                                 XLAT(MFD_NOEXEC_SEAL), XLAT(MFD_EXEC)};
constexpr std::array kEpollCreate{XlatEntry{02000000, "EPOLL_CLOEXEC"}};
constexpr std::array kCloseRange{XLAT(CLOSE_RANGE_UNSHARE), XLAT(CLOSE_RANGE_CLOEXEC)};
constexpr std::array kFlockOps{XLAT(LOCK_SH),
                               XLAT(LOCK_EX),
                               XLAT(LOCK_NB),
                               XLAT(LOCK_UN),
                               XlatEntry{32, "LOCK_MAND"},
                               XlatEntry{192, "LOCK_RW"}};
constexpr std::array kDnotify{XLAT(DN_ACCESS), XLAT(DN_MODIFY), XLAT(DN_CREATE),   XLAT(DN_DELETE),
                              XLAT(DN_RENAME), XLAT(DN_ATTRIB), XLAT(DN_MULTISHOT)};

const Xlat kEventfdTable{kEventfdFlags, "EFD_???"};
const Xlat kTimerfdTable{kTimerfdFlags, "TFD_???"};
const Xlat kSignalfdTable{kSignalfdFlags, "SFD_???"};
const Xlat kInotifyInitTable{kInotifyInit, "IN_???"};
const Xlat kInotifyMaskTable{kInotifyMask, "IN_???"};
const Xlat kMemfdTable{kMemfdFlags, "MFD_???"};
const Xlat kEpollCreateTable{kEpollCreate, "EPOLL_???"};
const Xlat kCloseRangeTable{kCloseRange, "CLOSE_RANGE_???"};
const Xlat kFlockTable{kFlockOps, "LOCK_???"};
const Xlat kDnotifyTable{kDnotify, "DN_???"};
const Xlat& kLockWhenceTable = tables::whence;

// --- fcntl ---------------------------------------------------------------

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
  out += "{type=";
  print_enum(kOwnerTypesTable, static_cast<std::uint32_t>(owner->type), out);
  out += ", pid=";
  switch (owner->type) {
    case F_OWNER_TID: print_pid(c.opts.pids, c.tid, owner->pid, PidType::tid, out); break;
    case F_OWNER_PID: print_pid(c.opts.pids, c.tid, owner->pid, PidType::tgid, out); break;
    case F_OWNER_PGRP: print_pid(c.opts.pids, c.tid, owner->pid, PidType::pgid, out); break;
    default: print_int(owner->pid, out); break;
  }
  out += '}';
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
  out += '[';
  print_enum(kWriteLifeHintsTable, *hint, out);
  out += ']';
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
  out += "{d_flags=";
  print_hex(d->d_flags, out);
  out += ", d_type=";
  print_enum(tables::lock_type, d->d_type, out);
  out += ", __pad=";
  print_hex(d->pad, out);
  out += '}';
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

// --- ioctl ---------------------------------------------------------------

bool format_ioctl_cmd(const ArgContext& c, ValueOut& out) {
  auto v = static_cast<std::uint32_t>(c.value());
  if (auto name = lookup(kIoctlTable, v); !name.empty()) {
    print_styled(fmt::format("{:#x}", v), name, out);
    return true;
  }
  out += "_IOC(";
  unsigned dir = _IOC_DIR(v);
  if (dir == 0)
    out += "_IOC_NONE";
  else
    print_flags(kIocDirTable, dir, out);
  fmt::format_to(std::back_inserter(out), ", {:#x}, {:#x}, {:#x})", _IOC_TYPE(v), _IOC_NR(v),
                 _IOC_SIZE(v));
  return true;
}

// termios abbreviated as strace does: the speed and four key modes.
void print_termios(const ArgContext& c, std::uint64_t addr, auto& out) {
  termios t{};
  if (!c.mem.read(addr, &t, sizeof t)) {
    print_addr(addr, out);
    return;
  }
  // Static like the Xlat that refers to it: a local array would be gone
  // after the first call, and later ones would read a dead stack frame.
  static constexpr std::array kBauds{XLAT(B0),     XLAT(B50),     XLAT(B75),     XLAT(B110),
                                     XLAT(B134),   XLAT(B150),    XLAT(B200),    XLAT(B300),
                                     XLAT(B600),   XLAT(B1200),   XLAT(B1800),   XLAT(B2400),
                                     XLAT(B4800),  XLAT(B9600),   XLAT(B19200),  XLAT(B38400),
                                     XLAT(B57600), XLAT(B115200), XLAT(B230400), XLAT(B460800)};
  static const Xlat kBaudTable{kBauds, "B???"};
  out += '{';
  print_enum(kBaudTable, t.c_cflag & CBAUD, out);
  fmt::format_to(std::back_inserter(out), " {}opost {}isig {}icanon {}echo ...}}",
                 (t.c_oflag & OPOST) ? "" : "-", (t.c_lflag & ISIG) ? "" : "-",
                 (t.c_lflag & ICANON) ? "" : "-", (t.c_lflag & ECHO) ? "" : "-");
}

void print_winsize(const ArgContext& c, std::uint64_t addr, auto& out) {
  winsize w{};
  if (!c.mem.read(addr, &w, sizeof w)) {
    print_addr(addr, out);
    return;
  }
  fmt::format_to(std::back_inserter(out), "{{ws_row={}, ws_col={}, ws_xpixel={}, ws_ypixel={}}}",
                 w.ws_row, w.ws_col, w.ws_xpixel, w.ws_ypixel);
}

void print_int_at(const ArgContext& c, std::uint64_t addr, auto& out) {
  auto v = c.mem.read_value<std::int32_t>(addr);
  if (!v)
    print_addr(addr, out);
  else
    fmt::format_to(std::back_inserter(out), "[{}]", *v);
}

// Commands without an argument print none.
bool ioctl_has_arg(const ArgContext& c) {
  auto cmd = static_cast<std::uint32_t>(c.ref_value());
  return cmd != FIOCLEX && cmd != FIONCLEX && cmd != TIOCNOTTY && cmd != TIOCEXCL &&
         cmd != TIOCNXCL;
}

bool format_ioctl_arg(const ArgContext& c, ValueOut& out) {
  if (!ioctl_has_arg(c)) return false;
  auto cmd = static_cast<std::uint32_t>(c.ref_value());
  std::uint64_t addr = c.value();
  bool in_arg = cmd == TCSETS || cmd == TCSETSW || cmd == TCSETSF || cmd == TIOCSWINSZ ||
                cmd == FIONBIO || cmd == TIOCSPGRP || cmd == FIOASYNC;
  bool out_arg = cmd == TCGETS || cmd == TIOCGWINSZ || cmd == FIONREAD || cmd == TIOCGPGRP ||
                 cmd == TIOCOUTQ || cmd == TIOCGPTN || cmd == TIOCGSID;
  if (!in_arg && !out_arg) {
    // Commands whose argument is a number print it in decimal; the rest
    // are unknown to the decoder and print in hex, as strace does.
    if (cmd == TCSBRK || cmd == TCXONC || cmd == TCFLSH || cmd == 0x40049409)
      print_int(static_cast<std::int64_t>(addr), out);
    else
      print_hex(addr, out);
    return true;
  }
  if (addr == 0 || !c.deref || (out_arg && c.failed())) {
    print_addr(addr, out);
    return true;
  }
  switch (cmd) {
    case TCGETS:
    case TCSETS:
    case TCSETSW:
    case TCSETSF: print_termios(c, addr, out); break;
    case TIOCGWINSZ:
    case TIOCSWINSZ: print_winsize(c, addr, out); break;
    default: print_int_at(c, addr, out); break;
  }
  return true;
}

bool ioctl_present(const ArgContext& c) {
  return ioctl_has_arg(c);
}

// --- pipe ----------------------------------------------------------------

bool format_pipefds(const ArgContext& c, ValueOut& out) {
  std::array<std::int32_t, 2> fds{};
  if (c.failed() || !c.mem.read(c.value(), fds.data(), sizeof fds)) {
    print_addr(c.value(), out);
    return true;
  }
  out += '[';
  print_fd_decorated(c.tid, fds[0], c.opts.fd_details, out);
  out += ", ";
  print_fd_decorated(c.tid, fds[1], c.opts.fd_details, out);
  out += ']';
  return true;
}

constexpr std::array kFdKinds{
    KindDecoder{ArgKind::fcntl_arg, Phase::entry, format_fcntl_arg, nullptr, nullptr, false,
                fcntl_arg_phase},
    KindDecoder{ArgKind::ioctl_cmd, Phase::entry, format_ioctl_cmd},
    KindDecoder{ArgKind::ioctl_arg, Phase::exit, format_ioctl_arg, nullptr, ioctl_present},
    KindDecoder{ArgKind::pipefds_out, Phase::exit, format_pipefds},
    // pipe2 and dup3 flags: strace prints them with all of open's flags.
    KindDecoder{ArgKind::pipe_flags, Phase::entry, flags32<tables::open_flags>},
    KindDecoder{ArgKind::eventfd_flags, Phase::entry, flags32<kEventfdTable>},
    KindDecoder{ArgKind::timerfd_flags, Phase::entry, flags32<kTimerfdTable>},
    KindDecoder{ArgKind::signalfd_flags, Phase::entry, flags32<kSignalfdTable>},
    KindDecoder{ArgKind::inotify_init_flags, Phase::entry, flags32<kInotifyInitTable>},
    KindDecoder{ArgKind::inotify_mask, Phase::entry, flags32<kInotifyMaskTable>},
    KindDecoder{ArgKind::memfd_flags, Phase::entry, flags32<kMemfdTable>},
    KindDecoder{ArgKind::epoll_create_flags, Phase::entry, flags32<kEpollCreateTable>},
    KindDecoder{ArgKind::close_range_flags, Phase::entry, flags32<kCloseRangeTable>},
    KindDecoder{ArgKind::flock_op, Phase::entry, flags32<kFlockTable>},
};

}  // namespace

std::span<const KindDecoder> fd_kinds() {
  return kFdKinds;
}

}  // namespace xtrace
