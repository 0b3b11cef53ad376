// Decodes a syscall event's arguments and result with the kind decoders,
// in two phases: what can be shown at entry, and the rest at exit.
#pragma once

#include "xtrace/decode.hpp"
#include "xtrace/event.hpp"

namespace xtrace {

// Fills arg_text for the arguments printed at entry, and runs the entry
// captures of the later ones.
void decode_entry(SyscallEvent& ev, TraceeMemory& mem, const DecodeOptions& opts);
// Fills the remaining arguments and rval_text.
void decode_exit(SyscallEvent& ev, TraceeMemory& mem, const DecodeOptions& opts);
// The name strace prints: the table's, or syscall_0x1c2 for an unknown number.
std::string syscall_name(const SyscallEvent& ev);

}  // namespace xtrace
