// Reading and rewriting a stop through PTRACE_GET/SET_SYSCALL_INFO: one call
// for everything, the same on every architecture.  The register fallbacks
// live in the per-arch files.
#include <linux/audit.h>
#include <sys/ptrace.h>

#include <cerrno>

#include "xtrace/arch.hpp"
#include "xtrace/arch_regs.hpp"

namespace xtrace {

std::string_view arch_name(Arch arch) noexcept {
  switch (arch) {
    case Arch::x86_64: return "x86_64";
    case Arch::aarch64: return "aarch64";
    case Arch::i386: return "i386";
    case Arch::x32: return "x32";
  }
  return "x86_64";
}

std::string_view personality_mode(Arch arch) noexcept {
  switch (arch) {
    case Arch::i386: return "32 bit";
    case Arch::x32: return "x32";
    default: return "64 bit";
  }
}

namespace arch {
namespace {

#ifndef PTRACE_SET_SYSCALL_INFO
constexpr int PTRACE_SET_SYSCALL_INFO = 0x4212;  // Linux 6.16
#endif

// Latched off the first time the kernel says it does not know the request.
bool g_have_get_info = true;
bool g_have_set_info = true;

std::optional<Arch> arch_of(std::uint32_t audit_arch) {
  switch (audit_arch) {
    case AUDIT_ARCH_X86_64: return Arch::x86_64;
    case AUDIT_ARCH_AARCH64: return Arch::aarch64;
    // int $0x80 from a 64-bit process (the entry and its exit).  An arm
    // (compat) call on aarch64 has no table here and reads as native.
    case AUDIT_ARCH_I386: return Arch::i386;
    default: return std::nullopt;
  }
}

bool get_info(pid_t tid, __ptrace_syscall_info& raw) {
  long n = ptrace(static_cast<__ptrace_request>(PTRACE_GET_SYSCALL_INFO), tid, sizeof raw, &raw);
  if (n < 0 && errno == EIO) g_have_get_info = false;
  return n > 0;
}

}  // namespace

Arch native() noexcept {
#if defined(__aarch64__)
  return Arch::aarch64;
#else
  return Arch::x86_64;
#endif
}

std::optional<SyscallInfo> read_syscall_info(pid_t tid) {
  if (!g_have_get_info) return read_regs(tid);
  __ptrace_syscall_info raw{};
  if (!get_info(tid, raw)) return g_have_get_info ? std::nullopt : read_regs(tid);
  SyscallInfo info;
  info.arch = arch_of(raw.arch).value_or(native());
  info.ip = raw.instruction_pointer;
  info.sp = raw.stack_pointer;
  switch (raw.op) {
    case PTRACE_SYSCALL_INFO_ENTRY:
      info.op = SyscallInfo::Op::entry;
      info.nr = static_cast<std::int64_t>(raw.entry.nr);
      for (int i = 0; i < 6; ++i) info.args[i] = raw.entry.args[i];
      break;
    case PTRACE_SYSCALL_INFO_SECCOMP:
      info.op = SyscallInfo::Op::seccomp;
      info.nr = static_cast<std::int64_t>(raw.seccomp.nr);
      for (int i = 0; i < 6; ++i) info.args[i] = raw.seccomp.args[i];
      break;
    case PTRACE_SYSCALL_INFO_EXIT:
      info.op = SyscallInfo::Op::exit;
      info.rval = raw.exit.rval;
      info.is_error = raw.exit.is_error != 0;
      break;
    default: info.op = SyscallInfo::Op::none;
  }
  // An exit stop carries no number: the pipeline keeps the entry's arch.
  if (info.arch == Arch::x86_64 && info.op != SyscallInfo::Op::exit &&
      (info.nr & kX32SyscallBit) != 0 && info.nr > 0)
    info.arch = Arch::x32;
  return info;
}

// Rewrites the entry of the current syscall (a syscall-entry or seccomp
// stop): number and arguments.
bool set_entry(pid_t tid, std::int64_t nr, const std::array<std::uint64_t, 6>& args) {
  if (!g_have_set_info) return false;
  __ptrace_syscall_info raw{};
  if (!get_info(tid, raw)) return false;
  if (raw.op == PTRACE_SYSCALL_INFO_ENTRY) {
    raw.entry.nr = static_cast<std::uint64_t>(nr);
    for (int i = 0; i < 6; ++i) raw.entry.args[i] = args[i];
  } else if (raw.op == PTRACE_SYSCALL_INFO_SECCOMP) {
    raw.seccomp.nr = static_cast<std::uint64_t>(nr);
    for (int i = 0; i < 6; ++i) raw.seccomp.args[i] = args[i];
  } else {
    return false;
  }
  if (ptrace(static_cast<__ptrace_request>(PTRACE_SET_SYSCALL_INFO), tid, sizeof raw, &raw) == 0)
    return true;
  if (errno == EIO || errno == EINVAL) g_have_set_info = false;
  return false;
}

namespace {

// A stop where the call has not run yet: its number and arguments may change.
bool at_entry(const std::optional<SyscallInfo>& info) {
  return info && (info->op == SyscallInfo::Op::entry || info->op == SyscallInfo::Op::seccomp);
}

}  // namespace

bool skip_syscall(pid_t tid) {
  std::array<std::uint64_t, 6> args{};
  if (auto info = read_syscall_info(tid); at_entry(info)) args = info->args;
  return set_entry(tid, -1, args) || set_regs_number(tid, -1);
}

bool set_syscall_number(pid_t tid, std::int64_t nr) {
  auto info = read_syscall_info(tid);
  if (at_entry(info) && set_entry(tid, nr, info->args)) return true;
  return set_regs_number(tid, nr);
}

bool set_argument(pid_t tid, int index, std::uint64_t value) {
  auto info = read_syscall_info(tid);
  if (!at_entry(info)) return false;
  info->args[index] = value;
  return set_entry(tid, info->nr, info->args) || set_regs_argument(tid, index, value);
}

bool set_return(pid_t tid, std::int64_t value) {
  return set_regs_return(tid, value);
}

}  // namespace arch
}  // namespace xtrace
