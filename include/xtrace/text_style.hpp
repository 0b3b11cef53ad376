// The presentation choices of strace's text that the decoders leave open
// to the text renderer: how strings and named constants print, and -N.
#pragma once

#include <cstdint>

namespace xtrace {

// How strings are shown (-x, -xx, --strings-in-hex): none escapes
// unprintable bytes in octal, non_ascii_chars in hex; non_ascii prints a
// whole string in hex when it has an unprintable byte; all always does.
enum class HexStrings : std::uint8_t { none, non_ascii_chars, non_ascii, all };

// How named constants print (-X): O_RDONLY, 0, or 0 /* O_RDONLY */.
enum class ConstStyle : std::uint8_t { abbrev, raw, verbose };

// The three together, as the text renderer takes them.
struct TextStyle {
  HexStrings hex = HexStrings::none;       // -x, -xx
  ConstStyle consts = ConstStyle::abbrev;  // -X
  bool arg_names = false;                  // -N: "name=" before each argument
};

}  // namespace xtrace
