// The text renderer: values as strace prints them.
#pragma once

#include <string>
#include <string_view>

#include "xtrace/text_style.hpp"
#include "xtrace/value.hpp"

namespace xtrace {

// Appends every value of `values` (a whole ValueOut, or one argument of an
// event) to out.
void render_text(ValueSpan values, const TextStyle& style, std::string& out);

// A value with a symbolic form as -X asks (strace's print_xlat): the
// names, the number, or the number with the names as a comment; a number
// with no name gets `dflt` as a comment unless -X raw.
void render_symbol(std::string_view number, std::string_view names, std::string_view dflt,
                   ConstStyle style, std::string& out);

}  // namespace xtrace
