// The memory an x32 call can point to: its pointers are 32 bits, so an
// argument above 4 GiB addresses nothing of the process's own.  strace does
// not follow such a pointer and prints it as an address; with reads above
// the limit failing here, every decoder prints it so, as it prints any
// unreadable pointer.
#pragma once

#include <cstdint>

#include "xtrace/tracee_memory.hpp"

namespace xtrace {

class Addressable32 final : public TraceeMemory {
 public:
  explicit Addressable32(TraceeMemory& memory) : memory_(memory) {}

  bool read(std::uint64_t addr, void* out, std::size_t size) override {
    return addr <= kLimit && size <= kLimit - addr && memory_.read(addr, out, size);
  }
  bool read_cstring(std::uint64_t addr, std::size_t max_len, std::string& out,
                    bool* terminated) override {
    return addr < kLimit && memory_.read_cstring(addr, max_len, out, terminated);
  }

 private:
  static constexpr std::uint64_t kLimit = std::uint64_t{1} << 32;
  TraceeMemory& memory_;
};

}  // namespace xtrace
