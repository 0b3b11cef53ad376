// x86_64 numbers of the generated table equal <asm/unistd_64.h>'s for every
// name the header defines.  The x86_64 build checks them: an aarch64 C
// library has no <asm/unistd_64.h>.
#if defined(__x86_64__)
#include <asm/unistd_64.h>

// Expanded here, before any other header can define __NR_ names its own way
// (gtest pulls in the native <asm/unistd.h>).
namespace {
struct HeaderNumber {
  const char* name;
  long nr;
};
const HeaderNumber kHeaderNumbers[] = {
#include "xtrace/generated/header_numbers.inc"
};
}  // namespace

#include <gtest/gtest.h>

#include "xtrace/syscall_table.hpp"

namespace xtrace {
namespace {

TEST(HeaderNumbers, X86_64MatchesAsmUnistd64) {
  int checked = 0;
  for (const auto& [name, nr] : kHeaderNumbers) {
    auto id = find_syscall(name);
    ASSERT_TRUE(id) << name;
    EXPECT_EQ(number(Arch::x86_64, *id), nr) << name;
    ++checked;
  }
  EXPECT_GT(checked, 300);
}

}  // namespace
}  // namespace xtrace
#endif
