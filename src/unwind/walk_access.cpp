#include "walk_access.hpp"

#include <elf.h>
#include <sys/ptrace.h>
#include <sys/uio.h>

#include <cstring>

#include <libunwind.h>

namespace xtrace::unwind {

bool WalkAccess::begin(pid_t tid) {
  iovec iov{&regs_, sizeof regs_};
  if (ptrace(PTRACE_GETREGSET, tid, NT_PRSTATUS, &iov) != 0) return false;
  memory_.set_pid(tid);
  // A new walk number invalidates every slot at once; on wrap-around the
  // slots are reset for real.
  if (++walk_ == 0) {
    for (Slot& s : slots_) s.walk = 0;
    walk_ = 1;
  }
  return true;
}

const unsigned char* WalkAccess::page(std::uint64_t page_addr) {
  Slot& s = slots_[(page_addr / kPage) % kSlots];
  if (s.walk != walk_ || s.page != page_addr) {
    s.page = page_addr;
    s.walk = walk_;
    s.readable = memory_.read(page_addr, s.bytes.data(), kPage);
  }
  return s.readable ? s.bytes.data() : nullptr;
}

bool WalkAccess::word(std::uint64_t addr, std::uint64_t& out) {
  unsigned char buf[sizeof out];
  std::uint64_t first = addr & ~(std::uint64_t{kPage} - 1);
  std::size_t in_first = kPage - (addr - first);
  const unsigned char* p = page(first);
  if (p == nullptr) return false;
  if (in_first >= sizeof out) {
    std::memcpy(&out, p + (addr - first), sizeof out);
    return true;
  }
  // A word across two pages.
  std::memcpy(buf, p + (addr - first), in_first);
  const unsigned char* q = page(first + kPage);
  if (q == nullptr) return false;
  std::memcpy(buf + in_first, q, sizeof out - in_first);
  std::memcpy(&out, buf, sizeof out);
  return true;
}

#if defined(__x86_64__)
bool WalkAccess::reg(int regnum, std::uint64_t& out) const {
  switch (regnum) {
    case UNW_X86_64_RAX: out = regs_.rax; return true;
    case UNW_X86_64_RDX: out = regs_.rdx; return true;
    case UNW_X86_64_RCX: out = regs_.rcx; return true;
    case UNW_X86_64_RBX: out = regs_.rbx; return true;
    case UNW_X86_64_RSI: out = regs_.rsi; return true;
    case UNW_X86_64_RDI: out = regs_.rdi; return true;
    case UNW_X86_64_RBP: out = regs_.rbp; return true;
    case UNW_X86_64_RSP: out = regs_.rsp; return true;
    case UNW_X86_64_R8: out = regs_.r8; return true;
    case UNW_X86_64_R9: out = regs_.r9; return true;
    case UNW_X86_64_R10: out = regs_.r10; return true;
    case UNW_X86_64_R11: out = regs_.r11; return true;
    case UNW_X86_64_R12: out = regs_.r12; return true;
    case UNW_X86_64_R13: out = regs_.r13; return true;
    case UNW_X86_64_R14: out = regs_.r14; return true;
    case UNW_X86_64_R15: out = regs_.r15; return true;
    case UNW_X86_64_RIP: out = regs_.rip; return true;
    default: return false;
  }
}
std::uint64_t WalkAccess::ip() const {
  return regs_.rip;
}
#elif defined(__aarch64__)
bool WalkAccess::reg(int regnum, std::uint64_t& out) const {
  if (regnum >= UNW_AARCH64_X0 && regnum <= UNW_AARCH64_X30) {
    out = regs_.regs[regnum - UNW_AARCH64_X0];
    return true;
  }
  switch (regnum) {
    case UNW_AARCH64_SP: out = regs_.sp; return true;
    case UNW_AARCH64_PC: out = regs_.pc; return true;
    case UNW_AARCH64_PSTATE: out = regs_.pstate; return true;
    default: return false;
  }
}
std::uint64_t WalkAccess::ip() const {
  return regs_.pc;
}
#else
#error "xtrace unwinds x86_64 and aarch64 tracees only"
#endif

}  // namespace xtrace::unwind
