#include "unix_diag.hpp"

#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <linux/sock_diag.h>
#include <linux/unix_diag.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>

#include "xtrace/quote.hpp"

namespace xtrace::decode {
namespace {

// One netlink socket for the whole run, opened at the first query: a
// query is then one sendmsg and one recv.
int diag_socket() {
  static const int fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_SOCK_DIAG);
  return fd;
}

struct Request {
  nlmsghdr header;
  unix_diag_req body;
};

bool send_request(int fd, std::uint32_t inode, std::uint32_t seq) {
  Request req{};
  req.header.nlmsg_len = sizeof req;
  req.header.nlmsg_type = SOCK_DIAG_BY_FAMILY;
  // One socket by inode, not a dump of all of them.
  req.header.nlmsg_flags = NLM_F_REQUEST;
  req.header.nlmsg_seq = seq;
  req.body.sdiag_family = AF_UNIX;
  req.body.udiag_states = ~0u;
  req.body.udiag_ino = inode;
  req.body.udiag_show = UDIAG_SHOW_NAME | UDIAG_SHOW_PEER;
  req.body.udiag_cookie[0] = req.body.udiag_cookie[1] = ~0u;  // any cookie
  sockaddr_nl kernel{};
  kernel.nl_family = AF_NETLINK;
  while (sendto(fd, &req, sizeof req, 0, reinterpret_cast<sockaddr*>(&kernel), sizeof kernel) < 0)
    if (errno != EINTR) return false;
  return true;
}

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
  static std::uint32_t seq = 0;
  int fd = diag_socket();
  if (fd < 0 || !send_request(fd, inode, ++seq)) return std::nullopt;
  alignas(nlmsghdr) std::array<char, 8192> buf;
  // The kernel answers inside sendto, so the answer is already queued: a
  // recv that would block means there is none, and must not hang tracing.
  for (;;) {
    ssize_t n = recv(fd, buf.data(), buf.size(), MSG_DONTWAIT);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return std::nullopt;
    int left = static_cast<int>(n);
    for (auto* h = reinterpret_cast<const nlmsghdr*>(buf.data()); NLMSG_OK(h, left);
         h = NLMSG_NEXT(h, left)) {
      if (h->nlmsg_seq != seq) continue;  // an answer to an earlier, abandoned query
      if (h->nlmsg_type != SOCK_DIAG_BY_FAMILY) return std::nullopt;  // NLMSG_ERROR: unknown
      if (h->nlmsg_len < NLMSG_LENGTH(sizeof(unix_diag_msg))) return std::nullopt;
      const auto* msg = static_cast<const unix_diag_msg*>(NLMSG_DATA(h));
      if (msg->udiag_family != AF_UNIX || msg->udiag_ino != inode) return std::nullopt;
      return parse_attributes(msg, static_cast<int>(h->nlmsg_len));
    }
  }
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
