// Memory that cannot be read, as strace 7.2 prints it: arrays that run into
// an unmapped page end with "... /* ADDR */" (or print their address when
// nothing could be read), sockaddrs are read as long as their length says.
#include <netinet/in.h>
#include <poll.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <sys/un.h>

#include <cstring>
#include <string>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "decode_line.hpp"
#include "fake_memory.hpp"

namespace xtrace {
namespace {

using testing::FakeMemory;
using testing::line;

constexpr std::uint64_t kArr = 0x10000;
constexpr std::uint64_t kStr = 0x20000;
constexpr std::uint64_t kLen = 0x30000;
constexpr std::uint64_t kBad = 0xffffffffffffffff;

TEST(UnreadableMemory, ArgvEndsWhereTheMappingEnds) {
  FakeMemory mem;
  mem.put(kStr, std::string("a\0first\0", 8));
  std::uint64_t argv[] = {kStr, kStr + 2, kBad};
  mem.put_value(kArr, argv);
  mem.put(kStr + 0x100, std::string("/bin/x\0", 7));
  EXPECT_EQ(line("execve", {kStr + 0x100, kArr, 0}, -14, mem),
            R"(execve("/bin/x", ["a", "first", 0xffffffffffffffff, ... /* 0x10018 */], NULL))"
            " = -1 EFAULT (Bad address)");
  // Not one element readable: the address alone.
  EXPECT_EQ(line("execve", {kStr + 0x100, 0x5000, 0}, -14, mem),
            R"(execve("/bin/x", 0x5000, NULL) = -1 EFAULT (Bad address))");
}

TEST(UnreadableMemory, EnvpCountSaysUnterminated) {
  FakeMemory mem;
  mem.put(kStr, std::string("/bin/x\0", 7));
  std::uint64_t envp[] = {kStr, kStr, kBad, kBad, kBad};
  mem.put_value(kArr, envp);
  EXPECT_EQ(
      line("execve", {kStr, 0, kArr}, -14, mem),
      R"(execve("/bin/x", NULL, 0x10000 /* 5 vars, unterminated */) = -1 EFAULT (Bad address))");
  EXPECT_EQ(line("execve", {kStr, 0, 0x5000}, -14, mem),
            R"(execve("/bin/x", NULL, 0x5000) = -1 EFAULT (Bad address))");
  DecodeOptions verbose;
  verbose.verbose = true;
  EXPECT_EQ(
      line("execve", {kStr, 0, kArr}, -14, mem, verbose),
      R"(execve("/bin/x", NULL, ["/bin/x", "/bin/x", 0xffffffffffffffff, 0xffffffffffffffff, )"
      R"(0xffffffffffffffff, ... /* 0x10028 */]) = -1 EFAULT (Bad address))");
}

TEST(UnreadableMemory, PollfdsCutAtTheUnmappedPage) {
  FakeMemory mem;
  pollfd fds[1] = {{-5, POLLIN, 0}};
  mem.put_value(kArr, fds);
  EXPECT_EQ(line("poll", {kArr, 2, 0}, -14, mem),
            "poll([{fd=-5}, ... /* 0x10008 */], 2, 0) = -1 EFAULT (Bad address)");
  EXPECT_EQ(line("poll", {0x5000, 2, 0}, -14, mem), "poll(0x5000, 2, 0) = -1 EFAULT (Bad address)");
}

TEST(UnreadableMemory, PollResultEndsWithTheUnreadableAddress) {
  FakeMemory mem;
  pollfd fds[2] = {{3, POLLIN, POLLIN}, {4, POLLIN, POLLIN}};
  mem.put_value(kArr, fds);
  mem.unmap_from(kArr + sizeof(pollfd));
  EXPECT_EQ(line("poll", {kArr, 2, 0}, 1, mem),
            "poll([{fd=3, events=POLLIN}, ... /* 0x10008 */], 2, 0) = 1 ([{fd=3, revents=POLLIN}, "
            "0x10008])");
}

TEST(UnreadableMemory, IovecsCrossingIntoAnUnmappedPage) {
  FakeMemory mem;
  mem.put(kStr, "0123456789abcdef");
  iovec iov[1] = {{reinterpret_cast<void*>(kStr + 8), 7}};
  mem.put_value(kArr, iov);
  EXPECT_EQ(line("writev", {1, kArr, 2}, 7, mem),
            R"(writev(1, [{iov_base="89abcde", iov_len=7}, ... /* 0x10010 */], 2) = 7)");
  // A failed read still shows the iovecs, their buffers as addresses.
  EXPECT_EQ(line("readv", {0, kArr, 1}, -14, mem),
            "readv(0, [{iov_base=0x20008, iov_len=7}], 1) = -1 EFAULT (Bad address)");
}

TEST(UnreadableMemory, GroupsAndEpollEventsUseTheSameArrayRule) {
  FakeMemory mem;
  std::uint32_t gids[2] = {1, ~0u};
  mem.put_value(kArr, gids);
  EXPECT_EQ(line("setgroups", {3, kArr}, -14, mem),
            "setgroups(3, [1, -1, ... /* 0x10008 */]) = -1 EFAULT (Bad address)");
  EXPECT_EQ(line("getgroups", {2, kArr}, -22, mem),
            "getgroups(2, 0x10000) = -1 EINVAL (Invalid argument)");
  epoll_event ev{};
  ev.events = EPOLLIN;
  mem.put_value(kStr, ev);
  // x86_64 packs struct epoll_event into 12 bytes, aarch64 pads it to 16.
  EXPECT_EQ(line("epoll_wait", {3, kStr, 2, 0}, 2, mem),
            "epoll_wait(3, [{events=EPOLLIN, data=0}, ... /* 0x" +
                fmt::format("{:x}", kStr + sizeof ev) + " */], 2, 0) = 2");
}

TEST(UnreadableMemory, ArraysLongerThanDashSAreAbbreviated) {
  FakeMemory mem;
  std::uint32_t gids[4] = {1, 2, 3, 4};
  mem.put_value(kArr, gids);
  DecodeOptions two;
  two.string_limit = 2;
  EXPECT_EQ(line("setgroups", {4, kArr}, 0, mem, two), "setgroups(4, [1, 2, ...]) = 0");
  // The element after the last shown is unreadable: its address, not "...".
  mem.unmap_from(kArr + 8);
  EXPECT_EQ(line("setgroups", {4, kArr}, 0, mem, two),
            "setgroups(4, [1, 2, ... /* 0x10008 */]) = 0");
  two.verbose = true;
  EXPECT_EQ(line("setgroups", {4, kArr}, 0, mem, two),
            "setgroups(4, [1, 2, ... /* 0x10008 */]) = 0");
}

TEST(UnreadableMemory, NullBufferWithNoLength) {
  FakeMemory mem;
  EXPECT_EQ(line("getrandom", {0, 0, 0}, 0, mem), "getrandom(NULL, 0, 0) = 0");
}

TEST(UnreadableMemory, SigsetOfAnotherSizeThanTheKernelsPrintsTheAddress) {
  FakeMemory mem;
  std::uint64_t mask = 1u << (SIGUSR1 - 1);
  mem.put_value(kArr, mask);
  EXPECT_EQ(line("rt_sigsuspend", {kArr, 4}, -22, mem),
            "rt_sigsuspend(0x10000, 4) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(line("rt_sigsuspend", {kArr, 8}, -4, mem),
            "rt_sigsuspend([USR1], 8) = -1 EINTR (Interrupted system call)");
  EXPECT_EQ(line("rt_sigpending", {kArr, 4}, 0, mem), "rt_sigpending([USR1], 4) = 0");
}

TEST(UnreadableMemory, SockaddrShorterThanItsFamily) {
  FakeMemory mem;
  sockaddr_un un{};
  un.sun_family = AF_UNIX;
  std::strcpy(un.sun_path, "abc");
  mem.put_value(kArr, un);
  EXPECT_EQ(line("connect", {3, kArr, 2}, 0, mem), "connect(3, {sa_family=AF_UNIX}, 2) = 0");
  EXPECT_EQ(line("connect", {3, kArr, 4}, 0, mem),
            R"(connect(3, {sa_family=AF_UNIX, sun_path="ab"}, 4) = 0)");
  EXPECT_EQ(line("connect", {3, kArr, 1}, 0, mem), "connect(3, 0x10000, 1) = 0");
  sockaddr_in in{};
  in.sin_family = AF_INET;
  mem.put_value(kStr, in);
  EXPECT_EQ(line("connect", {3, kStr, 4}, 0, mem),
            R"(connect(3, {sa_family=AF_INET, sa_data="\0\0"}, 4) = 0)");
}

TEST(UnreadableMemory, UnixPathsAsLongAsSunPath) {
  FakeMemory mem;
  std::string raw(2, '\0');
  raw[0] = AF_UNIX;
  raw += std::string(108, 'x') + "yz";
  mem.put(kArr, raw);
  // The length covers sun_path and more: sun_path prints whole, no more.
  EXPECT_EQ(line("connect", {3, kArr, 112}, 0, mem),
            "connect(3, {sa_family=AF_UNIX, sun_path=\"" + std::string(108, 'x') + "\"}, 112) = 0");
  raw[2] = '\0';
  mem.put(kArr, raw);
  EXPECT_EQ(line("connect", {3, kArr, 6}, 0, mem),
            R"(connect(3, {sa_family=AF_UNIX, sun_path=@"xxx"}, 6) = 0)");
}

TEST(UnreadableMemory, SockaddrReadWithTheLengthTheKernelReports) {
  FakeMemory mem;
  sockaddr_in in{};
  in.sin_family = AF_INET;
  in.sin_port = htons(80);
  in.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  mem.put_value(kArr, in);
  std::uint32_t len = sizeof in;
  mem.put_value(kLen, len);
  EXPECT_EQ(line("getsockname", {3, kArr, kLen}, 0, mem),
            "getsockname(3, {sa_family=AF_INET, sin_port=htons(80), "
            R"(sin_addr=inet_addr("127.0.0.1")}, [16]) = 0)");
  // The caller's length was 2 (entry), the kernel reports 16 (exit): two
  // bytes were written.
  FakeMemory mem2;
  mem2.put_value(kArr, in);
  std::uint32_t in_len = 2;
  mem2.put_value(kLen, in_len);
  SyscallEvent ev;
  ev.desc = &describe(*find_syscall("getsockname"));
  ev.nargs = ev.desc->nargs;
  ev.args = {3, kArr, kLen};
  DecodeOptions opts;
  decode_entry(ev, mem2, opts);
  mem2.put_value(kLen, len);
  ev.rval = 0;
  ev.exited = true;
  decode_exit(ev, mem2, opts);
  EXPECT_EQ(testing::arg_text(ev, 1), "{sa_family=AF_INET}");
  EXPECT_EQ(testing::arg_text(ev, 2), "[2 => 16]");
  // A NULL address: its length prints as an address too, as strace.
  EXPECT_EQ(line("accept4", {3, 0, 0, 0}, 5, mem), "accept4(3, NULL, NULL, 0) = 5");
  EXPECT_EQ(line("getsockname", {3, kArr, kLen}, -9, mem),
            "getsockname(3, 0x10000, [16]) = -1 EBADF (Bad file descriptor)");
}

}  // namespace
}  // namespace xtrace
