// x32 calls of a 64-bit x86 process (bit 30 set in the number): the x32
// view of syscall_64.tbl, its native-only rows (strace's NAME#64), what
// decodes and what prints as an address, the filters, the personality line
// and the -c table of its own.  No ptrace: the integration tests trace
// tests/programs/x32_calls.c.
#include <gtest/gtest.h>

#include <cstdio>
#include <string>

#include "captured_output.hpp"
#include "fake_memory.hpp"
#include "xtrace/event_text.hpp"
#include "xtrace/options.hpp"
#include "xtrace/summary_sink.hpp"
#include "xtrace/syscall_decoder.hpp"
#include "xtrace/syscall_set.hpp"
#include "xtrace/syscall_table.hpp"
#include "xtrace/text_sink.hpp"

namespace xtrace {
namespace {

using testing::FakeMemory;

constexpr std::int64_t x32(std::int64_t nr) {
  return nr | kX32SyscallBit;
}

std::string name_of(std::int64_t nr) {
  auto id = lookup(Arch::x32, nr);
  return id ? std::string(describe(*id).name) : std::string("?");
}

SyscallEvent event(std::int64_t nr) {
  SyscallEvent ev;
  ev.arch = Arch::x32;
  ev.nr = nr;
  auto id = lookup(Arch::x32, nr);
  ev.desc = id ? &describe(*id) : nullptr;
  ev.nargs = ev.desc != nullptr ? ev.desc->nargs : 6;
  return ev;
}

// One x32 call, decoded at entry and exit, as strace's text.
std::string line(std::int64_t nr, std::array<std::uint64_t, 6> args, std::int64_t rval,
                 FakeMemory& mem) {
  SyscallEvent ev = event(nr);
  ev.args = args;
  decode_entry(ev, mem, {});
  ev.rval = rval;
  ev.is_error = rval < 0 && rval >= -4095;
  ev.exited = true;
  decode_exit(ev, mem, {});
  std::string text;
  for (int i = 0; i < ev.nargs; ++i) {
    if (ev.omitted[i]) continue;
    if (!text.empty()) text += ", ";
    render_arg_text(ev, i, text_style_of(DecodeOptions{}), text);
  }
  return syscall_name(ev) + "(" + text + ") = " + ev.rval_text + ev.trailer;
}

TEST(X32Table, NumbersCarryTheX32Bit) {
  EXPECT_EQ(name_of(x32(0)), "read");
  EXPECT_EQ(name_of(x32(1)), "write");
  EXPECT_EQ(name_of(x32(257)), "openat");
  EXPECT_EQ(name_of(x32(512)), "rt_sigaction");
  EXPECT_EQ(name_of(x32(547)), "pwritev2");
  EXPECT_EQ(name_of(x32(435)), "clone3");  // the shared range from 424
  // Without the bit, past x32's table, or in the reserved gap: nothing.
  EXPECT_FALSE(lookup(Arch::x32, 1));
  EXPECT_FALSE(lookup(Arch::x32, x32(548)));
  EXPECT_FALSE(lookup(Arch::x32, x32(400)));
  EXPECT_EQ(table_size(Arch::x32), 548u);
  EXPECT_EQ(arch_name(Arch::x32), "x32");
  EXPECT_EQ(personality_mode(Arch::x32), "x32");
}

TEST(X32Table, ANamesNumberIsItsX32RowNeverItsNativeOnlyOne) {
  EXPECT_EQ(number(Arch::x32, *find_syscall("rt_sigaction")), x32(512));
  EXPECT_EQ(number(Arch::x32, *find_syscall("write")), x32(1));
  EXPECT_EQ(number(Arch::x32, *find_syscall("execve")), x32(520));
  // Native-only names with no x32 row.
  EXPECT_FALSE(number(Arch::x32, *find_syscall("uselib")));
  EXPECT_FALSE(number(Arch::x32, *find_syscall("set_thread_area")));
}

TEST(X32Table, NativeOnlyRowsAreThe64Rows) {
  EXPECT_TRUE(x32_native_only(x32(13)));   // rt_sigaction
  EXPECT_TRUE(x32_native_only(x32(59)));   // execve
  EXPECT_TRUE(x32_native_only(x32(328)));  // pwritev2
  EXPECT_FALSE(x32_native_only(x32(14)));  // rt_sigprocmask: common
  EXPECT_FALSE(x32_native_only(x32(512)));
  EXPECT_FALSE(x32_native_only(13));  // a native number
  EXPECT_FALSE(x32_native_only(x32(5000)));
}

TEST(X32Table, OnlyX32sOwnRowsReadCompatLayouts) {
  EXPECT_FALSE(compat_layouts(Arch::x32, x32(1)));
  EXPECT_FALSE(compat_layouts(Arch::x32, x32(511)));
  EXPECT_TRUE(compat_layouts(Arch::x32, x32(512)));
  EXPECT_TRUE(compat_layouts(Arch::i386, 4));
  EXPECT_FALSE(compat_layouts(Arch::x86_64, 512));
}

TEST(X32Decoding, CommonRowsDecodeAsNative) {
  FakeMemory mem;
  mem.put(0x10000, "x32\n");
  mem.put(0x20000, std::string("/etc/passwd\0", 12));
  EXPECT_EQ(line(x32(1), {1, 0x10000, 4}, 4, mem), "write(1, \"x32\\n\", 4) = 4");
  EXPECT_EQ(line(x32(257), {static_cast<std::uint64_t>(-100), 0x20000, 0}, -38, mem),
            "openat(AT_FDCWD, \"/etc/passwd\", O_RDONLY) = -1 ENOSYS (Function not implemented)");
  // Native layouts: x32's common rows run the native handlers.
  std::uint64_t ts[2] = {1, 2};
  mem.put(0x30000, std::string(reinterpret_cast<const char*>(ts), sizeof ts));
  EXPECT_EQ(line(x32(35), {0x30000, 0}, 0, mem), "nanosleep({tv_sec=1, tv_nsec=2}, NULL) = 0");
}

TEST(X32Decoding, PointersAbove4GiBAreNotRead) {
  FakeMemory mem;
  mem.put(0x123400000000, "x32\n");
  EXPECT_EQ(line(x32(1), {1, 0x123400000000, 4}, 4, mem), "write(1, 0x123400000000, 4) = 4");
}

TEST(X32Decoding, NativeOnlyRowsPrintRawAsName64) {
  FakeMemory mem;
  EXPECT_EQ(line(x32(13), {2, 0, 0, 8}, -38, mem),
            "rt_sigaction#64(0x2, 0, 0, 0x8) = -1 ENOSYS (Function not implemented)");
}

TEST(X32Decoding, OwnRowsPrintCompatLayoutsAsAddresses) {
  FakeMemory mem;
  mem.put(0x2000, std::string(32, '\x01'));
  EXPECT_EQ(line(x32(512), {2, 0, 0, 8}, 0, mem), "rt_sigaction(SIGINT, NULL, NULL, 8) = 0");
  EXPECT_EQ(line(x32(512), {2, 0x2000, 0, 8}, 0, mem), "rt_sigaction(SIGINT, 0x2000, NULL, 8) = 0");
  EXPECT_EQ(line(x32(547), {0, 0, 0, 0, 0}, 0, mem), "pwritev2(0, NULL, 0, 0, 0) = 0");
}

TEST(X32Decoding, UnknownNumbersKeepTheirBit) {
  FakeMemory mem;
  EXPECT_EQ(line(x32(548), {1, 2, 3, 4, 5, 6}, -38, mem),
            "syscall_0x40000224(0x1, 0x2, 0x3, 0x4, 0x5, 0x6) = -1 ENOSYS (Function not "
            "implemented)");
}

TEST(X32Filter, NamesSelectTheX32RowClassesAndName64TheNativeOnlyOne) {
  SyscallSet by_name = parse_syscall_set("rt_sigaction", Arch::x86_64);
  EXPECT_TRUE(by_name.contains_number(Arch::x32, x32(512)));
  EXPECT_FALSE(by_name.contains_number(Arch::x32, x32(13)));
  EXPECT_TRUE(by_name.contains_number(Arch::x86_64, 13));
  SyscallSet by_class = parse_syscall_set("%signal", Arch::x86_64);
  EXPECT_TRUE(by_class.contains_number(Arch::x32, x32(512)));
  EXPECT_TRUE(by_class.contains_number(Arch::x32, x32(13)));
  SyscallSet own = parse_syscall_set("rt_sigaction#64", Arch::x86_64);
  EXPECT_TRUE(own.contains_number(Arch::x32, x32(13)));
  EXPECT_FALSE(own.contains_number(Arch::x32, x32(512)));
  EXPECT_FALSE(own.contains_number(Arch::x86_64, 13));
  EXPECT_FALSE(own.is_empty());
  EXPECT_TRUE(parse_syscall_set("13@x32", Arch::x86_64).contains_number(Arch::x32, x32(13)));
  EXPECT_FALSE(parse_syscall_set("13@x32", Arch::x86_64).contains_number(Arch::x86_64, 13));
  SyscallSet inverted = parse_syscall_set("!rt_sigaction", Arch::x86_64);
  EXPECT_TRUE(inverted.contains_number(Arch::x32, x32(13)));
  EXPECT_FALSE(inverted.contains_number(Arch::x32, x32(512)));
  EXPECT_TRUE(parse_syscall_set("/#64$", Arch::x86_64).contains_number(Arch::x32, x32(59)));
  // As strace: x32 has no uselib, and its table ends at 547.
  EXPECT_THROW(parse_syscall_set("uselib@x32", Arch::x86_64), UsageError);
  EXPECT_THROW(parse_syscall_set("548@x32", Arch::x86_64), UsageError);
  EXPECT_THROW(parse_syscall_set("rt_sigaction#64", Arch::aarch64), UsageError);
}

TEST(X32Output, PersonalityLineInStracesWords) {
  std::FILE* f = std::tmpfile();
  ASSERT_NE(f, nullptr);
  {
    TextSink sink(OutputFile::borrow(f, "tmp"), TextOptions{});
    sink.on_personality(42, Arch::x32);
    sink.on_personality(42, Arch::x86_64);
    sink.finish();
  }
  EXPECT_EQ(testing::read_and_close(f),
            "[ Process PID=42 runs in x32 mode. ]\n"
            "[ Process PID=42 runs in 64 bit mode. ]\n");
}

TEST(X32Output, SummaryHasAnX32TableAfterTheNativeOne) {
  std::FILE* f = std::tmpfile();
  ASSERT_NE(f, nullptr);
  {
    SummaryOptions opts;
    opts.enabled = true;
    opts.wall_clock = true;
    SummarySink sink(OutputFile::borrow(f, "tmp"), opts);
    for (std::int64_t nr : {x32(13), x32(1), x32(1)}) {
      SyscallEvent ev = event(nr);
      ev.tid = 1;
      ev.exited = true;
      ev.entered = Clock::now();
      ev.exited_at = ev.entered;
      sink.on_syscall_exit(ev);
    }
    SyscallEvent native;
    native.tid = 1;
    native.arch = Arch::x86_64;
    native.nr = 39;
    native.desc = &describe(*find_syscall("getpid"));
    native.exited = true;
    native.entered = Clock::now();
    native.exited_at = native.entered;
    sink.on_syscall_exit(native);
    sink.finish();
  }
  std::string text = testing::read_and_close(f);
  auto title = text.find("System call usage summary for x32 mode:\n");
  ASSERT_NE(title, std::string::npos) << text;
  EXPECT_LT(text.find(" getpid\n"), title) << text;
  EXPECT_GT(text.find(" rt_sigaction#64\n"), title) << text;
  auto write = text.find(" write\n");
  ASSERT_NE(write, std::string::npos) << text;
  EXPECT_GT(write, title);
}

}  // namespace
}  // namespace xtrace
