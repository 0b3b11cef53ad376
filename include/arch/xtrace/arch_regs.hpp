// Register-level access, one implementation per architecture: the fallback
// when PTRACE_GET/SET_SYSCALL_INFO are missing, and the only way to set a
// syscall's return value.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <optional>

#include "xtrace/arch.hpp"

namespace xtrace::arch {

// A stop read from registers; op is Op::none (the caller knows entry from
// exit by its own bookkeeping).
std::optional<SyscallInfo> read_regs(pid_t tid);
bool set_regs_number(pid_t tid, std::int64_t nr);
bool set_regs_argument(pid_t tid, int index, std::uint64_t value);
bool set_regs_return(pid_t tid, std::int64_t value);

}  // namespace xtrace::arch
