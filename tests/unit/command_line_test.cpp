#include <gtest/gtest.h>

#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

#include "parse_args.hpp"
#include "xtrace/options.hpp"

namespace xtrace {
namespace {

using testing::parse;

TEST(CommandLine, CommandAndItsArgumentsAreLeftUntouched) {
  Options o = parse({"xtrace", "ls", "-l", "-s", "5", "--", "x"});
  EXPECT_EQ(o.command, (std::vector<std::string>{"ls", "-l", "-s", "5", "--", "x"}));
  EXPECT_EQ(o.decode.string_limit, 32u);
}

TEST(CommandLine, StringLimitForms) {
  EXPECT_EQ(parse({"xtrace", "-s", "100", "true"}).decode.string_limit, 100u);
  EXPECT_EQ(parse({"xtrace", "-s2000", "true"}).decode.string_limit, 2000u);
  EXPECT_EQ(parse({"xtrace", "--string-limit=7", "true"}).decode.string_limit, 7u);
  EXPECT_EQ(parse({"xtrace", "-s", "0", "true"}).decode.string_limit, 0u);
}

TEST(CommandLine, OutputForms) {
  EXPECT_EQ(parse({"xtrace", "-o", "f", "true"}).output_path, "f");
  EXPECT_EQ(parse({"xtrace", "-ofile", "true"}).output_path, "file");
  EXPECT_EQ(parse({"xtrace", "--output=g", "true"}).output_path, "g");
  EXPECT_FALSE(parse({"xtrace", "true"}).output_path);
}

TEST(CommandLine, DoubleDashEndsOptions) {
  Options o = parse({"xtrace", "-s", "3", "--", "-weird-name", "a"});
  EXPECT_EQ(o.command, (std::vector<std::string>{"-weird-name", "a"}));
}

TEST(CommandLine, ProgramNameIsArgv0) {
  EXPECT_EQ(parse({"./my-xtrace", "true"}).program_name, "./my-xtrace");
}

TEST(CommandLine, HelpAndVersionNeedNoCommand) {
  EXPECT_TRUE(parse({"xtrace", "-h"}).show_help);
  EXPECT_TRUE(parse({"xtrace", "-V"}).show_version);
  EXPECT_TRUE(parse({"xtrace", "--version"}).show_version);
}

TEST(CommandLine, Errors) {
  EXPECT_THROW(parse({"xtrace"}), UsageError);
  EXPECT_THROW(parse({"xtrace", "-s", "abc", "true"}), UsageError);
  EXPECT_THROW(parse({"xtrace", "-s", "-1", "true"}), UsageError);
  EXPECT_THROW(parse({"xtrace", "-Q", "true"}), UsageError);
  EXPECT_THROW(parse({"xtrace", "--no-such-option", "true"}), UsageError);
  EXPECT_THROW(parse({"xtrace", "-s"}), UsageError);
}

TEST(CommandLine, ErrorMessagesNameTheProblem) {
  try {
    parse({"xtrace"});
    FAIL();
  } catch (const UsageError& e) {
    EXPECT_STREQ(e.what(), "must have PROG [ARGS] or -p PID");
  }
  try {
    parse({"xtrace", "-s", "abc", "true"});
    FAIL();
  } catch (const UsageError& e) {
    EXPECT_STREQ(e.what(), "invalid -s argument: 'abc'");
  }
}

TEST(CommandLine, InjectRulesAddTheInjectedColumn) {
  EXPECT_FALSE(parse({"xtrace", "-c", "true"}).report.summary.injecting);
  EXPECT_TRUE(
      parse({"xtrace", "-c", "-e", "inject=getpid:error=EPERM", "true"}).report.summary.injecting);
  EXPECT_TRUE(parse({"xtrace", "-c", "--fault=getpid", "true"}).report.summary.injecting);
  EXPECT_EQ(parse({"xtrace", "-c", "-U", "name,injected", "true"}).report.summary.columns,
            (std::vector<SummaryColumn>{SummaryColumn::name, SummaryColumn::injected}));
}

}  // namespace
}  // namespace xtrace

namespace xtrace::testing {
namespace {

// "--NAME=" is NAME with an empty value, as with getopt: never the next
// word, so "--output= PROG" cannot truncate PROG.
TEST(CommandLine, EmptyValueAfterEqualsIsEmpty) {
  EXPECT_EQ(parse({"xtrace", "--output=", "true"}).output_path, std::optional<std::string>(""));
  EXPECT_EQ(parse({"xtrace", "--output=", "true"}).command, std::vector<std::string>{"true"});
  EXPECT_EQ(error_of({"xtrace", "--string-limit=", "true"}), "invalid -s argument: ''");
  EXPECT_EQ(error_of({"xtrace", "--trace=", "true"}), "invalid system call ''");
  EXPECT_EQ(error_of({"xtrace", "--signal=", "true"}), "invalid signal ''");
  EXPECT_EQ(error_of({"xtrace", "--decode-fds=", "true"}), "invalid decode-fds ''");
  EXPECT_EQ(error_of({"xtrace", "--attach=", "true"}), "Invalid process id: ''");
  // The command's own words are the command's.
  Options o = parse({"xtrace", "prog", "--output=", "--trace="});
  EXPECT_EQ(o.command, (std::vector<std::string>{"prog", "--output=", "--trace="}));
  EXPECT_FALSE(o.output_path.has_value());
}

}  // namespace
}  // namespace xtrace::testing
