// getopt_scan: getopt_long's reading of argv and its messages, on a small
// table (no CLI11, no process).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "cli/getopt_scan.hpp"
#include "xtrace/options.hpp"

namespace xtrace::cli {
namespace {

const int kOutput = 0, kFollow = 0, kStack = 0, kStackLimit = 0, kSummary = 0, kTrace = 0,
          kQuiet = 0;

const std::vector<OptionName> kNames = {
    {"output", true, HasArg::required, &kOutput},
    {"o", false, HasArg::required, &kOutput},
    {"follow-forks", true, HasArg::no, &kFollow},
    {"f", false, HasArg::no, &kFollow},
    {"stack-trace", true, HasArg::optional, &kStack},
    {"stack-traces", true, HasArg::optional, &kStack},
    {"stack-trace-frame-limit", true, HasArg::required, &kStackLimit},
    {"summary", true, HasArg::no, &kSummary},
    {"trace", true, HasArg::required, &kTrace},
    {"silent", true, HasArg::optional, &kQuiet},
    {"silence", true, HasArg::optional, &kQuiet},
};

ScannedArgs scan(std::vector<std::string> args) {
  return scan_getopt(args, kNames);
}

std::string error_of(std::vector<std::string> args) {
  try {
    scan(std::move(args));
  } catch (const UsageError& e) {
    EXPECT_TRUE(e.suggests_help()) << e.what();
    return e.what();
  }
  return "";
}

using Words = std::vector<std::string>;

TEST(GetoptScan, OptionsEndAtTheFirstNonOption) {
  ScannedArgs s = scan({"-f", "ls", "-f", "--", "x"});
  EXPECT_EQ(s.options, Words{"-f"});
  EXPECT_EQ(s.command, (Words{"ls", "-f", "--", "x"}));
  EXPECT_FALSE(s.after_double_dash);
  s = scan({"-f", "--", "-f"});
  EXPECT_EQ(s.command, Words{"-f"});
  EXPECT_TRUE(s.after_double_dash);
  EXPECT_EQ(scan({"-", "x"}).command, (Words{"-", "x"}));
}

TEST(GetoptScan, ShortClustersAndValues) {
  EXPECT_EQ(scan({"-ffofile", "p"}).options, (Words{"-f", "-f", "-ofile"}));
  EXPECT_EQ(scan({"-fo", "-x", "p"}).options, (Words{"-f", "-o-x"}));
  EXPECT_EQ(scan({"-o", "", "p"}).options, Words{"-o" + std::string(kEmptyValue)});
}

TEST(GetoptScan, LongValuesAndUniquePrefixes) {
  EXPECT_EQ(scan({"--output", "-f", "p"}).options, Words{"--output=-f"});
  EXPECT_EQ(scan({"--out=x", "p"}).options, Words{"--output=x"});
  EXPECT_EQ(scan({"--follow-fork", "p"}).options, Words{"--follow-forks"});
  EXPECT_EQ(scan({"--output=", "p"}).options, Words{"--output=" + std::string(kEmptyValue)});
  // Aliases of one option are one choice; an exact name beats a prefix.
  EXPECT_EQ(scan({"--sil", "p"}).options, Words{"--silent"});
  EXPECT_EQ(scan({"--stack-trace", "p"}).options, Words{"--stack-trace"});
  EXPECT_EQ(scan({"--summary", "p"}).options, Words{"--summary"});
  EXPECT_EQ(scan({"--trace", "x", "p"}).options, Words{"--trace=x"});
}

TEST(GetoptScan, OptionalValuesOnlyAfterEquals) {
  ScannedArgs s = scan({"--stack-trace", "symbol"});
  EXPECT_EQ(s.options, Words{"--stack-trace"});
  EXPECT_EQ(s.command, Words{"symbol"});
  EXPECT_EQ(scan({"--stack-trace=symbol"}).options, Words{"--stack-trace=symbol"});
}

TEST(GetoptScan, MessagesInGetoptsWords) {
  EXPECT_EQ(error_of({"-o"}), "option requires an argument -- 'o'");
  EXPECT_EQ(error_of({"-fo"}), "option requires an argument -- 'o'");
  EXPECT_EQ(error_of({"--trace"}), "option '--trace' requires an argument");
  EXPECT_EQ(error_of({"--tra"}), "option '--trace' requires an argument");
  EXPECT_EQ(error_of({"--bogus"}), "unrecognized option '--bogus'");
  EXPECT_EQ(error_of({"--bogus=1"}), "unrecognized option '--bogus=1'");
  EXPECT_EQ(error_of({"-Q"}), "invalid option -- 'Q'");
  EXPECT_EQ(error_of({"-f=1"}), "invalid option -- '='");
  EXPECT_EQ(error_of({"--follow-forks=yes"}), "option '--follow-forks' doesn't allow an argument");
  EXPECT_EQ(error_of({"--follow=0"}), "option '--follow-forks' doesn't allow an argument");
  EXPECT_EQ(error_of({"--s"}),
            "option '--s' is ambiguous; possibilities: '--stack-trace' "
            "'--stack-trace-frame-limit' '--summary' '--silent' '--silence'");
  EXPECT_EQ(error_of({"--stack-trac"}),
            "option '--stack-trac' is ambiguous; possibilities: '--stack-trace' "
            "'--stack-trace-frame-limit'");
  EXPECT_EQ(error_of({"--st=1"}),
            "option '--st=1' is ambiguous; possibilities: '--stack-trace' "
            "'--stack-trace-frame-limit'");
}

}  // namespace
}  // namespace xtrace::cli
