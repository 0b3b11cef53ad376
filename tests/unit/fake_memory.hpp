// Tracee memory made of byte blocks at chosen addresses, for decoder tests.
#pragma once

#include <algorithm>
#include <cstring>
#include <map>
#include <string>

#include "xtrace/tracee_memory.hpp"

namespace xtrace::testing {

class FakeMemory final : public TraceeMemory {
 public:
  void put(std::uint64_t addr, std::string bytes) { blocks_[addr] = std::move(bytes); }
  template <typename T>
  void put_value(std::uint64_t addr, const T& value) {
    put(addr, std::string(reinterpret_cast<const char*>(&value), sizeof value));
  }

  // Every byte at or past addr is unreadable, as past the end of a
  // tracee's mapping: arrays and strings that run into it are cut there.
  void unmap_from(std::uint64_t addr) { unmapped_from_ = addr; }

  // Succeeds when every byte is in some block (blocks that touch read as
  // one mapping) and before the unmapped limit.
  bool read(std::uint64_t addr, void* out, std::size_t size) override {
    auto* dst = static_cast<char*>(out);
    while (size > 0) {
      if (addr >= unmapped_from_) return false;
      auto it = blocks_.upper_bound(addr);
      if (it == blocks_.begin()) return false;
      --it;
      const auto& [start, bytes] = *it;
      if (addr >= start + bytes.size()) return false;
      std::size_t n = std::min<std::uint64_t>(size, start + bytes.size() - addr);
      n = std::min<std::uint64_t>(n, unmapped_from_ - addr);
      std::memcpy(dst, bytes.data() + (addr - start), n);
      dst += n;
      addr += n;
      size -= n;
    }
    return true;
  }

  bool read_cstring(std::uint64_t addr, std::size_t max_len, std::string& out,
                    bool* terminated) override {
    out.clear();
    *terminated = false;
    for (std::size_t i = 0; i <= max_len; ++i) {
      char c;
      if (!read(addr + i, &c, 1)) return false;
      if (c == '\0') {
        *terminated = true;
        return true;
      }
      if (i == max_len) return true;
      out += c;
    }
    return true;
  }

 private:
  std::map<std::uint64_t, std::string> blocks_;
  std::uint64_t unmapped_from_ = ~std::uint64_t{0};
};

}  // namespace xtrace::testing
