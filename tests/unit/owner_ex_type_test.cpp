// fcntl F_SETOWN_EX / F_GETOWN_EX: f_owner_ex declares its type an enum,
// but the tracee's memory may hold any int there.  Reading it as that enum
// was undefined behaviour (UBSan: "not a valid value for type '__pid_type'",
// found by decoder_fuzz); it is read as an int and printed as strace does.
#include <fcntl.h>

#include <cstdint>

#include <gtest/gtest.h>

#include "decode_line.hpp"
#include "fake_memory.hpp"

namespace xtrace {
namespace {

using testing::FakeMemory;
using testing::line;

constexpr std::uint64_t kOwner = 0x1000;

TEST(OwnerExType, AnyIntIsAType) {
  FakeMemory mem;
  const std::int32_t owner[2] = {0x6c6c6568, 42};  // "hell", as the fuzzer's
  mem.put_value(kOwner, owner);
  EXPECT_EQ(line("fcntl", {0, F_SETOWN_EX, kOwner}, 0, mem),
            "fcntl(0, F_SETOWN_EX, {type=0x6c6c6568 /* F_OWNER_??? */, pid=42}) = 0");
  const std::int32_t negative[2] = {-1, 42};
  mem.put_value(kOwner, negative);
  EXPECT_EQ(line("fcntl", {0, F_GETOWN_EX, kOwner}, 0, mem),
            "fcntl(0, F_GETOWN_EX, {type=0xffffffff /* F_OWNER_??? */, pid=42}) = 0");
}

}  // namespace
}  // namespace xtrace
