// aarch64 registers: number in x8 (rewritten through NT_ARM_SYSTEM_CALL),
// arguments in x0..x5, result in x0.  x0 is overwritten at exit, so the
// engine keeps the entry arguments (see ThreadState).
#if defined(__aarch64__)
#include <asm/ptrace.h>
#include <elf.h>
#include <sys/ptrace.h>
#include <sys/uio.h>

#include "xtrace/arch_regs.hpp"

namespace xtrace::arch {
namespace {

bool get_regs(pid_t tid, user_pt_regs& regs) {
  iovec iov{&regs, sizeof regs};
  return ptrace(PTRACE_GETREGSET, tid, NT_PRSTATUS, &iov) == 0;
}

bool set_regs(pid_t tid, user_pt_regs& regs) {
  iovec iov{&regs, sizeof regs};
  return ptrace(PTRACE_SETREGSET, tid, NT_PRSTATUS, &iov) == 0;
}

}  // namespace

std::optional<SyscallInfo> read_regs(pid_t tid) {
  user_pt_regs r{};
  if (!get_regs(tid, r)) return std::nullopt;
  SyscallInfo info;
  info.arch = Arch::aarch64;
  info.nr = static_cast<std::int64_t>(r.regs[8]);
  for (int i = 0; i < 6; ++i) info.args[i] = r.regs[i];
  info.rval = static_cast<std::int64_t>(r.regs[0]);
  info.is_error = info.rval < 0 && info.rval >= -4095;
  info.ip = r.pc;
  info.sp = r.sp;
  return info;
}

bool set_regs_number(pid_t tid, std::int64_t nr) {
  int value = static_cast<int>(nr);
  iovec iov{&value, sizeof value};
  return ptrace(PTRACE_SETREGSET, tid, NT_ARM_SYSTEM_CALL, &iov) == 0;
}

bool set_regs_argument(pid_t tid, int index, std::uint64_t value) {
  user_pt_regs r{};
  if (!get_regs(tid, r)) return false;
  r.regs[index] = value;
  return set_regs(tid, r);
}

bool set_regs_return(pid_t tid, std::int64_t value) {
  user_pt_regs r{};
  if (!get_regs(tid, r)) return false;
  r.regs[0] = static_cast<unsigned long long>(value);
  return set_regs(tid, r);
}

}  // namespace xtrace::arch
#endif
