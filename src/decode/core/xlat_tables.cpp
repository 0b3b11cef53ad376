#include "xlat_tables.hpp"

#include <linux/netlink.h>
#include <signal.h>

#include <array>

namespace xtrace::decode::tables {
namespace {

constexpr std::array kSignals{
    XLAT(SIGHUP),  XLAT(SIGINT),    XLAT(SIGQUIT), XLAT(SIGILL),    XLAT(SIGTRAP), XLAT(SIGABRT),
    XLAT(SIGBUS),  XLAT(SIGFPE),    XLAT(SIGKILL), XLAT(SIGUSR1),   XLAT(SIGSEGV), XLAT(SIGUSR2),
    XLAT(SIGPIPE), XLAT(SIGALRM),   XLAT(SIGTERM), XLAT(SIGSTKFLT), XLAT(SIGCHLD), XLAT(SIGCONT),
    XLAT(SIGSTOP), XLAT(SIGTSTP),   XLAT(SIGTTIN), XLAT(SIGTTOU),   XLAT(SIGURG),  XLAT(SIGXCPU),
    XLAT(SIGXFSZ), XLAT(SIGVTALRM), XLAT(SIGPROF), XLAT(SIGWINCH),  XLAT(SIGIO),   XLAT(SIGPWR),
    XLAT(SIGSYS)};
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

}  // namespace

const Xlat signals{kSignals};
const Xlat netlink_protocol{kNetlinkProtocols, "NETLINK_???"};

}  // namespace xtrace::decode::tables
