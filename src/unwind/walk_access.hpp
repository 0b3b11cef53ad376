// What libunwind reads during one walk, read the cheap way: the registers
// once (one PTRACE_GETREGSET) and memory a page at a time
// (process_vm_readv) into a small cache that lives for one walk only,
// instead of libunwind-ptrace's one PTRACE_PEEKUSER or PEEKDATA per word.
#pragma once

#include <sys/types.h>
#include <sys/user.h>

#include <array>
#include <cstdint>

#include "xtrace/tracee_memory.hpp"

namespace xtrace::unwind {

class WalkAccess {
 public:
  // Starts a walk of the stopped thread tid: reads its registers and
  // forgets every cached page.  False when the thread is gone.
  bool begin(pid_t tid);
  // One word at addr (libunwind's access_mem); false if unreadable.
  bool word(std::uint64_t addr, std::uint64_t& out);
  // Register number regnum in libunwind's numbering (UNW_X86_64_*,
  // UNW_AARCH64_*); false for one this architecture does not have.
  bool reg(int regnum, std::uint64_t& out) const;
  std::uint64_t ip() const;

 private:
  static constexpr std::size_t kPage = 4096;
  static constexpr std::size_t kSlots = 16;
  struct Slot {
    std::uint64_t page = 0;
    std::uint32_t walk = 0;  // valid when equal to walk_
    bool readable = false;
    alignas(8) std::array<unsigned char, kPage> bytes;
  };
  const unsigned char* page(std::uint64_t page_addr);

  user_regs_struct regs_{};
  ProcessMemory memory_{0};
  std::uint32_t walk_ = 0;
  std::array<Slot, kSlots> slots_{};
};

}  // namespace xtrace::unwind
