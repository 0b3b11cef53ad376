// <asm/unistd_32.h>'s numbers of every name in the tables, in a file of
// their own: its __NR_ macros must not meet the native <asm/unistd.h> that
// gtest pulls in (same names, other values).  The x86_64 C library ships
// the i386 header for -m32; an aarch64 one has none.
#if defined(__x86_64__)
#include <asm/unistd_32.h>

#include "header_numbers_i386.hpp"

namespace xtrace::testing {
namespace {
const HeaderNumber kHeaderNumbers[] = {
#include "xtrace/generated/header_numbers.inc"
};
}  // namespace

std::span<const HeaderNumber> i386_header_numbers() {
  return kHeaderNumbers;
}

}  // namespace xtrace::testing
#endif
