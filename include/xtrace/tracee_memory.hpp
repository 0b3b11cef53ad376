// Reading the tracee's memory.  Decoders see only this interface, so unit
// tests can hand them a FakeMemory; the real one reads another process.
#pragma once

#include <sys/types.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

namespace xtrace {

class TraceeMemory {
 public:
  virtual ~TraceeMemory() = default;
  // Copy exactly size bytes from addr into out; false if any byte is
  // unreadable.
  virtual bool read(std::uint64_t addr, void* out, std::size_t size) = 0;
  // Read a NUL-terminated string of at most max_len bytes (not counting the
  // NUL).  Sets *terminated when the NUL was seen within max_len bytes.
  virtual bool read_cstring(std::uint64_t addr, std::size_t max_len, std::string& out,
                            bool* terminated) = 0;

  template <typename T>
  std::optional<T> read_value(std::uint64_t addr) {
    T value;
    if (!read(addr, &value, sizeof value)) return std::nullopt;
    return value;
  }
};

// Reads a live tracee with process_vm_readv, page by page, falling back to
// PTRACE_PEEKDATA when process_vm_readv is unavailable.
class ProcessMemory final : public TraceeMemory {
 public:
  explicit ProcessMemory(pid_t pid) : pid_(pid) {}
  void set_pid(pid_t pid) { pid_ = pid; }
  bool read(std::uint64_t addr, void* out, std::size_t size) override;
  bool read_cstring(std::uint64_t addr, std::size_t max_len, std::string& out,
                    bool* terminated) override;

 private:
  bool read_chunk(std::uint64_t addr, void* out, std::size_t size) const;
  pid_t pid_;
};

}  // namespace xtrace
