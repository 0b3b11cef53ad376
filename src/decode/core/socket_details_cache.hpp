// -yy's socket details by inode, kept as strace 7.2 keeps them: a socket's
// details, once found, are printed from here while its slot is not reused,
// even if the socket was bound or connected since.  The same size and slot
// choice as strace's cache give the same output; it also bounds the memory
// and spares a netlink round trip for every printed fd.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>

namespace xtrace::decode {

class SocketDetailsCache {
 public:
  // Null when the inode's details are not cached.
  const std::string* find(std::uint64_t inode) const;
  // Replaces whatever the inode's slot held.
  void store(std::uint64_t inode, std::string details);

  static constexpr std::size_t kSlots = 1024;  // strace's CACHE_SIZE

 private:
  struct Slot {
    std::uint64_t inode = 0;  // 0: empty (no socket has inode 0)
    std::string details;
  };
  std::array<Slot, kSlots> slots_{};
};

}  // namespace xtrace::decode
