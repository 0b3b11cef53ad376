// Arguments as the kernel reads them: registers with garbage in the high
// bits decode to what the kernel used, by each argument's C type in
// signatures.tsv; results and struct fields print unsigned where strace
// 7.2 prints them so.  Expected lines are strace 7.2's.
#include <errno.h>
#include <signal.h>
#include <time.h>

#include <gtest/gtest.h>

#include "decode_line.hpp"
#include "fake_memory.hpp"
#include "xtrace/arg_width.hpp"
#include "xtrace/syscall_decoder.hpp"

namespace xtrace {
namespace {

using testing::FakeMemory;
using testing::line;

constexpr std::uint64_t kGarbage = 0xdeadbeef00000000ULL;
constexpr std::uint64_t kPath = 0x1000;
constexpr std::uint64_t kBuf = 0x2000;

std::int64_t err(int e) {
  return -e;
}

TEST(ArgWidth, KernelValueTruncatesAndExtendsByType) {
  EXPECT_EQ(kernel_value(ArgWidth::u16, 0xffffffffffff01a4ULL), 0x1a4u);
  EXPECT_EQ(kernel_value(ArgWidth::s32, kGarbage | 0xffffffffULL), ~std::uint64_t{0});
  EXPECT_EQ(kernel_value(ArgWidth::u32, kGarbage | 0xffffffffULL), 0xffffffffu);
  EXPECT_EQ(kernel_value(ArgWidth::s64, kGarbage | 7), kGarbage | 7);
  EXPECT_EQ(kernel_value(ArgWidth::u64, kGarbage | 7), kGarbage | 7);
  EXPECT_EQ(unsigned_value(ArgWidth::s32, ~std::uint64_t{0}), 0xffffffffu);
}

TEST(ArgWidth, TypesComeFromSignatures) {
  auto width = [](std::string_view name, int i) {
    return describe(*find_syscall(name)).args[static_cast<std::size_t>(i)].width;
  };
  EXPECT_EQ(width("creat", 1), ArgWidth::u16);   // umode_t
  EXPECT_EQ(width("alarm", 0), ArgWidth::u32);   // unsigned int
  EXPECT_EQ(width("kill", 0), ArgWidth::s32);    // pid_t
  EXPECT_EQ(width("read", 2), ArgWidth::u64);    // size_t
  EXPECT_EQ(width("lseek", 1), ArgWidth::s64);   // off_t
  EXPECT_EQ(width("openat", 1), ArgWidth::u64);  // a pointer
}

TEST(ArgWidth, ModesAreUmodeT) {
  FakeMemory mem;
  mem.put(kPath, std::string(".\0", 2));
  EXPECT_EQ(line("creat", {kPath, 0xffffffffffff0000ULL}, 3, mem), R"(creat(".", 000) = 3)");
  EXPECT_EQ(line("mkdir", {kPath, 0xffffffffffff01edULL}, err(EEXIST), mem),
            R"(mkdir(".", 0755) = -1 EEXIST (File exists))");
  EXPECT_EQ(line("umask", {0xffffffffffff0000ULL}, 022, mem), "umask(000) = 022");
}

TEST(ArgWidth, UnsignedIntsAreTheLow32Bits) {
  FakeMemory mem;
  EXPECT_EQ(line("alarm", {0xffffffff0000002aULL}, 0, mem), "alarm(42) = 0");
  EXPECT_EQ(line("eventfd2", {~std::uint64_t{0}, 0}, 3, mem), "eventfd2(4294967295, 0) = 3");
  EXPECT_EQ(line("getdents64", {3, kBuf, 0x0defbeefdeadbeefULL}, err(EFAULT), mem),
            "getdents64(3, 0x2000, 3735928559) = -1 EFAULT (Bad address)");
  EXPECT_EQ(line("close_range", {kGarbage | 0xfffffffeULL, ~std::uint64_t{0}, 0}, 0, mem),
            "close_range(4294967294, 4294967295, 0) = 0");
}

TEST(ArgWidth, SignedIntsAreSignExtended) {
  FakeMemory mem;
  EXPECT_EQ(line("kill", {kGarbage | 1, kGarbage | SIGTERM}, 0, mem), "kill(1, SIGTERM) = 0");
  EXPECT_EQ(line("setpgid", {kGarbage | 0xffffffffULL, kGarbage}, err(EINVAL), mem),
            "setpgid(-1, 0) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(line("iopl", {kGarbage | 0xfffffffdULL}, err(EPERM), mem),
            "iopl(-3) = -1 EPERM (Operation not permitted)");
}

TEST(ArgWidth, LongsKeepTheWholeRegister) {
  FakeMemory mem;
  EXPECT_EQ(line("lseek", {kGarbage | 3, ~std::uint64_t{0}, kGarbage}, err(EINVAL), mem),
            "lseek(3, -1, SEEK_SET) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(line("ftruncate", {3, ~std::uint64_t{0}}, err(EINVAL), mem),
            "ftruncate(3, 18446744073709551615) = -1 EINVAL (Invalid argument)");
}

TEST(ArgWidth, ResultsPrintUnsignedUnlessAnError) {
  FakeMemory mem;
  EXPECT_EQ(line("geteuid", {}, static_cast<std::int64_t>(0x8000000000000000ULL), mem),
            "geteuid() = 9223372036854775808");
  EXPECT_EQ(line("geteuid", {}, -4096, mem), "geteuid() = 18446744073709547520");
}

TEST(ArgWidth, TimeFractionsPrintUnsigned) {
  FakeMemory mem;
  mem.put_value(kBuf, timespec{-1, -1});
  EXPECT_EQ(line("nanosleep", {kBuf, 0x3000}, err(EINVAL), mem),
            "nanosleep({tv_sec=-1, tv_nsec=18446744073709551615}, 0x3000) = -1 EINVAL (Invalid "
            "argument)");
}

// mknod's mode is an umode_t too, printed by name as strace's
// print_symbolic_mode_t; its dev only for a device node.
TEST(ArgWidth, MknodModeAndDevAsStrace) {
  FakeMemory mem;
  mem.put(kPath, std::string("n\0", 2));
  EXPECT_EQ(line("mknod", {kPath, 0xffffffffffff0000ULL, 0xdeadbeefULL}, err(EEXIST), mem),
            R"(mknod("n", 000) = -1 EEXIST (File exists))");
  EXPECT_EQ(line("mknod", {kPath, 0xffffffffffffffffULL, 0}, err(EINVAL), mem),
            R"(mknod("n", 0177777) = -1 EINVAL (Invalid argument))");
  EXPECT_EQ(
      line("mknodat", {kGarbage | 0xffffffffULL, kPath, 0xffff6fffULL, 0x107}, err(EBADF), mem),
      R"(mknodat(-1, "n", S_IFBLK|S_ISUID|S_ISGID|S_ISVTX|0777, makedev(0x1, 0x7)) = -1 )"
      "EBADF (Bad file descriptor)");
  EXPECT_EQ(line("mknod", {kPath, 0x8000 | 0644, 0x107}, 0, mem),
            R"(mknod("n", S_IFREG|0644) = 0)");
}

}  // namespace
}  // namespace xtrace
