// A process personality (personality(2)'s argument and result) as strace
// 7.2 prints it: the execution domain in the low byte, then the flags.
#pragma once

#include <cstdint>
#include <string>

namespace xtrace::decode {

// "PER_LINUX32|READ_IMPLIES_EXEC", "0x1 /* PER_??? */|MMAP_PAGE_ZERO",
// "PER_LINUX|0x80000000"; 0xffffffff (the query) as itself.
std::string personality_text(std::uint32_t value);

}  // namespace xtrace::decode
