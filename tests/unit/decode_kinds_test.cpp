// Kind decoders of issue 5 on crafted memory, compared with strace 7.2's text.
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <sys/wait.h>

#include <gtest/gtest.h>

#include "decode/core/io_dump.hpp"
#include "decode/core/xlat.hpp"
#include "decode/fs/fs_tables.hpp"
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

TEST(DecodeKinds, FcntlOmitsTheArgumentOfGettersAndExplainsTheResult) {
  FakeMemory mem;
  EXPECT_EQ(line("fcntl", {3, F_GETFD}, 1, mem), "fcntl(3, F_GETFD) = 0x1 (flags FD_CLOEXEC)");
  EXPECT_EQ(line("fcntl", {3, F_GETFD}, 0, mem), "fcntl(3, F_GETFD) = 0");
  // The kernel's O_LARGEFILE bit differs by architecture (0x8000 is
  // O_NOFOLLOW on aarch64).
#if defined(__x86_64__)
  EXPECT_EQ(line("fcntl", {3, F_GETFL}, 0x8002, mem),
            "fcntl(3, F_GETFL) = 0x8002 (flags O_RDWR|O_LARGEFILE)");
#else
  EXPECT_EQ(line("fcntl", {3, F_GETFL}, 0x20002, mem),
            "fcntl(3, F_GETFL) = 0x20002 (flags O_RDWR|O_LARGEFILE)");
#endif
  EXPECT_EQ(line("fcntl", {3, F_SETFL, O_RDONLY | O_NONBLOCK}, 0, mem),
            "fcntl(3, F_SETFL, O_RDONLY|O_NONBLOCK) = 0");
  EXPECT_EQ(line("fcntl", {3, F_SETFD, FD_CLOEXEC}, 0, mem), "fcntl(3, F_SETFD, FD_CLOEXEC) = 0");
}

TEST(DecodeKinds, OpenFlagsInStraceOrder) {
  FakeMemory mem;
  mem.put(kA, std::string("/usr/bin\0", 9));
  EXPECT_EQ(line("openat",
                 {static_cast<std::uint64_t>(AT_FDCWD), kA,
                  O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_DIRECTORY},
                 3, mem),
            R"(openat(AT_FDCWD, "/usr/bin", O_RDONLY|O_NONBLOCK|O_CLOEXEC|O_DIRECTORY) = 3)");
}

TEST(DecodeKinds, ConstStylesOfDashX) {
  FakeMemory mem;
  mem.put(kA, std::string("f\0", 2));
  DecodeOptions raw;
  raw.const_style = ConstStyle::raw;
  EXPECT_EQ(
      line("openat", {static_cast<std::uint64_t>(AT_FDCWD), kA, O_RDONLY | O_CLOEXEC}, 3, mem, raw),
      R"(openat(-100, "f", 0x80000) = 3)");
  DecodeOptions verbose;
  verbose.const_style = ConstStyle::verbose;
  EXPECT_EQ(line("openat", {static_cast<std::uint64_t>(AT_FDCWD), kA, O_RDONLY | O_CLOEXEC}, 3, mem,
                 verbose),
            R"(openat(-100 /* AT_FDCWD */, "f", 0x80000 /* O_RDONLY|O_CLOEXEC */) = 3)");
}

TEST(DecodeKinds, ArgNamesAndRaw) {
  FakeMemory mem;
  mem.put(kA, std::string("f\0", 2));
  DecodeOptions names;
  names.arg_names = true;
  EXPECT_EQ(line("openat", {static_cast<std::uint64_t>(AT_FDCWD), kA, O_RDONLY}, 3, mem, names),
            R"(openat(dirfd=AT_FDCWD, pathname="f", flags=O_RDONLY) = 3)");
  DecodeOptions raw;
  raw.raw.add(*find_syscall("read"));
  EXPECT_EQ(line("read", {3, kB, 0x20000}, 3, mem, raw), "read(0x3, 0x2000, 0x20000) = 0x3");
}

TEST(DecodeKinds, CloneNamesItsArgumentsInStraceOrder) {
  FakeMemory mem;
  std::uint64_t flags = CLONE_CHILD_CLEARTID | CLONE_CHILD_SETTID | SIGCHLD;
  EXPECT_EQ(line("clone", {flags, 0, 0, 0x7f00, 0}, 1234, mem),
            "clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD, "
            "child_tidptr=0x7f00) = 1234");
  EXPECT_EQ(line("clone", {SIGCHLD, 0, 0, 0, 0}, 1234, mem),
            "clone(child_stack=NULL, flags=SIGCHLD) = 1234");
}

TEST(DecodeKinds, SigactionAndMasks) {
  FakeMemory mem;
  std::uint64_t act[4] = {0, 0x04000000 | SA_RESTART, 0x7f00, 1u << (SIGCHLD - 1)};
  mem.put_value(kA, act);
  EXPECT_EQ(line("rt_sigaction", {SIGCHLD, kA, 0, 8}, 0, mem),
            "rt_sigaction(SIGCHLD, {sa_handler=SIG_DFL, sa_mask=[CHLD], "
            "sa_flags=SA_RESTORER|SA_RESTART, sa_restorer=0x7f00}, NULL, 8) = 0");
  std::uint64_t almost_all = ~std::uint64_t{0} & ~(std::uint64_t{3} << 31);
  mem.put_value(kB, almost_all);
  EXPECT_EQ(line("rt_sigprocmask", {SIG_SETMASK, kB, 0, 8}, 0, mem),
            "rt_sigprocmask(SIG_SETMASK, ~[RTMIN RT_1], NULL, 8) = 0");
}

TEST(DecodeKinds, SockaddrAndSocklen) {
  FakeMemory mem;
  sockaddr_in in{};
  in.sin_family = AF_INET;
  in.sin_port = htons(8080);
  in.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  mem.put_value(kA, in);
  EXPECT_EQ(
      line("connect", {3, kA, sizeof in}, 0, mem),
      R"(connect(3, {sa_family=AF_INET, sin_port=htons(8080), sin_addr=inet_addr("127.0.0.1")}, 16) = 0)");
  std::uint32_t len = 128;
  mem.put_value(kB, len);
  // The kernel writes 16 back: the decoder reads entry and exit values.
  SyscallEvent ev;
  ev.desc = &describe(*find_syscall("getsockname"));
  ev.nargs = ev.desc->nargs;
  ev.args = {3, kA, kB};
  DecodeOptions opts;
  decode_entry(ev, mem, opts);
  mem.put_value(kB, std::uint32_t{16});
  ev.exited = true;
  decode_exit(ev, mem, opts);
  EXPECT_EQ(testing::arg_text(ev, 2), "[128 => 16]");
}

TEST(DecodeKinds, PollShowsReturnedEventsInTheResult) {
  FakeMemory mem;
  pollfd fds[2] = {{3, POLLIN, POLLIN}, {4, POLLOUT, 0}};
  mem.put_value(kA, fds);
  EXPECT_EQ(line("poll", {kA, 2, 100}, 1, mem),
            "poll([{fd=3, events=POLLIN}, {fd=4, events=POLLOUT}], 2, 100) = 1 "
            "([{fd=3, revents=POLLIN}])");
}

TEST(DecodeKinds, WaitStatus) {
  FakeMemory mem;
  mem.put_value(kA, std::int32_t{0});
  EXPECT_EQ(line("wait4", {static_cast<std::uint64_t>(-1), kA, 0, 0}, 42, mem),
            "wait4(-1, [{WIFEXITED(s) && WEXITSTATUS(s) == 0}], 0, NULL) = 42");
}

TEST(DecodeKinds, WritevWithIovecsAndDump) {
  FakeMemory mem;
  mem.put(kB, "abcdefghijklmnopqrstuvwxyz");
  iovec iov[2] = {{reinterpret_cast<void*>(kB), 2}, {reinterpret_cast<void*>(kB + 2), 24}};
  mem.put_value(kA, iov);
  DecodeOptions opts;
  opts.dump_write.set(1);
  EXPECT_EQ(line("writev", {1, kA, 2}, 26, mem, opts),
            "writev(1, [{iov_base=\"ab\", iov_len=2}, {iov_base=\"cdefghijklmnopqrstuvwxyz\", "
            "iov_len=24}], 2) = 26"
            " * 2 bytes in buffer 0\n"
            " | 00000  61 62                                             ab               |\n"
            " * 24 bytes in buffer 1\n"
            " | 00000  63 64 65 66 67 68 69 6a  6b 6c 6d 6e 6f 70 71 72  cdefghijklmnopqr |\n"
            " | 00010  73 74 75 76 77 78 79 7a                           stuvwxyz         |\n");
}

TEST(DecodeKinds, GetdentsCountsEntries) {
  FakeMemory mem;
  std::string buf;
  for (const char* name : {".", "..", "file"}) {
    std::string rec(24, '\0');
    std::uint16_t reclen = 24;
    std::memcpy(rec.data() + 16, &reclen, 2);
    std::memcpy(rec.data() + 19, name, std::strlen(name));
    buf += rec;
  }
  mem.put(kA, buf);
  EXPECT_EQ(line("getdents64", {3, kA, 32768}, 72, mem),
            "getdents64(3, 0x1000 /* 3 entries */, 32768) = 72");
}

TEST(DecodeKinds, StringsInHexNonAsciiChars) {
  std::string out;
  quote_string(
      "a\x01"
      "b\xff\n",
      QuoteStyle{HexStrings::non_ascii_chars}, out);
  EXPECT_EQ(out, R"("a\x01b\xff\n")");
  out.clear();
  quote_string(
      "a\x01"
      "b",
      QuoteStyle{HexStrings::non_ascii}, out);
  EXPECT_EQ(out, R"("\x61\x01\x62")");
}

// Constants typed as numbers (where the system headers lack them) must
// agree with the headers that have them.
TEST(DecodeKinds, TableValuesMatchTheHeaders) {
  using decode::lookup;
  namespace t = decode::tables;
  EXPECT_EQ(lookup(t::open_flags, O_CLOEXEC), "O_CLOEXEC");
  EXPECT_EQ(lookup(t::open_flags, O_TMPFILE), "O_TMPFILE");
  EXPECT_EQ(lookup(t::open_flags, FASYNC), "FASYNC");
  EXPECT_EQ(lookup(t::fd_flags, FD_CLOEXEC), "FD_CLOEXEC");
  // Tables private to one decoder file, through the decoder.
  FakeMemory mem;
  pollfd p{3, POLLRDHUP, 0};
  mem.put(kA, std::string(reinterpret_cast<const char*>(&p), sizeof p));
  EXPECT_EQ(line("poll", {kA, 1, 0}, 0, mem),
            "poll([{fd=3, events=POLLRDHUP}], 1, 0) = 0 (Timeout)");
#ifdef MAP_UNINITIALIZED
  EXPECT_EQ(
      line("mmap",
           {0, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_UNINITIALIZED,
            static_cast<std::uint64_t>(-1), 0},
           kA, mem),
      "mmap(NULL, 4096, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_UNINITIALIZED, -1, 0) = 0x1000");
#endif
}

}  // namespace
}  // namespace xtrace
