// Tracee memory made of byte blocks at chosen addresses, for decoder tests.
#pragma once

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

  bool read(std::uint64_t addr, void* out, std::size_t size) override {
    for (const auto& [start, bytes] : blocks_) {
      if (addr >= start && addr + size <= start + bytes.size()) {
        std::memcpy(out, bytes.data() + (addr - start), size);
        return true;
      }
    }
    return size == 0;
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
};

}  // namespace xtrace::testing
