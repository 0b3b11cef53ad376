#include "xtrace/quote.hpp"

namespace xtrace {
namespace {

bool is_octal_digit(char c) {
  return c >= '0' && c <= '7';
}

// -x hex-quotes a whole string as soon as it holds one byte that is neither
// printable nor white space.
bool needs_hex(std::string_view text, QuoteStyle style) {
  if (style.force_hex || style.hex == HexStrings::all) return true;
  if (style.hex != HexStrings::non_ascii) return false;
  for (unsigned char c : text) {
    if (c > 0x7e) return true;
    if (c < ' ' && (c < '\t' || c > '\r')) return true;
  }
  return false;
}

void append_hex(unsigned char c, std::string& out) {
  static constexpr char kDigits[] = "0123456789abcdef";
  out += "\\x";
  out += kDigits[c >> 4];
  out += kDigits[c & 0xf];
}

// The shortest octal escape, unless the next byte is an octal digit and
// would be read as part of it.
void append_octal(unsigned char c, bool next_is_digit, std::string& out) {
  out += '\\';
  if (next_is_digit || (c >> 6) != 0) out += static_cast<char>('0' + (c >> 6));
  if (next_is_digit || (c >> 3) != 0) out += static_cast<char>('0' + ((c >> 3) & 7));
  out += static_cast<char>('0' + (c & 7));
}

char c_escape(unsigned char c) {
  switch (c) {
    case '"': return '"';
    case '\\': return '\\';
    case '\f': return 'f';
    case '\n': return 'n';
    case '\r': return 'r';
    case '\t': return 't';
    case '\v': return 'v';
    default: return 0;
  }
}

}  // namespace

void quote_string(std::string_view text, QuoteStyle style, std::string& out) {
  if (style.quotes) out += '"';
  if (needs_hex(text, style)) {
    for (unsigned char c : text) append_hex(c, out);
  } else {
    for (std::size_t i = 0; i < text.size(); ++i) {
      auto c = static_cast<unsigned char>(text[i]);
      if (char e = c_escape(c)) {
        out += '\\';
        out += e;
      } else if (c >= ' ' && c <= 0x7e && style.escape_chars.find(c) == std::string_view::npos) {
        out += static_cast<char>(c);
      } else if (style.hex == HexStrings::non_ascii_chars) {
        append_hex(c, out);  // --strings-in-hex=non-ascii-chars
      } else {
        append_octal(c, i + 1 < text.size() && is_octal_digit(text[i + 1]), out);
      }
    }
  }
  if (style.quotes) out += '"';
}

void quote_buffer(std::string_view bytes, std::size_t limit, QuoteStyle style, std::string& out) {
  bool truncated = bytes.size() > limit;
  quote_string(bytes.substr(0, limit), style, out);
  if (truncated) out += "...";
}

void quote_truncated(std::string_view bytes, bool truncated, QuoteStyle style, std::string& out) {
  quote_string(bytes, style, out);
  if (truncated) out += "...";
}

void quote_truncated(std::string_view bytes, bool truncated, QuoteStyle style, ValueOut& out) {
  std::uint8_t bits = style.force_hex ? bytes_style::force_hex : 0;
  if (truncated) bits |= bytes_style::truncated;
  out.bytes(bytes, bits);
}

void quote_string(std::string_view text, QuoteStyle style, ValueOut& out) {
  out.bytes(text, style.force_hex ? bytes_style::force_hex : 0);
}

void quote_buffer(std::string_view bytes, std::size_t limit, QuoteStyle style, ValueOut& out) {
  std::uint8_t bits = style.force_hex ? bytes_style::force_hex : 0;
  if (bytes.size() > limit) bits |= bytes_style::truncated;
  out.bytes(bytes.substr(0, limit), bits);
}

}  // namespace xtrace
