#include "socket_details_cache.hpp"

#include <utility>

namespace xtrace::decode {
namespace {

std::size_t slot_of(std::uint64_t inode) {
  return static_cast<std::size_t>(inode % SocketDetailsCache::kSlots);
}

}  // namespace

const std::string* SocketDetailsCache::find(std::uint64_t inode) const {
  const Slot& slot = slots_[slot_of(inode)];
  return inode != 0 && slot.inode == inode ? &slot.details : nullptr;
}

void SocketDetailsCache::store(std::uint64_t inode, std::string details) {
  Slot& slot = slots_[slot_of(inode)];
  slot.inode = inode;
  slot.details = std::move(details);
}

}  // namespace xtrace::decode
