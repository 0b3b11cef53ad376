#include <gtest/gtest.h>

#include "xtrace/quote.hpp"

namespace xtrace {
namespace {

std::string quote_of(std::string_view s, QuoteStyle style = {}) {
  std::string out;
  quote_string(s, style, out);
  return out;
}

TEST(Quote, PrintableAndCEscapes) {
  EXPECT_EQ(quote_of("hello\n"), R"("hello\n")");
  EXPECT_EQ(quote_of("a\"b\\c"), R"("a\"b\\c")");
  EXPECT_EQ(quote_of("\t\r\v\f"), R"("\t\r\v\f")");
}

TEST(Quote, ShortestOctalUnlessADigitFollows) {
  using namespace std::string_literals;
  EXPECT_EQ(quote_of("\177ELF\2\1\1\3\0\0"s), R"("\177ELF\2\1\1\3\0\0")");
  EXPECT_EQ(quote_of("\0001"s), R"("\0001")");
  EXPECT_EQ(quote_of("\0008"s), R"("\08")");
  EXPECT_EQ(quote_of("\x1b[0m"s), R"("\33[0m")");
  EXPECT_EQ(quote_of("\xff"s), R"("\377")");
}

TEST(Quote, HexModes) {
  EXPECT_EQ(quote_of("ab", {HexStrings::all}), R"("\x61\x62")");
  EXPECT_EQ(quote_of("ab\n", {HexStrings::non_ascii}), R"("ab\n")");
  EXPECT_EQ(quote_of("a\1", {HexStrings::non_ascii}), R"("\x61\x01")");
  EXPECT_EQ(quote_of("ab", {HexStrings::none, true}), R"("\x61\x62")");
}

TEST(Quote, BufferTruncation) {
  std::string out;
  quote_buffer("abcdefgh", 4, {}, out);
  EXPECT_EQ(out, R"("abcd"...)");
  out.clear();
  quote_buffer("abcd", 4, {}, out);
  EXPECT_EQ(out, R"("abcd")");
}

}  // namespace
}  // namespace xtrace
