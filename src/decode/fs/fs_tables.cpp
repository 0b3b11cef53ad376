#include "fs_tables.hpp"

#include <fcntl.h>
#include <linux/stat.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>

#include "fcntl_commands.hpp"

namespace xtrace::decode::tables {
namespace {

// glibc hides the kernel's O_LARGEFILE on 64-bit (it is always on); strace
// prints the kernel's bit.
#if defined(__x86_64__)
constexpr std::uint64_t kO_LARGEFILE = 0100000;
#else
constexpr std::uint64_t kO_LARGEFILE = 0400000;
#endif
// The kernel's own bits behind O_TMPFILE and O_SYNC (glibc's __O_TMPFILE
// includes O_DIRECTORY); strace names them when they are set alone.
constexpr std::uint64_t kKernelTmpfileBit = 020000000;
constexpr std::uint64_t kKernelSyncBit = 04000000;
#ifndef AT_RECURSIVE
#define AT_RECURSIVE 0x8000
#endif

constexpr std::array kOpenAccess{XLAT(O_RDONLY), XLAT(O_WRONLY), XLAT(O_RDWR), XLAT(O_ACCMODE)};
// strace 7.2's order (O_TMPFILE, which includes O_DIRECTORY's bit, first).
constexpr std::array kOpenFlags{
    XLAT(O_CREAT), XLAT(O_EXCL), XLAT(O_NOCTTY), XLAT(O_TRUNC), XLAT(O_APPEND), XLAT(O_NONBLOCK),
    // O_SYNC before O_DSYNC and __O_SYNC: it is both their bits.
    XLAT(O_SYNC), XlatEntry{kKernelSyncBit, "__O_SYNC"}, XLAT(O_DSYNC), XLAT(O_DIRECT),
    XlatEntry{kO_LARGEFILE, "O_LARGEFILE"}, XLAT(O_NOFOLLOW), XLAT(O_NOATIME), XLAT(O_CLOEXEC),
    XLAT(O_PATH),
    // O_TMPFILE before __O_TMPFILE and O_DIRECTORY, for the same reason.
    XLAT(O_TMPFILE), XlatEntry{kKernelTmpfileBit, "__O_TMPFILE"}, XLAT(O_DIRECTORY),
    XlatEntry{0x4000000, "O_EMPTYPATH"}, XLAT(FASYNC)};
constexpr std::array kFdFlags{XLAT(FD_CLOEXEC)};
constexpr std::array kSealFlags{XLAT(F_SEAL_SEAL), XLAT(F_SEAL_SHRINK), XLAT(F_SEAL_GROW),
                                XLAT(F_SEAL_WRITE), XLAT(F_SEAL_FUTURE_WRITE)};
constexpr std::array kLockType{XLAT(F_RDLCK), XLAT(F_WRLCK), XLAT(F_UNLCK), XLAT(F_EXLCK),
                               XLAT(F_SHLCK)};
constexpr std::array kAtFlags{XLAT(AT_SYMLINK_NOFOLLOW), XLAT(AT_REMOVEDIR),
                              XLAT(AT_SYMLINK_FOLLOW),   XLAT(AT_NO_AUTOMOUNT),
                              XLAT(AT_EMPTY_PATH),       XlatEntry{AT_RECURSIVE, "AT_RECURSIVE"}};
constexpr std::array kStatxFlags{XLAT(AT_STATX_SYNC_AS_STAT), XLAT(AT_STATX_FORCE_SYNC),
                                 XLAT(AT_STATX_DONT_SYNC)};
constexpr std::array kStatxMask{XLAT(STATX_ALL),
                                XLAT(STATX_BASIC_STATS),
                                XLAT(STATX_TYPE),
                                XLAT(STATX_MODE),
                                XLAT(STATX_NLINK),
                                XLAT(STATX_UID),
                                XLAT(STATX_GID),
                                XLAT(STATX_ATIME),
                                XLAT(STATX_MTIME),
                                XLAT(STATX_CTIME),
                                XLAT(STATX_INO),
                                XLAT(STATX_SIZE),
                                XLAT(STATX_BLOCKS),
                                XLAT(STATX_BTIME),
                                XLAT(STATX_MNT_ID),
                                XLAT(STATX_DIOALIGN),
                                XlatEntry{0x4000U, "STATX_MNT_ID_UNIQUE"},
                                XlatEntry{0x8000U, "STATX_SUBVOL"},
                                XlatEntry{0x10000U, "STATX_WRITE_ATOMIC"},
                                XlatEntry{0x20000U, "STATX_DIO_READ_ALIGN"}};
constexpr std::array kAccessMode{XLAT(F_OK), XLAT(R_OK), XLAT(W_OK), XLAT(X_OK)};
constexpr std::array kWhence{XLAT(SEEK_SET), XLAT(SEEK_CUR), XLAT(SEEK_END), XLAT(SEEK_DATA),
                             XLAT(SEEK_HOLE)};
constexpr std::array kFadvise{XLAT(POSIX_FADV_NORMAL),     XLAT(POSIX_FADV_RANDOM),
                              XLAT(POSIX_FADV_SEQUENTIAL), XLAT(POSIX_FADV_WILLNEED),
                              XLAT(POSIX_FADV_DONTNEED),   XLAT(POSIX_FADV_NOREUSE)};
// strace's fcntlcmds order; the commands the C library lacks by the
// kernel's numbers.
constexpr std::array kFcntlCmd{XLAT(F_DUPFD),
                               XLAT(F_GETFD),
                               XLAT(F_SETFD),
                               XLAT(F_GETFL),
                               XLAT(F_SETFL),
                               XLAT(F_GETLK),
                               XLAT(F_SETLK),
                               XLAT(F_SETLKW),
                               XLAT(F_SETOWN),
                               XLAT(F_GETOWN),
                               XLAT(F_SETSIG),
                               XLAT(F_GETSIG),
                               XlatEntry{kFcntlGetlk64, "F_GETLK64"},
                               XlatEntry{kFcntlSetlk64, "F_SETLK64"},
                               XlatEntry{kFcntlSetlkw64, "F_SETLKW64"},
                               XLAT(F_SETOWN_EX),
                               XLAT(F_GETOWN_EX),
                               XlatEntry{kFcntlGetownerUids, "F_GETOWNER_UIDS"},
                               XLAT(F_OFD_GETLK),
                               XLAT(F_OFD_SETLK),
                               XLAT(F_OFD_SETLKW),
                               XLAT(F_SETLEASE),
                               XLAT(F_GETLEASE),
                               XLAT(F_NOTIFY),
                               XlatEntry{kFcntlDupfdQuery, "F_DUPFD_QUERY"},
                               XlatEntry{kFcntlCreatedQuery, "F_CREATED_QUERY"},
                               XlatEntry{kFcntlCancellk, "F_CANCELLK"},
                               XLAT(F_DUPFD_CLOEXEC),
                               XLAT(F_SETPIPE_SZ),
                               XLAT(F_GETPIPE_SZ),
                               XLAT(F_ADD_SEALS),
                               XLAT(F_GET_SEALS),
                               XlatEntry{kFcntlGetRwHint, "F_GET_RW_HINT"},
                               XlatEntry{kFcntlSetRwHint, "F_SET_RW_HINT"},
                               XlatEntry{kFcntlGetFileRwHint, "F_GET_FILE_RW_HINT"},
                               XlatEntry{kFcntlSetFileRwHint, "F_SET_FILE_RW_HINT"},
                               XlatEntry{kFcntlGetdeleg, "F_GETDELEG"},
                               XlatEntry{kFcntlSetdeleg, "F_SETDELEG"}};
constexpr std::array kFileType{XLAT(S_IFREG), XLAT(S_IFSOCK), XLAT(S_IFIFO), XLAT(S_IFLNK),
                               XLAT(S_IFDIR), XLAT(S_IFBLK),  XLAT(S_IFCHR)};
constexpr std::array kModeBits{XLAT(S_ISUID), XLAT(S_ISGID), XLAT(S_ISVTX)};

}  // namespace

const Xlat open_access{kOpenAccess};
const Xlat open_flags{kOpenFlags, "O_???"};
const Xlat fd_flags{kFdFlags, "FD_???"};
const Xlat seal_flags{kSealFlags, "F_SEAL_???"};
const Xlat lock_type{kLockType, "F_???"};
const Xlat at_flags{kAtFlags, "AT_???"};
const Xlat statx_flags{kStatxFlags};
const Xlat statx_mask{kStatxMask, "STATX_???"};
const Xlat access_mode{kAccessMode, "?_OK"};
const Xlat whence{kWhence, "SEEK_???"};
const Xlat fadvise_advice{kFadvise, "POSIX_FADV_???"};
const Xlat fcntl_cmd{kFcntlCmd, "F_???"};
const Xlat file_type{kFileType};
const Xlat file_mode_bits{kModeBits};

}  // namespace xtrace::decode::tables
