// Constant and flag kinds of file calls: open's flags and mode, the *at
// flags, statx's, mount's, rename's, inotify's, and the file modes and
// devices mknod takes.
#include <fcntl.h>
#include <linux/close_range.h>
#include <linux/falloc.h>
#include <linux/openat2.h>
#include <sys/file.h>
#include <sys/inotify.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/xattr.h>

#include <array>

#include "format_helpers.hpp"
#include "fs_tables.hpp"
#include "struct_reader.hpp"
#include "table_kinds.hpp"
#include "xlat.hpp"
#include "xtrace/decode.hpp"

#ifndef RENAME_NOREPLACE
#define RENAME_NOREPLACE (1 << 0)
#define RENAME_EXCHANGE (1 << 1)
#define RENAME_WHITEOUT (1 << 2)
#endif

namespace xtrace {
namespace {

using namespace decode;

// The kernel's own __O_TMPFILE bit (glibc's macro includes O_DIRECTORY).
constexpr std::uint32_t kTmpfileBit = 020000000;

constexpr std::array kAccessFlags{XLAT(AT_SYMLINK_NOFOLLOW), XLAT(AT_EACCESS), XLAT(AT_EMPTY_PATH)};
constexpr std::array kRenameFlags{XLAT(RENAME_NOREPLACE), XLAT(RENAME_EXCHANGE),
                                  XLAT(RENAME_WHITEOUT)};
constexpr std::array kFallocate{
    XLAT(FALLOC_FL_KEEP_SIZE),     XLAT(FALLOC_FL_PUNCH_HOLE),
    XLAT(FALLOC_FL_NO_HIDE_STALE), XLAT(FALLOC_FL_COLLAPSE_RANGE),
    XLAT(FALLOC_FL_ZERO_RANGE),    XLAT(FALLOC_FL_INSERT_RANGE),
    XLAT(FALLOC_FL_UNSHARE_RANGE), XlatEntry{0x80, "FALLOC_FL_WRITE_ZEROES"}};
constexpr std::array kXattrFlags{XLAT(XATTR_CREATE), XLAT(XATTR_REPLACE)};
constexpr std::array kUmountFlags{XLAT(MNT_FORCE), XLAT(MNT_DETACH), XLAT(MNT_EXPIRE),
                                  XLAT(UMOUNT_NOFOLLOW)};
constexpr std::array kResolveFlags{XLAT(RESOLVE_NO_XDEV),     XLAT(RESOLVE_NO_MAGICLINKS),
                                   XLAT(RESOLVE_NO_SYMLINKS), XLAT(RESOLVE_BENEATH),
                                   XLAT(RESOLVE_IN_ROOT),     XLAT(RESOLVE_CACHED)};
constexpr std::array kMountFlags{
    XLAT(MS_RDONLY),      XLAT(MS_NOSUID),    XLAT(MS_NODEV),      XLAT(MS_NOEXEC),
    XLAT(MS_SYNCHRONOUS), XLAT(MS_REMOUNT),   XLAT(MS_MANDLOCK),   XLAT(MS_DIRSYNC),
    XLAT(MS_NOSYMFOLLOW), XLAT(MS_NOATIME),   XLAT(MS_NODIRATIME), XLAT(MS_BIND),
    XLAT(MS_MOVE),        XLAT(MS_REC),       XLAT(MS_SILENT),     XLAT(MS_POSIXACL),
    XLAT(MS_UNBINDABLE),  XLAT(MS_PRIVATE),   XLAT(MS_SLAVE),      XLAT(MS_SHARED),
    XLAT(MS_RELATIME),    XLAT(MS_KERNMOUNT), XLAT(MS_I_VERSION),  XLAT(MS_STRICTATIME),
    XLAT(MS_LAZYTIME)};
const Xlat kAccessFlagsTable{kAccessFlags, "AT_???"};
const Xlat kRenameTable{kRenameFlags, "RENAME_???"};
const Xlat kFallocateTable{kFallocate, "FALLOC_FL_???"};
const Xlat kXattrTable{kXattrFlags, "XATTR_???"};
const Xlat kUmountTable{kUmountFlags, "MNT_???"};
const Xlat kResolveTable{kResolveFlags, "RESOLVE_???"};
const Xlat kMountTable{kMountFlags, "MS_???"};
constexpr std::array kInotifyInit{XLAT(IN_NONBLOCK), XLAT(IN_CLOEXEC)};
constexpr std::array kInotifyMask{
    XLAT(IN_ACCESS),        XLAT(IN_MODIFY),      XLAT(IN_ATTRIB),      XLAT(IN_CLOSE_WRITE),
    XLAT(IN_CLOSE_NOWRITE), XLAT(IN_OPEN),        XLAT(IN_MOVED_FROM),  XLAT(IN_MOVED_TO),
    XLAT(IN_CREATE),        XLAT(IN_DELETE),      XLAT(IN_DELETE_SELF), XLAT(IN_MOVE_SELF),
    XLAT(IN_UNMOUNT),       XLAT(IN_Q_OVERFLOW),  XLAT(IN_IGNORED),     XLAT(IN_ONLYDIR),
    XLAT(IN_DONT_FOLLOW),   XLAT(IN_EXCL_UNLINK), XLAT(IN_MASK_CREATE), XLAT(IN_MASK_ADD),
    XLAT(IN_ISDIR),         XLAT(IN_ONESHOT)};
constexpr std::array kCloseRange{XLAT(CLOSE_RANGE_UNSHARE), XLAT(CLOSE_RANGE_CLOEXEC)};
constexpr std::array kFlockOps{XLAT(LOCK_SH),
                               XLAT(LOCK_EX),
                               XLAT(LOCK_NB),
                               XLAT(LOCK_UN),
                               XlatEntry{32, "LOCK_MAND"},
                               XlatEntry{192, "LOCK_RW"}};
const Xlat kInotifyInitTable{kInotifyInit, "IN_???"};
const Xlat kInotifyMaskTable{kInotifyMask, "IN_???"};
const Xlat kCloseRangeTable{kCloseRange, "CLOSE_RANGE_???"};
const Xlat kFlockTable{kFlockOps, "LOCK_???"};

bool format_open_flags(const ArgContext& c, ValueOut& out) {
  print_enum_flags(tables::open_access, O_ACCMODE, tables::open_flags,
                   static_cast<std::uint32_t>(c.value()), out);
  return true;
}

// statx: the sync type (a two-bit field) first, then the AT_* flags, each
// a flag set of its own (`0 /* AT_STATX_SYNC_AS_STAT */|0x100 /* ... */`
// with -X verbose), with no default string, as strace prints them.
bool format_statx_flags(const ArgContext& c, ValueOut& out) {
  auto v = static_cast<std::uint32_t>(c.value());
  print_flags(tables::statx_flags, v & AT_STATX_SYNC_TYPE, out);
  if (std::uint32_t rest = v & ~AT_STATX_SYNC_TYPE; rest != 0) {
    out += '|';
    print_flags(tables::at_flags.with_dflt({}), rest, out);
  }
  return true;
}

// open's mode matters only when the call may create a file.
bool format_mode(const ArgContext& c, ValueOut& out) {
  for (int i = 0; i < c.desc.nargs; ++i) {
    if (c.desc.args[i].kind == ArgKind::open_flags && (c.args[i] & (O_CREAT | kTmpfileBit)) == 0)
      return false;
  }
  print_mode_octal(static_cast<std::uint32_t>(c.value()), out);
  return true;
}

// mknod's mode (an umode_t) as strace's print_symbolic_mode_t: the file
// type by name, the set-id and sticky bits by name, then the permission
// bits ("S_IFBLK|S_ISUID|0777"); a file type with no name prints the whole
// mode in octal ("0177777").
bool format_symbolic_mode(const ArgContext& c, ValueOut& out) {
  auto mode = static_cast<std::uint32_t>(c.value());
  std::string number;
  print_mode_octal(mode, number);
  std::string_view type = (mode & S_IFMT) != 0 ? lookup(tables::file_type, mode & S_IFMT) : "";
  if ((mode & S_IFMT) != 0 && type.empty()) {
    out += number;
    return true;
  }
  std::string symbol(type);
  if (!symbol.empty()) symbol += '|';
  if (mode & S_ISUID) symbol += "S_ISUID|";
  if (mode & S_ISGID) symbol += "S_ISGID|";
  if (mode & S_ISVTX) symbol += "S_ISVTX|";
  print_mode_octal(mode & ~(S_IFMT | S_ISUID | S_ISGID | S_ISVTX), symbol);
  print_styled(number, symbol, out);
  return true;
}

// mknod's dev means something only for a device node; strace prints it
// only then.
bool format_dev(const ArgContext& c, ValueOut& out);
bool format_mknod_dev(const ArgContext& c, ValueOut& out) {
  auto type = static_cast<std::uint32_t>(c.ref_value()) & S_IFMT;
  if (type != S_IFCHR && type != S_IFBLK) return false;
  return format_dev(c, out);
}

bool format_dev(const ArgContext& c, ValueOut& out) {
  print_dev(c.value(), out);
  return true;
}

bool format_open_how(const ArgContext& c, ValueOut& out) {
  auto how = read_in<open_how>(c, out);
  if (!how) return true;
  StructPrinter s(out);
  print_enum_flags(tables::open_access, O_ACCMODE, tables::open_flags, how->flags,
                   s.field("flags"));
  if (how->flags & (O_CREAT | kTmpfileBit)) print_mode_octal(how->mode, s.field("mode"));
  print_flags(kResolveTable, how->resolve, s.field("resolve"));
  return true;
}

constexpr std::array kFsFlagKinds{
    KindDecoder{ArgKind::open_flags, Phase::entry, format_open_flags},
    KindDecoder{ArgKind::mode, Phase::entry, format_mode},
    KindDecoder{ArgKind::at_flags, Phase::entry, flags32<tables::at_flags>},
    KindDecoder{ArgKind::statx_flags, Phase::entry, format_statx_flags},
    KindDecoder{ArgKind::statx_mask, Phase::entry, flags32<tables::statx_mask>},
    KindDecoder{ArgKind::access_mode, Phase::entry, flags32<tables::access_mode>},
    KindDecoder{ArgKind::whence, Phase::entry, enum32<tables::whence>},
    KindDecoder{ArgKind::fadvise_advice, Phase::entry, enum32<tables::fadvise_advice>},
    KindDecoder{ArgKind::fcntl_cmd, Phase::entry, enum32<tables::fcntl_cmd>},
    KindDecoder{ArgKind::access_flags, Phase::entry, flags32<kAccessFlagsTable>},
    KindDecoder{ArgKind::rename_flags, Phase::entry, flags32<kRenameTable>},
    KindDecoder{ArgKind::fallocate_mode, Phase::entry, flags32<kFallocateTable>},
    KindDecoder{ArgKind::xattr_flags, Phase::entry, flags32<kXattrTable>},
    KindDecoder{ArgKind::umount_flags, Phase::entry, flags32<kUmountTable>},
    KindDecoder{ArgKind::mount_flags, Phase::entry, flags32<kMountTable>},
    KindDecoder{ArgKind::symbolic_mode, Phase::entry, format_symbolic_mode},
    KindDecoder{ArgKind::dev, Phase::entry, format_dev},
    KindDecoder{ArgKind::mknod_dev, Phase::entry, format_mknod_dev},
    KindDecoder{ArgKind::open_how_in, Phase::entry, format_open_how},
    KindDecoder{ArgKind::inotify_init_flags, Phase::entry, flags32<kInotifyInitTable>},
    KindDecoder{ArgKind::inotify_mask, Phase::entry, flags32<kInotifyMaskTable>},
    KindDecoder{ArgKind::close_range_flags, Phase::entry, flags32<kCloseRangeTable>},
    KindDecoder{ArgKind::flock_op, Phase::entry, flags32<kFlockTable>},
    // pipe2 and dup3 flags: strace prints them with all of open's flags.
    KindDecoder{ArgKind::pipe_flags, Phase::entry, flags32<tables::open_flags>},
};

}  // namespace

std::span<const KindDecoder> fs_flag_kinds() {
  return kFsFlagKinds;
}

}  // namespace xtrace
