// strace 7.2 options and edge cases on real processes: -E, --argv0, -i,
// --silence=exits, -c of unknown syscall numbers under -e trace=none,
// -e fault=all leaving the command's own execve alone, and xtrace's own
// standard descriptors (closed at start, let go of after the command starts).
#include <gtest/gtest.h>

#include <filesystem>
#include <regex>

#include "run_command.hpp"

namespace xtrace::testing {
namespace {

RunResult run_xtrace(std::vector<std::string> args) {
  args.insert(args.begin(), xtrace_binary());
  return run_command(args);
}

TEST(StraceOptions, EnvironmentAndArgv0) {
  RunResult r =
      run_xtrace({"-E", "XT_SET=1", "-E", "XT_SET=2", "-E", "HOME", "--argv0=named", "-e",
                  "trace=none", "-qq", "sh", "-c", "echo \"$0 ${XT_SET-unset} ${HOME-unset}\""});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, "named 2 unset\n");
  EXPECT_EQ(r.err, "");
}

TEST(StraceOptions, InstructionPointerPrefix) {
  RunResult r = run_xtrace({"-i", "-e", "trace=getpid", program("getpid_n"), "1"});
  auto lines = lines_of(r.err);
  ASSERT_EQ(lines.size(), 2u) << r.err;
  EXPECT_TRUE(std::regex_match(lines[0], std::regex(R"(\[[0-9a-f]{16}\] getpid\(\) += \d+)")))
      << lines[0];
  // strace cannot read where an exited task was either.
  EXPECT_EQ(lines[1], "[????????????????] +++ exited with 0 +++");
}

TEST(StraceOptions, SilenceExits) {
  RunResult r = run_xtrace({"--silence=exits", "-e", "trace=none", program("getpid_n"), "1"});
  EXPECT_EQ(r.err, "");
}

TEST(StraceOptions, UnknownNumbersAreShownAndCountedWhateverTraceSays) {
  RunResult r =
      run_xtrace({"-e", "trace=none", "-c", "-U", "calls,errors,name", program("unknown_syscall")});
  auto lines = lines_of(r.err);
  ASSERT_EQ(lines.size(), 5u) << r.err;
  EXPECT_EQ(lines[2], "        2         2 syscall_0x3e7");
  EXPECT_EQ(lines[4], "        2         2 total");
  RunResult shown = run_xtrace({"-e", "trace=getpid", "-qq", program("unknown_syscall")});
  EXPECT_EQ(lines_of(shown.err).size(), 2u) << shown.err;
  EXPECT_TRUE(shown.err.starts_with("syscall_0x3e7(0x1, 0x2, ")) << shown.err;
}

TEST(StraceOptions, FaultAllLeavesTheFirstExecveAlone) {
  RunResult r = run_xtrace({"-e", "trace=exit_group", "-e", "fault=exit_group:error=ENOSYS", "-e",
                            "fault=execve", "sh", "-c", "exit 3"});
  EXPECT_EQ(r.code, 3) << r.err;
  EXPECT_NE(r.err.find("exit_group(3)                           = -1 ENOSYS (Function not "
                       "implemented) (INJECTED)"),
            std::string::npos)
      << r.err;
}

TEST(StraceOptions, RunsWithItsStandardDescriptorsClosed) {
  std::string dir = make_temp_dir();
  std::string log = dir + "/log";
  RunResult r = run_command({"sh", "-c",
                             "exec <&- >&- 2>&-; exec " + xtrace_binary() + " -o " + log +
                                 " -e trace=chdir sh -c 'cd /'"});
  EXPECT_EQ(r.code, 0);
  EXPECT_EQ(read_file(log),
            "chdir(\"/\")                              = 0\n+++ exited with 0 +++\n");
  std::filesystem::remove_all(dir);
}

TEST(StraceOptions, LetsGoOfItsStdinOnceTheCommandRuns) {
  // The traced shell closes its stdin: `yes` must then die of SIGPIPE at
  // once, not when xtrace exits, so the flag file is there a moment later.
  std::string dir = make_temp_dir();
  std::string flag = dir + "/yes-ended";
  RunResult r =
      run_command({"sh", "-c",
                   "(yes; touch " + flag + ") | " + xtrace_binary() +
                       " -qq -e trace=none -e signal=none sh -c 'exec <&-; sleep 1; test -f " +
                       flag + " && echo released'"});
  EXPECT_EQ(r.out, "released\n") << r.err;
  std::filesystem::remove_all(dir);
}

TEST(StraceOptions, NamespaceNewShowsTheNamespacesEntered) {
  // -e namespace=new: after clone and unshare with CLONE_NEW* flags, the
  // namespaces the task (for clone, the child) is in; nothing for other
  // flags.  Where user namespaces are refused, the calls fail and print
  // their error only.
  RunResult r = run_xtrace(
      {"-qq", "-e", "namespace=new", "-e", "trace=clone,unshare", program("new_namespaces")});
  ASSERT_EQ(r.code, 0) << r.err;
  const std::string id = R"(:\[\d+\])";
  const std::regex clone_line(
      R"(clone\(child_stack=NULL, flags=CLONE_NEWUSER\|SIGCHLD\) += \d+ \(user)" + id + R"(\)\n)");
  const std::regex unshare_line(R"(unshare\(CLONE_NEWUSER\|CLONE_NEWNET\) += 0 \(net)" + id +
                                ", user" + id + R"(\)\n)");
  if (r.out.find("clone=ok") != std::string::npos) {
    EXPECT_TRUE(std::regex_search(r.err, clone_line)) << r.err;
  }
  if (r.out.find("unshare=ok") != std::string::npos) {
    EXPECT_TRUE(std::regex_search(r.err, unshare_line)) << r.err;
  }
  EXPECT_NE(r.err.find("unshare(CLONE_FILES)                    = 0\n"), std::string::npos)
      << r.err;
  // Without the option, the same calls print their plain result.
  RunResult plain = run_xtrace({"-qq", "-e", "trace=unshare", program("new_namespaces")});
  EXPECT_EQ(plain.err.find(" (net:["), std::string::npos) << plain.err;
}

}  // namespace
}  // namespace xtrace::testing
