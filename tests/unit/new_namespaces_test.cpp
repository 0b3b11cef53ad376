// Issue 11 (strace's own test suite), compared with strace 7.2's text:
// clone's parent_tid (a tid, or a pidfd), -e namespace=new.
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

#include "decode/process/namespace_ids.hpp"
#include "decode_line.hpp"
#include "fake_memory.hpp"

namespace xtrace {
namespace {

using testing::FakeMemory;
using testing::line;

constexpr std::uint64_t kA = 0x1000;

TEST(NewNamespaces, ClonePidfdIsADescriptor) {
  FakeMemory mem;
  int fd = open("/dev/null", O_RDONLY | O_CLOEXEC);
  ASSERT_GE(fd, 0);
  mem.put_value(kA, std::int32_t{fd});
  constexpr std::uint64_t kFlags = CLONE_PIDFD | SIGCHLD;
  DecodeOptions y;
  y.fd_details = fd_detail::path;
  const std::string prefix = "clone(child_stack=NULL, flags=CLONE_PIDFD|SIGCHLD, parent_tid=[";
  EXPECT_EQ(line("clone", {kFlags, 0, kA, 0, 0}, 123, mem, y, Arch::x86_64, getpid()),
            prefix + std::to_string(fd) + "</dev/null>]) = 123");
  EXPECT_EQ(line("clone", {kFlags, 0, kA, 0, 0}, 123, mem, {}, Arch::x86_64, getpid()),
            prefix + std::to_string(fd) + "]) = 123");
  close(fd);
}

TEST(NewNamespaces, NamespaceIdsInStraceOrder) {
  pid_t self = getpid();
  std::string user = decode::namespace_ids(self, CLONE_NEWUSER);
  EXPECT_EQ(user.rfind("user:[", 0), 0U) << user;
  std::string two = decode::namespace_ids(self, CLONE_NEWUSER | CLONE_NEWNET);
  EXPECT_EQ(two.rfind("net:[", 0), 0U) << two;
  EXPECT_NE(two.find(", user:["), std::string::npos) << two;
  EXPECT_EQ(decode::namespace_ids(self, 0), "");
}

TEST(NewNamespaces, NamespaceNewAppendsTheIdsToTheResult) {
  FakeMemory mem;
  DecodeOptions ns;
  ns.new_namespaces = true;
  pid_t self = getpid();
  std::string user = decode::namespace_ids(self, CLONE_NEWUSER);
  EXPECT_EQ(line("unshare", {CLONE_NEWUSER}, 0, mem, ns, Arch::x86_64, self),
            "unshare(CLONE_NEWUSER) = 0 (" + user + ")");
  EXPECT_EQ(line("unshare", {CLONE_NEWUSER}, 0, mem, {}, Arch::x86_64, self),
            "unshare(CLONE_NEWUSER) = 0");
  EXPECT_EQ(line("unshare", {CLONE_FILES}, 0, mem, ns, Arch::x86_64, self),
            "unshare(CLONE_FILES) = 0");
  EXPECT_EQ(line("setns", {3, CLONE_NEWUSER}, 0, mem, ns, Arch::x86_64, self),
            "setns(3, CLONE_NEWUSER) = 0 (" + user + ")");
  EXPECT_EQ(line("unshare", {CLONE_NEWUSER}, -1, mem, ns, Arch::x86_64, self),
            "unshare(CLONE_NEWUSER) = -1 EPERM (Operation not permitted)");
}

}  // namespace
}  // namespace xtrace
