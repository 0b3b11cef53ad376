// Constant tables ("xlat", as strace calls them): value-name pairs whose
// values come from the system headers, and the ways of printing them with
// strace 7.2's rules (its printxval, printflags and print_xlat).
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "xtrace/decode.hpp"
#include "xtrace/value.hpp"

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

// How the number of a constant prints (strace's XLAT_STYLE_FMT_*): strace's
// printxval and printflags use hex ("%#x": zero is "0"); a few fields use
// printxval_u/_d.
enum class XlatNumber : std::uint8_t { hex, unsigned_dec, signed_dec };

struct Xlat {
  std::span<const XlatEntry> entries;
  // The "dflt" strace passes with this table: the comment after a value no
  // entry names, `0x1 /* O_??? */`, `0xdeadbeef /* ITIMER_??? */`.  Empty
  // where strace passes NULL: the number alone.
  std::string_view dflt = {};
  XlatNumber number = XlatNumber::hex;

  // The same table where one call site has its own default string
  // (getsockopt's level is "SOL_??", a cmsg's "SOL_???").
  constexpr Xlat with_dflt(std::string_view other) const { return Xlat{entries, other, number}; }
};

// -X: how the printers below show constants, for the call being decoded.
void set_const_style(ConstStyle style);
ConstStyle const_style();

// Prints a value that has a symbolic form as -X asks: the symbol, the
// number, or the number with the symbol as a comment (strace's print_xlat).
void print_styled(std::string_view number, std::string_view symbol, std::string& out);
// The same as a symbol value, which the renderer styles.
void print_styled(std::string_view number, std::string_view symbol, ValueOut& out);

// The number as the table prints it.
std::string number_text(const Xlat& table, std::uint64_t value);

std::string_view lookup(const Xlat& table, std::uint64_t value);
// A constant (printxval): its name, else the number with the table's
// default string as a comment; -X raw prints the number, -X verbose the
// number and the name as a comment.
void print_enum(const Xlat& table, std::uint64_t value, std::string& out);
void print_enum(const Xlat& table, std::uint64_t value, ValueOut& out);
// A bit set (printflags): NAME|NAME|0xrest in table order; a value no name
// covers prints as `0x.. /* DFLT */`; zero prints the table's zero-valued
// name, else "0".  -X verbose: `0x.. /* NAME|NAME|0xrest */`.
void print_flags(const Xlat& table, std::uint64_t value, std::string& out);
void print_flags(const Xlat& table, std::uint64_t value, ValueOut& out);
// Flags after an enumerated low field already printed (socket's type):
// appends |NAME for each set flag and |0xrest.
void append_flags(const Xlat& table, std::uint64_t value, std::string& out);
// An enumerated low field and flags above it as one symbol (open's
// O_RDONLY|O_CLOEXEC, strace's sprint_open_modes), printed -X aware.
void print_enum_flags(const Xlat& low, std::uint64_t low_mask, const Xlat& flags,
                      std::uint64_t value, std::string& out);
void print_enum_flags(const Xlat& low, std::uint64_t low_mask, const Xlat& flags,
                      std::uint64_t value, ValueOut& out);
// The same symbol without -X styling (fcntl's F_GETFL result).
std::string enum_flags_text(const Xlat& low, std::uint64_t low_mask, const Xlat& flags,
                            std::uint64_t value);
// The flags as text without -X styling (for composing larger symbols):
// NAME|NAME|0xrest, or the zero-valued name, or "0".
std::string flags_text(const Xlat& table, std::uint64_t value);

}  // namespace xtrace::decode
