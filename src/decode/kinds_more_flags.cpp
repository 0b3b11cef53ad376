// Flag and constant kinds of file and memory calls: one table each, in
// strace 7.2's order, printed by the generic flag printers.
#include <fcntl.h>
#include <linux/falloc.h>
#include <linux/openat2.h>
#include <sched.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/uio.h>
#include <sys/xattr.h>

#include <array>

#include "format_helpers.hpp"
#include "personality.hpp"
#include "struct_reader.hpp"
#include "table_kinds.hpp"
#include "xlat.hpp"
#include "xlat_tables.hpp"
#include "xtrace/decode.hpp"

#ifndef RENAME_NOREPLACE
#define RENAME_NOREPLACE (1 << 0)
#define RENAME_EXCHANGE (1 << 1)
#define RENAME_WHITEOUT (1 << 2)
#endif
#ifndef MREMAP_DONTUNMAP
#define MREMAP_DONTUNMAP 4
#endif
#ifndef MLOCK_ONFAULT
#define MLOCK_ONFAULT 0x01
#endif

namespace xtrace {
namespace {

using namespace decode;

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
constexpr std::array kMremapFlags{XLAT(MREMAP_MAYMOVE), XLAT(MREMAP_FIXED), XLAT(MREMAP_DONTUNMAP)};
constexpr std::array kMsyncFlags{XLAT(MS_SYNC), XLAT(MS_ASYNC), XLAT(MS_INVALIDATE)};
constexpr std::array kMlockFlags{XLAT(MLOCK_ONFAULT)};
constexpr std::array kMlockallFlags{XLAT(MCL_CURRENT), XLAT(MCL_FUTURE), XLAT(MCL_ONFAULT)};
constexpr std::array kSpliceFlags{XlatEntry{1, "SPLICE_F_MOVE"}, XlatEntry{2, "SPLICE_F_NONBLOCK"},
                                  XlatEntry{4, "SPLICE_F_MORE"}, XlatEntry{8, "SPLICE_F_GIFT"}};
constexpr std::array kRwfFlags{XLAT(RWF_HIPRI),
                               XLAT(RWF_DSYNC),
                               XLAT(RWF_SYNC),
                               XLAT(RWF_NOWAIT),
                               XLAT(RWF_APPEND),
                               XlatEntry{0x20, "RWF_NOAPPEND"},
                               XlatEntry{0x40, "RWF_ATOMIC"},
                               XlatEntry{0x80, "RWF_DONTCACHE"},
                               XlatEntry{0x100, "RWF_NOSIGNAL"}};
constexpr std::array kExecveatFlags{XLAT(AT_SYMLINK_NOFOLLOW), XLAT(AT_EMPTY_PATH)};
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

constexpr std::array kMembarrierFlags{XlatEntry{1, "MEMBARRIER_CMD_FLAG_CPU"}};
constexpr std::array kPidfdOpenFlags{XlatEntry{O_EXCL, "PIDFD_THREAD"},
                                     XlatEntry{O_NONBLOCK, "PIDFD_NONBLOCK"}};
constexpr std::array kPidfdSignalFlags{XlatEntry{1, "PIDFD_SIGNAL_THREAD"},
                                       XlatEntry{2, "PIDFD_SIGNAL_THREAD_GROUP"},
                                       XlatEntry{4, "PIDFD_SIGNAL_PROCESS_GROUP"}};
constexpr std::array kSetnsTypes{XLAT(CLONE_NEWNS),   XLAT(CLONE_NEWCGROUP),
                                 XLAT(CLONE_NEWUTS),  XLAT(CLONE_NEWIPC),
                                 XLAT(CLONE_NEWUSER), XLAT(CLONE_NEWPID),
                                 XLAT(CLONE_NEWNET),  XlatEntry{0x80, "CLONE_NEWTIME"}};

const Xlat kAccessFlagsTable{kAccessFlags, "AT_???"};
const Xlat kRenameTable{kRenameFlags, "RENAME_???"};
const Xlat kFallocateTable{kFallocate, "FALLOC_FL_???"};
const Xlat kXattrTable{kXattrFlags, "XATTR_???"};
const Xlat kUmountTable{kUmountFlags, "MNT_???"};
const Xlat kMremapTable{kMremapFlags, "MREMAP_???"};
const Xlat kMsyncTable{kMsyncFlags, "MS_???"};
const Xlat kMlockTable{kMlockFlags, "MLOCK_???"};
const Xlat kMlockallTable{kMlockallFlags, "MCL_???"};
constexpr std::array kSyncFileRangeFlags{XLAT(SYNC_FILE_RANGE_WAIT_BEFORE),
                                         XLAT(SYNC_FILE_RANGE_WRITE),
                                         XLAT(SYNC_FILE_RANGE_WAIT_AFTER)};
const Xlat kSyncFileRangeTable{kSyncFileRangeFlags, "SYNC_FILE_RANGE_???"};
// PKEY_UNRESTRICTED is newer than the C library's headers, and
// PKEY_DISABLE_EXECUTE only in powerpc's; strace names both everywhere.
constexpr std::array kPkeyAccess{XlatEntry{0, "PKEY_UNRESTRICTED"}, XLAT(PKEY_DISABLE_ACCESS),
                                 XLAT(PKEY_DISABLE_WRITE), XlatEntry{4, "PKEY_DISABLE_EXECUTE"}};
const Xlat kPkeyAccessTable{kPkeyAccess, "PKEY_???"};
// linux/ioprio.h's values (the header is not in every C library's kernel
// headers set).
constexpr std::array kIoprioWhich{XlatEntry{1, "IOPRIO_WHO_PROCESS"},
                                  XlatEntry{2, "IOPRIO_WHO_PGRP"}, XlatEntry{3, "IOPRIO_WHO_USER"}};
const Xlat kIoprioWhichTable{kIoprioWhich, "IOPRIO_WHO_???"};
const Xlat kSpliceTable{kSpliceFlags, "SPLICE_F_???"};
const Xlat kRwfTable{kRwfFlags, "RWF_???"};
const Xlat kExecveatTable{kExecveatFlags, "AT_???"};
const Xlat kResolveTable{kResolveFlags, "RESOLVE_???"};
const Xlat kMountTable{kMountFlags, "MS_???"};
const Xlat kMembarrierFlagsTable{kMembarrierFlags, "MEMBARRIER_CMD_FLAG_???"};
const Xlat kPidfdOpenTable{kPidfdOpenFlags, "PIDFD_???"};
const Xlat kPidfdSignalTable{kPidfdSignalFlags, "PIDFD_SIGNAL_???"};
const Xlat kSetnsTable{kSetnsTypes, "CLONE_NEW???"};

// membarrier's cpu_id means something only with MEMBARRIER_CMD_FLAG_CPU;
// strace prints it only then.
bool format_membarrier_cpu(const ArgContext& c, ValueOut& out) {
  if (!(c.arg(1) & 1)) return false;
  print_int(static_cast<std::int32_t>(c.value()), out);
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

// mremap's fifth argument exists only for a move to a given address.
bool format_mremap_new_address(const ArgContext& c, ValueOut& out) {
  std::uint64_t flags = c.ref_value();
  if (!(flags & (MREMAP_FIXED | MREMAP_DONTUNMAP)) || !(flags & MREMAP_MAYMOVE)) return false;
  print_addr(c.value(), out);
  return true;
}

bool format_open_how(const ArgContext& c, ValueOut& out) {
  auto how = read_in<open_how>(c, out);
  if (!how) return true;
  out += "{flags=";
  print_enum_flags(tables::open_access, O_ACCMODE, tables::open_flags, how->flags, out);
  if (how->flags & (O_CREAT | 020000000))
    fmt::format_to(std::back_inserter(out), ", mode=0{:03o}", how->mode);
  out += ", resolve=";
  print_flags(kResolveTable, how->resolve, out);
  out += '}';
  return true;
}

bool format_personality(const ArgContext& c, ValueOut& out) {
  out += personality_text(static_cast<std::uint32_t>(c.value()));
  return true;
}

constexpr std::array kMoreFlagKinds{
    KindDecoder{ArgKind::membarrier_cmd, Phase::entry, enum32<tables::membarrier_cmd>},
    KindDecoder{ArgKind::membarrier_flags, Phase::entry, flags32<kMembarrierFlagsTable>},
    KindDecoder{ArgKind::membarrier_cpu, Phase::entry, format_membarrier_cpu},
    KindDecoder{ArgKind::pidfd_open_flags, Phase::entry, flags32<kPidfdOpenTable>},
    KindDecoder{ArgKind::pidfd_signal_flags, Phase::entry, flags32<kPidfdSignalTable>},
    KindDecoder{ArgKind::setns_type, Phase::entry, flags32<kSetnsTable>},
    KindDecoder{ArgKind::access_flags, Phase::entry, flags32<kAccessFlagsTable>},
    KindDecoder{ArgKind::rename_flags, Phase::entry, flags32<kRenameTable>},
    KindDecoder{ArgKind::fallocate_mode, Phase::entry, flags32<kFallocateTable>},
    KindDecoder{ArgKind::xattr_flags, Phase::entry, flags32<kXattrTable>},
    KindDecoder{ArgKind::umount_flags, Phase::entry, flags32<kUmountTable>},
    KindDecoder{ArgKind::mremap_flags, Phase::entry, flags32<kMremapTable>},
    KindDecoder{ArgKind::mremap_new_address, Phase::entry, format_mremap_new_address},
    KindDecoder{ArgKind::msync_flags, Phase::entry, flags32<kMsyncTable>},
    KindDecoder{ArgKind::mlock_flags, Phase::entry, flags32<kMlockTable>},
    KindDecoder{ArgKind::mlockall_flags, Phase::entry, flags32<kMlockallTable>},
    KindDecoder{ArgKind::sync_file_range_flags, Phase::entry, flags32<kSyncFileRangeTable>},
    KindDecoder{ArgKind::pkey_access, Phase::entry, flags32<kPkeyAccessTable>},
    KindDecoder{ArgKind::ioprio_which, Phase::entry, enum32<kIoprioWhichTable>},
    KindDecoder{ArgKind::splice_flags, Phase::entry, flags32<kSpliceTable>},
    KindDecoder{ArgKind::rwf_flags, Phase::entry, flags32<kRwfTable>},
    KindDecoder{ArgKind::execveat_flags, Phase::entry, flags32<kExecveatTable>},
    KindDecoder{ArgKind::mount_flags, Phase::entry, flags32<kMountTable>},
    KindDecoder{ArgKind::symbolic_mode, Phase::entry, format_symbolic_mode},
    KindDecoder{ArgKind::dev, Phase::entry, format_dev},
    KindDecoder{ArgKind::mknod_dev, Phase::entry, format_mknod_dev},
    KindDecoder{ArgKind::open_how_in, Phase::entry, format_open_how},
    KindDecoder{ArgKind::personality, Phase::entry, format_personality},
};

}  // namespace

std::span<const KindDecoder> more_flag_kinds() {
  return kMoreFlagKinds;
}

}  // namespace xtrace
