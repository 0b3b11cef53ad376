// Flags and constants as strace 7.2 prints them in its three -X styles:
// unknown values and bits with each table's default string, strace's
// preferred names, and the results it explains.  Every expected line was
// printed by strace 7.2 on the same call.
#include <fcntl.h>
#include <linux/close_range.h>
#include <sys/resource.h>
#include <sys/socket.h>

#include <cstdlib>
#include <ctime>

#include <gtest/gtest.h>

#include "decode/core/xlat.hpp"
#include "decode_line.hpp"
#include "fake_memory.hpp"
#include "xtrace/syscall_decoder.hpp"

namespace xtrace {
namespace {

using testing::FakeMemory;
using testing::line;
using testing::style;

constexpr std::uint64_t kPath = 0x1000;
constexpr std::uint64_t kRlimit = 0x2000;
constexpr std::uint64_t kTime = 0x3000;
constexpr std::uint64_t kAtFdcwd = static_cast<std::uint64_t>(AT_FDCWD);
constexpr std::int64_t kEinval = -EINVAL;

TEST(XlatStyles, FlagWordWithNoKnownBitGetsTheTablesDefault) {
  FakeMemory mem;
  mem.put(kPath, std::string("/nonexist\0", 10));
  EXPECT_EQ(line("dup3", {static_cast<std::uint64_t>(-7), static_cast<std::uint64_t>(-7), 7},
                 kEinval, mem),
            "dup3(-7, -7, 0x7 /* O_??? */) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(line("faccessat", {kAtFdcwd, kPath, 8}, kEinval, mem),
            R"(faccessat(AT_FDCWD, "/nonexist", 0x8 /* ?_OK */) = -1 EINVAL (Invalid argument))");
  EXPECT_EQ(line("close_range", {7, 7, 8}, kEinval, mem),
            "close_range(7, 7, 0x8 /* CLOSE_RANGE_??? */) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(line("pipe2", {0, 1}, kEinval, mem),
            "pipe2(NULL, 0x1 /* O_??? */) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(line("epoll_create1", {1}, kEinval, mem),
            "epoll_create1(0x1 /* EPOLL_??? */) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(line("mlockall", {0x100}, kEinval, mem),
            "mlockall(0x100 /* MCL_??? */) = -1 EINVAL (Invalid argument)");
}

TEST(XlatStyles, KnownBitsThenTheUnknownRestInHex) {
  FakeMemory mem;
  mem.put(kPath, std::string("/nonexist\0", 10));
  EXPECT_EQ(line("close_range", {0, 0xfffffffc, 0xffffffff}, kEinval, mem),
            "close_range(0, 4294967292, CLOSE_RANGE_UNSHARE|CLOSE_RANGE_CLOEXEC|0xfffffff9) = -1 "
            "EINVAL (Invalid argument)");
  EXPECT_EQ(line("getrandom", {0, 4, 0x3003}, kEinval, mem),
            "getrandom(NULL, 4, GRND_NONBLOCK|GRND_RANDOM|0x3000) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(line("faccessat", {kAtFdcwd, kPath, 0xc}, kEinval, mem),
            R"(faccessat(AT_FDCWD, "/nonexist", R_OK|0x8) = -1 EINVAL (Invalid argument))");
  EXPECT_EQ(
      line("dup3", {static_cast<std::uint64_t>(-7), static_cast<std::uint64_t>(-7), O_CLOEXEC | 3},
           kEinval, mem),
      "dup3(-7, -7, O_CLOEXEC|0x3) = -1 EINVAL (Invalid argument)");
}

TEST(XlatStyles, UnknownConstantIsHexWithTheDefault) {
  FakeMemory mem;
  EXPECT_EQ(line("getitimer", {0xdeadbeef, 0}, kEinval, mem),
            "getitimer(0xdeadbeef /* ITIMER_??? */, NULL) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(line("getrlimit", {16, 0}, kEinval, mem),
            "getrlimit(0x10 /* RLIMIT_??? */, NULL) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(line("lseek", {static_cast<std::uint64_t>(-1), 0, 77}, -EBADF, mem),
            "lseek(-1, 0, 0x4d /* SEEK_??? */) = -1 EBADF (Bad file descriptor)");
  EXPECT_EQ(line("shutdown", {static_cast<std::uint64_t>(-1), 7}, -EBADF, mem),
            "shutdown(-1, 0x7 /* SHUT_??? */) = -1 EBADF (Bad file descriptor)");
  EXPECT_EQ(line("clock_gettime", {77, 0}, kEinval, mem),
            "clock_gettime(0x4d /* CLOCK_??? */, NULL) = -1 EINVAL (Invalid argument)");
  // getsockopt's own default has two question marks.
  EXPECT_EQ(line("getsockopt", {static_cast<std::uint64_t>(-1), 1234, 1, 0, 0}, -EBADF, mem),
            "getsockopt(-1, 0x4d2 /* SOL_?? */, 1, NULL, NULL) = -1 EBADF (Bad file descriptor)");
}

TEST(XlatStyles, SocketTypeAndStatxFlagsArePiecesOfTheirOwn) {
  FakeMemory mem;
  mem.put(kPath, std::string("\0", 1));
  EXPECT_EQ(line("socket", {AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0}, 3, mem),
            "socket(AF_UNIX, SOCK_STREAM|SOCK_CLOEXEC, 0) = 3");
  EXPECT_EQ(line("socket", {200, 0xf | SOCK_NONBLOCK, 0}, -EAFNOSUPPORT, mem),
            "socket(0xc8 /* AF_??? */, SOCK_NONBLOCK|0xf, 0) = -1 EAFNOSUPPORT (Address family "
            "not supported by protocol)");
  EXPECT_EQ(line("socket", {AF_UNIX, 0x1 | SOCK_CLOEXEC, 0}, 3, mem, style(ConstStyle::verbose)),
            "socket(0x1 /* AF_UNIX */, 0x1 /* SOCK_STREAM */|0x80000 /* SOCK_CLOEXEC */, 0) = 3");
  EXPECT_EQ(
      line("statx",
           {static_cast<std::uint64_t>(-1), kPath, 0x100 | AT_STATX_FORCE_SYNC, 0x80000000, 0},
           kEinval, mem),
      R"(statx(-1, "", AT_STATX_FORCE_SYNC|AT_SYMLINK_NOFOLLOW, 0x80000000 /* STATX_??? */, NULL) = -1 EINVAL (Invalid argument))");
  EXPECT_EQ(
      line("statx",
           {static_cast<std::uint64_t>(-1), kPath, 0x100 | AT_STATX_FORCE_SYNC, 0x80000000, 0},
           kEinval, mem, style(ConstStyle::verbose)),
      R"(statx(-1, "", 0x2000 /* AT_STATX_FORCE_SYNC */|0x100 /* AT_SYMLINK_NOFOLLOW */, 0x80000000 /* STATX_??? */, NULL) = -1 EINVAL (Invalid argument))");
}

TEST(XlatStyles, RawPrintsEveryConstantAsItsNumber) {
  FakeMemory mem;
  DecodeOptions raw = style(ConstStyle::raw);
  EXPECT_EQ(line("dup3", {static_cast<std::uint64_t>(-7), static_cast<std::uint64_t>(-7), 7},
                 kEinval, mem, raw),
            "dup3(-7, -7, 0x7) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(line("close_range", {0, 0xfffffffc, 0xffffffff}, kEinval, mem, raw),
            "close_range(0, 4294967292, 0xffffffff) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(line("getitimer", {0xdeadbeef, 0}, kEinval, mem, raw),
            "getitimer(0xdeadbeef, NULL) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(line("getitimer", {0, 0}, -EFAULT, mem, raw),
            "getitimer(0, NULL) = -1 EFAULT (Bad address)");
  EXPECT_EQ(line("getrlimit", {16, 0}, kEinval, mem, raw),
            "getrlimit(0x10, NULL) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(line("lseek", {static_cast<std::uint64_t>(-1), 0, SEEK_CUR}, -EBADF, mem, raw),
            "lseek(-1, 0, 0x1) = -1 EBADF (Bad file descriptor)");
}

TEST(XlatStyles, VerbosePrintsTheNumberAndTheNamesAsAComment) {
  FakeMemory mem;
  DecodeOptions verbose = style(ConstStyle::verbose);
  EXPECT_EQ(line("dup3", {static_cast<std::uint64_t>(-7), static_cast<std::uint64_t>(-7), 7},
                 kEinval, mem, verbose),
            "dup3(-7, -7, 0x7 /* O_??? */) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(
      line("close_range", {0, 0xfffffffc, 0xffffffff}, kEinval, mem, verbose),
      "close_range(0, 4294967292, 0xffffffff /* "
      "CLOSE_RANGE_UNSHARE|CLOSE_RANGE_CLOEXEC|0xfffffff9 */) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(line("getitimer", {0xdeadbeef, 0}, kEinval, mem, verbose),
            "getitimer(0xdeadbeef /* ITIMER_??? */, NULL) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(line("getitimer", {0, 0}, -EFAULT, mem, verbose),
            "getitimer(0 /* ITIMER_REAL */, NULL) = -1 EFAULT (Bad address)");
  EXPECT_EQ(line("lseek", {static_cast<std::uint64_t>(-1), 0, SEEK_CUR}, -EBADF, mem, verbose),
            "lseek(-1, 0, 0x1 /* SEEK_CUR */) = -1 EBADF (Bad file descriptor)");
  mem.put(kPath, std::string("/nonexist\0", 10));
  EXPECT_EQ(
      line("faccessat", {kAtFdcwd, kPath, 0}, -ENOENT, mem, verbose),
      R"(faccessat(-100 /* AT_FDCWD */, "/nonexist", 0 /* F_OK */) = -1 ENOENT (No such file or directory))");
}

TEST(XlatStyles, OpenFlagsUseStracesPreferredNames) {
  FakeMemory mem;
  mem.put(kPath, std::string("/nonexist\0", 10));
  auto open = [&](std::uint64_t flags, DecodeOptions opts = {}) {
    return line("openat", {kAtFdcwd, kPath, flags, 0600}, -ENOENT, mem, opts);
  };
  constexpr std::uint64_t kSyncBit = 04000000;      // the kernel's __O_SYNC
  constexpr std::uint64_t kTmpfileBit = 020000000;  // the kernel's __O_TMPFILE
  EXPECT_EQ(
      open(O_RDONLY | kSyncBit),
      R"(openat(AT_FDCWD, "/nonexist", O_RDONLY|__O_SYNC) = -1 ENOENT (No such file or directory))");
  EXPECT_EQ(
      open(O_WRONLY | O_SYNC),
      R"(openat(AT_FDCWD, "/nonexist", O_WRONLY|O_SYNC) = -1 ENOENT (No such file or directory))");
  EXPECT_EQ(
      open(O_RDWR | kTmpfileBit),
      R"(openat(AT_FDCWD, "/nonexist", O_RDWR|__O_TMPFILE, 0600) = -1 ENOENT (No such file or directory))");
  EXPECT_EQ(
      open(O_ACCMODE | 0x80000000),
      R"(openat(AT_FDCWD, "/nonexist", O_ACCMODE|0x80000000) = -1 ENOENT (No such file or directory))");
  EXPECT_EQ(
      open(O_RDONLY | kSyncBit, style(ConstStyle::verbose)),
      R"(openat(-100 /* AT_FDCWD */, "/nonexist", 0x100000 /* O_RDONLY|__O_SYNC */) = -1 ENOENT (No such file or directory))");
  EXPECT_EQ(open(O_RDONLY | kSyncBit, style(ConstStyle::raw)),
            R"(openat(-100, "/nonexist", 0x100000) = -1 ENOENT (No such file or directory))");
}

struct KernelRlimit {
  std::uint64_t cur;
  std::uint64_t max;
};

TEST(XlatStyles, RlimitsAreRlim64InfinityAndMultiplesOf1024) {
  FakeMemory mem;
  mem.put_value(kRlimit, KernelRlimit{~std::uint64_t{0}, 8192 * 1024});
  EXPECT_EQ(line("setrlimit", {12345, kRlimit}, kEinval, mem),
            "setrlimit(0x3039 /* RLIMIT_??? */, {rlim_cur=RLIM64_INFINITY, rlim_max=8192*1024}) = "
            "-1 EINVAL (Invalid argument)");
  EXPECT_EQ(line("getrlimit", {RLIMIT_NOFILE, kRlimit}, 0, mem),
            "getrlimit(RLIMIT_NOFILE, {rlim_cur=RLIM64_INFINITY, rlim_max=8192*1024}) = 0");
  EXPECT_EQ(
      line("prlimit64", {0, RLIMIT_NOFILE, kRlimit, 0}, kEinval, mem, style(ConstStyle::verbose)),
      "prlimit64(0, 0x7 /* RLIMIT_NOFILE */, {rlim_cur=18446744073709551615 /* "
      "RLIM64_INFINITY */, rlim_max=8388608 /* 8192*1024 */}, NULL) = -1 EINVAL (Invalid "
      "argument)");
  EXPECT_EQ(line("setrlimit", {12345, kRlimit}, kEinval, mem, style(ConstStyle::raw)),
            "setrlimit(0x3039, {rlim_cur=18446744073709551615, rlim_max=8388608}) = -1 EINVAL "
            "(Invalid argument)");
}

TEST(XlatStyles, TimeExplainsItsResultAndWhatItStored) {
  const char* old_tz = std::getenv("TZ");
  std::string saved = old_tz != nullptr ? old_tz : "";
  setenv("TZ", "UTC", 1);
  tzset();
  FakeMemory mem;
  constexpr std::int64_t kNow = 1796155040;
  mem.put_value(kTime, kNow);
  EXPECT_EQ(line("time", {0}, kNow, mem), "time(NULL) = 1796155040 (2026-12-01T19:57:20+0000)");
  EXPECT_EQ(line("time", {kTime}, kNow, mem),
            "time([1796155040 /* 2026-12-01T19:57:20+0000 */]) = 1796155040 "
            "(2026-12-01T19:57:20+0000)");
  // The epoch itself has no date, as in strace.
  mem.put_value(kTime, std::int64_t{0});
  EXPECT_EQ(line("time", {kTime}, 0, mem), "time([0]) = 0");
  if (old_tz != nullptr)
    setenv("TZ", saved.c_str(), 1);
  else
    unsetenv("TZ");
  tzset();
}

}  // namespace
}  // namespace xtrace
