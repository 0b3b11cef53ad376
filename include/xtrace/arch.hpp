// The architecture layer: what one syscall stop looks like, and how to read
// and rewrite it.  One implementation per architecture in src/arch/; only the
// native one is compiled in.
#pragma once

#include <sys/types.h>

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace xtrace {

// i386 and x32 are never native.  i386 is the personality of the `int $0x80`
// calls a 64-bit x86 process makes, which the kernel reports with
// AUDIT_ARCH_I386 and runs through its 32-bit table.  x32 is that of the
// calls whose number has bit 30 set (__X32_SYSCALL_BIT): reported with
// AUDIT_ARCH_X86_64, numbered by syscall_64.tbl's x32 view.
enum class Arch : std::uint8_t { x86_64, aarch64, i386, x32 };

// x32 numbers carry this bit everywhere in xtrace, as the kernel reports
// them; the tables index them without it.
inline constexpr std::int64_t kX32SyscallBit = 0x40000000;

std::string_view arch_name(Arch arch) noexcept;
// strace's name of a personality in "runs in ... mode" and -c's table
// titles: "64 bit", "32 bit" (i386) or "x32".
std::string_view personality_mode(Arch arch) noexcept;

// What the kernel reports at a syscall stop (PTRACE_GET_SYSCALL_INFO).
struct SyscallInfo {
  enum class Op : std::uint8_t { none, entry, exit, seccomp };
  Op op = Op::none;
  Arch arch = Arch::x86_64;
  std::int64_t nr = -1;
  std::array<std::uint64_t, 6> args{};
  std::int64_t rval = 0;
  bool is_error = false;
  std::uint64_t ip = 0;
  std::uint64_t sp = 0;
};

namespace arch {

Arch native() noexcept;
// Read the stop of a thread that is in a syscall-stop.  Empty when the
// thread is gone (ESRCH) or the stop carries no syscall information.
std::optional<SyscallInfo> read_syscall_info(pid_t tid);
// At syscall entry: make the kernel skip the call (it then returns -ENOSYS
// unless set_return overrides the result at exit).
bool skip_syscall(pid_t tid);
// At syscall entry: replace the syscall number (fault injection syscall=).
bool set_syscall_number(pid_t tid, std::int64_t nr);
// At syscall entry: replace an argument (short I/O).
bool set_argument(pid_t tid, int index, std::uint64_t value);
// At syscall exit: set the return value (-errno for an error).
bool set_return(pid_t tid, std::int64_t value);

}  // namespace arch
}  // namespace xtrace
