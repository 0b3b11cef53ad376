// The launched-command basics: exact lines, exit statuses, signals, -o, -s,
// and one-line errors for bad input.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <filesystem>
#include <regex>

#include "run_command.hpp"

namespace xtrace::testing {
namespace {

bool has_line(const std::vector<std::string>& lines, const std::string& line) {
  return std::find(lines.begin(), lines.end(), line) != lines.end();
}

std::string traced_output(const std::vector<std::string>& args, RunResult* result = nullptr) {
  std::string dir = make_temp_dir();
  std::string out = dir + "/trace";
  std::vector<std::string> argv{xtrace_binary(), "-o", out};
  argv.insert(argv.end(), args.begin(), args.end());
  RunResult r = run_command(argv);
  if (result != nullptr) *result = r;
  std::string text = read_file(out);
  std::filesystem::remove_all(dir);
  return text;
}

TEST(Foundation, WriteLineAndExitStatus) {
  RunResult r;
  auto lines = lines_of(traced_output({program("hello")}, &r));
  EXPECT_FALSE(r.signaled);
  EXPECT_EQ(r.code, 3);
  EXPECT_EQ(r.out, "hello\n");
  EXPECT_TRUE(has_line(lines, R"(write(1, "hello\n", 6)                  = 6)")) << r.err;
  EXPECT_TRUE(has_line(lines, "exit_group(3)                           = ?"));
  ASSERT_FALSE(lines.empty());
  EXPECT_EQ(lines.back(), "+++ exited with 3 +++");
  // argv[0] is the full path, truncated by -s like any string.
  EXPECT_EQ(lines.front().rfind("execve(\"" + program("hello") + "\", [\"", 0), 0u)
      << lines.front();
  EXPECT_NE(lines.front().find(" vars */) = 0"), std::string::npos) << lines.front();
}

TEST(Foundation, TraceGoesToStderrWithoutO) {
  RunResult r = run_command({xtrace_binary(), program("hello")});
  EXPECT_EQ(r.code, 3);
  EXPECT_NE(r.err.find("+++ exited with 3 +++\n"), std::string::npos);
  EXPECT_NE(r.err.find(R"(write(1, "hello\n", 6))"), std::string::npos);
}

TEST(Foundation, MissingPathExitsLikeLs) {
  RunResult r;
  std::string text = traced_output({"ls", "/nonexistent"}, &r);
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(text.find(R"("/nonexistent", )"), std::string::npos);
  EXPECT_NE(text.find("= -1 ENOENT (No such file or directory)\n"), std::string::npos);
  EXPECT_NE(text.find("+++ exited with 2 +++"), std::string::npos);
}

TEST(Foundation, KilledBySignalIsPassedOn) {
  RunResult r;
  std::string text = traced_output({"sh", "-c", "kill -SEGV $$"}, &r);
  EXPECT_TRUE(r.signaled);
  EXPECT_EQ(r.code, SIGSEGV);
  EXPECT_NE(text.find("--- SIGSEGV {si_signo=SIGSEGV, si_code=SI_USER, si_pid="), std::string::npos)
      << text;
  auto lines = lines_of(text);
  ASSERT_FALSE(lines.empty());
  EXPECT_TRUE(lines.back() == "+++ killed by SIGSEGV +++" ||
              lines.back() == "+++ killed by SIGSEGV (core dumped) +++")
      << lines.back();
}

TEST(Foundation, StringLimitTruncatesBuffersButNotPaths) {
  std::string dir = make_temp_dir();
  auto lines = lines_of(traced_output({"-s", "5", program("file_io"), dir}));
  std::filesystem::remove_all(dir);
  EXPECT_TRUE(has_line(lines, R"(write(3, "01234"..., 37)                = 37)"));
  EXPECT_TRUE(has_line(lines, R"(read(3, "01234"..., 64)                 = 37)"));
  bool full_path = std::any_of(lines.begin(), lines.end(), [&](const std::string& l) {
    return l.find("/file_io.txt\", O_WRONLY|O_CREAT|O_TRUNC, 0640) = 3") != std::string::npos;
  });
  EXPECT_TRUE(full_path);
  EXPECT_TRUE(has_line(
      lines,
      R"(openat(AT_FDCWD, "/nonexistent/file", O_RDONLY) = -1 ENOENT (No such file or directory))"));
}

TEST(Foundation, VersionAndHelp) {
  RunResult v = run_command({xtrace_binary(), "-V"});
  EXPECT_EQ(v.code, 0);
  EXPECT_EQ(v.out.rfind("xtrace -- version ", 0), 0u);
  RunResult h = run_command({xtrace_binary(), "--help"});
  EXPECT_EQ(h.code, 0);
  EXPECT_NE(h.out.find("-s STRSIZE"), std::string::npos);
  EXPECT_NE(h.out.find("-o FILE"), std::string::npos);
}

struct BadInput {
  std::vector<std::string> args;
  std::string message;
};

TEST(Foundation, BadInputIsOneLineAndExit1) {
  const std::string marker = "/tmp/xtrace-test-must-not-exist";
  std::filesystem::remove(marker);
  // The command line's mistakes are "xtrace"'s; what is found later
  // (the command, the -o file) is reported under argv[0], as strace does.
  const std::string me = xtrace_binary() + ": ";
  const BadInput cases[] = {
      {{}, kDiag + with_help("must have PROG [ARGS] or -p PID")},
      {{"no-such-command-xyz"}, me + "Cannot find executable 'no-such-command-xyz'"},
      {{"./no/such/path"}, me + "Cannot stat './no/such/path': No such file or directory"},
      {{"-s", "abc", "true"}, kDiag + with_help("invalid -s argument: 'abc'")},
      {{"-Q", "touch", marker}, kDiag + with_help("invalid option -- 'Q'")},
      {{"-o", "/nonexistent-dir/trace", "touch", marker},
       me + "Can't fopen '/nonexistent-dir/trace': No such file or directory"},
  };
  for (const auto& c : cases) {
    std::vector<std::string> argv{xtrace_binary()};
    argv.insert(argv.end(), c.args.begin(), c.args.end());
    RunResult r = run_command(argv);
    EXPECT_EQ(r.code, 1) << c.message;
    EXPECT_FALSE(r.signaled);
    EXPECT_EQ(r.err, c.message + "\n");
    EXPECT_EQ(r.out, "");
  }
  EXPECT_FALSE(std::filesystem::exists(marker)) << "a bad command line ran the command";
}

// A command that exists but cannot run: strace shows the failed execve, the
// child's "NAME: exec: ..." message and its exit, and none of the child's
// own calls after the execve.
TEST(Foundation, FailedExecShowsOnlyTheExecve) {
  RunResult r = run_command({xtrace_binary(), "/etc/passwd"});
  EXPECT_EQ(r.code, 1);
  EXPECT_FALSE(r.signaled);
  std::regex expected(
      R"(execve\("/etc/passwd", \["/etc/passwd"\], 0x[0-9a-f]+ /\* \d+ vars \*/\) = -1 )"
      R"(EACCES \(Permission denied\)\n)" +
      std::regex_replace(xtrace_binary(), std::regex(R"([.^$|()\[\]{}*+?\\])"), R"(\$&)") +
      R"(: exec: Permission denied\n\+\+\+ exited with 1 \+\+\+\n)");
  EXPECT_TRUE(std::regex_match(r.err, expected)) << r.err;
}

TEST(Foundation, UnknownLongOptionIsRejected) {
  RunResult r = run_command({xtrace_binary(), "--no-such-option", "true"});
  EXPECT_EQ(r.code, 1);
  EXPECT_EQ(r.err, kDiag + with_help("unrecognized option '--no-such-option'") + "\n");
}

}  // namespace
}  // namespace xtrace::testing
