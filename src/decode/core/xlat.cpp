#include "xlat.hpp"

#include <fmt/format.h>

#include <cstdlib>

#include "xtrace/value_text.hpp"

namespace xtrace::decode {
namespace {

// Set by the syscall decoder before each call's arguments are printed; the
// tracer decodes one call at a time on one thread.
thread_local ConstStyle g_style = ConstStyle::abbrev;

// As C's %#x, which strace uses: zero is "0", not "0x0".
std::string hex_text(std::uint64_t value) {
  return value == 0 ? std::string("0") : fmt::format("{:#x}", value);
}

void append_comment(std::string_view text, std::string& out) {
  if (!text.empty()) fmt::format_to(std::back_inserter(out), " /* {} */", text);
}

// NAME|NAME|0xrest for the bits of a non-zero value, in table order; empty
// when no entry names any of its bits.
std::string named_flags(const Xlat& table, std::uint64_t value) {
  std::string out;
  std::uint64_t rest = value;
  for (const auto& e : table.entries) {
    if (e.value != 0 && (rest & e.value) == e.value) {
      if (!out.empty()) out += '|';
      out += e.name;
      rest &= ~e.value;
    }
  }
  if (!out.empty() && rest != 0) fmt::format_to(std::back_inserter(out), "|{:#x}", rest);
  return out;
}

}  // namespace

void set_const_style(ConstStyle style) {
  g_style = style;
}
ConstStyle const_style() {
  return g_style;
}

void print_styled(std::string_view number, std::string_view symbol, std::string& out) {
  render_symbol(number, symbol, {}, g_style, out);
}

void print_styled(std::string_view number, std::string_view symbol, ValueOut& out) {
  // The number text is C's: hex, decimal, or octal with a leading 0.
  std::string digits(number);
  std::uint64_t value = std::strtoull(digits.c_str(), nullptr, 0);
  if (digits.starts_with('-'))
    value = static_cast<std::uint64_t>(std::strtoll(digits.c_str(), nullptr, 0));
  out.symbol(value, number, symbol, {}, 0);
}

std::string number_text(const Xlat& table, std::uint64_t value) {
  switch (table.number) {
    case XlatNumber::unsigned_dec: return fmt::format("{}", value);
    case XlatNumber::signed_dec: return fmt::format("{}", static_cast<std::int64_t>(value));
    case XlatNumber::hex: break;
  }
  return hex_text(value);
}

std::string_view lookup(const Xlat& table, std::uint64_t value) {
  for (const auto& e : table.entries)
    if (e.value == value) return e.name;
  return {};
}

namespace {

// The number, names and default comment of a constant (printxval).
struct Symbol {
  std::string number;
  std::string names;
  std::string_view dflt;
};

Symbol enum_symbol(const Xlat& table, std::uint64_t value) {
  auto name = lookup(table, value);
  return Symbol{number_text(table, value), std::string(name),
                name.empty() ? table.dflt : std::string_view()};
}

// A bit set (printflags): zero is the zero-valued name or a bare "0".
Symbol flags_symbol(const Xlat& table, std::uint64_t value) {
  if (value == 0) return Symbol{"0", std::string(lookup(table, 0)), {}};
  std::string names = named_flags(table, value);
  std::string_view dflt = names.empty() ? table.dflt : std::string_view();
  return Symbol{hex_text(value), std::move(names), dflt};
}

}  // namespace

void print_enum(const Xlat& table, std::uint64_t value, std::string& out) {
  Symbol s = enum_symbol(table, value);
  render_symbol(s.number, s.names, s.dflt, g_style, out);
}

void print_enum(const Xlat& table, std::uint64_t value, ValueOut& out) {
  Symbol s = enum_symbol(table, value);
  out.symbol(value, s.number, s.names, s.dflt, 0);
}

void print_flags(const Xlat& table, std::uint64_t value, std::string& out) {
  Symbol s = flags_symbol(table, value);
  render_symbol(s.number, s.names, s.dflt, g_style, out);
}

void print_flags(const Xlat& table, std::uint64_t value, ValueOut& out) {
  Symbol s = flags_symbol(table, value);
  out.symbol(value, s.number, s.names, s.dflt, symbol_style::flags);
}

void append_flags(const Xlat& table, std::uint64_t value, std::string& out) {
  if (value == 0) return;
  std::string names = named_flags(table, value);
  out += '|';
  out += names.empty() ? hex_text(value) : names;
}

std::string flags_text(const Xlat& table, std::uint64_t value) {
  if (value == 0) {
    auto zero = lookup(table, 0);
    return std::string(zero.empty() ? std::string_view("0") : zero);
  }
  std::string names = named_flags(table, value);
  return names.empty() ? hex_text(value) : names;
}

std::string enum_flags_text(const Xlat& low, std::uint64_t low_mask, const Xlat& flags,
                            std::uint64_t value) {
  std::uint64_t low_value = value & low_mask;
  std::string symbol;
  if (auto name = lookup(low, low_value); !name.empty()) {
    symbol = name;
  } else {
    symbol = hex_text(low_value);
    append_comment(low.dflt, symbol);
  }
  append_flags(flags, value & ~low_mask, symbol);
  return symbol;
}

void print_enum_flags(const Xlat& low, std::uint64_t low_mask, const Xlat& flags,
                      std::uint64_t value, std::string& out) {
  print_styled(hex_text(value), enum_flags_text(low, low_mask, flags, value), out);
}

void print_enum_flags(const Xlat& low, std::uint64_t low_mask, const Xlat& flags,
                      std::uint64_t value, ValueOut& out) {
  out.symbol(value, hex_text(value), enum_flags_text(low, low_mask, flags, value), {},
             symbol_style::flags);
}

}  // namespace xtrace::decode
