// The constant tables the kind decoders use.  Values come from the system
// headers (see XLAT); names and order follow strace's xlat files, because
// order decides how overlapping flags print.
#pragma once

#include "xlat.hpp"

namespace xtrace::decode::tables {

extern const Xlat open_access;  // O_RDONLY O_WRONLY O_RDWR
extern const Xlat open_flags;
extern const Xlat fd_flags;     // FD_CLOEXEC
extern const Xlat poll_events;  // POLLIN...
extern const Xlat seal_flags;   // F_SEAL_*
extern const Xlat lock_type;    // F_RDLCK F_WRLCK F_UNLCK
extern const Xlat at_flags;
extern const Xlat statx_flags;
extern const Xlat statx_mask;
extern const Xlat access_mode;
extern const Xlat mmap_prot;
extern const Xlat mmap_type;  // MAP_SHARED MAP_PRIVATE MAP_SHARED_VALIDATE
extern const Xlat mmap_flags;
extern const Xlat arch_prctl_code;
extern const Xlat rlimit_resource;
extern const Xlat getrandom_flags;
extern const Xlat whence;
extern const Xlat fadvise_advice;
extern const Xlat madvise_advice;
extern const Xlat signals;
extern const Xlat file_type;       // S_IFREG...
extern const Xlat file_mode_bits;  // S_ISUID S_ISGID S_ISVTX
extern const Xlat clockid;
extern const Xlat sigprocmask_how;
extern const Xlat fcntl_cmd;
extern const Xlat socket_family;
extern const Xlat netlink_protocol;  // NETLINK_ROUTE...
extern const Xlat socket_type;
extern const Xlat socket_type_flags;
extern const Xlat rseq_cpu_id;
extern const Xlat capability;  // CAP_CHOWN... by number
extern const Xlat membarrier_cmd;
extern const Xlat sched_policy;  // SCHED_OTHER...

}  // namespace xtrace::decode::tables
