// Issue 11 (strace's own test suite), compared with strace 7.2's text:
// statx -v: the fields stx_mask says the kernel filled, dates after
// timestamps.
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

TEST(StatxFields, StatxFieldsFollowTheMask) {
  const char* old_tz = std::getenv("TZ");
  std::string saved = old_tz != nullptr ? old_tz : "";
  setenv("TZ", "UTC", 1);
  tzset();
  FakeMemory mem;
  struct statx st {};
  st.stx_mask = STATX_TYPE | STATX_MODE | STATX_SIZE | STATX_MNT_ID;
  st.stx_blksize = 4096;
  st.stx_mode = S_IFREG | 0644;
  st.stx_size = 10;
  st.stx_dev_major = 8;
  st.stx_dev_minor = 1;
  st.stx_mnt_id = 0x1d;
  st.stx_atime = {1796155040, 5, 0};
  st.stx_btime = {1796155040, 6, 0};
  mem.put_value(kA, st);
  DecodeOptions verbose;
  verbose.verbose = true;
  const std::uint64_t at_fdcwd = static_cast<std::uint32_t>(AT_FDCWD);
  mem.put(0x3000, std::string("f\0", 2));
  EXPECT_EQ(line("statx", {at_fdcwd, 0x3000, 0, STATX_ALL, kA}, 0, mem, verbose),
            "statx(AT_FDCWD, \"f\", AT_STATX_SYNC_AS_STAT, STATX_ALL, {stx_mask=STATX_TYPE|"
            "STATX_MODE|STATX_SIZE|STATX_MNT_ID, stx_blksize=4096, stx_attributes=0, "
            "stx_mode=S_IFREG|0644, stx_size=10, stx_attributes_mask=0, stx_rdev_major=0, "
            "stx_rdev_minor=0, stx_dev_major=8, stx_dev_minor=1, stx_mnt_id=0x1d}) = 0");
  st.stx_mask = STATX_ATIME | STATX_BTIME | STATX_NLINK;
  st.stx_nlink = 2;
  mem.put_value(kA, st);
  EXPECT_EQ(line("statx", {at_fdcwd, 0x3000, 0, STATX_ALL, kA}, 0, mem, verbose),
            "statx(AT_FDCWD, \"f\", AT_STATX_SYNC_AS_STAT, STATX_ALL, {stx_mask=STATX_NLINK|"
            "STATX_ATIME|STATX_BTIME, stx_blksize=4096, stx_attributes=0, stx_nlink=2, "
            "stx_attributes_mask=0, stx_atime={tv_sec=1796155040, tv_nsec=5} /* "
            "2026-12-01T19:57:20.000000005+0000 */, stx_btime={tv_sec=1796155040, tv_nsec=6} /* "
            "2026-12-01T19:57:20.000000006+0000 */, stx_rdev_major=0, stx_rdev_minor=0, "
            "stx_dev_major=8, stx_dev_minor=1}) = 0");
  EXPECT_EQ(line("statx", {at_fdcwd, 0x3000, 0, STATX_ALL, kA}, 0, mem),
            "statx(AT_FDCWD, \"f\", AT_STATX_SYNC_AS_STAT, STATX_ALL, {stx_mask=STATX_NLINK|"
            "STATX_ATIME|STATX_BTIME, stx_attributes=0, ...}) = 0");
  if (old_tz != nullptr)
    setenv("TZ", saved.c_str(), 1);
  else
    unsetenv("TZ");
  tzset();
}

}  // namespace
}  // namespace xtrace
