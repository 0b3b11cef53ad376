// The i386 numbers of <asm/unistd_32.h> (header_numbers_i386.cpp).
#pragma once

#include <span>

namespace xtrace::testing {

struct HeaderNumber {
  const char* name;
  long nr;
};

std::span<const HeaderNumber> i386_header_numbers();

}  // namespace xtrace::testing
