#include "process_tables.hpp"

#include <linux/capability.h>
#include <sched.h>

#include <array>

namespace xtrace::decode::tables {
namespace {

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
constexpr std::array kSchedPolicy{XLAT(SCHED_OTHER), XLAT(SCHED_FIFO), XLAT(SCHED_RR),
                                  XLAT(SCHED_BATCH), XLAT(SCHED_IDLE), XLAT(SCHED_DEADLINE)};

}  // namespace

const Xlat capability{kCapabilities, "CAP_???"};
const Xlat sched_policy{kSchedPolicy, "SCHED_???"};

}  // namespace xtrace::decode::tables
