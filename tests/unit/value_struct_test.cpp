// Structures and arrays in the value model: the markers StructPrinter and
// ArrayPrinter write, rendered as strace's punctuation and as JSON objects
// and arrays; the same calls on a std::string write the same text.
#include <gtest/gtest.h>

#include <string>

#include "decode/core/field_printer.hpp"
#include "decode/core/format_helpers.hpp"
#include "xtrace/value.hpp"
#include "xtrace/value_json.hpp"
#include "xtrace/value_text.hpp"

namespace xtrace {
namespace {

using decode::ArrayPrinter;
using decode::StructPrinter;

// [{tv_sec=1, tv_nsec=2}, {tv_sec=3, tv_nsec=UTIME_NOW}, ...]
template <typename Out>
void write_pairs(Out& out) {
  ArrayPrinter a(out);
  {
    StructPrinter s(a.item());
    decode::print_int(1, s.field("tv_sec"));
    decode::print_uint(2, s.field("tv_nsec"));
  }
  {
    StructPrinter s(a.item());
    decode::print_int(3, s.field("tv_sec"));
    s.field("tv_nsec") += "UTIME_NOW";
  }
  a.more();
}

std::string text_of(const ValueOut& out) {
  std::string text;
  render_text(out, TextStyle{}, text);
  return text;
}

TEST(ValueStruct, TextIsTheSameFromValuesAndFromAString) {
  ValueOut out;
  write_pairs(out);
  std::string direct;
  write_pairs(direct);
  EXPECT_EQ(direct, "[{tv_sec=1, tv_nsec=2}, {tv_sec=3, tv_nsec=UTIME_NOW}, ...]");
  EXPECT_EQ(text_of(out), direct);
}

TEST(ValueStruct, JsonHasObjectsAndArrays) {
  ValueOut out;
  write_pairs(out);
  nlohmann::json expected = nlohmann::json::parse(R"({"array": [
      {"struct": {"tv_sec": 1, "tv_nsec": 2}},
      {"struct": {"tv_sec": 3, "tv_nsec": {"text": "UTIME_NOW"}}}], "more": true})");
  EXPECT_EQ(value_json(out), expected);
}

TEST(ValueStruct, EmptyContainersAndNesting) {
  ValueOut out;
  {
    StructPrinter outer(out);
    { ArrayPrinter empty(outer.field("list")); }
    StructPrinter inner(outer.field("inner"));
    decode::print_hex(0x10, inner.field("flags"));
  }
  EXPECT_EQ(text_of(out), "{list=[], inner={flags=0x10}}");
  EXPECT_EQ(value_json(out), nlohmann::json::parse(
                                 R"({"struct": {"list": {"array": []},
                                                "inner": {"struct": {"flags": 16}}}})"));
}

TEST(ValueStruct, TextAroundAContainerIsText) {
  ValueOut out;
  {
    StructPrinter s(out);
    decode::print_int(5, s.field("tv_sec"));
  }
  out += " /* 1970-01-01T00:00:05+0000 */";
  EXPECT_EQ(value_json(out),
            nlohmann::json({{"text", "{tv_sec=5} /* 1970-01-01T00:00:05+0000 */"}}));
}

TEST(ValueStruct, UnbalancedMarkersNeverBreakRendering) {
  // A printer that stopped inside a structure (or a fuzzed one) still
  // renders, and its JSON holds what there is.
  ValueOut out;
  out.struct_begin();
  out.field("a");
  out.signed_number(1);
  out.array_begin();
  out.item();
  EXPECT_EQ(text_of(out), "{a=1[");
  EXPECT_NO_THROW(value_json(out).dump());
  ValueOut stray;
  stray.array_end();
  stray.struct_end();
  stray.item();
  EXPECT_EQ(text_of(stray), "]}");
  EXPECT_EQ(value_json(stray), nlohmann::json({{"text", "]}"}}));
}

TEST(ValueStruct, DeepNestingKeepsItsSeparators) {
  ValueOut out;
  for (int i = 0; i < 70; ++i) {
    out.array_begin();
    out.item();
  }
  out.signed_number(1);
  for (int i = 0; i < 70; ++i) out.array_end();
  EXPECT_EQ(text_of(out), std::string(70, '[') + "1" + std::string(70, ']'));
  // Each array holds the next one, then two numbers.
  ValueOut wide;
  for (int i = 0; i < 70; ++i) {
    wide.array_begin();
    if (i < 69) wide.item();
  }
  for (int i = 0; i < 70; ++i) {
    wide.item();
    wide.signed_number(i);
    wide.item();
    wide.signed_number(i);
    wide.array_end();
  }
  std::string text = text_of(wide);
  EXPECT_TRUE(text.starts_with(std::string(70, '[') + "0, 0], 1, 1], 2, 2]")) << text;
  EXPECT_TRUE(text.ends_with("], 69, 69]")) << text;
}

}  // namespace
}  // namespace xtrace
