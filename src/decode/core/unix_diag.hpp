// What the kernel's sock_diag netlink interface (NETLINK_SOCK_DIAG,
// AF_UNIX) says about one AF_UNIX socket: its peer's inode and the name it
// is bound to.  Neither is in /proc/net/unix in a usable form (no peer), so
// -yy asks the kernel as strace does.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace xtrace::decode {

struct UnixSocketInfo {
  std::uint32_t peer = 0;  // the connected peer's inode, 0 for none
  std::string name;        // the bound address's bytes; "\0..." for abstract
};

// Empty when the kernel does not know the inode (not an AF_UNIX socket of
// xtrace's network namespace) or sock_diag is unavailable.
std::optional<UnixSocketInfo> query_unix_socket(std::uint32_t inode);

// strace's -yy text: PROTO:[INODE->PEER,"PATH"] (abstract names as
// ,@"NAME"; each part only when known), or empty when neither the peer nor
// a name is known: strace then prints PROTO:[INODE] and does not cache it.
// `proto` is the socket's protocol name (UNIX-STREAM, UNIX).
std::string unix_socket_text(std::string_view proto, std::uint64_t inode,
                             const UnixSocketInfo& info);

}  // namespace xtrace::decode
