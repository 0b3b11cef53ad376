// i386 calls of a 64-bit process (`int $0x80`, tests/programs/int80_calls.c)
// under the real xtrace: decoded with the i386 table, announced with
// strace's personality lines, selected by name (with and without the
// seccomp-bpf fast path), counted in a -c table of their own, and the same
// as strace 7.2 prints them.  A kernel without IA32 emulation (a boot
// option since 6.7) kills `int $0x80` with SIGSEGV: nothing to trace there,
// and the tests skip, whatever CI says.  `make test-i386` (which CI runs)
// runs them in an emulated x86_64 machine booting Debian 12's kernel, which
// has it; a skip there fails (tests/vm/no-skips.sh).
#include <gtest/gtest.h>

#include <filesystem>
#include <regex>

#include "run_command.hpp"
#include "strace_compare.hpp"

namespace xtrace::testing {
namespace {

#if defined(__x86_64__)

bool kernel_runs_int80() {
  RunResult r = run_command({program("int80_calls"), "probe"});
  return !r.signaled && r.code == 0;
}

#define SKIP_WITHOUT_IA32_EMULATION()                                              \
  if (!kernel_runs_int80())                                                        \
  GTEST_SKIP() << "this kernel has no IA32 emulation (int $0x80 raises SIGSEGV): " \
                  "make test-i386 runs this test in an emulated machine that has it"

// The trace written with -o, each line's result padding collapsed, the pid
// prefix that -f -o puts on every line dropped, and the tracee's pid (which
// the personality lines and getpid print) named PID.  -o FILE PROG implies
// -q, which hides the personality lines, as in strace: -e quiet=attach
// keeps them.
std::vector<std::string> traced(const std::vector<std::string>& args, RunResult* result) {
  std::string dir = make_temp_dir();
  std::string out = dir + "/trace";
  std::vector<std::string> argv{xtrace_binary(), "-o", out, "-e", "quiet=attach"};
  argv.insert(argv.end(), args.begin(), args.end());
  argv.push_back(program("int80_calls"));
  *result = run_command(argv);
  std::vector<std::string> lines = lines_of(read_file(out));
  std::filesystem::remove_all(dir);
  static const std::regex padding(R"(\) +=( |$))");
  static const std::regex prefix(R"(^\d+ +)");
  static const std::regex pid(R"(PID=\d+|getpid\(\) = \d+)");
  for (auto& l : lines) {
    l = std::regex_replace(l, padding, ") =$1");
    l = std::regex_replace(l, prefix, "");
    l = std::regex_replace(l, pid, "PID");
  }
  return lines;
}

const std::string kReport = "same pid, wrote 6, bad -9\\n";

TEST(I386Calls, DecodedWithTheI386TableAndAnnounced) {
  SKIP_WITHOUT_IA32_EMULATION();
  RunResult r;
  auto lines = traced({"-e", "trace=getpid,write,exit_group"}, &r);
  EXPECT_FALSE(r.signaled);
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.err.find("same pid, wrote 6, bad -9"), std::string::npos) << r.err;
  std::vector<std::string> expected{
      "[ Process PID runs in 32 bit mode. ]",
      "PID",  // getpid() = PID, through the i386 table
      "write(1, \"int80\\n\", 6) = 6",
      "[ Process PID runs in 64 bit mode. ]",
      "PID",  // glibc's getpid, native
      "[ Process PID runs in 32 bit mode. ]",
      "write(-1, \"int80\\n\", 6) = -1 EBADF (Bad file descriptor)",
      "[ Process PID runs in 64 bit mode. ]",
      "write(2, \"" + kReport + "\", 26) = 26",
      "[ Process PID runs in 32 bit mode. ]",
      "exit_group(0) = ?",
      "+++ exited with 0 +++",
  };
  EXPECT_EQ(lines, expected);
}

// -e trace=write selects i386's write by name; with -f the seccomp-bpf
// filter is on and must stop i386 calls (they reach it with another arch).
void expect_writes_only(const std::vector<std::string>& args) {
  RunResult r;
  auto lines = traced(args, &r);
  EXPECT_EQ(r.code, 0) << r.err;
  std::vector<std::string> writes;
  for (const auto& l : lines)
    if (l.starts_with("write(")) writes.push_back(l);
  std::vector<std::string> expected{
      "write(1, \"int80\\n\", 6) = 6",
      "write(-1, \"int80\\n\", 6) = -1 EBADF (Bad file descriptor)",
      "write(2, \"" + kReport + "\", 26) = 26",
  };
  EXPECT_EQ(writes, expected);
  EXPECT_EQ(lines.back(), "+++ exited with 0 +++");
  EXPECT_EQ(lines.front(), "[ Process PID runs in 32 bit mode. ]");
}

TEST(I386Calls, FilterByNameWithoutSeccomp) {
  SKIP_WITHOUT_IA32_EMULATION();
  expect_writes_only({"--no-seccomp-bpf", "-e", "trace=write"});
}

TEST(I386Calls, FilterByNameWithSeccomp) {
  SKIP_WITHOUT_IA32_EMULATION();
  expect_writes_only({"-f", "--seccomp-bpf", "-e", "trace=write"});
}

TEST(I386Calls, SummaryHasA32BitTable) {
  SKIP_WITHOUT_IA32_EMULATION();
  RunResult r;
  auto lines = traced({"-c", "-e", "trace=getpid,write"}, &r);
  EXPECT_EQ(r.code, 0) << r.err;
  auto title = std::find(lines.begin(), lines.end(), "System call usage summary for 32 bit mode:");
  ASSERT_NE(title, lines.end());
  auto row = [&](auto from, auto to, const std::string& name) {
    return std::find_if(from, to, [&](const std::string& l) { return l.ends_with(" " + name); });
  };
  // Native: glibc's getpid and the report's write; i386: getpid, two writes.
  EXPECT_NE(row(lines.begin(), title, "getpid"), title);
  EXPECT_NE(row(lines.begin(), title, "write"), title);
  auto w32 = row(title, lines.end(), "write");
  ASSERT_NE(w32, lines.end());
  EXPECT_NE(w32->find(" 2 "), std::string::npos) << *w32;  // calls
  EXPECT_NE(row(title, lines.end(), "getpid"), lines.end());
}

TEST(I386Calls, SameAsStrace) {
  SKIP_WITHOUT_IA32_EMULATION();
  if (reference_strace_7().empty()) GTEST_SKIP() << "no strace 7.x to compare with";
  expect_same_trace({program("int80_calls")});
  expect_same_trace({program("int80_calls")}, {"-e", "trace=write"});
  // With the personality lines, which -o FILE PROG hides by default.
  expect_same_trace({program("int80_calls")}, {"-e", "quiet=attach"});
  expect_same_trace({program("int80_calls")}, {"-e", "quiet=attach", "-e", "trace=write"});
}

#endif

}  // namespace
}  // namespace xtrace::testing
