#include "strace_compare.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "run_command.hpp"
#include "strace_output.hpp"

namespace xtrace::testing {
namespace {

std::vector<std::string> trace_with(const std::string& tracer,
                                    const std::vector<std::string>& extra_args,
                                    const std::vector<std::string>& command, RunResult* result) {
  std::string dir = make_temp_dir();
  std::string out = dir + "/trace";
  std::vector<std::string> argv{tracer, "-o", out};
  argv.insert(argv.end(), extra_args.begin(), extra_args.end());
  argv.insert(argv.end(), command.begin(), command.end());
  *result = run_command(argv);
  auto lines = normalize(lines_of(read_file(out)));
  std::filesystem::remove_all(dir);
  return lines;
}

}  // namespace

std::string reference_strace_7() {
  std::string reference = reference_strace();
  if (reference.empty()) return "";
  RunResult version = run_command({reference, "-V"});
  if (version.out.rfind("strace -- version 7.", 0) == 0) return reference;
  fail_without_reference_in_ci(reference + " is not strace 7.x");
  return "";
}

void expect_same_trace(const std::vector<std::string>& command,
                       const std::vector<std::string>& extra_args) {
  std::string reference = reference_strace_7();
  ASSERT_FALSE(reference.empty()) << "no strace 7.x to compare with";
  RunResult expected_run;
  RunResult actual_run;
  auto expected = trace_with(reference, extra_args, command, &expected_run);
  auto actual = trace_with(xtrace_binary(), extra_args, command, &actual_run);
  EXPECT_EQ(actual_run.code, expected_run.code);
  EXPECT_EQ(actual_run.signaled, expected_run.signaled);
  std::size_t n = std::max(expected.size(), actual.size());
  for (std::size_t i = 0; i < n; ++i) {
    std::string e = i < expected.size() ? expected[i] : "<none>";
    std::string a = i < actual.size() ? actual[i] : "<none>";
    EXPECT_EQ(a, e) << "line " << i + 1 << " (strace: " << reference << ")";
    if (a != e) break;  // one difference shifts everything after it
  }
  EXPECT_EQ(actual.size(), expected.size());
}

}  // namespace xtrace::testing
