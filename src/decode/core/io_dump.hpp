// -e read=SET / -e write=SET: full hex dumps of the data a call read from
// or wrote to the chosen descriptors, in strace's format, added to the
// event's trailer.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "xtrace/decode.hpp"
#include "xtrace/event.hpp"

namespace xtrace::decode {

// " | 00000  61 62 ...  ab |" lines for bytes.
void hex_dump(std::string_view bytes, std::string& out);
void dump_io(SyscallEvent& ev, TraceeMemory& mem, const DecodeOptions& opts);

}  // namespace xtrace::decode

namespace xtrace {
using decode::dump_io;
}
