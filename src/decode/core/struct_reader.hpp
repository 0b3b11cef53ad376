// Reading one structure argument with one memory read, and the conventions
// strace follows around it: NULL for 0, the address when the read fails,
// when -e verbose= excludes the call, or (out-structures) when the kernel did
// not fill it (ArgContext::unfilled).
#pragma once

#include <optional>
#include <string>

#include "format_helpers.hpp"
#include "xtrace/decode.hpp"

namespace xtrace::decode {

template <typename T>
std::optional<T> read_at(const ArgContext& c, std::uint64_t addr, bool out_arg, auto& out) {
  if (addr == 0) {
    print_addr(0, out);
    return std::nullopt;
  }
  std::optional<T> value;
  if (c.deref && !(out_arg && c.unfilled())) value = c.mem.read_value<T>(addr);
  if (!value) print_hex(addr, out);
  return value;
}
template <typename T>
std::optional<T> read_in(const ArgContext& c, ValueOut& out) {
  return read_at<T>(c, c.value(), false, out);
}
template <typename T>
std::optional<T> read_out(const ArgContext& c, ValueOut& out) {
  return read_at<T>(c, c.value(), true, out);
}

}  // namespace xtrace::decode
