#include "netlink_diag.hpp"

#include <linux/netlink_diag.h>
#include <linux/sock_diag.h>
#include <sys/socket.h>

#include <fmt/format.h>

#include "sock_diag.hpp"
#include "xlat.hpp"
#include "xlat_tables.hpp"

namespace xtrace::decode {
namespace {

struct Request {
  nlmsghdr header;
  netlink_diag_req body;
};

}  // namespace

std::optional<NetlinkSocketInfo> query_netlink_socket(std::uint32_t inode) {
  Request req{};
  req.header.nlmsg_len = sizeof req;
  req.header.nlmsg_type = SOCK_DIAG_BY_FAMILY;
  // netlink_diag answers dumps only: all protocols, searched for the inode.
  req.header.nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
  req.body.sdiag_family = AF_NETLINK;
  req.body.sdiag_protocol = NDIAG_PROTO_ALL;
  std::optional<NetlinkSocketInfo> info;
  sock_diag_request(req.header, sizeof req, [&](const nlmsghdr& h) {
    if (h.nlmsg_len < NLMSG_LENGTH(sizeof(netlink_diag_msg))) return false;
    const auto* msg = static_cast<const netlink_diag_msg*>(NLMSG_DATA(&h));
    if (msg->ndiag_ino != inode || msg->ndiag_family != AF_NETLINK) return false;
    info = NetlinkSocketInfo{msg->ndiag_protocol, msg->ndiag_portid};
    return true;
  });
  return info;
}

std::string netlink_socket_text(std::string_view proto, const NetlinkSocketInfo& info) {
  std::string_view name = lookup(tables::netlink_protocol, info.protocol);
  if (name.empty()) return fmt::format("{}:[{}]", proto, info.protocol);
  name.remove_prefix(name.find('_') + 1);  // ROUTE, not NETLINK_ROUTE
  return fmt::format("{}:[{}:{}]", proto, name, info.port_id);
}

}  // namespace xtrace::decode
