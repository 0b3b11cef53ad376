// NUMA node masks (mbind, set_mempolicy, get_mempolicy...): maxnode is the
// tracee's, so under -v a huge one once made xtrace allocate a buffer of
// up to 2^58 words before reading any (decoder_fuzz found it); the mask
// is now read in pieces, and prints as before.
#include <linux/mempolicy.h>

#include <cstdint>
#include <string>

#include <gtest/gtest.h>

#include "decode_line.hpp"
#include "fake_memory.hpp"

namespace xtrace {
namespace {

using testing::FakeMemory;
using testing::line;

constexpr std::uint64_t kMask = 0x10000;

DecodeOptions verbose() {
  DecodeOptions opts;
  opts.verbose = true;
  opts.abbrev = SyscallSet();  // -v
  return opts;
}

FakeMemory two_words() {
  FakeMemory mem;
  mem.put_value(kMask, std::uint64_t{5});
  mem.put_value(kMask + 8, std::uint64_t{0});
  return mem;
}

TEST(NodeMask, HugeMaxnodeUnderVerbosePrintsTheAddress) {
  FakeMemory mem = two_words();
  std::uint64_t huge = std::uint64_t{1} << 63;  // 2^57 words
  EXPECT_EQ(
      line("set_mempolicy", {MPOL_BIND, kMask, huge, 0, 0, 0}, -22, mem, verbose()),
      "set_mempolicy(MPOL_BIND, 0x10000, 9223372036854775808) = -1 EINVAL (Invalid argument)");
}

TEST(NodeMask, ReadableMaskPrintsItsWords) {
  FakeMemory mem = two_words();
  EXPECT_EQ(line("set_mempolicy", {MPOL_BIND, kMask, 129, 0, 0, 0}, 0, mem, verbose()),
            "set_mempolicy(MPOL_BIND, [0x00000000000005, 0000000000000000], 129) = 0");
  EXPECT_EQ(line("set_mempolicy", {MPOL_BIND, kMask, 129, 0, 0, 0}, 0, mem),
            "set_mempolicy(MPOL_BIND, [0x00000000000005, 0000000000000000], 129) = 0");
  // One word more than memory holds: the address, as when nothing is read.
  EXPECT_EQ(line("set_mempolicy", {MPOL_BIND, kMask, 193, 0, 0, 0}, 0, mem),
            "set_mempolicy(MPOL_BIND, 0x10000, 193) = 0");
}

}  // namespace
}  // namespace xtrace
