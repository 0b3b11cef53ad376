// Constant tables ("xlat", as strace calls them): value-name pairs whose
// values come from the system headers, and the two ways of printing them.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "xtrace/decode.hpp"

namespace xtrace::decode {

struct XlatEntry {
  std::uint64_t value;
  std::string_view name;
};

// One entry whose value is the header's own constant.
#define XLAT(name)                          \
  ::xtrace::decode::XlatEntry {             \
    static_cast<std::uint64_t>(name), #name \
  }

struct Xlat {
  std::span<const XlatEntry> entries;
  // How an unknown value prints: "ARCH_???" gives `0x3001 /* ARCH_??? */`.
  std::string_view unknown_comment = {};
  bool unknown_in_hex = false;
};

// -X: how the printers below show constants, for the call being decoded.
void set_const_style(ConstStyle style);
ConstStyle const_style();

// Prints a value that has a symbolic form as -X asks: the symbol, the
// number, or the number with the symbol as a comment.
void print_styled(std::string_view number, std::string_view symbol, std::string& out);

std::string_view lookup(const Xlat& table, std::uint64_t value);
// A constant: its name, else the number (with the comment, if the table has one).
void print_enum(const Xlat& table, std::uint64_t value, std::string& out);
// A bit set: NAME|NAME|0x.. in table order; a zero value prints the table's
// zero-valued name, else "0".
void print_flags(const Xlat& table, std::uint64_t value, std::string& out);
// Flags after an enumerated low field already printed (open's O_RDONLY):
// appends |NAME for each set flag.
void append_flags(const Xlat& table, std::uint64_t value, std::string& out);
// An enumerated low field and flags above it, in one -X aware printer.
void print_enum_flags(const Xlat& low, std::uint64_t low_mask, const Xlat& flags,
                      std::uint64_t value, std::string& out);
// The flags as text without -X styling (for composing larger symbols).
std::string flags_text(const Xlat& table, std::uint64_t value);

}  // namespace xtrace::decode
