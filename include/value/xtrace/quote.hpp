// strace's string quoting: C escapes, minimal octal for other bytes, or hex
// for the whole string (-x when it has non-printable bytes, -xx always).
#pragma once

#include <string>
#include <string_view>

#include "xtrace/text_style.hpp"
#include "xtrace/value.hpp"

namespace xtrace {

struct QuoteStyle {
  HexStrings hex = HexStrings::none;
  bool force_hex = false;  // getrandom's bytes are random: always hex
  bool quotes = true;      // false: no surrounding quotes (-y's <path>)
  // Printable bytes escaped in octal anyway (-y's "<>", so that a path
  // cannot close the brackets around it).
  std::string_view escape_chars = {};
};

// Appends the quoted bytes of text to out, with the surrounding quotes.
void quote_string(std::string_view text, QuoteStyle style, std::string& out);

// Quotes a buffer of which only the first `limit` bytes are shown; appends
// strace's "..." when more bytes existed.
void quote_buffer(std::string_view bytes, std::size_t limit, QuoteStyle style, std::string& out);

// Quotes bytes and appends "..." when `truncated` (more existed).
void quote_truncated(std::string_view bytes, bool truncated, QuoteStyle style, std::string& out);
void quote_truncated(std::string_view bytes, bool truncated, QuoteStyle style, ValueOut& out);

// The same as a bytes value, which the renderer quotes as -x / -xx ask
// (style.hex is the renderer's; only force_hex is kept).  The quotes and
// escape_chars of style must be the defaults.
void quote_string(std::string_view text, QuoteStyle style, ValueOut& out);
void quote_buffer(std::string_view bytes, std::size_t limit, QuoteStyle style, ValueOut& out);

}  // namespace xtrace
