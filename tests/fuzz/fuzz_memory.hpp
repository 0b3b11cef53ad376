// Tracee memory and register values chosen by the fuzzer, for the targets
// that decode: the unit tests' FakeMemory holding the input's bytes,
// repeated over kSpan bytes at kBase, so that a pointer argument or a
// pointer inside a structure reads them when it falls in that window, and
// fails to read (as an unmapped page would) anywhere else.
#pragma once

#include <fuzzer/FuzzedDataProvider.h>

#include <cstdint>
#include <string>

#include "fake_memory.hpp"

namespace xtrace::fuzz {

inline constexpr std::uint64_t kBase = 0x7f0000000000;
inline constexpr std::uint64_t kSpan = 8192;

class FuzzMemory final : public TraceeMemory {
 public:
  explicit FuzzMemory(const std::string& bytes) {
    if (bytes.empty()) return;
    std::string window;
    window.reserve(kSpan);
    while (window.size() < kSpan) window += bytes;
    window.resize(kSpan);
    mem_.put(kBase, std::move(window));
  }
  bool read(std::uint64_t addr, void* out, std::size_t size) override {
    return mem_.read(addr, out, size);
  }
  bool read_cstring(std::uint64_t addr, std::size_t max_len, std::string& out,
                    bool* terminated) override {
    return mem_.read_cstring(addr, max_len, out, terminated);
  }

 private:
  testing::FakeMemory mem_;
};

// A register value: a pointer into the window (or just outside it), NULL,
// a small number (counts, fds, flags), or any 64 bits.
inline std::uint64_t consume_arg(FuzzedDataProvider& in) {
  switch (in.ConsumeIntegralInRange<int>(0, 3)) {
    case 0: return kBase + in.ConsumeIntegralInRange<std::uint64_t>(0, kSpan);
    case 1: return 0;
    case 2: return static_cast<std::uint64_t>(in.ConsumeIntegralInRange<std::int64_t>(-16, 4096));
    default: return in.ConsumeIntegral<std::uint64_t>();
  }
}

}  // namespace xtrace::fuzz
