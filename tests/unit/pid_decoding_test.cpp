// Pid arguments and results: plain numbers without -Y (the output must not
// change), "<comm>" with -Y for tasks and thread groups only, and the
// /proc/PID/status NS* lines that --decode-pids=pidns translates with.
#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <fstream>

#include "decode/core/pid_namespaces.hpp"
#include "decode_line.hpp"
#include "fake_memory.hpp"
#include "xtrace/syscall_decoder.hpp"
#include "xtrace/value_text.hpp"

namespace xtrace {
namespace {

using testing::FakeMemory;

// A siginfo as the text sink prints it (without -X).
std::string siginfo_text(const siginfo_t& si, PidDecorator* pids = nullptr, pid_t tracee = 0) {
  ValueOut values;
  print_siginfo(si, pids, tracee, values);
  std::string text;
  render_text(values, TextStyle{}, text);
  return text;
}

// The whole line as the text sink would print it (without the padding),
// decoded for this process so that -Y finds a live task.
std::string line(std::string_view name, std::array<std::uint64_t, 6> args, std::int64_t rval,
                 PidDecorator* pids = nullptr) {
  FakeMemory mem;
  DecodeOptions opts;
  opts.pids = pids;
  return testing::line(name, args, rval, mem, opts, Arch::x86_64, getpid());
}

std::uint64_t word(std::int64_t v) {
  return static_cast<std::uint64_t>(v);
}

std::string own_comm() {
  std::ifstream in("/proc/self/comm");
  std::string name;
  std::getline(in, name);
  return name;
}

// Above any pid_max the kernel allows (4194304): never a live task.
constexpr std::int64_t kNoSuchPid = 5000000;

TEST(PidDecoding, PlainNumbersWithoutDecorator) {
  EXPECT_EQ(line("getpid", {}, 1234), "getpid() = 1234");
  EXPECT_EQ(line("gettid", {}, 1235), "gettid() = 1235");
  EXPECT_EQ(line("getpgid", {0}, 77), "getpgid(0) = 77");
  EXPECT_EQ(line("kill", {word(-77), SIGTERM}, 0), "kill(-77, SIGTERM) = 0");
  EXPECT_EQ(line("kill", {word(-1), 0}, -EPERM),
            "kill(-1, 0) = -1 EPERM (Operation not permitted)");
  EXPECT_EQ(line("wait4", {word(-1), 0, 0, 0}, 4321), "wait4(-1, NULL, 0, NULL) = 4321");
  EXPECT_EQ(line("tgkill", {10, 11, SIGUSR1}, 0), "tgkill(10, 11, SIGUSR1) = 0");
  EXPECT_EQ(line("waitid", {P_PGID, 12, 0, WEXITED, 0}, 0),
            "waitid(P_PGID, 12, NULL, WEXITED, NULL) = 0");
  EXPECT_EQ(line("getpriority", {PRIO_PGRP, 5}, 20), "getpriority(PRIO_PGRP, 5) = 20");
  EXPECT_EQ(line("fcntl", {1, F_SETOWN, word(-9)}, 0), "fcntl(1, F_SETOWN, -9) = 0");
  EXPECT_EQ(line("fcntl", {1, F_GETOWN}, 9), "fcntl(1, F_GETOWN) = 9");
  EXPECT_EQ(line("setsid", {}, 99), "setsid() = 99");
}

TEST(PidDecoding, CommAfterTasksAndThreadGroups) {
  PidDecorator pids(true, false);
  std::int64_t self = getpid();
  std::string me = std::to_string(self) + "<" + own_comm() + ">";
  EXPECT_EQ(line("getpid", {}, self, &pids), "getpid() = " + me);
  EXPECT_EQ(line("gettid", {}, self, &pids), "gettid() = " + me);
  EXPECT_EQ(line("clone", {SIGCHLD}, self, &pids).substr(0, 5), "clone");
  EXPECT_TRUE(line("clone", {SIGCHLD}, self, &pids).ends_with(" = " + me));
  EXPECT_EQ(line("kill", {word(self), 0}, 0, &pids), "kill(" + me + ", 0) = 0");
  EXPECT_EQ(line("tgkill", {word(self), word(self), 0}, 0, &pids),
            "tgkill(" + me + ", " + me + ", 0) = 0");
  EXPECT_EQ(line("wait4", {word(self), 0, 0, 0}, self, &pids),
            "wait4(" + me + ", NULL, 0, NULL) = " + me);
  EXPECT_EQ(line("waitid", {P_PID, word(self), 0, WEXITED, 0}, 0, &pids),
            "waitid(P_PID, " + me + ", NULL, WEXITED, NULL) = 0");
  EXPECT_EQ(line("getpriority", {PRIO_PROCESS, word(self)}, 20, &pids),
            "getpriority(PRIO_PROCESS, " + me + ") = 20");
  EXPECT_EQ(line("fcntl", {1, F_SETOWN, word(self)}, 0, &pids),
            "fcntl(1, F_SETOWN, " + me + ") = 0");
  EXPECT_EQ(line("fcntl", {1, F_GETOWN}, self, &pids), "fcntl(1, F_GETOWN) = " + me);
  // (The which argument and the result are not what is tested here.)
  EXPECT_TRUE(line("ioprio_get", {1, word(self)}, 0, &pids)
                  .ends_with(", " + me + ") = 0 (IOPRIO_PRIO_VALUE(IOPRIO_CLASS_NONE, 0))"));
  EXPECT_TRUE(line("ioprio_get", {2, word(self)}, 0, &pids)
                  .ends_with(", " + std::to_string(self) +
                             ") = 0 (IOPRIO_PRIO_VALUE(IOPRIO_CLASS_NONE, 0))"));
  EXPECT_EQ(line("sched_getscheduler", {word(self)}, 0, &pids),
            "sched_getscheduler(" + me + ") = 0 (SCHED_OTHER)");
}

TEST(PidDecoding, NoCommForGroupsSessionsAndSpecialValues) {
  PidDecorator pids(true, false);
  std::int64_t self = getpid();
  std::string bare = std::to_string(self);
  EXPECT_EQ(line("getpgid", {0}, self, &pids), "getpgid(0) = " + bare);
  EXPECT_EQ(line("getsid", {0}, self, &pids), "getsid(0) = " + bare);
  EXPECT_EQ(line("setpgid", {0, word(self)}, 0, &pids), "setpgid(0, " + bare + ") = 0");
  EXPECT_EQ(line("kill", {word(-self), 0}, 0, &pids), "kill(-" + bare + ", 0) = 0");
  EXPECT_EQ(line("kill", {word(-1), 0}, 0, &pids), "kill(-1, 0) = 0");
  EXPECT_EQ(line("wait4", {0, 0, 0, 0}, -ECHILD, &pids),
            "wait4(0, NULL, 0, NULL) = -1 ECHILD (No child processes)");
  EXPECT_EQ(line("waitid", {P_PGID, word(self), 0, WEXITED, 0}, 0, &pids),
            "waitid(P_PGID, " + bare + ", NULL, WEXITED, NULL) = 0");
  // A task that is gone (or never was) prints bare, as strace prints it.
  std::string gone = std::to_string(kNoSuchPid);
  EXPECT_EQ(line("kill", {word(kNoSuchPid), 0}, -ESRCH, &pids),
            "kill(" + gone + ", 0) = -1 ESRCH (No such process)");
  EXPECT_EQ(line("getpid", {}, kNoSuchPid, &pids), "getpid() = " + gone);
}

TEST(PidDecoding, SamePidNamespaceAddsNoComment) {
  PidDecorator pids(false, true);
  std::int64_t self = getpid();
  EXPECT_EQ(line("getpid", {}, self, &pids), "getpid() = " + std::to_string(self));
  PidDecorator both(true, true);
  EXPECT_EQ(line("getpid", {}, self, &both),
            "getpid() = " + std::to_string(self) + "<" + own_comm() + ">");
}

TEST(PidDecoding, SiginfoSender) {
  siginfo_t si{};
  si.si_signo = SIGTERM;
  si.si_code = SI_USER;
  si.si_pid = getpid();
  si.si_uid = 0;
  std::string me = std::to_string(getpid());
  EXPECT_EQ(siginfo_text(si), "{si_signo=SIGTERM, si_code=SI_USER, si_pid=" + me + ", si_uid=0}");
  PidDecorator pids(true, false);
  EXPECT_EQ(siginfo_text(si, &pids, getpid()),
            "{si_signo=SIGTERM, si_code=SI_USER, si_pid=" + me + "<" + own_comm() + ">, si_uid=0}");
}

// Not a pid, but on the same SIGCHLD line: strace explains CPU ticks.
TEST(PidDecoding, SigchldTimesInSecondsAsStrace) {
  ASSERT_EQ(sysconf(_SC_CLK_TCK), 100);
  siginfo_t si{};
  si.si_signo = SIGCHLD;
  si.si_code = CLD_EXITED;
  si.si_pid = static_cast<pid_t>(kNoSuchPid);
  si.si_status = 0;
  si.si_utime = 0;
  si.si_stime = 123;
  EXPECT_EQ(siginfo_text(si),
            "{si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=5000000, si_uid=0, si_status=0, "
            "si_utime=0, si_stime=123 /* 1.23 s */}");
}

constexpr std::string_view kStatus =
    "Name:\tsleep\nTgid:\t4321\nPid:\t4325\n"
    "NStgid:\t4321\t7\t1\nNSpid:\t4325\t11\t5\nNSpgid:\t4300\t0\t0\nNSsid:\t4000\t0\t0\n"
    "VmPeak:\t 1 kB\n";

TEST(PidNamespaces, ParsesEveryNsLineOutermostFirst) {
  EXPECT_EQ(parse_ns_ids(kStatus, PidType::tid), (std::vector<pid_t>{4325, 11, 5}));
  EXPECT_EQ(parse_ns_ids(kStatus, PidType::tgid), (std::vector<pid_t>{4321, 7, 1}));
  // A process group outside the task's namespaces reads as 0 there.
  EXPECT_EQ(parse_ns_ids(kStatus, PidType::pgid), (std::vector<pid_t>{4300, 0, 0}));
  EXPECT_TRUE(parse_ns_ids("x\nNSpid:\t12\tz\n", PidType::tid).empty());
  EXPECT_TRUE(parse_ns_ids("Name:\tx\n", PidType::sid).empty());
  EXPECT_EQ(parse_ns_ids("x\nNSsid:\t12\n", PidType::sid), (std::vector<pid_t>{12}));
  EXPECT_EQ(parse_ns_ids("x\nNSpid:\t3", PidType::tid), (std::vector<pid_t>{3}));
}

TEST(PidNamespaces, OwnNamespaceTranslatesToTheSameNumber) {
  PidNamespaces ns;
  pid_t self = getpid();
  EXPECT_EQ(ns.to_ours(self, self, PidType::tgid), self);
  EXPECT_EQ(ns.to_ours(self, 0, PidType::tgid), 0);
  EXPECT_EQ(ns.to_ours(self, -5, PidType::pgid), 0);
  // No tracee: nothing to translate from.
  EXPECT_EQ(ns.to_ours(static_cast<pid_t>(kNoSuchPid), self, PidType::tgid), 0);
}

}  // namespace
}  // namespace xtrace
