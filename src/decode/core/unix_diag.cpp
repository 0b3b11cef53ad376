#include "unix_diag.hpp"

#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <linux/sock_diag.h>
#include <linux/unix_diag.h>
#include <sys/socket.h>
#include <sys/un.h>

#include <fmt/format.h>

#include <algorithm>
#include <cstring>

#include "sock_diag.hpp"
#include "xtrace/quote.hpp"

namespace xtrace::decode {
namespace {

struct Request {
  nlmsghdr header;
  unix_diag_req body;
};

// The attributes after a unix_diag_msg: the name and the peer.
UnixSocketInfo parse_attributes(const unix_diag_msg* msg, int len) {
  UnixSocketInfo info;
  int rta_len = len - static_cast<int>(NLMSG_LENGTH(sizeof *msg));
  for (auto* attr = reinterpret_cast<const rtattr*>(msg + 1); RTA_OK(attr, rta_len);
       attr = RTA_NEXT(attr, rta_len)) {
    const auto* data = static_cast<const char*>(RTA_DATA(attr));
    std::size_t size = RTA_PAYLOAD(attr);
    if (attr->rta_type == UNIX_DIAG_NAME && info.name.empty())
      info.name.assign(data, std::min(size, sizeof(sockaddr_un::sun_path)));
    else if (attr->rta_type == UNIX_DIAG_PEER && size >= sizeof(std::uint32_t))
      std::memcpy(&info.peer, data, sizeof info.peer);
  }
  return info;
}

}  // namespace

std::optional<UnixSocketInfo> query_unix_socket(std::uint32_t inode) {
  Request req{};
  req.header.nlmsg_len = sizeof req;
  req.header.nlmsg_type = SOCK_DIAG_BY_FAMILY;
  // One socket by inode, not a dump of all of them.
  req.header.nlmsg_flags = NLM_F_REQUEST;
  req.body.sdiag_family = AF_UNIX;
  req.body.udiag_states = ~0u;
  req.body.udiag_ino = inode;
  req.body.udiag_show = UDIAG_SHOW_NAME | UDIAG_SHOW_PEER;
  req.body.udiag_cookie[0] = req.body.udiag_cookie[1] = ~0u;  // any cookie
  std::optional<UnixSocketInfo> info;
  sock_diag_request(req.header, sizeof req, [&](const nlmsghdr& h) {
    if (h.nlmsg_len < NLMSG_LENGTH(sizeof(unix_diag_msg))) return false;
    const auto* msg = static_cast<const unix_diag_msg*>(NLMSG_DATA(&h));
    if (msg->udiag_family != AF_UNIX || msg->udiag_ino != inode) return false;
    info = parse_attributes(msg, static_cast<int>(h.nlmsg_len));
    return true;
  });
  return info;
}

std::string unix_socket_text(std::string_view proto, std::uint64_t inode,
                             const UnixSocketInfo& info) {
  if (info.peer == 0 && info.name.empty()) return {};
  std::string text = fmt::format("{}:[{}", proto, inode);
  if (info.peer != 0) fmt::format_to(std::back_inserter(text), "->{}", info.peer);
  if (!info.name.empty()) {
    std::string_view name = info.name;
    text += ',';
    if (name.front() == '\0') {
      text += '@';
      name.remove_prefix(1);
    }
    // Up to the first NUL, as a C string: a path's name ends with one.
    quote_string(name.substr(0, name.find('\0')), QuoteStyle{}, text);
  }
  return text + ']';
}

}  // namespace xtrace::decode
