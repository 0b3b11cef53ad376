// An event's arguments share one ValueOut: each is a run of it, which text
// never crosses, read back alone; a call that grew the buffer past the
// limit gives it back.
#include <gtest/gtest.h>

#include <string>

#include "xtrace/event.hpp"
#include "xtrace/value_json.hpp"
#include "xtrace/value_text.hpp"

namespace xtrace {
namespace {

std::string text_of(const SyscallEvent& ev, int i) {
  std::string out;
  render_text(ev.arg(i), TextStyle{}, out);
  return out;
}

TEST(EventArgs, EachArgumentIsItsOwnRunAndTextNeverJoinsTheOneBefore) {
  SyscallEvent ev;
  ev.write_arg(0, [](ValueOut& out) { out += "{a=1"; });
  ev.write_arg(1, [](ValueOut& out) { out += "b"; });
  ev.write_arg(2, [](ValueOut& out) {
    out.hex(0x10);
    out += ", ";
    out.signed_number(-1);
  });
  EXPECT_EQ(text_of(ev, 0), "{a=1");
  EXPECT_EQ(text_of(ev, 1), "b");
  EXPECT_EQ(text_of(ev, 2), "0x10, -1");
  EXPECT_EQ(ev.arg(1).values().size(), 1u);
}

TEST(EventArgs, AnArgumentWrittenAgainAtExitReplacesItsEntryValues) {
  SyscallEvent ev;
  ev.write_arg(0, [](ValueOut& out) { out.signed_number(3); });
  ev.write_arg(1, [](ValueOut& out) { out += "0x7ffd"; });
  ev.write_arg(1, [](ValueOut& out) { out.bytes("hi", 0); });
  EXPECT_EQ(text_of(ev, 0), "3");
  EXPECT_EQ(text_of(ev, 1), "\"hi\"");
  EXPECT_EQ(value_json(ev.arg(0)), 3);
}

TEST(EventArgs, WriteArgReturnsWhatTheWriterReturns) {
  SyscallEvent ev;
  EXPECT_FALSE(ev.write_arg(0, [](ValueOut&) { return false; }));
  EXPECT_TRUE(ev.write_arg(0, [](ValueOut& out) {
    out.unsigned_number(1);
    return true;
  }));
}

TEST(EventArgs, ClearedArgumentsReadAsNothing) {
  SyscallEvent ev;
  ev.write_arg(3, [](ValueOut& out) { out += "stale"; });
  ev.clear_args();
  EXPECT_EQ(text_of(ev, 3), "");
  EXPECT_TRUE(ev.arg(3).values().empty());
}

TEST(EventArgs, BuffersAboveTheLimitAreGivenBackSmallOnesKept) {
  SyscallEvent ev;
  ev.write_arg(0, [](ValueOut& out) { out.bytes(std::string(100, 'x'), 0); });
  ev.values.release_if_above(4096);
  EXPECT_EQ(text_of(ev, 0).size(), 102u);  // kept: under the limit
  ev.write_arg(1, [](ValueOut& out) { out.bytes(std::string(10000, 'x'), 0); });
  ev.values.release_if_above(4096);
  EXPECT_TRUE(ev.values.empty());
  EXPECT_EQ(text_of(ev, 1), "");
}

}  // namespace
}  // namespace xtrace
