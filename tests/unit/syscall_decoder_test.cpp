// Whole-syscall decoding on crafted memory, compared with strace's text.
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>

#include <gtest/gtest.h>

#include "fake_memory.hpp"
#include "xtrace/event_text.hpp"
#include "xtrace/syscall_decoder.hpp"

namespace xtrace {
namespace {

using testing::FakeMemory;

struct Decoded {
  std::string entry;  // the arguments printed at entry
  std::string line;   // the whole call with its result
};

Decoded decode(std::string_view name, std::array<std::uint64_t, 6> args, std::int64_t rval,
               FakeMemory& mem, DecodeOptions opts = {}) {
  SyscallEvent ev;
  auto id = find_syscall(name);
  EXPECT_TRUE(id) << name;
  ev.desc = &describe(*id);
  ev.nargs = ev.desc->nargs;
  ev.args = args;
  decode_entry(ev, mem, opts);
  Decoded d;
  for (int i = 0; i < ev.entry_args; ++i) {
    if (ev.omitted[i]) continue;
    if (!d.entry.empty()) d.entry += ", ";
    render_arg_text(ev, i, text_style_of(opts), d.entry);
  }
  ev.rval = rval;
  ev.is_error = rval < 0 && rval >= -4095;
  ev.exited = true;
  decode_exit(ev, mem, opts);
  std::string args_text;
  for (int i = 0; i < ev.nargs; ++i) {
    if (ev.omitted[i]) continue;
    if (!args_text.empty()) args_text += ", ";
    render_arg_text(ev, i, text_style_of(opts), args_text);
  }
  d.line = syscall_name(ev) + "(" + args_text + ") = " + ev.rval_text;
  return d;
}

constexpr std::uint64_t kPath = 0x1000;
constexpr std::uint64_t kBuf = 0x2000;

TEST(SyscallDecoder, OpenatWithoutCreateHasNoMode) {
  FakeMemory mem;
  mem.put(kPath, std::string("/etc/passwd\0", 12));
  auto d = decode("openat", {static_cast<std::uint64_t>(AT_FDCWD), kPath, O_RDONLY | O_CLOEXEC, 0},
                  3, mem);
  EXPECT_EQ(d.line, R"(openat(AT_FDCWD, "/etc/passwd", O_RDONLY|O_CLOEXEC) = 3)");
}

TEST(SyscallDecoder, OpenatWithCreateShowsModeAndErrors) {
  FakeMemory mem;
  mem.put(kPath, std::string("out.txt\0", 8));
  auto d = decode("openat",
                  {static_cast<std::uint64_t>(AT_FDCWD), kPath, O_WRONLY | O_CREAT | O_TRUNC, 0666},
                  -ENOSPC, mem);
  EXPECT_EQ(
      d.line,
      R"(openat(AT_FDCWD, "out.txt", O_WRONLY|O_CREAT|O_TRUNC, 0666) = -1 ENOSPC (No space left on device))");
}

TEST(SyscallDecoder, ReadShowsTheBufferAtExitTruncatedByS) {
  FakeMemory mem;
  mem.put(kBuf, std::string(100, 'x'));
  DecodeOptions opts;
  opts.string_limit = 4;
  auto d = decode("read", {3, kBuf, 100}, 100, mem, opts);
  EXPECT_EQ(d.entry, "3");
  EXPECT_EQ(d.line, R"(read(3, "xxxx"..., 100) = 100)");
}

TEST(SyscallDecoder, FailedReadShowsTheAddress) {
  FakeMemory mem;
  auto d = decode("read", {3, kBuf, 100}, -EBADF, mem);
  EXPECT_EQ(d.line, "read(3, 0x2000, 100) = -1 EBADF (Bad file descriptor)");
}

TEST(SyscallDecoder, MmapFlagsAndHexResult) {
  FakeMemory mem;
  auto d = decode("mmap",
                  {0, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
                   static_cast<std::uint64_t>(-1), 0},
                  0x7f0000001000, mem);
  EXPECT_EQ(d.line,
            "mmap(NULL, 8192, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = "
            "0x7f0000001000");
}

TEST(SyscallDecoder, StatIsAbbreviatedUnlessVerbose) {
  FakeMemory mem;
  struct stat st {};
  st.st_mode = S_IFREG | 0644;
  st.st_size = 41491;
  mem.put(kPath, std::string("\0", 1));
  mem.put_value(kBuf, st);
  auto d = decode("newfstatat", {3, kPath, kBuf, AT_EMPTY_PATH}, 0, mem);
  EXPECT_EQ(d.line,
            R"(newfstatat(3, "", {st_mode=S_IFREG|0644, st_size=41491, ...}, AT_EMPTY_PATH) = 0)");
}

TEST(SyscallDecoder, ExecveCountsTheEnvironment) {
  FakeMemory mem;
  mem.put(kPath, std::string("/bin/ls\0", 8));
  mem.put(0x3000, std::string("ls\0/tmp\0", 8));
  std::uint64_t argv[] = {0x3000, 0x3003, 0};
  std::uint64_t envp[] = {0x3000, 0x3003, 0x3000, 0};
  mem.put(0x4000, std::string(reinterpret_cast<char*>(argv), sizeof argv));
  mem.put(0x5000, std::string(reinterpret_cast<char*>(envp), sizeof envp));
  auto d = decode("execve", {kPath, 0x4000, 0x5000}, 0, mem);
  EXPECT_EQ(d.line, R"(execve("/bin/ls", ["ls", "/tmp"], 0x5000 /* 3 vars */) = 0)");
  DecodeOptions verbose;
  verbose.verbose = true;
  d = decode("execve", {kPath, 0x4000, 0x5000}, 0, mem, verbose);
  EXPECT_EQ(d.line, R"(execve("/bin/ls", ["ls", "/tmp"], ["ls", "/tmp", "ls"]) = 0)");
}

TEST(SyscallDecoder, ExitGroupNeverReturns) {
  FakeMemory mem;
  auto d = decode("exit_group", {0}, 0, mem);
  EXPECT_EQ(d.line, "exit_group(0) = ?");
}

TEST(SyscallDecoder, RestartErrnosPrintAsQuestionMark) {
  FakeMemory mem;
  auto d = decode("read", {0, kBuf, 10}, -512, mem);
  EXPECT_EQ(d.line, "read(0, 0x2000, 10) = ? ERESTARTSYS (To be restarted if SA_RESTART is set)");
}

TEST(SyscallDecoder, UnknownNumbersPrintRaw) {
  SyscallEvent ev;
  ev.nr = 0x1c2;
  EXPECT_EQ(syscall_name(ev), "syscall_0x1c2");
}

}  // namespace
}  // namespace xtrace
