#include "xtrace/palette.hpp"

#include <array>

namespace xtrace {

std::string_view Palette::start(Paint paint) const {
  if (!on_) return {};
  // Indexed by Paint.
  static constexpr std::array<std::string_view, 8> kStart{
      "\x1b[33m",    // name: yellow
      "\x1b[35m",    // arg: magenta
      "\x1b[32m",    // result: green
      "\x1b[31m",    // error: red
      "\x1b[1;36m",  // injected: bold cyan
      "\x1b[34m",    // signal: blue
      "\x1b[1m",     // exit: bold
      "\x1b[1;41m",  // slow: bold on red
  };
  return kStart[static_cast<std::size_t>(paint)];
}

bool use_color(ColorMode mode, bool terminal, const char* no_color_env) {
  switch (mode) {
    case ColorMode::always: return true;
    case ColorMode::never: return false;
    case ColorMode::automatic:
      return terminal && (no_color_env == nullptr || *no_color_env == '\0');
  }
  return false;
}

}  // namespace xtrace
