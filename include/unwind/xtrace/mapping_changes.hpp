// Which system calls can change where code is mapped, so that -k's cached
// mappings and unwind tables must be read again: strace's
// MEMORY_MAPPING_CHANGE set less brk (never code): facts.tsv's maps column.
// Under the seccomp filter they stop even when -e trace= leaves them out,
// as in strace.
#pragma once

#include "xtrace/event.hpp"
#include "xtrace/process_maps.hpp"

namespace xtrace::unwind {

enum class MappingChange : std::uint8_t { none, code, exec };

// What a finished call did to the mappings, judged against the cached
// ones: a new executable mapping, or a change over existing code.
MappingChange mapping_change(const SyscallEvent& ev, const ProcessMaps& maps);

}  // namespace xtrace::unwind
