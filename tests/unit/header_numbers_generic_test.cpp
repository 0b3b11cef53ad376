// arm64 numbers of the generated table equal <asm-generic/unistd.h>'s (the
// table arm64 is built from) for every name the header defines with arm64's
// choices of optional calls.
#define __ARCH_WANT_RENAMEAT
#define __ARCH_WANT_NEW_STAT
#define __ARCH_WANT_SET_GET_RLIMIT
#define __ARCH_WANT_SYS_CLONE3
#define __ARCH_WANT_MEMFD_SECRET
#include <asm-generic/unistd.h>

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

TEST(HeaderNumbers, Aarch64MatchesAsmGenericUnistd) {
  int checked = 0;
  for (const auto& [name, nr] : kHeaderNumbers) {
    auto id = find_syscall(name);
    ASSERT_TRUE(id) << name;
    EXPECT_EQ(number(Arch::aarch64, *id), nr) << name;
    ++checked;
  }
  EXPECT_GT(checked, 250);
}

}  // namespace
}  // namespace xtrace
