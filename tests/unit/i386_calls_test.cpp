// i386 calls of a 64-bit x86 process (`int $0x80`): the generated i386
// table, decoding with 32-bit arguments, what prints raw, the filter by
// name, the personality line and the -c table of its own.  No ptrace: the
// integration tests run the real thing where the kernel has IA32 emulation.
#include <gtest/gtest.h>

#include <cstdio>
#include <string>

#include "captured_output.hpp"
#include "decode_line.hpp"
#include "fake_memory.hpp"
#include "xtrace/summary_sink.hpp"
#include "xtrace/syscall_set.hpp"
#include "xtrace/syscall_table.hpp"
#include "xtrace/text_sink.hpp"

namespace xtrace {
namespace {

using testing::FakeMemory;
using testing::line;

std::string name_of(Arch arch, std::int64_t nr) {
  auto id = lookup(arch, nr);
  return id ? std::string(describe(*id).name) : std::string("?");
}

TEST(I386Table, NumbersAreThe32BitTables) {
  EXPECT_EQ(name_of(Arch::i386, 1), "exit");
  EXPECT_EQ(name_of(Arch::i386, 3), "read");
  EXPECT_EQ(name_of(Arch::i386, 4), "write");
  EXPECT_EQ(name_of(Arch::i386, 5), "open");
  EXPECT_EQ(name_of(Arch::i386, 20), "getpid");
  EXPECT_EQ(name_of(Arch::i386, 102), "socketcall");
  EXPECT_EQ(name_of(Arch::i386, 192), "mmap2");
  EXPECT_EQ(name_of(Arch::i386, 195), "stat64");
  EXPECT_EQ(name_of(Arch::i386, 252), "exit_group");
  EXPECT_EQ(name_of(Arch::i386, 403), "clock_gettime64");
  EXPECT_EQ(name_of(Arch::i386, 435), "clone3");
  // The same numbers mean other calls natively.
  EXPECT_EQ(name_of(Arch::x86_64, 4), "stat");
  EXPECT_EQ(name_of(Arch::x86_64, 20), "writev");
  // Holes and numbers past the end name nothing.
  EXPECT_FALSE(lookup(Arch::i386, 222));
  EXPECT_FALSE(lookup(Arch::i386, static_cast<std::int64_t>(table_size(Arch::i386))));
  EXPECT_FALSE(lookup(Arch::i386, -1));
}

TEST(I386Table, NamesMapBackToTheirNumbers) {
  EXPECT_EQ(number(Arch::i386, *find_syscall("write")), 4);
  EXPECT_EQ(number(Arch::x86_64, *find_syscall("write")), 1);
  // i386-only calls have no native number, native-only ones no i386 one.
  EXPECT_FALSE(number(Arch::x86_64, *find_syscall("fstat64")));
  EXPECT_FALSE(number(Arch::aarch64, *find_syscall("socketcall")));
  EXPECT_FALSE(number(Arch::i386, *find_syscall("newfstatat")));
  EXPECT_EQ(arch_name(Arch::i386), "i386");
}

TEST(I386Decoding, ArgumentsAreTheLow32BitsOfTheRegisters) {
  FakeMemory mem;
  mem.put(0x10000, "int80\n");
  // The upper halves are the 64-bit process's leftovers; the kernel reads
  // ebx, ecx, edx.
  EXPECT_EQ(line("write", {0xdeadbeef00000001, 0xffffffff00010000, 0x1234567800000006}, 6, mem, {},
                 Arch::i386),
            "write(1, \"int80\\n\", 6) = 6");
  EXPECT_EQ(line("write", {0xffffffff, 0x10000, 6}, -9, mem, {}, Arch::i386),
            "write(-1, \"int80\\n\", 6) = -1 EBADF (Bad file descriptor)");
  EXPECT_EQ(line("getpid", {}, 4242, mem, {}, Arch::i386), "getpid() = 4242");
  EXPECT_EQ(line("exit_group", {0xffffffff00000003}, 0, mem, {}, Arch::i386), "exit_group(3) = ?");
}

TEST(I386Decoding, NativeLayoutsPrintRaw) {
  FakeMemory mem;
  mem.put(0x2000, std::string(16, '\x01'));
  // A timespec of i386's clock_gettime is 8 bytes, not x86_64's 16.
  EXPECT_EQ(line("clock_gettime", {1, 0x2000}, 0, mem, {}, Arch::i386),
            "clock_gettime(CLOCK_MONOTONIC, 0x2000) = 0");
  EXPECT_EQ(line("clock_gettime", {1, 0}, 0, mem, {}, Arch::i386),
            "clock_gettime(CLOCK_MONOTONIC, NULL) = 0");
  // pread64 splits its offset over two registers: every argument raw.
  EXPECT_EQ(line("pread64", {3, 0x2000, 16, 0x10, 0}, 16, mem, {}, Arch::i386),
            "pread64(0x3, 0x2000, 0x10, 0x10) = 16");
  // i386-only names decode what their signature gives.
  mem.put(0x3000, std::string("/etc/passwd\0", 12));
  EXPECT_EQ(line("stat64", {0x3000, 0x4000}, 0, mem, {}, Arch::i386),
            "stat64(\"/etc/passwd\", 0x4000) = 0");
}

TEST(I386Filter, NamesSelectI386CallsToo) {
  SyscallSet write = parse_syscall_set("write", Arch::x86_64);
  EXPECT_TRUE(write.contains_number(Arch::i386, 4));
  EXPECT_FALSE(write.contains_number(Arch::i386, 20));
  EXPECT_TRUE(write.contains_number(Arch::x86_64, 1));
  SyscallSet fstat64 = parse_syscall_set("fstat64", Arch::x86_64);
  EXPECT_TRUE(fstat64.contains_number(Arch::i386, 197));
  SyscallSet file = parse_syscall_set("%file", Arch::x86_64);
  EXPECT_TRUE(file.contains_number(Arch::i386, 195));  // stat64
  EXPECT_TRUE(file.contains_number(Arch::i386, 5));    // open
  EXPECT_FALSE(file.contains_number(Arch::i386, 4));   // write
  // A number is native: 4 is stat, not i386's write.
  SyscallSet four = parse_syscall_set("4", Arch::x86_64);
  EXPECT_TRUE(four.contains_number(Arch::x86_64, 4));
  EXPECT_FALSE(four.contains_number(Arch::i386, 4));
  // A number no i386 table names is only in an inversion.
  EXPECT_FALSE(write.contains_number(Arch::i386, 999));
  EXPECT_TRUE(parse_syscall_set("!write", Arch::x86_64).contains_number(Arch::i386, 999));
}

std::string read_all(std::FILE* f) {
  std::string text = testing::read_and_close(f);
  return text;
}

TEST(I386Output, PersonalityLinesInStracesWords) {
  std::FILE* f = std::tmpfile();
  ASSERT_NE(f, nullptr);
  {
    TextSink sink(OutputFile::borrow(f, "tmp"), TextOptions{});
    sink.on_personality(42, Arch::i386);
    sink.on_personality(42, Arch::x86_64);
    sink.finish();
  }
  EXPECT_EQ(read_all(f),
            "[ Process PID=42 runs in 32 bit mode. ]\n"
            "[ Process PID=42 runs in 64 bit mode. ]\n");
}

TEST(I386Output, QuietPersonalityHidesThem) {
  std::FILE* f = std::tmpfile();
  ASSERT_NE(f, nullptr);
  {
    TextOptions opts;
    opts.quiet.personality = true;
    TextSink sink(OutputFile::borrow(f, "tmp"), opts);
    sink.on_personality(42, Arch::i386);
    sink.finish();
  }
  EXPECT_EQ(read_all(f), "");
}

SyscallEvent counted(Arch arch, std::int64_t nr) {
  SyscallEvent ev;
  ev.tid = 1;
  ev.arch = arch;
  ev.nr = nr;
  ev.desc = &describe(*lookup(arch, nr));
  ev.exited = true;
  ev.entered = Clock::now();
  ev.exited_at = ev.entered;
  return ev;
}

TEST(I386Output, SummaryCountsEachPersonalityInItsOwnTable) {
  std::FILE* f = std::tmpfile();
  ASSERT_NE(f, nullptr);
  {
    SummaryOptions opts;
    opts.enabled = true;
    opts.wall_clock = true;
    SummarySink sink(OutputFile::borrow(f, "tmp"), opts);
    sink.on_syscall_exit(counted(Arch::x86_64, 20));  // writev
    sink.on_syscall_exit(counted(Arch::i386, 20));    // getpid
    sink.on_syscall_exit(counted(Arch::i386, 20));
    sink.finish();
  }
  std::string text = read_all(f);
  const std::string heading = "System call usage summary for 32 bit mode:\n";
  auto title = text.find(heading);
  ASSERT_NE(title, std::string::npos) << text;
  auto writev = text.find(" writev\n");
  auto getpid = text.find(" getpid\n");
  ASSERT_NE(writev, std::string::npos) << text;
  ASSERT_NE(getpid, std::string::npos) << text;
  EXPECT_LT(writev, title);
  EXPECT_GT(getpid, title);
  EXPECT_EQ(text.find("summary", title + heading.size()), std::string::npos) << text;
}

}  // namespace
}  // namespace xtrace
