// How the kernel reads an argument register: the C type of the argument
// (signatures.tsv) fixes its width and sign.  A syscall taking an `int`, a
// `pid_t` or an `unsigned int` uses only the low 32 bits of the register, an
// `umode_t` only the low 16; strace prints what the kernel used, so every
// argument goes through kernel_value() before any formatter sees it.
#pragma once

#include <cstdint>

namespace xtrace {

// u64 first: an ArgSpec left empty (past a syscall's arguments) is the whole register.
enum class ArgWidth : std::uint8_t { u64, s64, u32, s32, u16 };

constexpr bool is_signed(ArgWidth w) {
  return w == ArgWidth::s32 || w == ArgWidth::s64;
}

// The register as the kernel reads it, widened back to 64 bits: truncated
// to the type, then sign-extended (signed types) or zero-extended.
constexpr std::uint64_t kernel_value(ArgWidth w, std::uint64_t raw) {
  switch (w) {
    case ArgWidth::u16: return static_cast<std::uint16_t>(raw);
    case ArgWidth::s32:
      return static_cast<std::uint64_t>(std::int64_t{static_cast<std::int32_t>(raw)});
    case ArgWidth::u32: return static_cast<std::uint32_t>(raw);
    case ArgWidth::s64:
    case ArgWidth::u64: return raw;
  }
  return raw;
}

// The same value as an unsigned number of the type's width (for hex and
// octal: an `int` of -1 prints as 0xffffffff, as strace prints it).
constexpr std::uint64_t unsigned_value(ArgWidth w, std::uint64_t raw) {
  switch (w) {
    case ArgWidth::u16: return static_cast<std::uint16_t>(raw);
    case ArgWidth::s32:
    case ArgWidth::u32: return static_cast<std::uint32_t>(raw);
    case ArgWidth::s64:
    case ArgWidth::u64: return raw;
  }
  return raw;
}

}  // namespace xtrace
