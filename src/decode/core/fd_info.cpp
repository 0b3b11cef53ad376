#include "fd_info.hpp"

#include "xtrace/value_text.hpp"

#include <netinet/in.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/xattr.h>
#include <unistd.h>

#include <fmt/format.h>

#include <array>
#include <charconv>
#include <cstring>
#include <fstream>
#include <string_view>

#include "inet_diag.hpp"
#include "netlink_diag.hpp"
#include "socket_details_cache.hpp"
#include "unix_diag.hpp"
#include "xtrace/decode.hpp"
#include "xtrace/quote.hpp"

namespace xtrace::decode {
namespace {

std::string read_link(const std::string& path) {
  std::array<char, 4096> buf{};
  ssize_t n = readlink(path.c_str(), buf.data(), buf.size() - 1);
  if (n < 0) return {};
  return std::string(buf.data(), static_cast<std::size_t>(n));
}

// The protocol name the kernel gives the socket (TCP, UNIX-STREAM, UNIX,
// NETLINK, ...), as strace reads it; empty if the fd is gone.
std::string socket_protocol(pid_t tid, int fd) {
  std::array<char, 64> proto{};
  std::string link = fmt::format("/proc/{}/fd/{}", tid, fd);
  ssize_t n = getxattr(link.c_str(), "system.sockprotoname", proto.data(), proto.size() - 1);
  if (n <= 0) return {};
  return std::string(proto.data(), strnlen(proto.data(), static_cast<std::size_t>(n)));
}

SocketDetailsCache& socket_cache() {
  static SocketDetailsCache cache;
  return cache;
}

// How -yy learns more about a socket, by the protocol name the kernel
// gives it.  These are the names strace 7.2 knows: a socket of any other
// protocol (PACKET, MPTCP, UDP-Lite, VSOCK, ...) prints as socket:[INODE].
struct SocketProtocol {
  std::string_view name;
  enum class Diag { unix_sock, inet, netlink } diag;
  int family = 0;
  int protocol = 0;
};

// linux/in.h's IPPROTO_L2TP: glibc's netinet/in.h lacks it, and the two
// headers cannot both be included.
constexpr int kIpProtoL2tp = 115;

constexpr std::array kSocketProtocols{
    SocketProtocol{"UNIX", SocketProtocol::Diag::unix_sock},
    SocketProtocol{"UNIX-STREAM", SocketProtocol::Diag::unix_sock},
    SocketProtocol{"TCP", SocketProtocol::Diag::inet, AF_INET, IPPROTO_TCP},
    SocketProtocol{"UDP", SocketProtocol::Diag::inet, AF_INET, IPPROTO_UDP},
    SocketProtocol{"UDPLITE", SocketProtocol::Diag::inet, AF_INET, IPPROTO_UDPLITE},
    SocketProtocol{"DCCP", SocketProtocol::Diag::inet, AF_INET, IPPROTO_DCCP},
    SocketProtocol{"SCTP", SocketProtocol::Diag::inet, AF_INET, IPPROTO_SCTP},
    SocketProtocol{"L2TP/IP", SocketProtocol::Diag::inet, AF_INET, kIpProtoL2tp},
    SocketProtocol{"PING", SocketProtocol::Diag::inet, AF_INET, IPPROTO_ICMP},
    SocketProtocol{"RAW", SocketProtocol::Diag::inet, AF_INET, IPPROTO_RAW},
    SocketProtocol{"TCPv6", SocketProtocol::Diag::inet, AF_INET6, IPPROTO_TCP},
    SocketProtocol{"UDPv6", SocketProtocol::Diag::inet, AF_INET6, IPPROTO_UDP},
    SocketProtocol{"UDPLITEv6", SocketProtocol::Diag::inet, AF_INET6, IPPROTO_UDPLITE},
    SocketProtocol{"DCCPv6", SocketProtocol::Diag::inet, AF_INET6, IPPROTO_DCCP},
    SocketProtocol{"SCTPv6", SocketProtocol::Diag::inet, AF_INET6, IPPROTO_SCTP},
    SocketProtocol{"L2TP/IPv6", SocketProtocol::Diag::inet, AF_INET6, kIpProtoL2tp},
    SocketProtocol{"PINGv6", SocketProtocol::Diag::inet, AF_INET6, IPPROTO_ICMPV6},
    SocketProtocol{"RAWv6", SocketProtocol::Diag::inet, AF_INET6, IPPROTO_RAW},
    SocketProtocol{"NETLINK", SocketProtocol::Diag::netlink},
};

const SocketProtocol* find_protocol(std::string_view name) {
  for (const auto& p : kSocketProtocols)
    if (p.name == name) return &p;
  return nullptr;
}

// The details sock_diag gives, or empty when it does not know the socket
// (yet): strace then prints PROTO:[INODE] and asks again next time.
std::string diag_text(const SocketProtocol& p, std::uint64_t inode) {
  auto ino = static_cast<std::uint32_t>(inode);
  switch (p.diag) {
    case SocketProtocol::Diag::unix_sock:
      if (auto info = query_unix_socket(ino)) return unix_socket_text(p.name, inode, *info);
      break;
    case SocketProtocol::Diag::inet:
      if (auto info = query_inet_socket(p.family, p.protocol, ino))
        return inet_socket_text(p.name, *info);
      break;
    case SocketProtocol::Diag::netlink:
      if (auto info = query_netlink_socket(ino)) return netlink_socket_text(p.name, *info);
      break;
  }
  return {};
}

std::string socket_text(pid_t tid, int fd, const std::string& inode_text) {
  std::uint64_t inode = 0;
  std::from_chars(inode_text.data(), inode_text.data() + inode_text.size(), inode);
  if (const std::string* cached = socket_cache().find(inode)) return *cached;
  std::string proto = socket_protocol(tid, fd);
  if (proto.empty()) return {};
  const SocketProtocol* known = find_protocol(proto);
  if (!known) return fmt::format("socket:[{}]", inode);
  std::string text = diag_text(*known, inode);
  if (text.empty()) return fmt::format("{}:[{}]", proto, inode);
  socket_cache().store(inode, text);
  return text;
}

// A path inside -y's angle brackets: escaped as a string, without quotes,
// and with the brackets themselves in octal.
std::string quoted_path(std::string_view path) {
  std::string out;
  quote_string(path, QuoteStyle{.quotes = false, .escape_chars = "<>"}, out);
  return out;
}

std::string pidfd_text(pid_t tid, int fd) {
  std::ifstream in(fmt::format("/proc/{}/fdinfo/{}", tid, fd));
  for (std::string line; std::getline(in, line);)
    if (line.starts_with("Pid:")) return "pid:" + line.substr(line.find_first_not_of(" \t", 4));
  return {};
}

}  // namespace

std::string fd_details_text(pid_t tid, int fd, unsigned details) {
  if (details == 0 || fd < 0) return {};
  std::string link = read_link(fmt::format("/proc/{}/fd/{}", tid, fd));
  if (link.empty()) return {};
  if ((details & fd_detail::socket) && link.starts_with("socket:[")) {
    std::string inode = link.substr(8, link.size() - 9);
    if (auto text = socket_text(tid, fd, inode); !text.empty()) return text;
  }
  if ((details & fd_detail::pidfd) && link == "anon_inode:[pidfd]") {
    if (auto text = pidfd_text(tid, fd); !text.empty()) return text;
  }
  if ((details & fd_detail::dev) && link.starts_with("/dev/")) {
    struct stat st {};
    if (stat(link.c_str(), &st) == 0 && (S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode)))
      return fmt::format("{}<{} {}:{}>", quoted_path(link), S_ISCHR(st.st_mode) ? "char" : "block",
                         major(st.st_rdev), minor(st.st_rdev));
  }
  if (details & fd_detail::path) return quoted_path(link);
  return {};
}

void print_fd_decorated(pid_t tid, int fd, unsigned details, ValueOut& out) {
  std::string text = fd_details_text(tid, fd, details);
  // The kernel marks an unlinked file's path with " (deleted)"; strace
  // prints the path alone in the brackets and the mark after them.
  constexpr std::string_view kDeleted = " (deleted)";
  bool deleted = text.ends_with(kDeleted);
  if (deleted) text.resize(text.size() - kDeleted.size());
  out.fd(fd, text, deleted ? fd_style::deleted : 0);
}

void print_fd_decorated(pid_t tid, int fd, unsigned details, std::string& out) {
  ValueOut value;
  print_fd_decorated(tid, fd, details, value);
  render_text(value, TextStyle{}, out);
}

std::string cwd_text(pid_t tid) {
  std::string cwd = read_link(fmt::format("/proc/{}/cwd", tid));
  return cwd.empty() ? cwd : quoted_path(cwd);
}

}  // namespace xtrace::decode
