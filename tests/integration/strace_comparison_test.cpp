// The same programs under strace and xtrace give the same lines, once
// addresses, pids and random bytes are normalized.
#include <gtest/gtest.h>

#include <filesystem>

#include "run_command.hpp"
#include "strace_compare.hpp"

namespace xtrace::testing {
namespace {

// Older strace decodes less (6.1 prints rseq raw): compare with 7.x only.
void compare(const std::vector<std::string>& command,
             const std::vector<std::string>& extra_args = {}) {
  if (reference_strace_7().empty()) GTEST_SKIP() << "no strace 7.x to compare with";
  expect_same_trace(command, extra_args);
}

TEST(StraceComparison, True) {
  compare({"/bin/true"});
}

TEST(StraceComparison, CatFile) {
  std::string dir = make_temp_dir();
  std::string file = dir + "/input.txt";
  {
    std::FILE* f = std::fopen(file.c_str(), "w");
    std::fputs("line one\nline two\n\tthird\x01\xff\n", f);
    std::fclose(f);
  }
  compare({"cat", file});
  std::filesystem::remove_all(dir);
}

TEST(StraceComparison, LsMissingPath) {
  compare({"ls", "/nonexistent"});
}

TEST(StraceComparison, ShortStrings) {
  compare({"cat", "/etc/os-release"}, {"-s", "8"});
}

}  // namespace
}  // namespace xtrace::testing
