// Colour on a terminal (--color): the parts of a trace line a reader scans
// for, each in its own SGR colour.  strace 7.2's palette where it has one
// (names yellow, arguments magenta, results green, errors red); injected
// faults, signals, exits and slow calls (--slow) distinct too.  Off, every
// part is the empty string, so the uncoloured line is byte for byte
// strace's.
#pragma once

#include <cstdint>
#include <string_view>

#include "xtrace/report_options.hpp"

namespace xtrace {

enum class Paint : std::uint8_t { name, arg, result, error, injected, signal, exit, slow };

class Palette {
 public:
  Palette() = default;
  explicit Palette(bool on) : on_(on) {}
  bool on() const { return on_; }
  // The escape sequence that starts `paint`, and the one that ends any.
  std::string_view start(Paint paint) const;
  std::string_view reset() const { return on_ ? "\x1b[0m" : ""; }

 private:
  bool on_ = false;
};

// Whether an output is coloured: always, never, or (auto) when it is a
// terminal and NO_COLOR (no-color.org) is unset or empty.
bool use_color(ColorMode mode, bool terminal, const char* no_color_env);

}  // namespace xtrace
