// The names of the compat personalities (strace's @32 and @x32), which
// xtrace does not trace but must accept in expressions exactly where strace
// does: `-e trace=fstat64` is valid on x86_64 because i386 has fstat64.
#include "filter/compat_syscalls.hpp"

#include <algorithm>
#include <iterator>

namespace xtrace::filter {
namespace {

// i386 syscall names up to Linux 6.6 (asm/unistd_32.h), sorted.  Later
// syscalls have the same number on every arch (the shared range from 451);
// those are taken from the native table.
// clang-format off
constexpr std::string_view kI386Names[] = {
    "_llseek", "_newselect", "_sysctl", "accept4", "access", "acct",
    "add_key", "adjtimex", "afs_syscall", "alarm", "arch_prctl", "bdflush", "bind", "bpf",
    "break", "brk", "capget", "capset", "chdir", "chmod", "chown", "chown32", "chroot",
    "clock_adjtime", "clock_adjtime64", "clock_getres", "clock_getres_time64", "clock_gettime",
    "clock_gettime64", "clock_nanosleep", "clock_nanosleep_time64", "clock_settime",
    "clock_settime64", "clone", "clone3", "close", "close_range", "connect", "copy_file_range",
    "creat", "create_module", "delete_module", "dup", "dup2", "dup3", "epoll_create",
    "epoll_create1", "epoll_ctl", "epoll_pwait", "epoll_pwait2", "epoll_wait", "eventfd",
    "eventfd2", "execve", "execveat", "exit", "exit_group", "faccessat", "faccessat2",
    "fadvise64", "fadvise64_64", "fallocate", "fanotify_init", "fanotify_mark", "fchdir",
    "fchmod", "fchmodat", "fchown", "fchown32", "fchownat", "fcntl", "fcntl64", "fdatasync",
    "fgetxattr", "finit_module", "flistxattr", "flock", "fork", "fremovexattr", "fsconfig",
    "fsetxattr", "fsmount", "fsopen", "fspick", "fstat", "fstat64", "fstatat64", "fstatfs",
    "fstatfs64", "fsync", "ftime", "ftruncate", "ftruncate64", "futex", "futex_time64",
    "futex_waitv", "futimesat", "get_kernel_syms", "get_mempolicy", "get_robust_list",
    "get_thread_area", "getcpu", "getcwd", "getdents", "getdents64", "getegid", "getegid32",
    "geteuid", "geteuid32", "getgid", "getgid32", "getgroups", "getgroups32", "getitimer",
    "getpeername", "getpgid", "getpgrp", "getpid", "getpmsg", "getppid", "getpriority",
    "getrandom", "getresgid", "getresgid32", "getresuid", "getresuid32", "getrlimit",
    "getrusage", "getsid", "getsockname", "getsockopt", "gettid", "gettimeofday", "getuid",
    "getuid32", "getxattr", "gtty", "idle", "init_module", "inotify_add_watch", "inotify_init",
    "inotify_init1", "inotify_rm_watch", "io_cancel", "io_destroy", "io_getevents",
    "io_pgetevents", "io_pgetevents_time64", "io_setup", "io_submit", "io_uring_enter",
    "io_uring_register", "io_uring_setup", "ioctl", "ioperm", "iopl", "ioprio_get",
    "ioprio_set", "ipc", "kcmp", "kexec_load", "keyctl", "kill", "landlock_add_rule",
    "landlock_create_ruleset", "landlock_restrict_self", "lchown", "lchown32", "lgetxattr",
    "link", "linkat", "listen", "listxattr", "llistxattr", "lock", "lookup_dcookie",
    "lremovexattr", "lseek", "lsetxattr", "lstat", "lstat64", "madvise", "mbind", "membarrier",
    "memfd_create", "memfd_secret", "migrate_pages", "mincore", "mkdir", "mkdirat", "mknod",
    "mknodat", "mlock", "mlock2", "mlockall", "mmap", "mmap2", "modify_ldt", "mount",
    "mount_setattr", "move_mount", "move_pages", "mprotect", "mpx", "mq_getsetattr",
    "mq_notify", "mq_open", "mq_timedreceive", "mq_timedreceive_time64", "mq_timedsend",
    "mq_timedsend_time64", "mq_unlink", "mremap", "msgctl", "msgget", "msgrcv", "msgsnd",
    "msync", "munlock", "munlockall", "munmap", "name_to_handle_at", "nanosleep", "nfsservctl",
    "nice", "oldfstat", "oldlstat", "oldolduname", "oldstat", "olduname", "open",
    "open_by_handle_at", "open_tree", "openat", "openat2", "pause", "perf_event_open",
    "personality", "pidfd_getfd", "pidfd_open", "pidfd_send_signal", "pipe", "pipe2",
    "pivot_root", "pkey_alloc", "pkey_free", "pkey_mprotect", "poll", "ppoll", "ppoll_time64",
    "prctl", "pread64", "preadv", "preadv2", "prlimit64", "process_madvise", "process_mrelease",
    "process_vm_readv", "process_vm_writev", "prof", "profil", "pselect6", "pselect6_time64",
    "ptrace", "putpmsg", "pwrite64", "pwritev", "pwritev2", "query_module", "quotactl",
    "quotactl_fd", "read", "readahead", "readdir", "readlink", "readlinkat", "readv", "reboot",
    "recvfrom", "recvmmsg", "recvmmsg_time64", "recvmsg", "remap_file_pages", "removexattr",
    "rename", "renameat", "renameat2", "request_key", "restart_syscall", "rmdir", "rseq",
    "rt_sigaction", "rt_sigpending", "rt_sigprocmask", "rt_sigqueueinfo", "rt_sigreturn",
    "rt_sigsuspend", "rt_sigtimedwait", "rt_sigtimedwait_time64", "rt_tgsigqueueinfo",
    "sched_get_priority_max", "sched_get_priority_min", "sched_getaffinity", "sched_getattr",
    "sched_getparam", "sched_getscheduler", "sched_rr_get_interval",
    "sched_rr_get_interval_time64", "sched_setaffinity", "sched_setattr", "sched_setparam",
    "sched_setscheduler", "sched_yield", "seccomp", "select", "semctl", "semget",
    "semtimedop_time64", "sendfile", "sendfile64", "sendmmsg", "sendmsg", "sendto",
    "set_mempolicy", "set_mempolicy_home_node", "set_robust_list", "set_thread_area",
    "set_tid_address", "setdomainname", "setfsgid", "setfsgid32", "setfsuid", "setfsuid32",
    "setgid", "setgid32", "setgroups", "setgroups32", "sethostname", "setitimer", "setns",
    "setpgid", "setpriority", "setregid", "setregid32", "setresgid", "setresgid32", "setresuid",
    "setresuid32", "setreuid", "setreuid32", "setrlimit", "setsid", "setsockopt",
    "settimeofday", "setuid", "setuid32", "setxattr", "sgetmask", "shmat", "shmctl", "shmdt",
    "shmget", "shutdown", "sigaction", "sigaltstack", "signal", "signalfd", "signalfd4",
    "sigpending", "sigprocmask", "sigreturn", "sigsuspend", "socket", "socketcall",
    "socketpair", "splice", "ssetmask", "stat", "stat64", "statfs", "statfs64", "statx",
    "stime", "stty", "swapoff", "swapon", "symlink", "symlinkat", "sync", "sync_file_range",
    "syncfs", "sysfs", "sysinfo", "syslog", "tee", "tgkill", "time", "timer_create",
    "timer_delete", "timer_getoverrun", "timer_gettime", "timer_gettime64", "timer_settime",
    "timer_settime64", "timerfd_create", "timerfd_gettime", "timerfd_gettime64",
    "timerfd_settime", "timerfd_settime64", "times", "tkill", "truncate", "truncate64",
    "ugetrlimit", "ulimit", "umask", "umount", "umount2", "uname", "unlink", "unlinkat",
    "unshare", "uselib", "userfaultfd", "ustat", "utime", "utimensat", "utimensat_time64",
    "utimes", "vfork", "vhangup", "vm86", "vm86old", "vmsplice", "vserver", "wait4", "waitid",
    "waitpid", "write", "writev",
};
// clang-format on

// x86_64 syscalls that have no x32 entry (the "64" abi ones without an x32
// twin, and the removed ones).
constexpr std::string_view kNotX32[] = {
    "_sysctl",         "create_module",   "epoll_ctl_old", "epoll_wait_old",
    "get_kernel_syms", "get_thread_area", "nfsservctl",    "query_module",
    "set_thread_area", "uretprobe",       "uselib",        "vserver",
};

constexpr std::int64_t kSharedRangeStart = 451;
// strace 7.2's x32 table ends with pwritev2 (512 + 35).
constexpr std::size_t kX32TableSize = 548;

bool in_shared_range(std::string_view name) {
  auto id = find_syscall(name);
  if (!id) return false;
  auto nr = number(Arch::x86_64, *id);
  return nr && *nr >= kSharedRangeStart;
}

bool i386_has(std::string_view name) {
  return std::binary_search(std::begin(kI386Names), std::end(kI386Names), name) ||
         in_shared_range(name);
}

bool x32_has(std::string_view name) {
  auto id = find_syscall(name);
  return id && number(Arch::x86_64, *id) &&
         std::find(std::begin(kNotX32), std::end(kNotX32), name) == std::end(kNotX32);
}

}  // namespace

static_assert(std::is_sorted(std::begin(kI386Names), std::end(kI386Names)));

std::optional<Personality> personality_by_designator(Arch native, std::string_view designator) {
  if (designator == "64") return Personality::native;
  if (designator == "32") return Personality::compat32;
  if (designator == "x32" && native == Arch::x86_64) return Personality::x32;
  return std::nullopt;
}

bool compat_has_name(Personality p, std::string_view name) {
  switch (p) {
    case Personality::native: return false;
    case Personality::compat32: return i386_has(name);
    case Personality::x32: return x32_has(name);
  }
  return false;
}

std::size_t compat_table_size(Personality p) {
  return p == Personality::x32 ? kX32TableSize : table_size(Arch::x86_64);
}

void for_each_compat_name(Personality p, const std::function<void(std::string_view)>& fn) {
  if (p == Personality::compat32) {
    for (std::string_view n : kI386Names) fn(n);
    for (SysId id = 0; id < kSysCount; ++id)
      if (in_shared_range(describe(id).name)) fn(describe(id).name);
  } else if (p == Personality::x32) {
    for (SysId id = 0; id < kSysCount; ++id)
      if (x32_has(describe(id).name)) fn(describe(id).name);
  }
}

}  // namespace xtrace::filter
