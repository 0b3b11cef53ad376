#include "net_tables.hpp"

#include <sys/socket.h>

#include <array>

namespace xtrace::decode::tables {
namespace {

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

}  // namespace

const Xlat socket_family{kSocketFamily, "AF_???"};
const Xlat socket_type{kSocketType, "SOCK_???"};
const Xlat socket_type_flags{kSocketTypeFlags, "SOCK_???"};

}  // namespace xtrace::decode::tables
