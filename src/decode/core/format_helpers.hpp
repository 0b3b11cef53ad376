// Small printers shared by the kind decoders.
#pragma once

#include <fmt/format.h>

#include <cstdint>
#include <string>

#include "field_printer.hpp"
#include "xtrace/value.hpp"

namespace xtrace::decode {

inline void print_int(std::int64_t v, std::string& out) {
  fmt::format_to(std::back_inserter(out), "{}", v);
}
inline void print_uint(std::uint64_t v, std::string& out) {
  fmt::format_to(std::back_inserter(out), "{}", v);
}
// strace's %#lx: 0 prints as "0".
inline void print_hex(std::uint64_t v, std::string& out) {
  if (v == 0)
    out += '0';
  else
    fmt::format_to(std::back_inserter(out), "{:#x}", v);
}
// An address: NULL for 0.
inline void print_addr(std::uint64_t v, std::string& out) {
  if (v == 0)
    out += "NULL";
  else
    print_hex(v, out);
}
// uid_t and gid_t: unsigned, but (uid_t)-1 ("unchanged", "none") prints
// as -1, as strace's PRINT_FIELD_ID and printuid do.
template <class Out>
void print_id(std::uint32_t id, Out& out);
// Octal with a leading 0, at least three digits (file modes: 0644, 000).
inline void print_mode_octal(std::uint64_t v, std::string& out) {
  fmt::format_to(std::back_inserter(out), "0{:02o}", v);
}
// The same printers as values.
inline void print_int(std::int64_t v, ValueOut& out) {
  out.signed_number(v);
}
inline void print_uint(std::uint64_t v, ValueOut& out) {
  out.unsigned_number(v);
}
inline void print_hex(std::uint64_t v, ValueOut& out) {
  out.hex(v);
}
inline void print_addr(std::uint64_t v, ValueOut& out) {
  out.address(v);
}
inline void print_mode_octal(std::uint64_t v, ValueOut& out) {
  out.octal(v);
}
template <class Out>
void print_id(std::uint32_t id, Out& out) {
  if (id == ~std::uint32_t{0})
    print_int(-1, out);
  else
    print_uint(id, out);
}
// struct timespec and struct timeval as strace prints them: tv_sec signed,
// the fraction unsigned (a tv_nsec of -1 prints as 18446744073709551615).
template <class Out>
void print_timespec(std::int64_t sec, std::int64_t nsec, Out& out) {
  StructPrinter s(out);
  print_int(sec, s.field("tv_sec"));
  print_uint(static_cast<std::uint64_t>(nsec), s.field("tv_nsec"));
}
template <class Out>
void print_timeval(std::int64_t sec, std::int64_t usec, Out& out) {
  StructPrinter s(out);
  print_int(sec, s.field("tv_sec"));
  print_uint(static_cast<std::uint64_t>(usec), s.field("tv_usec"));
}
// Clock ticks (times, si_utime): the count, and when not zero the seconds as
// a comment with as many decimals as a tick has ("17 /* 0.17 s */").
void print_clock_ticks(std::uint64_t ticks, std::string& out);
void print_clock_ticks(std::uint64_t ticks, ValueOut& out);
// A device number (st_dev, mknod's dev) follows -X like a named constant:
// makedev(0xfe, 0x1) by default, 0xfe01 with -X raw, both with -X verbose.
void print_dev(std::uint64_t dev, std::string& out);
void print_dev(std::uint64_t dev, ValueOut& out);

}  // namespace xtrace::decode
