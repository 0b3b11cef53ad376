// The trace is never lost silently: a write error on the output is
// reported once in strace's words and makes xtrace's status 1 where the
// command succeeded; a closed stderr ends xtrace by SIGPIPE (after
// detaching), never by an abort.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <regex>
#include <string>
#include <vector>

#include "run_command.hpp"

namespace xtrace::testing {
namespace {

RunResult run_xtrace(std::vector<std::string> args) {
  args.insert(args.begin(), xtrace_binary());
  return run_command(args);
}

TEST(OutputErrors, FullDeviceIsReportedOnceAndFailsTheRun) {
  RunResult r = run_xtrace({"-o", "/dev/full", program("getpid_n"), "3000"});
  EXPECT_EQ(r.err, xtrace_binary() + ": /dev/full: No space left on device\n");
  EXPECT_FALSE(r.signaled);
  EXPECT_EQ(r.code, 1);
  // -c's table too; and the command's own failure keeps its status.
  r = run_xtrace({"-c", "-o", "/dev/full", "true"});
  EXPECT_EQ(r.err, xtrace_binary() + ": /dev/full: No space left on device\n");
  EXPECT_EQ(r.code, 1);
  r = run_xtrace({"-o", "/dev/full", "sh", "-c", "exit 3"});
  EXPECT_EQ(r.code, 3);
}

TEST(OutputErrors, UnwritableFileIsReported) {
  RunResult r = run_xtrace({"-o", "/proc/version", "true"});
  EXPECT_EQ(r.err, xtrace_binary() + ": /proc/version: Input/output error\n");
  EXPECT_EQ(r.code, 1);
}

// -ff: the command's own FILE.PID is opened before it runs; failing there
// stops everything, as in strace.
TEST(OutputErrors, SeparateFileThatCannotBeOpened) {
  std::string dir = make_temp_dir();
  RunResult r = run_xtrace({"-ff", "-o", "/dev/full/x", "sh", "-c", "touch " + dir + "/MARKER"});
  EXPECT_TRUE(std::regex_match(
      r.err, std::regex(".*: Can't fopen '/dev/full/x\\.[0-9]+': Not a directory\n")))
      << r.err;
  EXPECT_EQ(r.code, 1);
  EXPECT_FALSE(std::filesystem::exists(dir + "/MARKER"));
  std::filesystem::remove_all(dir);
}

// The reader of -o '|COMMAND' leaves early: one line, no stranger's exit.
TEST(OutputErrors, PipeWhoseReaderLeft) {
  RunResult r = run_xtrace({"-o", "|head -1 >/dev/null", program("getpid_n"), "20000"});
  EXPECT_EQ(r.err, xtrace_binary() + ": |head -1 >/dev/null: Broken pipe\n");
  EXPECT_EQ(r.code, 1);
}

// stderr is a pipe nobody reads: xtrace dies of SIGPIPE as a filter
// should, and the command is not left stopped.
TEST(OutputErrors, ClosedStderrEndsWithSigpipe) {
  int fds[2];
  ASSERT_EQ(pipe(fds), 0);
  close(fds[0]);
  pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    dup2(fds[1], STDERR_FILENO);
    signal(SIGPIPE, SIG_DFL);
    std::string xtrace = xtrace_binary(), prog = program("getpid_n");
    execl(xtrace.c_str(), xtrace.c_str(), prog.c_str(), "3000", static_cast<char*>(nullptr));
    _exit(127);
  }
  close(fds[1]);
  int status = 0;
  ASSERT_EQ(waitpid(pid, &status, 0), pid);
  ASSERT_TRUE(WIFSIGNALED(status)) << "status " << status;
  EXPECT_EQ(WTERMSIG(status), SIGPIPE);
  EXPECT_FALSE(WCOREDUMP(status));
}

}  // namespace
}  // namespace xtrace::testing
