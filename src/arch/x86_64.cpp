// x86_64 registers: number in orig_rax, arguments in rdi rsi rdx r10 r8 r9,
// result in rax.
#if defined(__x86_64__)
#include <elf.h>
#include <sys/ptrace.h>
#include <sys/uio.h>
#include <sys/user.h>

#include <cstddef>

#include "xtrace/arch_regs.hpp"

namespace xtrace::arch {
namespace {

bool get_regs(pid_t tid, user_regs_struct& regs) {
  iovec iov{&regs, sizeof regs};
  return ptrace(PTRACE_GETREGSET, tid, NT_PRSTATUS, &iov) == 0;
}

bool set_regs(pid_t tid, user_regs_struct& regs) {
  iovec iov{&regs, sizeof regs};
  return ptrace(PTRACE_SETREGSET, tid, NT_PRSTATUS, &iov) == 0;
}

unsigned long long* arg_reg(user_regs_struct& r, int i) {
  unsigned long long* regs[6] = {&r.rdi, &r.rsi, &r.rdx, &r.r10, &r.r8, &r.r9};
  return regs[i];
}

}  // namespace

std::optional<SyscallInfo> read_regs(pid_t tid) {
  user_regs_struct r{};
  if (!get_regs(tid, r)) return std::nullopt;
  SyscallInfo info;
  info.arch = Arch::x86_64;
  info.nr = static_cast<std::int64_t>(r.orig_rax);
  if (info.nr > 0 && (info.nr & kX32SyscallBit) != 0) info.arch = Arch::x32;
  for (int i = 0; i < 6; ++i) info.args[i] = *arg_reg(r, i);
  info.rval = static_cast<std::int64_t>(r.rax);
  info.is_error = info.rval < 0 && info.rval >= -4095;
  info.ip = r.rip;
  info.sp = r.rsp;
  return info;
}

bool set_regs_number(pid_t tid, std::int64_t nr) {
  user_regs_struct r{};
  if (!get_regs(tid, r)) return false;
  r.orig_rax = static_cast<unsigned long long>(nr);
  return set_regs(tid, r);
}

bool set_regs_argument(pid_t tid, int index, std::uint64_t value) {
  user_regs_struct r{};
  if (!get_regs(tid, r)) return false;
  *arg_reg(r, index) = value;
  return set_regs(tid, r);
}

bool set_regs_return(pid_t tid, std::int64_t value) {
  user_regs_struct r{};
  if (!get_regs(tid, r)) return false;
  r.rax = static_cast<unsigned long long>(value);
  return set_regs(tid, r);
}

}  // namespace xtrace::arch
#endif
