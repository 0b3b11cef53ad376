// Issue 11, argument widths: registers with garbage in their high bits
// print as the kernel reads them (by each argument's C type), and a result
// injected into geteuid prints unsigned, as strace 7.2 prints them.
#include <gtest/gtest.h>

#include "run_command.hpp"
#include "strace_compare.hpp"
#include "strace_output.hpp"

namespace xtrace::testing {
namespace {

const std::vector<std::string> kOptions{"-e", "trace=umask,alarm,creat,getdents64,geteuid", "-e",
                                        "inject=geteuid:retval=0x8000000000000000"};

TEST(ArgWidths, GarbageHighBitsPrintAsTheKernelReadsThem) {
  std::vector<std::string> args{xtrace_binary(), "-a", "1"};
  args.insert(args.end(), kOptions.begin(), kOptions.end());
  args.push_back(program("arg_widths"));
  RunResult r = run_command(args);
  ASSERT_EQ(r.code, 0) << r.err;
  std::vector<std::string> lines = lines_of(r.err);
  std::vector<std::string> rest {
#if defined(__x86_64__)  // aarch64 has neither alarm nor creat
    "alarm(42) = 0", "alarm(0) = 42", R"(creat(".", 000) = -1 EISDIR (Is a directory))",
#endif
        "getdents64(-1, NULL, 3735928559) = -1 EBADF (Bad file descriptor)",
        "geteuid() = 9223372036854775808 (INJECTED)", "+++ exited with 0 +++"
  };
  ASSERT_EQ(lines.size(), 3 + rest.size()) << r.err;
  // The first umask returns whatever umask the test runs with.
  EXPECT_EQ(lines[0].rfind("umask(022) = 0", 0), 0u) << lines[0];
  EXPECT_EQ(lines[1], "umask(077) = 022");
  EXPECT_EQ(lines[2].rfind("umask(", 0), 0u) << lines[2];
  for (std::size_t i = 0; i < rest.size(); ++i) EXPECT_EQ(lines[3 + i], rest[i]);
}

TEST(ArgWidths, SameAsStrace) {
  if (reference_strace_7().empty()) GTEST_SKIP() << "no strace 7.x";
  expect_same_trace({program("arg_widths")}, kOptions);
}

}  // namespace
}  // namespace xtrace::testing
