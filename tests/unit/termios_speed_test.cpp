// ioctl(TCGETS)'s termios speed, decoded again and again: the table of
// speeds once lived on the stack of the first call (a local array under a
// function-static Xlat), so every later call looked its speed up in
// whatever that stack held by then.  decoder_fuzz found it as a
// stack-buffer-overflow.
#include <sys/ioctl.h>
#include <termios.h>

#include <string>

#include <gtest/gtest.h>

#include "decode_line.hpp"
#include "fake_memory.hpp"

namespace xtrace {
namespace {

using testing::FakeMemory;

constexpr std::uint64_t kTermios = 0x10000;
const char* const kExpected = "ioctl(1, TCGETS, {B38400 opost isig icanon echo ...}) = 0";

std::string decode_tcgets(FakeMemory& mem) {
  return testing::line("ioctl", {1, TCGETS, kTermios, 0, 0, 0}, 0, mem);
}

// Decodes from deeper in the stack than the later calls, so that the first
// call's frame lies where overwrite_stack writes afterwards.
[[gnu::noinline]] std::string decode_deep(FakeMemory& mem, int depth) {
  volatile char pad[4096];
  pad[0] = 0;
  std::string text = depth == 0 ? decode_tcgets(mem) : decode_deep(mem, depth - 1);
  pad[1] = pad[0];  // keeps this frame alive across the call
  return text;
}

[[gnu::noinline]] void overwrite_stack() {
  volatile unsigned char junk[64 * 1024];
  for (auto& b : junk) b = 0xff;
}

TEST(TermiosSpeed, TableOutlivesTheFirstCall) {
  FakeMemory mem;
  termios t{};
  t.c_cflag = B38400;
  t.c_oflag = OPOST;
  t.c_lflag = ISIG | ICANON | ECHO;
  mem.put_value(kTermios, t);
  EXPECT_EQ(decode_deep(mem, 4), kExpected);
  overwrite_stack();
  EXPECT_EQ(decode_tcgets(mem), kExpected);
  EXPECT_EQ(decode_tcgets(mem), kExpected);
}

}  // namespace
}  // namespace xtrace
