// The text renderer: values as strace prints them.
#pragma once

#include <string>
#include <string_view>

#include "xtrace/decode.hpp"
#include "xtrace/value.hpp"

namespace xtrace {

// The presentation options of strace's text that the decoders leave open.
struct TextStyle {
  HexStrings hex = HexStrings::none;       // -x, -xx
  ConstStyle consts = ConstStyle::abbrev;  // -X
  bool arg_names = false;                  // -N: "name=" before each argument
};

inline TextStyle text_style_of(const DecodeOptions& opts) {
  return TextStyle{opts.hex, opts.const_style, opts.arg_names};
}

// Appends every value of `values` (a whole ValueOut, or one argument of an
// event) to out.
void render_text(ValueSpan values, const TextStyle& style, std::string& out);

// A value with a symbolic form as -X asks (strace's print_xlat): the
// names, the number, or the number with the names as a comment; a number
// with no name gets `dflt` as a comment unless -X raw.
void render_symbol(std::string_view number, std::string_view names, std::string_view dflt,
                   ConstStyle style, std::string& out);

}  // namespace xtrace
