#include "inet_diag.hpp"

#include <arpa/inet.h>
#include <linux/inet_diag.h>
#include <linux/sock_diag.h>
#include <sys/socket.h>

#include <fmt/format.h>

#include <algorithm>
#include <cstring>

#include "sock_diag.hpp"

namespace xtrace::decode {
namespace {

struct Request {
  nlmsghdr header;
  inet_diag_req_v2 body;
};

// The address bytes of one endpoint, the length of the family's address.
void copy_address(const __be32 (&from)[4], std::array<std::uint8_t, 16>& to) {
  std::memcpy(to.data(), from, to.size());
}

InetSocketInfo info_of(const inet_diag_msg& msg) {
  InetSocketInfo info;
  info.family = msg.idiag_family;
  copy_address(msg.id.idiag_src, info.local);
  copy_address(msg.id.idiag_dst, info.remote);
  info.local_port = ntohs(msg.id.idiag_sport);
  info.remote_port = ntohs(msg.id.idiag_dport);
  return info;
}

std::string endpoint(int family, const std::array<std::uint8_t, 16>& addr, unsigned port) {
  char text[INET6_ADDRSTRLEN] = "";
  inet_ntop(family, addr.data(), text, sizeof text);
  if (family == AF_INET6) return fmt::format("[{}]:{}", text, port);
  return fmt::format("{}:{}", text, port);
}

bool has_remote(const InetSocketInfo& info) {
  std::size_t size = info.family == AF_INET6 ? 16 : 4;
  return info.remote_port != 0 ||
         std::any_of(info.remote.begin(), info.remote.begin() + static_cast<std::ptrdiff_t>(size),
                     [](std::uint8_t byte) { return byte != 0; });
}

}  // namespace

std::optional<InetSocketInfo> query_inet_socket(int family, int protocol, std::uint32_t inode) {
  Request req{};
  req.header.nlmsg_len = sizeof req;
  req.header.nlmsg_type = SOCK_DIAG_BY_FAMILY;
  // inet_diag finds one socket only by its endpoints and cookie, which are
  // what is asked for: a dump of the protocol's sockets in every state,
  // searched for the inode.
  req.header.nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
  req.body.sdiag_family = static_cast<std::uint8_t>(family);
  req.body.sdiag_protocol = static_cast<std::uint8_t>(protocol);
  req.body.idiag_states = ~0u;
  std::optional<InetSocketInfo> info;
  sock_diag_request(req.header, sizeof req, [&](const nlmsghdr& h) {
    if (h.nlmsg_len < NLMSG_LENGTH(sizeof(inet_diag_msg))) return false;
    const auto* msg = static_cast<const inet_diag_msg*>(NLMSG_DATA(&h));
    if (msg->idiag_inode != inode) return false;
    if (msg->idiag_family != AF_INET && msg->idiag_family != AF_INET6) return false;
    info = info_of(*msg);
    return true;
  });
  return info;
}

std::string inet_socket_text(std::string_view proto, const InetSocketInfo& info) {
  std::string text =
      fmt::format("{}:[{}", proto, endpoint(info.family, info.local, info.local_port));
  if (has_remote(info)) text += "->" + endpoint(info.family, info.remote, info.remote_port);
  return text + ']';
}

}  // namespace xtrace::decode
