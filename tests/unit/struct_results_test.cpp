// Structures the kernel writes: printed at exit, only when the kernel filled
// them, and in strace 7.2's words (wait4, waitid, getrlimit, fcntl's locks
// and owners, adjtimex, mremap, stat's devices, getdents, -y paths).
#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/timex.h>
#include <sys/wait.h>

#include <gtest/gtest.h>

#include <cstring>

#include "decode/core/fd_info.hpp"
#include "decode_line.hpp"
#include "fake_memory.hpp"
#include "xtrace/quote.hpp"
#include "xtrace/syscall_decoder.hpp"

namespace xtrace {
namespace {

using testing::FakeMemory;
using testing::line;

constexpr std::uint64_t kA = 0x1000;
constexpr std::uint64_t kB = 0x2000;
constexpr std::int64_t kEfault = -EFAULT;

TEST(StructResults, Wait4ShowsStatusAndRusageOnlyWhenItReturnedAPid) {
  FakeMemory mem;
  mem.put_value(kA, std::int32_t{42 << 8});
  mem.put_value(kB, rusage{});
  // WNOHANG with nothing ready: 0, and neither structure was written.
  EXPECT_EQ(line("wait4", {1234, kA, WNOHANG | __WALL, kB}, 0, mem),
            "wait4(1234, 0x1000, WNOHANG|__WALL, 0x2000) = 0");
  EXPECT_EQ(line("wait4", {1234, kA, 0, kB}, 1234, mem),
            "wait4(1234, [{WIFEXITED(s) && WEXITSTATUS(s) == 42}], 0, {ru_utime={tv_sec=0, "
            "tv_usec=0}, ru_stime={tv_sec=0, tv_usec=0}, ...}) = 1234");
  EXPECT_EQ(line("wait4", {static_cast<std::uint64_t>(-1), kA, WNOHANG, kB}, -ECHILD, mem),
            "wait4(-1, 0x1000, WNOHANG, 0x2000) = -1 ECHILD (No child processes)");
}

TEST(StructResults, WaitidWithNothingToReportPrintsAnEmptySiginfo) {
  FakeMemory mem;
  mem.put_value(kA, siginfo_t{});
  EXPECT_EQ(line("waitid", {P_ALL, 0, kA, WNOHANG | WEXITED, 0}, 0, mem),
            "waitid(P_ALL, 0, {}, WNOHANG|WEXITED, NULL) = 0");
}

TEST(StructResults, GetrlimitOfAFailedCallPrintsTheAddress) {
  FakeMemory mem;
  mem.put_value(kA, std::array<std::uint64_t, 2>{1024, 4096});
  EXPECT_EQ(line("getrlimit", {RLIMIT_CPU, 0}, kEfault, mem),
            "getrlimit(RLIMIT_CPU, NULL) = -1 EFAULT (Bad address)");
  EXPECT_EQ(line("getrlimit", {RLIMIT_CPU, kA}, kEfault, mem),
            "getrlimit(RLIMIT_CPU, 0x1000) = -1 EFAULT (Bad address)");
  EXPECT_EQ(line("getrlimit", {RLIMIT_NOFILE, kA}, 0, mem),
            "getrlimit(RLIMIT_NOFILE, {rlim_cur=1024, rlim_max=4*1024}) = 0");
}

TEST(StructResults, FcntlGetlkPrintsTheLockTheKernelWroteWithItsPid) {
  FakeMemory mem;
  struct flock fl {};
  fl.l_type = F_UNLCK;
  fl.l_len = 4096;
  mem.put_value(kA, fl);
  EXPECT_EQ(line("fcntl", {0, F_GETLK, kA}, 0, mem),
            "fcntl(0, F_GETLK, {l_type=F_UNLCK, l_whence=SEEK_SET, l_start=0, l_len=4096, "
            "l_pid=0}) = 0");
  EXPECT_EQ(line("fcntl", {0, F_OFD_GETLK, kA}, 0, mem),
            "fcntl(0, F_OFD_GETLK, {l_type=F_UNLCK, l_whence=SEEK_SET, l_start=0, l_len=4096, "
            "l_pid=0}) = 0");
  EXPECT_EQ(line("fcntl", {0, F_SETLKW, kA}, 0, mem),
            "fcntl(0, F_SETLKW, {l_type=F_UNLCK, l_whence=SEEK_SET, l_start=0, l_len=4096}) = 0");
  EXPECT_EQ(line("fcntl", {0, F_GETLK, kA}, -EINVAL, mem),
            "fcntl(0, F_GETLK, 0x1000) = -1 EINVAL (Invalid argument)");
}

TEST(StructResults, FcntlGetlkIsPrintedAtExitAndSetlkwAtEntry) {
  FakeMemory mem;
  struct flock zero {};
  mem.put_value(kA, zero);
  DecodeOptions opts;
  SyscallEvent ev;
  ev.desc = &describe(*find_syscall("fcntl"));
  ev.nargs = ev.desc->nargs;
  ev.args = {0, F_GETLK, kA};
  decode_entry(ev, mem, opts);
  EXPECT_EQ(ev.entry_args, 2);
  ev.args = {0, F_SETLKW, kA};
  decode_entry(ev, mem, opts);
  EXPECT_EQ(ev.entry_args, 3);
}

TEST(StructResults, FcntlOwnerEx) {
  FakeMemory mem;
  mem.put_value(kA, f_owner_ex{F_OWNER_TID, 1234567890});
  EXPECT_EQ(line("fcntl", {0, F_SETOWN_EX, kA}, 0, mem),
            "fcntl(0, F_SETOWN_EX, {type=F_OWNER_TID, pid=1234567890}) = 0");
  EXPECT_EQ(line("fcntl", {0, F_GETOWN_EX, kA}, 0, mem),
            "fcntl(0, F_GETOWN_EX, {type=F_OWNER_TID, pid=1234567890}) = 0");
  EXPECT_EQ(line("fcntl", {0, F_GETOWN_EX, kA + 1}, kEfault, mem),
            "fcntl(0, F_GETOWN_EX, 0x1001) = -1 EFAULT (Bad address)");
}

TEST(StructResults, FcntlExplainsLeaseAndSignalResults) {
  FakeMemory mem;
  EXPECT_EQ(line("fcntl", {1, F_GETLEASE}, F_UNLCK, mem), "fcntl(1, F_GETLEASE) = 0x2 (F_UNLCK)");
  EXPECT_EQ(line("fcntl", {1, F_GETSIG}, SIGHUP, mem), "fcntl(1, F_GETSIG) = 1 (SIGHUP)");
  EXPECT_EQ(line("fcntl", {1, F_GETSIG}, 0, mem), "fcntl(1, F_GETSIG) = 0");
}

TEST(StructResults, TimeFractionsPrintUnsigned) {
  FakeMemory mem;
  timespec ts{-1, -1};
  mem.put_value(kA, ts);
  EXPECT_EQ(line("clock_settime", {CLOCK_REALTIME, kA}, -EINVAL, mem),
            "clock_settime(CLOCK_REALTIME, {tv_sec=-1, tv_nsec=18446744073709551615}) = -1 EINVAL "
            "(Invalid argument)");
}

TEST(StructResults, AdjtimexPrintsTheTimexAtExitAndNamesTheState) {
  FakeMemory mem;
  timex tx{};
  tx.maxerror = 16000000;
  tx.esterror = 16000000;
  tx.status = STA_UNSYNC;
  tx.constant = 2;
  tx.precision = 1;
  tx.tolerance = 32768000;
  tx.time.tv_sec = 1700000000;
  tx.time.tv_usec = 123;
  tx.tick = 10000;
  mem.put_value(kA, tx);
  const std::string text =
      "{modes=0, offset=0, freq=0, maxerror=16000000, esterror=16000000, status=STA_UNSYNC, "
      "constant=2, precision=1, tolerance=32768000, time={tv_sec=1700000000, tv_usec=123}, "
      "tick=10000, ppsfreq=0, jitter=0, shift=0, stabil=0, jitcnt=0, calcnt=0, errcnt=0, "
      "stbcnt=0, tai=0}";
  EXPECT_EQ(line("adjtimex", {kA}, 5, mem), "adjtimex(" + text + ") = 5 (TIME_ERROR)");
  EXPECT_EQ(line("clock_adjtime", {CLOCK_REALTIME, kA}, 0, mem),
            "clock_adjtime(CLOCK_REALTIME, " + text + ") = 0 (TIME_OK)");
  EXPECT_EQ(line("adjtimex", {0}, kEfault, mem), "adjtimex(NULL) = -1 EFAULT (Bad address)");
  EXPECT_EQ(line("adjtimex", {kB}, 5, mem), "adjtimex(0x2000) = 5");
}

TEST(StructResults, MremapShowsTheNewAddressOnlyForAMoveToIt) {
  FakeMemory mem;
  EXPECT_EQ(line("mremap", {0x5afefeed000, 24576, 12288, 0, 0xdead}, 0x5afefeed000, mem),
            "mremap(0x5afefeed000, 24576, 12288, 0) = 0x5afefeed000");
  EXPECT_EQ(line("mremap", {0x5afefeed000, 4096, 8192, MREMAP_FIXED, 0xdead}, -EINVAL, mem),
            "mremap(0x5afefeed000, 4096, 8192, MREMAP_FIXED) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(line("mremap", {0x5afefeed000, 4096, 8192, MREMAP_MAYMOVE | MREMAP_FIXED, 0x7000},
                 0x7000, mem),
            "mremap(0x5afefeed000, 4096, 8192, MREMAP_MAYMOVE|MREMAP_FIXED, 0x7000) = 0x7000");
}

TEST(StructResults, DeviceNumbersFollowDashX) {
  FakeMemory mem;
  struct stat st {};
  st.st_dev = makedev(0xfe, 0);
  st.st_mode = S_IFREG | 0644;
  mem.put_value(kA, st);
  DecodeOptions opts;
  opts.verbose = true;
  std::string abbrev = line("fstat", {3, kA}, 0, mem, opts);
  EXPECT_TRUE(abbrev.starts_with("fstat(3, {st_dev=makedev(0xfe, 0), st_ino=0, ")) << abbrev;
  opts.const_style = ConstStyle::raw;
  std::string raw = line("fstat", {3, kA}, 0, mem, opts);
  EXPECT_TRUE(raw.starts_with("fstat(3, {st_dev=0xfe00, st_ino=0, st_mode=0100644, ")) << raw;
  opts.const_style = ConstStyle::verbose;
  std::string verbose = line("fstat", {3, kA}, 0, mem, opts);
  EXPECT_TRUE(verbose.starts_with("fstat(3, {st_dev=0xfe00 /* makedev(0xfe, 0) */, ")) << verbose;
}

std::string dirent(std::uint64_t ino, std::string_view name, bool legacy) {
  std::string rec(24, '\0');
  std::uint16_t reclen = 24;
  std::memcpy(rec.data(), &ino, 8);
  std::memcpy(rec.data() + 16, &reclen, 2);
  std::memcpy(rec.data() + (legacy ? 18 : 19), name.data(), name.size());
  if (legacy)
    rec[23] = DT_DIR;
  else
    rec[18] = DT_DIR;
  return rec;
}

TEST(StructResults, GetdentsFieldsInTheOrderOfEachStructure) {
  FakeMemory mem;
  mem.put(kA, dirent(1, ".", true));
  mem.put(kB, dirent(1, ".", false));
  DecodeOptions opts;
  opts.verbose = true;
  EXPECT_EQ(line("getdents", {3, kA, 1024}, 24, mem, opts),
            "getdents(3, [{d_ino=1, d_off=0, d_reclen=24, d_name=\".\", d_type=DT_DIR}], 1024) "
            "= 24");
  EXPECT_EQ(line("getdents64", {3, kB, 1024}, 24, mem, opts),
            "getdents64(3, [{d_ino=1, d_off=0, d_reclen=24, d_type=DT_DIR, d_name=\".\"}], "
            "1024) = 24");
}

TEST(StructResults, PathsInAngleBracketsAreEscapedWithoutQuotes) {
  std::string out;
  quote_string("/tmp/\1\0020<<0::0>>\"\\\n\377", QuoteStyle{.quotes = false, .escape_chars = "<>"},
               out);
  EXPECT_EQ(out, R"(/tmp/\1\0020\74\0740::0\76\76\"\\\n\377)");
}

}  // namespace
}  // namespace xtrace
