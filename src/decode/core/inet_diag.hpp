// What the kernel's sock_diag interface says about one TCP, UDP, RAW, ...
// socket of IPv4 or IPv6 (inet_diag): its local and remote endpoints.  It
// knows a TCP socket as soon as it is bound, which /proc/net/tcp does not
// list until it listens or connects, so -yy asks it as strace does.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace xtrace::decode {

struct InetSocketInfo {
  int family = 0;  // AF_INET or AF_INET6
  // Addresses as the kernel gives them (network order; IPv4 in the first
  // four bytes), ports in host order.
  std::array<std::uint8_t, 16> local{}, remote{};
  std::uint16_t local_port = 0, remote_port = 0;
};

// The socket of `family` and IP `protocol` with this inode; empty when the
// kernel does not list it (not bound yet, another network namespace).
std::optional<InetSocketInfo> query_inet_socket(int family, int protocol, std::uint32_t inode);

// strace's -yy text: PROTO:[LOCAL] or, with a remote address or port,
// PROTO:[LOCAL->REMOTE]; an endpoint is ADDR:PORT, [ADDR]:PORT for IPv6.
std::string inet_socket_text(std::string_view proto, const InetSocketInfo& info);

}  // namespace xtrace::decode
