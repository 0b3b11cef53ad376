#include "xlat.hpp"

#include <fmt/format.h>

namespace xtrace::decode {
namespace {

// Set by the syscall decoder before each call's arguments are printed; the
// tracer decodes one call at a time on one thread.
thread_local ConstStyle g_style = ConstStyle::abbrev;

std::string hex_text(std::uint64_t value) {
  return value == 0 ? std::string("0") : fmt::format("{:#x}", value);
}

std::string number_text(const Xlat& table, std::uint64_t value) {
  // As C's %#x, which strace uses: zero is "0", not "0x0".
  if (table.unknown_in_hex) return hex_text(value);
  return fmt::format("{}", static_cast<std::int64_t>(value));
}

// NAME|NAME|0x..; empty when nothing of value is named (value 0 included).
std::string named_flags(const Xlat& table, std::uint64_t value, bool* unnamed_rest) {
  std::string out;
  std::uint64_t rest = value;
  for (const auto& e : table.entries) {
    if (e.value != 0 && (rest & e.value) == e.value) {
      if (!out.empty()) out += '|';
      out += e.name;
      rest &= ~e.value;
    }
  }
  *unnamed_rest = rest != 0;
  if (rest != 0) {
    if (!out.empty()) out += '|';
    out += hex_text(rest);
  }
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
  if (symbol.empty() || g_style == ConstStyle::raw) {
    out += number;
  } else if (g_style == ConstStyle::verbose) {
    fmt::format_to(std::back_inserter(out), "{} /* {} */", number, symbol);
  } else {
    out += symbol;
  }
}

std::string_view lookup(const Xlat& table, std::uint64_t value) {
  for (const auto& e : table.entries)
    if (e.value == value) return e.name;
  return {};
}

void print_enum(const Xlat& table, std::uint64_t value, std::string& out) {
  if (auto name = lookup(table, value); !name.empty()) {
    print_styled(number_text(table, value), name, out);
    return;
  }
  out += number_text(table, value);
  if (!table.unknown_comment.empty() && g_style != ConstStyle::raw)
    fmt::format_to(std::back_inserter(out), " /* {} */", table.unknown_comment);
}

void append_flags(const Xlat& table, std::uint64_t value, std::string& out) {
  for (const auto& e : table.entries) {
    if (e.value != 0 && (value & e.value) == e.value) {
      out += '|';
      out += e.name;
      value &= ~e.value;
    }
  }
  if (value != 0) fmt::format_to(std::back_inserter(out), "|{:#x}", value);
}

std::string flags_text(const Xlat& table, std::uint64_t value) {
  if (value == 0) {
    auto zero = lookup(table, 0);
    return std::string(zero.empty() ? std::string_view("0") : zero);
  }
  bool rest = false;
  return named_flags(table, value, &rest);
}

void print_flags(const Xlat& table, std::uint64_t value, std::string& out) {
  if (value == 0) {
    print_styled("0", lookup(table, 0), out);
    return;
  }
  bool rest = false;
  std::string names = named_flags(table, value, &rest);
  // A value no name covers prints as the number alone in every style.
  bool any_name = names.find_first_not_of("0123456789abcdefx|") != std::string::npos;
  if (!any_name) {
    out += hex_text(value);
    if (!table.unknown_comment.empty() && g_style != ConstStyle::raw)
      fmt::format_to(std::back_inserter(out), " /* {} */", table.unknown_comment);
    return;
  }
  print_styled(hex_text(value), names, out);
}

void print_enum_flags(const Xlat& low, std::uint64_t low_mask, const Xlat& flags,
                      std::uint64_t value, std::string& out) {
  std::string symbol;
  std::uint64_t low_value = value & low_mask;
  if (auto name = lookup(low, low_value); !name.empty())
    symbol = name;
  else
    symbol = hex_text(low_value);
  append_flags(flags, value & ~low_mask, symbol);
  print_styled(hex_text(value), symbol, out);
}

}  // namespace xtrace::decode
