// i386 numbers of the generated table equal <asm/unistd_32.h>'s for every
// name the header defines.
#if defined(__x86_64__)
#include <gtest/gtest.h>

#include "header_numbers_i386.hpp"
#include "xtrace/syscall_table.hpp"

namespace xtrace {
namespace {

TEST(HeaderNumbers, I386MatchesAsmUnistd32) {
  int checked = 0;
  for (const auto& [name, nr] : testing::i386_header_numbers()) {
    auto id = find_syscall(name);
    ASSERT_TRUE(id) << name;
    EXPECT_EQ(number(Arch::i386, *id), nr) << name;
    ++checked;
  }
  EXPECT_GT(checked, 350);
}

}  // namespace
}  // namespace xtrace
#endif
