// The seccomp-bpf fast path on real processes.  It is on by default for a
// launched command with -f and a narrowed trace set; every scenario here
// runs on both paths and must print the same lines, so that the fast path
// can never drift from the slow one.
#include <gtest/gtest.h>

#include <algorithm>
#include <regex>
#include <string>
#include <vector>

#include "run_command.hpp"
#include "strace_output.hpp"

namespace xtrace::testing {
namespace {

RunResult run_xtrace(std::vector<std::string> args) {
  args.insert(args.begin(), xtrace_binary());
  return run_command(args);
}

std::vector<std::string> with_path(bool fast, std::vector<std::string> args) {
  if (!fast) args.insert(args.begin(), "--no-seccomp-bpf");
  return args;
}

// The trace on stderr, normalized (pids, addresses, -T durations).
std::vector<std::string> trace_lines(const std::string& err) {
  std::vector<std::string> out;
  static const std::regex kDuration(R"( <\d+\.\d+>$)");
  static const std::regex kExitOfPid(R"(^\[pid +\d+\] )");
  for (const auto& line : normalize(lines_of(err)))
    out.push_back(
        std::regex_replace(std::regex_replace(line, kDuration, " <T>"), kExitOfPid, "[pid PID] "));
  return out;
}

class SeccompPaths : public ::testing::TestWithParam<bool> {
 protected:
  bool fast() const { return GetParam(); }
  RunResult run(std::vector<std::string> args) { return run_xtrace(with_path(fast(), args)); }
};

// The tracee sees its filter only on the fast path; its thread and child
// carry it too, and their traced calls stop (never ENOSYS).  The parent's
// wait4 is cut by the child's lines: <unfinished ...> and resumed.
TEST_P(SeccompPaths, FollowsThreadsChildrenAndSignals) {
  RunResult r = run({"-f", "-q", "-e", "trace=getuid,kill,wait4,exit_group", "-e", "signal=SIGUSR1",
                     program("seccomp_family")});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, std::string("seccomp=") + (fast() ? "2" : "0") +
                       "\nthread getuid ok\nchild getuid ok\nchild exit=3\n");
  std::vector<std::string> want = {
      "[pid PID] getuid() = 0",
      "[pid PID] +++ exited with 0 +++",
      "wait4(PID <unfinished ...>",
      "[pid PID] getuid() = 0",
      "[pid PID] exit_group(3) = ?",
      "[pid PID] +++ exited with 3 +++",
      "<... wait4 resumed>, [{WIFEXITED(s) && WEXITSTATUS(s) == 3}], 0, NULL) = PID",
      "kill(PID, SIGUSR1) = 0",
      "--- SIGUSR1 {si_signo=SIGUSR1, si_code=SI_USER, si_pid=PID, si_uid=0} ---",
      "exit_group(0) = ?",
      "+++ exited with 0 +++",
  };
  std::vector<std::string> got = trace_lines(r.err);
  for (auto& line : got) {
    if (line.find("wait4") == std::string::npos) continue;
    // Whether the child's first stop came before the parent's line (and so
    // two tasks are counted for the [pid N] prefix) is a race, as in strace.
    line = std::regex_replace(line, std::regex(R"(^\[pid PID\] wait4\()"), "wait4(");
    line = std::regex_replace(line, std::regex(R"(wait4\(\d+)"), "wait4(PID");
    line = std::regex_replace(line, std::regex(R"(\) = \d+$)"), ") = PID");
  }
  EXPECT_EQ(got, want) << r.err;
}

// Fault injection fires on the same calls, per task, on both paths.
TEST_P(SeccompPaths, InjectionAndStatusFilter) {
  RunResult r = run({"-f", "-e", "trace=getpid", "-e", "inject=getpid:error=EIO:when=2", "-Z",
                     program("inject_fork")});
  EXPECT_EQ(r.out,
            "child 1 e=0\nchild 2 e=5\nchild 3 e=0\nparent 1 e=0\nparent 2 e=5\nparent 3 e=0\n");
  std::vector<std::string> got = trace_lines(r.err);
  long failed = std::count_if(got.begin(), got.end(), [](const std::string& l) {
    return l.find("getpid() = -1 EIO (Input/output error) (INJECTED)") != std::string::npos;
  });
  EXPECT_EQ(failed, 2) << r.err;
  EXPECT_EQ(
      std::count_if(got.begin(), got.end(),
                    [](const std::string& l) { return l.find(" = PID") != std::string::npos; }),
      0)
      << "-Z shows failed calls only\n"
      << r.err;
}

// signal= arrives with the call it was injected into: the kernel ignores a
// signal given to a seccomp stop, so the fast path gives it at the exit.
TEST_P(SeccompPaths, InjectedSignalArrives) {
  RunResult r = run({"-f", "-e", "trace=getpid", "-e", "inject=getpid:signal=SIGUSR1:when=2",
                     program("inject_getpid"), "3"});
  EXPECT_EQ(std::regex_replace(r.out, std::regex(" ms=[0-9]+"), ""),
            "1 r=pid e=0 sig=0\n2 r=pid e=0 sig=1\n3 r=pid e=0 sig=0\n");
  EXPECT_NE(r.err.find("--- SIGUSR1 {si_signo=SIGUSR1, si_code=SI_KERNEL} ---\n"),
            std::string::npos)
      << r.err;
}

// short= and syscall= rewrite the call at its entry, which on the fast path
// is the seccomp stop.
TEST_P(SeccompPaths, InjectionRewritesArgumentsAndNumbers) {
  std::vector<std::string> args = with_path(
      fast(), {"-f", "-e", "trace=read", "-e", "inject=read:short=3:fd=0", program("inject_copy")});
  args.insert(args.begin(), xtrace_binary());
  RunResult r = run_command(args, "hello world\n");
  EXPECT_EQ(r.out, "hello world\n");
  EXPECT_NE(r.err.find("read(0, \"hel\", 64)                      = 3 (INJECTED: args)\n"
                       "read(0, \"lo \", 64)                      = 3 (INJECTED: args)\n"),
            std::string::npos)
      << r.err;
  args = with_path(fast(), {"-f", "-e", "trace=read", "-e",
                            "inject=read:syscall=getpid:error=EIO:fd=0", program("inject_copy")});
  args.insert(args.begin(), xtrace_binary());
  r = run_command(args, "hello world\n");
  EXPECT_EQ(r.out, "");
  EXPECT_TRUE(std::regex_search(
      r.err,
      std::regex(R"(read\(0, 0x[0-9a-f]+, 64\) += -1 EIO \(Input/output error\) \(INJECTED\)\n)")))
      << r.err;
}

// -c counts exactly the traced calls of every thread.
TEST_P(SeccompPaths, SummaryCountsEveryThread) {
  RunResult r = run({"-f", "-c", "-e", "trace=lseek", program("thread_calls"), "4", "250"});
  EXPECT_EQ(r.code, 0) << r.err;
  std::smatch m;
  ASSERT_TRUE(std::regex_search(r.err, m, std::regex(R"(\n[ 0-9.]+ +(\d+) +(\d+) lseek\n)")))
      << r.err;
  EXPECT_EQ(m[1].str(), "1000");
  EXPECT_EQ(m[2].str(), "1000");
}

// -P: only the calls that name the file, -T durations, -y paths.
TEST_P(SeccompPaths, PathFilterWithDurationsAndPaths) {
  RunResult r = run({"-f", "-T", "-y", "-P", "/etc/hostname", "cat", "/etc/hostname"});
  EXPECT_EQ(r.code, 0) << r.err;
  std::vector<std::string> got = trace_lines(r.err);
  ASSERT_GE(got.size(), 4u) << r.err;
  EXPECT_EQ(std::regex_replace(got.front(), std::regex("AT_FDCWD<[^>]*>"), "AT_FDCWD<CWD>"),
            "openat(AT_FDCWD<CWD>, \"/etc/hostname\", O_RDONLY) = 3</etc/hostname> <T>")
      << r.err;
  EXPECT_EQ(got.back(), "+++ exited with 0 +++");
}

INSTANTIATE_TEST_SUITE_P(Paths, SeccompPaths, ::testing::Values(true, false),
                         [](const ::testing::TestParamInfo<bool>& info) {
                           return std::string(info.param ? "Fast" : "Slow");
                         });

// Where the fast path does not apply, the tracee never carries a filter.
TEST(SeccompFastPath, NotWithoutFollowForksNorForEverything) {
  for (std::vector<std::string> args :
       {std::vector<std::string>{"-e", "trace=getuid"}, std::vector<std::string>{"-f"}}) {
    args.push_back(program("seccomp_family"));
    RunResult r = run_xtrace(args);
    EXPECT_EQ(r.out.substr(0, 10), "seccomp=0\n") << args.front();
  }
}

TEST(SeccompFastPath, StraceWordsWhenAskedInVain) {
  RunResult r = run_xtrace({"--seccomp-bpf", "-e", "trace=getuid", program("seccomp_family")});
  EXPECT_EQ(
      lines_of(r.err).front(),
      xtrace_binary() + ": --seccomp-bpf cannot be used without -f/--follow-forks, disabling");
  EXPECT_EQ(r.code, 0);
}

}  // namespace
}  // namespace xtrace::testing
