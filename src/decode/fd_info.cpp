#include "fd_info.hpp"

#include <arpa/inet.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/xattr.h>
#include <unistd.h>

#include <fmt/format.h>

#include <array>
#include <charconv>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string_view>

#include "socket_details_cache.hpp"
#include "unix_diag.hpp"
#include "xtrace/decode.hpp"

namespace xtrace::decode {
namespace {

std::string read_link(const std::string& path) {
  std::array<char, 4096> buf{};
  ssize_t n = readlink(path.c_str(), buf.data(), buf.size() - 1);
  if (n < 0) return {};
  return std::string(buf.data(), static_cast<std::size_t>(n));
}

// "0100007F:1F90" (little-endian hex address and port) as 127.0.0.1:8080.
std::string inet4_endpoint(std::string_view hex) {
  auto colon = hex.find(':');
  if (colon == std::string_view::npos) return {};
  std::uint32_t addr = 0;
  unsigned port = 0;
  std::from_chars(hex.data(), hex.data() + colon, addr, 16);
  std::from_chars(hex.data() + colon + 1, hex.data() + hex.size(), port, 16);
  char text[INET_ADDRSTRLEN];
  inet_ntop(AF_INET, &addr, text, sizeof text);
  return fmt::format("{}:{}", text, port);
}

std::string inet6_endpoint(std::string_view hex) {
  auto colon = hex.find(':');
  if (colon != 32) return {};
  std::array<std::uint32_t, 4> words{};
  for (std::size_t i = 0; i < 4; ++i)
    std::from_chars(hex.data() + i * 8, hex.data() + i * 8 + 8, words[i], 16);
  unsigned port = 0;
  std::from_chars(hex.data() + colon + 1, hex.data() + hex.size(), port, 16);
  char text[INET6_ADDRSTRLEN];
  inet_ntop(AF_INET6, words.data(), text, sizeof text);
  return fmt::format("[{}]:{}", text, port);
}

bool is_zero_endpoint(std::string_view hex) {
  return hex.find_first_not_of("0:") == std::string_view::npos;
}

// One of /proc/PID/net/{tcp,udp,tcp6,udp6}: "TCP:[local->remote]".
std::string inet_socket(pid_t tid, const char* file, const char* label, bool v6,
                        const std::string& inode) {
  std::ifstream in(fmt::format("/proc/{}/net/{}", tid, file));
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    std::string slot, local, remote, state, queues, timer, retr, uid, timeout, ino;
    fields >> slot >> local >> remote >> state >> queues >> timer >> retr >> uid >> timeout >> ino;
    if (ino != inode) continue;
    auto endpoint = v6 ? inet6_endpoint : inet4_endpoint;
    std::string text = fmt::format("{}:[{}", label, endpoint(local));
    if (!is_zero_endpoint(remote)) text += "->" + endpoint(remote);
    return text + "]";
  }
  return {};
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

// AF_UNIX: the peer and the bound name from sock_diag; cached once known.
std::string unix_socket(const std::string& proto, std::uint64_t inode) {
  auto info = query_unix_socket(static_cast<std::uint32_t>(inode));
  if (!info) return {};
  std::string text = unix_socket_text(proto, inode, *info);
  if (!text.empty()) socket_cache().store(inode, text);
  return text;
}

std::string inet_socket_text(pid_t tid, const std::string& inode) {
  struct Source {
    const char* file;
    const char* label;
    bool v6;
  };
  constexpr std::array kSources{Source{"tcp", "TCP", false}, Source{"tcp6", "TCPv6", true},
                                Source{"udp", "UDP", false}, Source{"udp6", "UDPv6", true}};
  for (const auto& s : kSources)
    if (auto text = inet_socket(tid, s.file, s.label, s.v6, inode); !text.empty()) return text;
  return {};
}

std::string socket_text(pid_t tid, int fd, const std::string& inode_text) {
  std::uint64_t inode = 0;
  std::from_chars(inode_text.data(), inode_text.data() + inode_text.size(), inode);
  if (const std::string* cached = socket_cache().find(inode)) return *cached;
  std::string proto = socket_protocol(tid, fd);
  std::string text =
      proto.starts_with("UNIX") ? unix_socket(proto, inode) : inet_socket_text(tid, inode_text);
  if (!text.empty()) return text;
  // Nothing more known (not bound or connected yet): the protocol name
  // alone, as strace prints.
  if (!proto.empty()) return fmt::format("{}:[{}]", proto, inode);
  return {};
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
      return fmt::format("{}<{} {}:{}>", link, S_ISCHR(st.st_mode) ? "char" : "block",
                         major(st.st_rdev), minor(st.st_rdev));
  }
  if (details & fd_detail::path) return link;
  return {};
}

void print_fd_decorated(pid_t tid, int fd, unsigned details, std::string& out) {
  fmt::format_to(std::back_inserter(out), "{}", fd);
  std::string text = fd_details_text(tid, fd, details);
  if (!text.empty()) fmt::format_to(std::back_inserter(out), "<{}>", text);
}

std::string cwd_text(pid_t tid) {
  return read_link(fmt::format("/proc/{}/cwd", tid));
}

}  // namespace xtrace::decode
