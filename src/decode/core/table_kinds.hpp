// Kind decoders that print an argument through one named table, shared by
// every family file that registers table-driven kinds.
#pragma once

#include <cstdint>
#include <string>

#include "xlat.hpp"
#include "xtrace/decode.hpp"

namespace xtrace::decode {

// 32-bit words (int/unsigned arguments): the upper half of the register is
// not the caller's, so it is dropped before the lookup.
template <const Xlat& table>
bool enum32(const ArgContext& c, ValueOut& out) {
  print_enum(table, static_cast<std::uint32_t>(c.value()), out);
  return true;
}

template <const Xlat& table>
bool flags32(const ArgContext& c, ValueOut& out) {
  print_flags(table, static_cast<std::uint32_t>(c.value()), out);
  return true;
}

}  // namespace xtrace::decode
