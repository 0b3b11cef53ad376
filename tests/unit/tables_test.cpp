// The generated syscall tables against the kernel headers of this machine.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "xtrace/decode.hpp"
#include "xtrace/syscall_table.hpp"

namespace xtrace {
namespace {

std::optional<std::int64_t> nr_of(Arch arch, std::string_view name) {
  auto id = find_syscall(name);
  if (!id) return std::nullopt;
  return number(arch, *id);
}

TEST(Tables, EveryNumberHasADescription) {
  for (Arch arch : {Arch::x86_64, Arch::aarch64}) {
    int described = 0;
    for (std::size_t nr = 0; nr < table_size(arch); ++nr) {
      auto id = lookup(arch, static_cast<std::int64_t>(nr));
      if (!id) continue;
      ++described;
      EXPECT_FALSE(describe(*id).name.empty());
      EXPECT_EQ(number(arch, *id), static_cast<std::int64_t>(nr)) << describe(*id).name;
    }
    EXPECT_GT(described, 300) << arch_name(arch);
  }
}

TEST(Tables, EverySignatureNamesASyscallOfSomeArch) {
  for (std::size_t id = 0; id < kSysCount; ++id) {
    auto sid = static_cast<SysId>(id);
    EXPECT_TRUE(number(Arch::x86_64, sid) || number(Arch::aarch64, sid) || number(Arch::i386, sid))
        << describe(sid).name;
  }
}

TEST(Tables, KnownNumbers) {
  EXPECT_EQ(nr_of(Arch::x86_64, "read"), 0);
  EXPECT_EQ(nr_of(Arch::x86_64, "openat"), 257);
  EXPECT_EQ(nr_of(Arch::x86_64, "clone3"), 435);
  EXPECT_EQ(nr_of(Arch::x86_64, "newfstatat"), 262);
  EXPECT_EQ(nr_of(Arch::aarch64, "openat"), 56);
  EXPECT_EQ(nr_of(Arch::aarch64, "newfstatat"), 79);
  EXPECT_EQ(nr_of(Arch::aarch64, "fstat"), 80);
  EXPECT_EQ(nr_of(Arch::aarch64, "clone3"), 435);
  EXPECT_EQ(nr_of(Arch::aarch64, "renameat"), 38);
}

TEST(Tables, NoLegacyCallsOnAarch64) {
  for (const char* name : {"open", "stat", "fork", "pipe", "poll", "select", "dup2"}) {
    EXPECT_FALSE(nr_of(Arch::aarch64, name)) << name;
    EXPECT_TRUE(nr_of(Arch::x86_64, name)) << name;
  }
}

TEST(Tables, NewestSyscallsArePresent) {
  for (const char* name : {"cachestat", "fchmodat2", "mseal", "setxattrat", "listns",
                           "file_getattr", "open_tree_attr"}) {
    EXPECT_TRUE(nr_of(Arch::x86_64, name)) << name;
    EXPECT_TRUE(nr_of(Arch::aarch64, name)) << name;
  }
  EXPECT_EQ(nr_of(Arch::x86_64, "listns"), 470);
}

TEST(Tables, X32IsExcluded) {
  EXPECT_FALSE(lookup(Arch::x86_64, 512));
  EXPECT_LT(table_size(Arch::x86_64), 512u);
}

TEST(Tables, UnknownNumbersHaveNoDescription) {
  EXPECT_FALSE(lookup(Arch::x86_64, -1));
  EXPECT_FALSE(lookup(Arch::x86_64, 100000));
  EXPECT_FALSE(lookup(Arch::x86_64, 340));  // a gap in the x86_64 table (336..423)
}

TEST(Tables, ClassesFollowStrace) {
  const auto& openat = describe(*find_syscall("openat"));
  EXPECT_TRUE(openat.classes & cls::file);
  EXPECT_TRUE(openat.classes & cls::desc);
  EXPECT_FALSE(openat.classes & cls::network);
  EXPECT_TRUE(describe(*find_syscall("connect")).classes & cls::network);
  EXPECT_TRUE(describe(*find_syscall("clone")).classes & cls::process);
  EXPECT_TRUE(describe(*find_syscall("getpid")).classes & cls::pure);
  EXPECT_TRUE(describe(*find_syscall("mmap")).classes & cls::memory);
  EXPECT_TRUE(describe(*find_syscall("rt_sigaction")).classes & cls::signal);
}

TEST(Tables, ArgumentCountsFollowStrace) {
  EXPECT_EQ(describe(*find_syscall("read")).nargs, 3);
  EXPECT_EQ(describe(*find_syscall("openat")).nargs, 4);
  EXPECT_EQ(describe(*find_syscall("mmap")).nargs, 6);
  EXPECT_EQ(describe(*find_syscall("exit_group")).nargs, 1);
  EXPECT_EQ(describe(*find_syscall("getpid")).nargs, 0);
}

TEST(Tables, EveryReferenceIsAnotherArgumentOrTheResult) {
  for (std::size_t id = 0; id < kSysCount; ++id) {
    const auto& d = describe(static_cast<SysId>(id));
    for (int i = 0; i < d.nargs; ++i) {
      std::int8_t ref = d.args[i].ref;
      EXPECT_TRUE(ref == kRefNone || ref == kRefReturn || (ref >= 0 && ref < d.nargs && ref != i))
          << d.name << " arg " << i;
    }
  }
}

}  // namespace
}  // namespace xtrace

namespace xtrace {
namespace {

// facts.tsv reaches each consumer through facts(id).
TEST(SyscallFacts, RowsOfEachColumn) {
  const SyscallFacts& openat = facts(SysId::openat);
  EXPECT_EQ(openat.files, FileArgs::listed);
  EXPECT_EQ(openat.file_fds, 1u);    // dirfd
  EXPECT_EQ(openat.file_paths, 2u);  // pathname
  EXPECT_EQ(facts(SysId::ppoll).files, FileArgs::pollfds);
  EXPECT_EQ(facts(SysId::pipe2).files, FileArgs::listed);
  EXPECT_EQ(facts(SysId::pipe2).file_fds | facts(SysId::pipe2).file_paths, 0u);
  EXPECT_EQ(facts(SysId::read).files, FileArgs::by_class);
  EXPECT_EQ(facts(SysId::read).short_count, 2);
  EXPECT_EQ(facts(SysId::copy_file_range).short_count, 4);
  EXPECT_EQ(facts(SysId::readv).short_count, -1);
  EXPECT_EQ(facts(SysId::readv).io, IoDump::read);
  EXPECT_EQ(facts(SysId::readv).io_form, IoForm::iovec);
  EXPECT_EQ(facts(SysId::readv).io_buffer, 1);
  EXPECT_EQ(facts(SysId::readv).io_count, 2);
  EXPECT_EQ(facts(SysId::sendmsg).io, IoDump::write);
  EXPECT_EQ(facts(SysId::sendmsg).io_form, IoForm::msghdr);
  EXPECT_EQ(facts(SysId::pkey_mprotect).maps, MapCall::mprotect);
  EXPECT_EQ(facts(SysId::execveat).maps, MapCall::exec);
  EXPECT_EQ(facts(SysId::brk).maps, MapCall::none);
  EXPECT_EQ(facts(SysId::getpid).io, IoDump::none);
}

}  // namespace
}  // namespace xtrace
