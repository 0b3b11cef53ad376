// The command line's shared readers (src/cli): strace's sets, numbers,
// durations, signal and errno names, and tables of words.
#include <gtest/gtest.h>

#include <csignal>
#include <string>

#include "cli/c_number.hpp"
#include "cli/duration.hpp"
#include "cli/kernel_names.hpp"
#include "cli/named_values.hpp"
#include "cli/split_list.hpp"
#include "cli/token_set.hpp"
#include "xtrace/options.hpp"

namespace xtrace::cli {
namespace {

using std::chrono::microseconds;
using std::chrono::milliseconds;
using std::chrono::nanoseconds;
using std::chrono::seconds;

constexpr NamedValue kColours[] = {{"red", 0}, {"green", 1}, {"blue", 2}};
int colour(std::string_view name) {
  return find_value(kColours, name);
}

std::string error_of(std::string_view text) {
  try {
    parse_token_set(text, "colour", colour);
  } catch (const UsageError& e) {
    EXPECT_FALSE(e.suggests_help());  // strace's qualify_tokens dies without the hint
    return e.what();
  }
  return "";
}

TEST(TokenSet, ListsAllNoneAndInversion) {
  EXPECT_EQ(parse_token_set("red,blue", "colour", colour).to_bitset<3>().to_string(), "101");
  EXPECT_EQ(parse_token_set("!red", "colour", colour).to_bitset<3>().to_string(), "110");
  EXPECT_EQ(parse_token_set("!!red", "colour", colour).to_bitset<3>().to_string(), "001");
  EXPECT_EQ(parse_token_set("all", "colour", colour).to_bitset<3>().to_string(), "111");
  EXPECT_EQ(parse_token_set("!all", "colour", colour).to_bitset<3>().to_string(), "000");
  EXPECT_EQ(parse_token_set("none", "colour", colour).to_bitset<3>().to_string(), "000");
  EXPECT_EQ(parse_token_set("!none", "colour", colour).to_bitset<3>().to_string(), "111");
  EXPECT_TRUE(parse_token_set("!red", "colour", colour).contains(7));
}

TEST(TokenSet, EmptyTokensAreSkippedAndNamesIgnoreCase) {
  EXPECT_EQ(parse_token_set(",red,,BLUE,", "colour", colour).to_bitset<3>().to_string(), "101");
  EXPECT_EQ(parse_token_set("1,,2", "descriptor", descriptor_token).numbers,
            (std::vector<int>{1, 2}));
}

TEST(TokenSet, MessagesAsStrace) {
  EXPECT_EQ(error_of("red,pink"), "invalid colour 'pink'");
  EXPECT_EQ(error_of(""), "invalid colour ''");
  EXPECT_EQ(error_of(",,"), "invalid colour ',,'");
  EXPECT_EQ(error_of("!"), "invalid colour '!'");
  EXPECT_EQ(error_of("ALL"), "invalid colour 'ALL'");  // strace: strcmp for all/none
}

TEST(TokenSet, Descriptors) {
  EXPECT_EQ(descriptor_token("0"), 0);
  EXPECT_EQ(descriptor_token("2147483647"), 2147483647);
  EXPECT_LT(descriptor_token("2147483648"), 0);
  EXPECT_LT(descriptor_token("-1"), 0);
  EXPECT_LT(descriptor_token("3x"), 0);
  EXPECT_LT(descriptor_token(""), 0);
}

TEST(CNumber, AsStrtoll) {
  EXPECT_EQ(parse_c_number("+5", 0, 10), 5);
  EXPECT_EQ(parse_c_number(" 5", 0, 10), 5);
  EXPECT_FALSE(parse_c_number("5 ", 0, 10));
  EXPECT_FALSE(parse_c_number("11", 0, 10));
  EXPECT_FALSE(parse_c_number("99999999999999999999", 0, 10));
}

TEST(Duration, UnitsAsStrace) {
  EXPECT_EQ(parse_duration("10ms"), milliseconds(10));
  EXPECT_FALSE(parse_duration("10MS"));  // as strace 7.2
  EXPECT_EQ(parse_duration("2s"), seconds(2));
  EXPECT_EQ(parse_duration("7ns"), nanoseconds(7));
  EXPECT_EQ(parse_duration("1.5us"), nanoseconds(1500));
  EXPECT_EQ(parse_duration("1e3"), milliseconds(1));  // bare: microseconds
  EXPECT_EQ(parse_duration("5"), microseconds(5));
  EXPECT_EQ(parse_duration("5", seconds(1)), seconds(5));
  EXPECT_EQ(parse_duration("+5ns"), nanoseconds(5));
  EXPECT_FALSE(parse_duration(""));
  EXPECT_FALSE(parse_duration("ms"));
  EXPECT_FALSE(parse_duration("-1"));
  EXPECT_FALSE(parse_duration("-1ms"));
  EXPECT_FALSE(parse_duration("5m"));
  EXPECT_FALSE(parse_duration("5 ms"));
  EXPECT_FALSE(parse_duration("1e30s"));
}

TEST(KernelNames, Signals) {
  EXPECT_EQ(signal_token("9"), SIGKILL);
  EXPECT_EQ(signal_token("KILL"), SIGKILL);
  EXPECT_EQ(signal_token("SIGkill"), SIGKILL);
  EXPECT_EQ(signal_token("sigterm"), SIGTERM);
  EXPECT_EQ(signal_token("255"), 255);
  EXPECT_LT(signal_token("256"), 0);
  EXPECT_LT(signal_token("SIGFOO"), 0);
  EXPECT_LT(signal_token("SIG"), 0);
}

TEST(KernelNames, Errnos) {
  EXPECT_EQ(errno_token("ENOSPC"), ENOSPC);
  EXPECT_EQ(errno_token("enospc"), ENOSPC);
  EXPECT_EQ(errno_token("EWOULDBLOCK"), EWOULDBLOCK);
  EXPECT_EQ(errno_token("28"), 28);
  EXPECT_EQ(errno_token("4095"), 4095);
  EXPECT_LT(errno_token("0"), 0);
  EXPECT_LT(errno_token("4096"), 0);
  EXPECT_LT(errno_token("EFOO"), 0);
}

TEST(NamedValues, FindIgnoresCase) {
  EXPECT_EQ(find_value(kColours, "Green"), 1);
  EXPECT_EQ(find_value(kColours, "gree"), -1);
  EXPECT_EQ(find_named(kColours, "BLUE"), &kColours[2]);
  EXPECT_EQ(find_value(kColours, "Green", Case::exact), -1);
}

TEST(SplitList, KeepsEmptyItems) {
  EXPECT_EQ(split_list("a,,b"), (std::vector<std::string_view>{"a", "", "b"}));
  EXPECT_EQ(split_list(""), (std::vector<std::string_view>{""}));
  EXPECT_EQ(split_list("1 2,3", " ,"), (std::vector<std::string_view>{"1", "2", "3"}));
}

}  // namespace
}  // namespace xtrace::cli
