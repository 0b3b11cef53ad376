// What the kernel's sock_diag interface says about one AF_NETLINK socket
// (netlink_diag): its netlink protocol and port id, for -yy's
// NETLINK:[ROUTE:PORTID].  A netlink socket is listed once it is bound
// (explicitly, or by connect or its first send).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace xtrace::decode {

struct NetlinkSocketInfo {
  unsigned protocol = 0;  // NETLINK_ROUTE...
  std::uint32_t port_id = 0;
};

// Empty when the kernel does not list the inode.
std::optional<NetlinkSocketInfo> query_netlink_socket(std::uint32_t inode);

// strace's -yy text: PROTO:[NAME:PORTID], NAME the protocol's name without
// NETLINK_, or PROTO:[NUMBER] for a protocol without a name.
std::string netlink_socket_text(std::string_view proto, const NetlinkSocketInfo& info);

}  // namespace xtrace::decode
