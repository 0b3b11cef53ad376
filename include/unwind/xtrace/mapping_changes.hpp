// Which system calls can change where code is mapped, so that -k's cached
// mappings and unwind tables must be read again: strace's
// MEMORY_MAPPING_CHANGE set less brk (never code).  Under the seccomp
// filter they stop even when -e trace= leaves them out, as in strace.
#pragma once

#include <array>
#include <string_view>

#include "xtrace/event.hpp"
#include "xtrace/process_maps.hpp"

namespace xtrace::unwind {

inline constexpr std::array<std::string_view, 10> kMappingSyscalls = {
    "mmap",  "mprotect", "pkey_mprotect",    "munmap", "mremap",
    "shmat", "shmdt",    "remap_file_pages", "execve", "execveat"};

enum class MappingChange : std::uint8_t { none, code, exec };

// What a finished call did to the mappings, judged against the cached
// ones: a new executable mapping, or a change over existing code.
MappingChange mapping_change(const SyscallEvent& ev, const ProcessMaps& maps);

}  // namespace xtrace::unwind
