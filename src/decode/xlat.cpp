#include "xlat.hpp"

#include <fmt/format.h>

namespace xtrace::decode {

std::string_view lookup(const Xlat& table, std::uint64_t value) {
  for (const auto& e : table.entries)
    if (e.value == value) return e.name;
  return {};
}

void print_enum(const Xlat& table, std::uint64_t value, std::string& out) {
  if (auto name = lookup(table, value); !name.empty()) {
    out += name;
    return;
  }
  if (table.unknown_in_hex)
    fmt::format_to(std::back_inserter(out), "{:#x}", value);
  else
    fmt::format_to(std::back_inserter(out), "{}", static_cast<std::int64_t>(value));
  if (!table.unknown_comment.empty())
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

void print_flags(const Xlat& table, std::uint64_t value, std::string& out) {
  if (value == 0) {
    auto zero = lookup(table, 0);
    out += zero.empty() ? std::string_view("0") : zero;
    return;
  }
  std::string flags;
  append_flags(table, value, flags);
  out.append(flags, 1);  // without the leading '|'
}

}  // namespace xtrace::decode
