#include "xlat_tables.hpp"

#include <fcntl.h>
#include <linux/capability.h>
#include <linux/falloc.h>
#include <linux/membarrier.h>
#include <linux/netlink.h>
#include <linux/stat.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/random.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <termios.h>
#include <time.h>
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
constexpr std::array kPollEvents{
    XLAT(POLLIN),     XLAT(POLLPRI),    XLAT(POLLOUT),    XLAT(POLLERR),
    XLAT(POLLHUP),    XLAT(POLLNVAL),   XLAT(POLLRDNORM), XLAT(POLLRDBAND),
    XLAT(POLLWRNORM), XLAT(POLLWRBAND), XLAT(POLLMSG),    XlatEntry{0x1000, "POLLREMOVE"},
    XLAT(POLLRDHUP)};
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
constexpr std::array kMmapProt{XLAT(PROT_NONE),
                               XLAT(PROT_READ),
                               XLAT(PROT_WRITE),
                               XLAT(PROT_EXEC),
                               XlatEntry{0x8, "PROT_SEM"},
                               XLAT(PROT_GROWSDOWN),
                               XLAT(PROT_GROWSUP)};
constexpr std::array kMmapType{XLAT(MAP_FILE), XLAT(MAP_SHARED), XLAT(MAP_PRIVATE),
                               XLAT(MAP_SHARED_VALIDATE), XlatEntry{0x8, "MAP_DROPPABLE"}};
constexpr std::array kMmapFlags{
    XLAT(MAP_FIXED),     XLAT(MAP_ANONYMOUS),
#ifdef MAP_32BIT  // x86 only
    XLAT(MAP_32BIT),
#endif
    XLAT(MAP_GROWSDOWN), XLAT(MAP_DENYWRITE),       XLAT(MAP_EXECUTABLE),
    XLAT(MAP_LOCKED),    XLAT(MAP_NORESERVE),       XLAT(MAP_POPULATE),
    XLAT(MAP_NONBLOCK),  XLAT(MAP_STACK),           XLAT(MAP_HUGETLB),
    XLAT(MAP_SYNC),      XLAT(MAP_FIXED_NOREPLACE), XlatEntry{0x4000000, "MAP_UNINITIALIZED"}};
// x86 only: <asm/prctl.h> does not exist on aarch64, so the codes are spelled
// out (the tables describe both architectures).
constexpr std::array kArchPrctl{XlatEntry{0x1001, "ARCH_SET_GS"},
                                XlatEntry{0x1002, "ARCH_SET_FS"},
                                XlatEntry{0x1003, "ARCH_GET_FS"},
                                XlatEntry{0x1004, "ARCH_GET_GS"},
                                XlatEntry{0x1011, "ARCH_GET_CPUID"},
                                XlatEntry{0x1012, "ARCH_SET_CPUID"},
                                XlatEntry{0x1021, "ARCH_GET_XCOMP_SUPP"},
                                XlatEntry{0x1022, "ARCH_GET_XCOMP_PERM"},
                                XlatEntry{0x1023, "ARCH_REQ_XCOMP_PERM"},
                                XlatEntry{0x1024, "ARCH_GET_XCOMP_GUEST_PERM"},
                                XlatEntry{0x1025, "ARCH_REQ_XCOMP_GUEST_PERM"},
                                XlatEntry{0x2001, "ARCH_MAP_VDSO_X32"},
                                XlatEntry{0x2002, "ARCH_MAP_VDSO_32"},
                                XlatEntry{0x2003, "ARCH_MAP_VDSO_64"},
                                XlatEntry{0x4001, "ARCH_GET_UNTAG_MASK"},
                                XlatEntry{0x4002, "ARCH_ENABLE_TAGGED_ADDR"},
                                XlatEntry{0x4003, "ARCH_GET_MAX_TAG_BITS"},
                                XlatEntry{0x4004, "ARCH_FORCE_TAGGED_SVA"},
                                XlatEntry{0x5001, "ARCH_SHSTK_ENABLE"},
                                XlatEntry{0x5002, "ARCH_SHSTK_DISABLE"},
                                XlatEntry{0x5003, "ARCH_SHSTK_LOCK"},
                                XlatEntry{0x5004, "ARCH_SHSTK_UNLOCK"},
                                XlatEntry{0x5005, "ARCH_SHSTK_STATUS"}};
constexpr std::array kRlimit{
    XLAT(RLIMIT_CPU),      XLAT(RLIMIT_FSIZE), XLAT(RLIMIT_DATA),   XLAT(RLIMIT_STACK),
    XLAT(RLIMIT_CORE),     XLAT(RLIMIT_RSS),   XLAT(RLIMIT_NPROC),  XLAT(RLIMIT_NOFILE),
    XLAT(RLIMIT_MEMLOCK),  XLAT(RLIMIT_AS),    XLAT(RLIMIT_LOCKS),  XLAT(RLIMIT_SIGPENDING),
    XLAT(RLIMIT_MSGQUEUE), XLAT(RLIMIT_NICE),  XLAT(RLIMIT_RTPRIO), XLAT(RLIMIT_RTTIME)};
constexpr std::array kGetrandom{XLAT(GRND_NONBLOCK), XLAT(GRND_RANDOM), XLAT(GRND_INSECURE)};
constexpr std::array kWhence{XLAT(SEEK_SET), XLAT(SEEK_CUR), XLAT(SEEK_END), XLAT(SEEK_DATA),
                             XLAT(SEEK_HOLE)};
constexpr std::array kFadvise{XLAT(POSIX_FADV_NORMAL),     XLAT(POSIX_FADV_RANDOM),
                              XLAT(POSIX_FADV_SEQUENTIAL), XLAT(POSIX_FADV_WILLNEED),
                              XLAT(POSIX_FADV_DONTNEED),   XLAT(POSIX_FADV_NOREUSE)};
constexpr std::array kMadvise{XLAT(MADV_NORMAL),
                              XLAT(MADV_RANDOM),
                              XLAT(MADV_SEQUENTIAL),
                              XLAT(MADV_WILLNEED),
                              XLAT(MADV_DONTNEED),
                              XLAT(MADV_FREE),
                              XLAT(MADV_REMOVE),
                              XLAT(MADV_DONTFORK),
                              XLAT(MADV_DOFORK),
                              XLAT(MADV_MERGEABLE),
                              XLAT(MADV_UNMERGEABLE),
                              XLAT(MADV_HUGEPAGE),
                              XLAT(MADV_NOHUGEPAGE),
                              XLAT(MADV_DONTDUMP),
                              XLAT(MADV_DODUMP),
                              XLAT(MADV_WIPEONFORK),
                              XLAT(MADV_KEEPONFORK),
                              XLAT(MADV_COLD),
                              XLAT(MADV_PAGEOUT),
                              XLAT(MADV_HWPOISON),
                              XlatEntry{22, "MADV_POPULATE_READ"},
                              XlatEntry{23, "MADV_POPULATE_WRITE"},
                              XlatEntry{24, "MADV_DONTNEED_LOCKED"},
                              XlatEntry{25, "MADV_COLLAPSE"},
                              XlatEntry{102, "MADV_GUARD_INSTALL"},
                              XlatEntry{103, "MADV_GUARD_REMOVE"}};
constexpr std::array kSignals{
    XLAT(SIGHUP),  XLAT(SIGINT),    XLAT(SIGQUIT), XLAT(SIGILL),    XLAT(SIGTRAP), XLAT(SIGABRT),
    XLAT(SIGBUS),  XLAT(SIGFPE),    XLAT(SIGKILL), XLAT(SIGUSR1),   XLAT(SIGSEGV), XLAT(SIGUSR2),
    XLAT(SIGPIPE), XLAT(SIGALRM),   XLAT(SIGTERM), XLAT(SIGSTKFLT), XLAT(SIGCHLD), XLAT(SIGCONT),
    XLAT(SIGSTOP), XLAT(SIGTSTP),   XLAT(SIGTTIN), XLAT(SIGTTOU),   XLAT(SIGURG),  XLAT(SIGXCPU),
    XLAT(SIGXFSZ), XLAT(SIGVTALRM), XLAT(SIGPROF), XLAT(SIGWINCH),  XLAT(SIGIO),   XLAT(SIGPWR),
    XLAT(SIGSYS)};
constexpr std::array kFileType{XLAT(S_IFREG), XLAT(S_IFSOCK), XLAT(S_IFIFO), XLAT(S_IFLNK),
                               XLAT(S_IFDIR), XLAT(S_IFBLK),  XLAT(S_IFCHR)};
constexpr std::array kModeBits{XLAT(S_ISUID), XLAT(S_ISGID), XLAT(S_ISVTX)};
constexpr std::array kClockid{XLAT(CLOCK_REALTIME),
                              XLAT(CLOCK_MONOTONIC),
                              XLAT(CLOCK_PROCESS_CPUTIME_ID),
                              XLAT(CLOCK_THREAD_CPUTIME_ID),
                              XLAT(CLOCK_MONOTONIC_RAW),
                              XLAT(CLOCK_REALTIME_COARSE),
                              XLAT(CLOCK_MONOTONIC_COARSE),
                              XLAT(CLOCK_BOOTTIME),
                              XLAT(CLOCK_REALTIME_ALARM),
                              XLAT(CLOCK_BOOTTIME_ALARM),
                              XLAT(CLOCK_TAI)};
constexpr std::array kSigprocmaskHow{XLAT(SIG_BLOCK), XLAT(SIG_UNBLOCK), XLAT(SIG_SETMASK)};
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
// Every family strace 7.2 names (its addrfams), in number order.
constexpr std::array kSocketFamily{
    XLAT(AF_UNSPEC),    XLAT(AF_UNIX),       XLAT(AF_INET),    XLAT(AF_AX25),    XLAT(AF_IPX),
    XLAT(AF_APPLETALK), XLAT(AF_NETROM),     XLAT(AF_BRIDGE),  XLAT(AF_ATMPVC),  XLAT(AF_X25),
    XLAT(AF_INET6),     XLAT(AF_ROSE),       XLAT(AF_DECnet),  XLAT(AF_NETBEUI), XLAT(AF_SECURITY),
    XLAT(AF_KEY),       XLAT(AF_NETLINK),    XLAT(AF_PACKET),  XLAT(AF_ASH),     XLAT(AF_ECONET),
    XLAT(AF_ATMSVC),    XLAT(AF_RDS),        XLAT(AF_SNA),     XLAT(AF_IRDA),    XLAT(AF_PPPOX),
    XLAT(AF_WANPIPE),   XLAT(AF_LLC),        XLAT(AF_IB),      XLAT(AF_MPLS),    XLAT(AF_CAN),
    XLAT(AF_TIPC),      XLAT(AF_BLUETOOTH),  XLAT(AF_IUCV),    XLAT(AF_RXRPC),   XLAT(AF_ISDN),
    XLAT(AF_PHONET),    XLAT(AF_IEEE802154), XLAT(AF_CAIF),    XLAT(AF_ALG),     XLAT(AF_NFC),
    XLAT(AF_VSOCK),     XLAT(AF_KCM),        XLAT(AF_QIPCRTR), XLAT(AF_SMC),     XLAT(AF_XDP),
    XLAT(AF_MCTP)};
constexpr std::array kSocketType{XLAT(SOCK_STREAM), XLAT(SOCK_DGRAM),     XLAT(SOCK_RAW),
                                 XLAT(SOCK_RDM),    XLAT(SOCK_SEQPACKET), XLAT(SOCK_DCCP),
                                 XLAT(SOCK_PACKET)};
constexpr std::array kSocketTypeFlags{XLAT(SOCK_CLOEXEC), XLAT(SOCK_NONBLOCK)};
constexpr std::array kRseqCpuId{
    XlatEntry{static_cast<std::uint32_t>(-1), "RSEQ_CPU_ID_UNINITIALIZED"},
    XlatEntry{static_cast<std::uint32_t>(-2), "RSEQ_CPU_ID_REGISTRATION_FAILED"}};

}  // namespace

// Capability numbers (CAP_CHOWN is 0), in number order.
constexpr std::array kCapabilities{XLAT(CAP_CHOWN),
                                   XLAT(CAP_DAC_OVERRIDE),
                                   XLAT(CAP_DAC_READ_SEARCH),
                                   XLAT(CAP_FOWNER),
                                   XLAT(CAP_FSETID),
                                   XLAT(CAP_KILL),
                                   XLAT(CAP_SETGID),
                                   XLAT(CAP_SETUID),
                                   XLAT(CAP_SETPCAP),
                                   XLAT(CAP_LINUX_IMMUTABLE),
                                   XLAT(CAP_NET_BIND_SERVICE),
                                   XLAT(CAP_NET_BROADCAST),
                                   XLAT(CAP_NET_ADMIN),
                                   XLAT(CAP_NET_RAW),
                                   XLAT(CAP_IPC_LOCK),
                                   XLAT(CAP_IPC_OWNER),
                                   XLAT(CAP_SYS_MODULE),
                                   XLAT(CAP_SYS_RAWIO),
                                   XLAT(CAP_SYS_CHROOT),
                                   XLAT(CAP_SYS_PTRACE),
                                   XLAT(CAP_SYS_PACCT),
                                   XLAT(CAP_SYS_ADMIN),
                                   XLAT(CAP_SYS_BOOT),
                                   XLAT(CAP_SYS_NICE),
                                   XLAT(CAP_SYS_RESOURCE),
                                   XLAT(CAP_SYS_TIME),
                                   XLAT(CAP_SYS_TTY_CONFIG),
                                   XLAT(CAP_MKNOD),
                                   XLAT(CAP_LEASE),
                                   XLAT(CAP_AUDIT_WRITE),
                                   XLAT(CAP_AUDIT_CONTROL),
                                   XLAT(CAP_SETFCAP),
                                   XLAT(CAP_MAC_OVERRIDE),
                                   XLAT(CAP_MAC_ADMIN),
                                   XLAT(CAP_SYSLOG),
                                   XLAT(CAP_WAKE_ALARM),
                                   XLAT(CAP_BLOCK_SUSPEND),
                                   XLAT(CAP_AUDIT_READ),
                                   XLAT(CAP_PERFMON),
                                   XLAT(CAP_BPF),
                                   XLAT(CAP_CHECKPOINT_RESTORE)};

// membarrier commands: QUERY is 0, the others are bits (QUERY's result is a
// set of them).  GET_REGISTRATIONS (Linux 6.3) is newer than the headers.
constexpr std::array kMembarrierCmds{XLAT(MEMBARRIER_CMD_QUERY),
                                     XLAT(MEMBARRIER_CMD_GLOBAL),
                                     XLAT(MEMBARRIER_CMD_GLOBAL_EXPEDITED),
                                     XLAT(MEMBARRIER_CMD_REGISTER_GLOBAL_EXPEDITED),
                                     XLAT(MEMBARRIER_CMD_PRIVATE_EXPEDITED),
                                     XLAT(MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED),
                                     XLAT(MEMBARRIER_CMD_PRIVATE_EXPEDITED_SYNC_CORE),
                                     XLAT(MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED_SYNC_CORE),
                                     XLAT(MEMBARRIER_CMD_PRIVATE_EXPEDITED_RSEQ),
                                     XLAT(MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED_RSEQ),
                                     XlatEntry{1 << 9, "MEMBARRIER_CMD_GET_REGISTRATIONS"}};

const Xlat open_access{kOpenAccess};
const Xlat open_flags{kOpenFlags, "O_???"};
const Xlat fd_flags{kFdFlags, "FD_???"};
const Xlat poll_events{kPollEvents, "POLL???"};
const Xlat seal_flags{kSealFlags, "F_SEAL_???"};
const Xlat lock_type{kLockType, "F_???"};
const Xlat at_flags{kAtFlags, "AT_???"};
const Xlat statx_flags{kStatxFlags};
const Xlat statx_mask{kStatxMask, "STATX_???"};
const Xlat access_mode{kAccessMode, "?_OK"};
const Xlat mmap_prot{kMmapProt, "PROT_???"};
const Xlat mmap_type{kMmapType, "MAP_???"};
const Xlat mmap_flags{kMmapFlags};
const Xlat arch_prctl_code{kArchPrctl, "ARCH_???"};
const Xlat rlimit_resource{kRlimit, "RLIMIT_???"};
const Xlat getrandom_flags{kGetrandom, "GRND_???"};
const Xlat whence{kWhence, "SEEK_???"};
const Xlat fadvise_advice{kFadvise, "POSIX_FADV_???"};
const Xlat madvise_advice{kMadvise, "MADV_???"};
const Xlat signals{kSignals};
const Xlat file_type{kFileType};
const Xlat file_mode_bits{kModeBits};
const Xlat clockid{kClockid, "CLOCK_???"};
const Xlat sigprocmask_how{kSigprocmaskHow, "SIG_???"};
const Xlat fcntl_cmd{kFcntlCmd, "F_???"};
const Xlat socket_family{kSocketFamily, "AF_???"};

constexpr std::array kNetlinkProtocols{XLAT(NETLINK_ROUTE),      XLAT(NETLINK_UNUSED),
                                       XLAT(NETLINK_USERSOCK),   XLAT(NETLINK_FIREWALL),
                                       XLAT(NETLINK_SOCK_DIAG),  XLAT(NETLINK_NFLOG),
                                       XLAT(NETLINK_XFRM),       XLAT(NETLINK_SELINUX),
                                       XLAT(NETLINK_ISCSI),      XLAT(NETLINK_AUDIT),
                                       XLAT(NETLINK_FIB_LOOKUP), XLAT(NETLINK_CONNECTOR),
                                       XLAT(NETLINK_NETFILTER),  XLAT(NETLINK_IP6_FW),
                                       XLAT(NETLINK_DNRTMSG),    XLAT(NETLINK_KOBJECT_UEVENT),
                                       XLAT(NETLINK_GENERIC),    XLAT(NETLINK_SCSITRANSPORT),
                                       XLAT(NETLINK_ECRYPTFS),   XLAT(NETLINK_RDMA),
                                       XLAT(NETLINK_CRYPTO),     XLAT(NETLINK_SMC)};
const Xlat netlink_protocol{kNetlinkProtocols, "NETLINK_???"};
const Xlat socket_type{kSocketType, "SOCK_???"};
const Xlat socket_type_flags{kSocketTypeFlags, "SOCK_???"};
const Xlat rseq_cpu_id{kRseqCpuId};
const Xlat capability{kCapabilities, "CAP_???"};
constexpr std::array kSchedPolicy{XLAT(SCHED_OTHER), XLAT(SCHED_FIFO), XLAT(SCHED_RR),
                                  XLAT(SCHED_BATCH), XLAT(SCHED_IDLE), XLAT(SCHED_DEADLINE)};
const Xlat sched_policy{kSchedPolicy, "SCHED_???"};
const Xlat membarrier_cmd{kMembarrierCmds, "MEMBARRIER_CMD_???"};

}  // namespace xtrace::decode::tables
