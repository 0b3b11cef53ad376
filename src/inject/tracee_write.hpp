// Writing into the tracee (poke_enter=, poke_exit=): process_vm_writev,
// with PTRACE_POKEDATA for memory it cannot write (read-only mappings,
// or a kernel without it).
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <span>

namespace xtrace::inject {

bool write_tracee(pid_t tid, std::uint64_t addr, std::span<const std::uint8_t> data);

}  // namespace xtrace::inject
