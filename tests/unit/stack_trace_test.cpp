// -k's pieces without ptrace: /proc/PID/maps parsing, naming code from a
// file's .symtab (this test binary's own static function), which calls
// invalidate the cached mappings, and the text sink's frame lines.
#include <gtest/gtest.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cstdio>
#include <string>

#include "captured_output.hpp"
#include "parse_args.hpp"
#include "unwind/elf_symbols.hpp"
#include "xtrace/mapping_changes.hpp"
#include "xtrace/process_maps.hpp"
#include "xtrace/text_sink.hpp"
#include "xtrace/unwinder.hpp"

namespace xtrace {
namespace {

using unwind::ElfSymbols;
using unwind::MappingChange;
using unwind::ProcessMaps;

const char* kMaps =
    "55d0c0a00000-55d0c0a02000 r--p 00000000 fe:00 247134                     /usr/bin/cat\n"
    "55d0c0a02000-55d0c0a07000 r-xp 00002000 fe:00 247134                     /usr/bin/cat\n"
    "55d0c0c00000-55d0c0c21000 rw-p 00000000 00:00 0                          [heap]\n"
    "7f00aa000000-7f00aa001000 rw-p 00000000 00:00 0 \n"
    "7f00ab000000-7f00ab180000 r-xp 00026000 fe:00 1234                       /lib/a library.so\n"
    "ffffffffff600000-ffffffffff601000 --xp 00000000 00:00 0                  [vsyscall]\n";

TEST(StackTraceMaps, ParsesPathsOffsetsAndExecutableMappings) {
  ProcessMaps maps;
  maps.parse(kMaps);
  ASSERT_EQ(maps.mappings().size(), 5u);  // the anonymous one is left out
  const unwind::Mapping* m = maps.find(0x55d0c0a03010);
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->path, "/usr/bin/cat");
  EXPECT_EQ(m->offset, 0x2000u);
  EXPECT_TRUE(m->executable);
  EXPECT_EQ(m->inode, 247134u);
  EXPECT_FALSE(maps.find(0x55d0c0a00010)->executable);
  EXPECT_EQ(maps.find(0x7f00aa000010), nullptr);
  EXPECT_EQ(maps.find(0x7f00ab000000)->path, "/lib/a library.so");
  EXPECT_EQ(maps.find(0x7f00ab180000), nullptr);
  EXPECT_TRUE(maps.overlaps_code(0x7f00ab17f000, 0x2000));
  EXPECT_FALSE(maps.overlaps_code(0x55d0c0c00000, 0x21000));
}

SyscallEvent finished(std::string_view name, std::array<std::uint64_t, 6> args,
                      std::int64_t rval = 0) {
  SyscallEvent ev;
  ev.desc = &describe(*find_syscall(name));
  ev.args = args;
  ev.exited = true;
  ev.rval = rval;
  return ev;
}

TEST(StackTraceMaps, OnlyCallsThatTouchCodeInvalidate) {
  ProcessMaps maps;
  maps.parse(kMaps);
  using MC = MappingChange;
  EXPECT_EQ(mapping_change(finished("mmap", {0, 4096, PROT_READ | PROT_EXEC}, 0x7f0), maps),
            MC::code);
  EXPECT_EQ(mapping_change(finished("mmap", {0, 4096, PROT_READ}, 0x10000), maps), MC::none);
  EXPECT_EQ(mapping_change(finished("munmap", {0x55d0c0c00000, 0x1000}), maps), MC::none);
  EXPECT_EQ(mapping_change(finished("munmap", {0x7f00ab000000, 0x1000}), maps), MC::code);
  EXPECT_EQ(mapping_change(finished("mprotect", {0x7f00ab000000, 0x1000, PROT_READ}), maps),
            MC::code);
  EXPECT_EQ(mapping_change(finished("execve", {}), maps), MC::exec);
  EXPECT_EQ(mapping_change(finished("getpid", {}), maps), MC::none);
  SyscallEvent failed = finished("mmap", {0, 4096, PROT_EXEC});
  failed.is_error = true;
  EXPECT_EQ(mapping_change(failed, maps), MC::none);
}

__attribute__((noinline)) static int only_in_symtab(int x) {
  asm volatile("" ::: "memory");
  return x * 3 + 1;
}

TEST(StackTraceSymbols, NamesAStaticFunctionFromSymtab) {
  ProcessMaps maps;
  ASSERT_TRUE(maps.read(getpid()));
  auto addr = reinterpret_cast<std::uintptr_t>(&only_in_symtab) + 2;
  const unwind::Mapping* m = maps.find(addr);
  ASSERT_NE(m, nullptr);
  ElfSymbols symbols = ElfSymbols::load(m->path);
  auto found = symbols.find(addr - m->start + m->offset);
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->name, "xtrace::(anonymous namespace)::only_in_symtab(int)");
  EXPECT_EQ(found->offset, 2u);
  EXPECT_EQ(only_in_symtab(1), 4);
}

TEST(StackTraceSymbols, DemanglesCxxNames) {
  ProcessMaps maps;
  ASSERT_TRUE(maps.read(getpid()));
  auto addr = reinterpret_cast<std::uintptr_t>(&finished);
  const unwind::Mapping* m = maps.find(addr);
  ASSERT_NE(m, nullptr);
  ElfSymbols symbols = ElfSymbols::load(m->path);
  auto found = symbols.find(addr - m->start + m->offset);
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->name,
            "xtrace::(anonymous namespace)::finished(std::basic_string_view<char, "
            "std::char_traits<char> >, std::array<unsigned long, 6ul>, long)");
}

TEST(StackTraceSymbols, ANonElfFileHasNoSymbols) {
  ElfSymbols symbols = ElfSymbols::load("/proc/self/status");
  EXPECT_TRUE(symbols.empty());
  EXPECT_FALSE(symbols.find(0).has_value());
}

TEST(StackTraceUnwinder, AVanishedThreadGivesOneErrorFrame) {
  // No such thread (beyond pid_max): every read fails, as for a thread
  // killed and reaped during the walk.
  Unwinder unwinder(kDefaultStackFrameLimit);
  std::vector<StackFrame> frames(3);
  frames[0].module = "stale";
  unwinder.capture(0x7ffffff0, 0x7ffffff0, frames);
  ASSERT_EQ(frames.size(), 1u);
  EXPECT_EQ(frames[0].kind, StackFrame::Kind::unwind_error);
  EXPECT_EQ(frames[0].address, 0u);
  EXPECT_TRUE(frames[0].module.empty());
  unwinder.forget_thread(0x7ffffff0);
}

TEST(StackTraceText, FramesFollowTheLineInStracesFormat) {
  std::FILE* f = std::tmpfile();
  ASSERT_NE(f, nullptr);
  {
    TextSink sink(OutputFile::borrow(f, "tmp"), TextOptions{});
    SyscallEvent ev = finished("getpid", {}, 42);
    ev.tid = 7;
    ev.nargs = 0;
    ev.rval_text = "42";
    ev.stack.resize(4);
    ev.stack[0] = {StackFrame::Kind::frame, "/lib/libc.so.6", "__getpid", 0xb, 0xd4409, 0x7f01};
    ev.stack[1] = {StackFrame::Kind::frame, "/usr/bin/prog", "", 0, 0x1139, 0x5501};
    ev.stack[2] = {StackFrame::Kind::unwind_error, "", "", 0, 0, 0x1234};
    ev.stack[3] = {StackFrame::Kind::too_many, "", "", 0, 0, 0};
    sink.on_syscall_entry(ev);
    sink.on_syscall_exit(ev);
    sink.finish();
  }
  std::string text = testing::read_and_close(f);
  EXPECT_EQ(text,
            "getpid()                                = 42\n"
            " > /lib/libc.so.6(__getpid+0xb) [0xd4409]\n"
            " > /usr/bin/prog() [0x1139]\n"
            " > unexpected_backtracing_error [0x1234]\n"
            " > too many stack frames\n");
}

TEST(StackTraceOptions, ParsesStracesForms) {
  EXPECT_FALSE(testing::parse({"xtrace", "true"}).stack_trace.enabled);
  EXPECT_TRUE(testing::parse({"xtrace", "-k", "true"}).stack_trace.enabled);
  EXPECT_TRUE(testing::parse({"xtrace", "--stack-trace", "true"}).stack_trace.enabled);
  EXPECT_TRUE(testing::parse({"xtrace", "--stack-trace=symbol", "true"}).stack_trace.enabled);
  EXPECT_TRUE(testing::parse({"xtrace", "--stack-traces", "true"}).stack_trace.enabled);
  EXPECT_EQ(testing::parse({"xtrace", "-k", "true"}).stack_trace.frame_limit, 256u);
  EXPECT_EQ(testing::parse({"xtrace", "-k", "--stack-trace-frame-limit=9", "true"})
                .stack_trace.frame_limit,
            9u);
  EXPECT_THROW(testing::parse({"xtrace", "-kk", "true"}), UsageError);
  EXPECT_THROW(testing::parse({"xtrace", "-k", "--stack-trace-frame-limit=x", "true"}), UsageError);
}

}  // namespace
}  // namespace xtrace
