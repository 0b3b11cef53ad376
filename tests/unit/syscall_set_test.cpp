// The syscall set syntax, against what strace 7.2 accepts and rejects.
#include <gtest/gtest.h>

#include <string>

#include "xtrace/options.hpp"
#include "xtrace/syscall_set.hpp"

namespace xtrace {
namespace {

SysId id(std::string_view name) {
  auto found = find_syscall(name);
  EXPECT_TRUE(found) << name;
  return found.value_or(SysId{});
}

bool has(const SyscallSet& set, std::string_view name) {
  return set.contains(id(name));
}

std::string error_of(std::string_view spec, Arch arch = Arch::x86_64) {
  try {
    parse_syscall_set(spec, arch);
  } catch (const UsageError& e) {
    return e.what();
  }
  return "(accepted)";
}

SyscallSet x86(std::string_view spec) {
  return parse_syscall_set(spec, Arch::x86_64);
}

TEST(SyscallSet, NamesAndLists) {
  SyscallSet s = x86("open,read");
  EXPECT_TRUE(has(s, "open"));
  EXPECT_TRUE(has(s, "read"));
  EXPECT_FALSE(has(s, "write"));
  EXPECT_FALSE(has(s, "openat"));
  // Empty tokens are skipped, as strtok does.
  EXPECT_TRUE(has(x86(",open,,"), "open"));
}

TEST(SyscallSet, AllAndNone) {
  EXPECT_TRUE(x86("all").is_everything());
  EXPECT_TRUE(x86("none").is_empty());
  EXPECT_TRUE(x86("!none").is_everything());
  EXPECT_TRUE(x86("!all").is_empty());
  EXPECT_TRUE(has(x86("all"), "write"));
  EXPECT_FALSE(has(x86("none"), "write"));
}

TEST(SyscallSet, NegationInvertsTheRest) {
  SyscallSet s = x86("!open,read");
  EXPECT_FALSE(has(s, "open"));
  EXPECT_FALSE(has(s, "read"));
  EXPECT_TRUE(has(s, "write"));
  EXPECT_TRUE(has(x86("!!open"), "open"));
  EXPECT_FALSE(has(x86("!!open"), "write"));
}

TEST(SyscallSet, UnknownNumbers) {
  // 400 is a hole in the x86_64 table: strace accepts it by number.
  ASSERT_FALSE(lookup(Arch::x86_64, 400));
  EXPECT_TRUE(x86("400").contains_number(Arch::x86_64, 400));
  EXPECT_FALSE(x86("open").contains_number(Arch::x86_64, 400));
  // Inverted sets hold the numbers nobody named; classes never do.
  EXPECT_TRUE(x86("all").contains_number(Arch::x86_64, 400));
  EXPECT_TRUE(x86("!open").contains_number(Arch::x86_64, 400));
  EXPECT_FALSE(x86("all,open").contains_number(Arch::x86_64, 400));
  EXPECT_FALSE(x86("!400").contains_number(Arch::x86_64, 400));
  // A number the table names is that syscall.
  EXPECT_TRUE(has(x86("2"), "open"));
  EXPECT_TRUE(x86("2").contains_number(Arch::x86_64, 2));
}

TEST(SyscallSet, Classes) {
  SyscallSet net = x86("%network");
  EXPECT_TRUE(has(net, "socket"));
  EXPECT_TRUE(has(net, "connect"));
  EXPECT_FALSE(has(net, "read"));
  SyscallSet alias = x86("%net");
  for (SysId i : all_sys_ids()) EXPECT_EQ(net.contains(i), alias.contains(i));
  EXPECT_TRUE(has(x86("network"), "socket"));
  EXPECT_TRUE(has(x86("%file"), "openat"));
  EXPECT_FALSE(has(x86("%file"), "read"));
  EXPECT_TRUE(has(x86("%desc"), "read"));
  EXPECT_TRUE(has(x86("%process"), "execve"));
  EXPECT_TRUE(has(x86("%signal"), "rt_sigaction"));
  EXPECT_TRUE(has(x86("%ipc"), "shmget"));
  EXPECT_TRUE(has(x86("%memory"), "mmap"));
  EXPECT_TRUE(has(x86("%creds"), "setuid"));
  EXPECT_TRUE(has(x86("%clock"), "clock_gettime"));
  EXPECT_TRUE(has(x86("%pure"), "getpid"));
  EXPECT_FALSE(has(x86("%pure"), "read"));
  EXPECT_TRUE(has(x86("%stat"), "stat"));
  EXPECT_FALSE(has(x86("%stat"), "fstat"));
  EXPECT_TRUE(has(x86("%lstat"), "lstat"));
  EXPECT_TRUE(has(x86("%fstat"), "fstat"));
  EXPECT_TRUE(has(x86("%fstat"), "newfstatat"));
  SyscallSet stat_like = x86("%%stat");
  for (auto n : {"stat", "lstat", "fstat", "newfstatat", "statx"}) EXPECT_TRUE(has(stat_like, n));
  EXPECT_FALSE(has(stat_like, "statfs"));
  EXPECT_TRUE(has(x86("%statfs"), "statfs"));
  EXPECT_TRUE(has(x86("%fstatfs"), "fstatfs"));
  SyscallSet statfs_like = x86("%%statfs");
  for (auto n : {"statfs", "fstatfs", "ustat"}) EXPECT_TRUE(has(statfs_like, n));
}

TEST(SyscallSet, Regex) {
  SyscallSet s = x86("/^open");
  EXPECT_TRUE(has(s, "open"));
  EXPECT_TRUE(has(s, "openat"));
  EXPECT_TRUE(has(s, "openat2"));
  EXPECT_FALSE(has(s, "fsopen"));
  EXPECT_TRUE(has(x86("/^(read|write)$"), "write"));
  EXPECT_FALSE(has(x86("/^(read|write)$"), "writev"));
}

TEST(SyscallSet, QuestionMarkIgnoresUnknownNames) {
  EXPECT_TRUE(x86("?nosuchcall").is_empty());
  EXPECT_TRUE(has(x86("?nosuchcall,open"), "open"));
  EXPECT_TRUE(x86("?/zzz").is_empty());
  EXPECT_TRUE(x86("?9999").is_empty());
  EXPECT_TRUE(x86("?").is_empty());
}

TEST(SyscallSet, NamesOnlyOtherArchesHave) {
  // aarch64 has no open(2), but its 32-bit compat personality does.
  EXPECT_FALSE(parse_syscall_set("open", Arch::aarch64).contains(id("open")));
  // x86_64 has no fstat64, but i386 does: it selects i386's (int $0x80).
  EXPECT_TRUE(has(x86("fstat64"), "fstat64"));
}

TEST(SyscallSet, Personalities) {
  EXPECT_TRUE(has(x86("open@64"), "open"));
  EXPECT_TRUE(has(x86("%net@64"), "socket"));
  EXPECT_TRUE(has(x86("/^open$@64"), "open"));
  EXPECT_TRUE(has(x86("2@64"), "open"));
  // i386 and x32 are decoded: @32 and @x32 select their calls (one set per
  // name, so the native open too); a number @x32 selects nothing (but a
  // native-only row, kept apart: X32Filter.*).
  EXPECT_TRUE(has(x86("open@32"), "open"));
  EXPECT_TRUE(has(x86("fstat64@32"), "fstat64"));
  EXPECT_TRUE(has(x86("%file@32"), "stat64"));
  EXPECT_TRUE(has(x86("/^socketcall$@32"), "socketcall"));
  EXPECT_TRUE(has(x86("open@x32"), "open"));
  EXPECT_TRUE(x86("547@x32").is_empty());
  // On aarch64 @32 is arm, which xtrace does not decode.
  EXPECT_TRUE(parse_syscall_set("open@32", Arch::aarch64).is_empty());
}

TEST(SyscallSet, Errors) {
  EXPECT_EQ(error_of("opn"), "invalid system call 'opn'");
  EXPECT_EQ(error_of("open,opn,read"), "invalid system call 'opn'");
  EXPECT_EQ(error_of(""), "invalid system call ''");
  EXPECT_EQ(error_of("!"), "invalid system call '!'");
  EXPECT_EQ(error_of(","), "invalid system call ','");
  EXPECT_EQ(error_of("%FILE"), "invalid system call '%FILE'");
  EXPECT_EQ(error_of("%foo"), "invalid system call '%foo'");
  EXPECT_EQ(error_of("%"), "invalid system call '%'");
  EXPECT_EQ(error_of("Open"), "invalid system call 'Open'");
  EXPECT_EQ(error_of("9999"), "invalid system call '9999'");
  EXPECT_EQ(error_of("2x"), "invalid system call '2x'");
  EXPECT_EQ(error_of("/zzz"), "invalid system call '/zzz'");
  EXPECT_EQ(error_of("none,open"), "invalid system call 'none'");
  EXPECT_EQ(error_of("@64"), "invalid system call '@64'");
  EXPECT_EQ(error_of("newfstatat@32"), "invalid system call 'newfstatat@32'");
  EXPECT_EQ(error_of("uselib@x32"), "invalid system call 'uselib@x32'");
  EXPECT_EQ(error_of("548@x32"), "invalid system call '548@x32'");
  EXPECT_EQ(error_of("open@foo"),
            "incorrect personality designator 'foo' in qualification 'open@foo'");
  EXPECT_EQ(error_of("?open@foo"),
            "incorrect personality designator 'foo' in qualification 'open@foo'");
  EXPECT_EQ(error_of("open@"), "incorrect personality designator '' in qualification 'open@'");
  EXPECT_EQ(error_of("open@x32", Arch::aarch64),
            "incorrect personality designator 'x32' in qualification 'open@x32'");
  EXPECT_EQ(error_of("/("), "regcomp: (: Unmatched ( or \\(");
  EXPECT_EQ(error_of("?/("), "regcomp: (: Unmatched ( or \\(");
}

}  // namespace
}  // namespace xtrace
