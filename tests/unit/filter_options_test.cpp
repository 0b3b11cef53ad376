// The command line of -P, --trace-fds (and -e trace-fds= with its aliases)
// and --syscall-limit: accepted forms and every error, worded as strace 7.2.
#include <gtest/gtest.h>

#include <climits>
#include <initializer_list>
#include <string>
#include <vector>

#include "parse_args.hpp"
#include "xtrace/options.hpp"
#include "xtrace/path_args.hpp"

namespace xtrace {
namespace {

using testing::error_of;
using testing::parse;

TEST(FilterOptions, TracePathsAccumulate) {
  Options o = parse({"xtrace", "-P", "/a", "--trace-path=/b", "-P/c", "true"});
  EXPECT_EQ(o.report.filter.paths, (std::vector<std::string>{"/a", "/b", "/c"}));
  EXPECT_TRUE(o.report.filter.traces_paths());
  EXPECT_FALSE(parse({"xtrace", "true"}).report.filter.traces_paths());
}

TEST(FilterOptions, TraceFdsForms) {
  auto fds = [](std::initializer_list<const char*> args) { return *parse(args).report.filter.fds; };
  DescriptorSet s = fds({"xtrace", "--trace-fds=1,3", "true"});
  EXPECT_TRUE(s.contains(1));
  EXPECT_TRUE(s.contains(3));
  EXPECT_FALSE(s.contains(2));
  EXPECT_FALSE(s.contains(-100));  // AT_FDCWD is never a descriptor
  s = fds({"xtrace", "-e", "trace-fds=!1", "true"});
  EXPECT_FALSE(s.contains(1));
  EXPECT_TRUE(s.contains(INT_MAX));
  EXPECT_FALSE(s.contains(-1));
  EXPECT_TRUE(fds({"xtrace", "-e", "fd=all", "true"}).contains(12345));
  EXPECT_FALSE(fds({"xtrace", "-e", "fds=none", "true"}).contains(0));
  EXPECT_TRUE(fds({"xtrace", "-e", "trace-fd=!!7", "true"}).contains(7));
  EXPECT_TRUE(fds({"xtrace", "-e", "trace-fds=!none", "true"}).contains(0));
  // strtoll's leniency, and empty items skipped, as in strace.
  s = fds({"xtrace", "--trace-fds= +5,,06,", "true"});
  EXPECT_TRUE(s.contains(5));
  EXPECT_TRUE(s.contains(6));
  EXPECT_TRUE(fds({"xtrace", "--trace-fds=2147483647", "true"}).contains(INT_MAX));
  // A later set replaces an earlier one, whichever form.
  s = fds({"xtrace", "--trace-fds=1", "-e", "fd=2", "true"});
  EXPECT_FALSE(s.contains(1));
  EXPECT_TRUE(s.contains(2));
}

TEST(FilterOptions, TraceFdsErrors) {
  EXPECT_EQ(error_of({"xtrace", "--trace-fds=foo", "true"}), "invalid descriptor 'foo'");
  EXPECT_EQ(error_of({"xtrace", "--trace-fds=-1", "true"}), "invalid descriptor '-1'");
  EXPECT_EQ(error_of({"xtrace", "--trace-fds=3-5", "true"}), "invalid descriptor '3-5'");
  EXPECT_EQ(error_of({"xtrace", "--trace-fds=0x1", "true"}), "invalid descriptor '0x1'");
  EXPECT_EQ(error_of({"xtrace", "--trace-fds=1 ", "true"}), "invalid descriptor '1 '");
  EXPECT_EQ(error_of({"xtrace", "--trace-fds=2147483648", "true"}),
            "invalid descriptor '2147483648'");
  EXPECT_EQ(error_of({"xtrace", "--trace-fds=99999999999999999999", "true"}),
            "invalid descriptor '99999999999999999999'");
  EXPECT_EQ(error_of({"xtrace", "--trace-fds=1,all", "true"}), "invalid descriptor 'all'");
  EXPECT_EQ(error_of({"xtrace", "--trace-fds=none,1", "true"}), "invalid descriptor 'none'");
  EXPECT_EQ(error_of({"xtrace", "-e", "trace-fds=", "true"}), "invalid descriptor ''");
  EXPECT_EQ(error_of({"xtrace", "-e", "trace-fds=,", "true"}), "invalid descriptor ','");
  EXPECT_EQ(error_of({"xtrace", "-e", "trace-fds=!", "true"}), "invalid descriptor '!'");
  EXPECT_EQ(error_of({"xtrace", "-e", "trace-fds=!,", "true"}), "invalid descriptor '!,'");
  // An unknown name is read as a syscall set, as strace does.
  EXPECT_EQ(error_of({"xtrace", "-e", "trace_fds=1", "true"}), "invalid system call 'trace_fds=1'");
}

TEST(FilterOptions, SyscallLimit) {
  EXPECT_EQ(parse({"xtrace", "true"}).report.filter.syscall_limit, 0u);
  EXPECT_EQ(parse({"xtrace", "--syscall-limit=5", "true"}).report.filter.syscall_limit, 5u);
  EXPECT_EQ(parse({"xtrace", "--syscall-limit", "6", "true"}).report.filter.syscall_limit, 6u);
  EXPECT_EQ(parse({"xtrace", "--syscall-limit= +7", "true"}).report.filter.syscall_limit, 7u);
  EXPECT_EQ(
      parse({"xtrace", "--syscall-limit=9223372036854775807", "true"}).report.filter.syscall_limit,
      9223372036854775807u);
  for (const char* bad :
       {"0", "-1", "foo", "1x", "0x10", "9223372036854775808", "18446744073709551615", "5 "}) {
    std::string arg = std::string("--syscall-limit=") + bad;
    EXPECT_EQ(error_of({"xtrace", arg.c_str(), "true"}),
              std::string("invalid --syscall-limit argument: '") + bad + "'");
  }
}

TEST(FilterOptions, NamedSetsSkipEmptyItemsLikeStrace) {
  EXPECT_TRUE(
      parse({"xtrace", "-e", "signal=SIGINT,,SIGTERM,", "true"}).report.filter.shows_signal(15));
  EXPECT_EQ(error_of({"xtrace", "-e", "signal=,", "true"}), "invalid signal ','");
  EXPECT_EQ(error_of({"xtrace", "-e", "status=!", "true"}), "invalid status '!'");
}

TEST(PathArgs, RolesAsStraceLooksAtThem) {
  auto args = [](std::string_view name) { return filter::path_args(*find_syscall(name)); };
  EXPECT_EQ(args("openat").fds, 0b1);  // dirfd, then the path
  EXPECT_EQ(args("openat").paths, 0b10);
  EXPECT_EQ(args("mmap").fds, 0b10000);
  EXPECT_EQ(args("linkat").paths, 0b1010);
  EXPECT_EQ(args("rename").paths, 0b1);  // strace: only the old path
  EXPECT_EQ(args("epoll_ctl").fds, 0b100);
  EXPECT_EQ(args("read").fds, 0b1);                         // by class: desc
  EXPECT_EQ(args("connect").fds, 0b1);                      // by class: network
  EXPECT_EQ(args("socket").fds | args("socket").paths, 0);  // creates, takes none
  EXPECT_EQ(args("getpid").fds | args("getpid").paths, 0);  // touches no file
  EXPECT_EQ(args("ppoll").source, filter::FdSource::pollfds);
  EXPECT_EQ(args("pselect6").source, filter::FdSource::fd_sets);
}

}  // namespace
}  // namespace xtrace
