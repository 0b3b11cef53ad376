// Issue 11 (strace's own test suite), compared with strace 7.2's text:
// fcntl's commands newer than the C library: names, write-life hints,
// delegations.
#include <fcntl.h>
#include <linux/stat.h>
#include <sched.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <cstdlib>
#include <cstring>
#include <string>

#include "decode_line.hpp"
#include "fake_memory.hpp"

namespace xtrace {
namespace {

using testing::FakeMemory;
using testing::line;

constexpr std::uint64_t kA = 0x1000;
constexpr std::uint64_t kMinus1 = ~std::uint64_t{0};
constexpr std::int64_t kEbadf = -9;
constexpr std::int64_t kEinval = -22;

TEST(FcntlCommands, FcntlNamesTheNewerCommands) {
  FakeMemory mem;
  EXPECT_EQ(line("fcntl", {kMinus1, 12, 0}, kEbadf, mem),
            "fcntl(-1, F_GETLK64, 0) = -1 EBADF (Bad file descriptor)");
  EXPECT_EQ(line("fcntl", {kMinus1, 17, 0}, kEbadf, mem),
            "fcntl(-1, F_GETOWNER_UIDS, 0) = -1 EBADF (Bad file descriptor)");
  EXPECT_EQ(line("fcntl", {0, 1027, 1}, 0, mem), "fcntl(0, F_DUPFD_QUERY, 1) = 0");
  EXPECT_EQ(line("fcntl", {0, 1028, 0}, 0, mem), "fcntl(0, F_CREATED_QUERY, 0) = 0");
  EXPECT_EQ(line("fcntl", {kMinus1, 1029, 0}, kEbadf, mem),
            "fcntl(-1, F_CANCELLK, 0) = -1 EBADF (Bad file descriptor)");
  EXPECT_EQ(line("fcntl", {kMinus1, 1041, 0}, kEbadf, mem),
            "fcntl(-1, 0x411 /* F_??? */, 0) = -1 EBADF (Bad file descriptor)");
}

TEST(FcntlCommands, FcntlWriteLifeHints) {
  FakeMemory mem;
  mem.put_value(kA, std::uint64_t{3});
  EXPECT_EQ(line("fcntl", {0, 1036, kA}, 0, mem),
            "fcntl(0, F_SET_RW_HINT, [RWH_WRITE_LIFE_MEDIUM]) = 0");
  EXPECT_EQ(line("fcntl", {0, 1035, kA}, 0, mem),
            "fcntl(0, F_GET_RW_HINT, [RWH_WRITE_LIFE_MEDIUM]) = 0");
  EXPECT_EQ(line("fcntl", {0, 1038, kA}, 0, mem),
            "fcntl(0, F_SET_FILE_RW_HINT, [RWH_WRITE_LIFE_MEDIUM]) = 0");
  // What the kernel did not write prints as the address.
  EXPECT_EQ(line("fcntl", {kMinus1, 1037, kA}, kEbadf, mem),
            "fcntl(-1, F_GET_FILE_RW_HINT, 0x1000) = -1 EBADF (Bad file descriptor)");
  EXPECT_EQ(line("fcntl", {kMinus1, 1035, 0}, kEbadf, mem),
            "fcntl(-1, F_GET_RW_HINT, NULL) = -1 EBADF (Bad file descriptor)");
  mem.put_value(kA, std::uint64_t{77});
  EXPECT_EQ(line("fcntl", {kMinus1, 1036, kA}, kEbadf, mem),
            "fcntl(-1, F_SET_RW_HINT, [0x4d /* RWH_WRITE_LIFE_??? */]) = -1 EBADF (Bad file "
            "descriptor)");
}

TEST(FcntlCommands, FcntlDelegations) {
  FakeMemory mem;
  struct {
    std::uint32_t flags;
    std::uint16_t type;
    std::uint16_t pad;
  } deleg{0, F_WRLCK, 0};
  mem.put_value(kA, deleg);
  EXPECT_EQ(line("fcntl", {0, 1040, kA}, kEinval, mem),
            "fcntl(0, F_SETDELEG, {d_flags=0, d_type=F_WRLCK, __pad=0}) = -1 EINVAL (Invalid "
            "argument)");
  EXPECT_EQ(line("fcntl", {0, 1039, kA}, kEinval, mem),
            "fcntl(0, F_GETDELEG, 0x1000) = -1 EINVAL (Invalid argument)");
  deleg = {0xffffffff, 0xffff, 1};
  mem.put_value(kA, deleg);
  EXPECT_EQ(line("fcntl", {0, 1039, kA}, 0, mem),
            "fcntl(0, F_GETDELEG, {d_flags=0xffffffff, d_type=0xffff /* F_??? */, __pad=0x1}) = 0");
}

}  // namespace
}  // namespace xtrace
