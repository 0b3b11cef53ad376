// Kinds whose value is the register itself (numbers, addresses,
// descriptors), and numbers the kernel reads or writes through a pointer.
#include <fcntl.h>

#include <array>

#include "fd_info.hpp"
#include "field_printer.hpp"
#include "format_helpers.hpp"
#include "struct_reader.hpp"
#include "xlat.hpp"
#include "xtrace/decode.hpp"

namespace xtrace {
namespace {

using namespace decode;

// Descriptors are ints: the low 32 bits, signed, whatever their C type.
std::int64_t as_int(std::uint64_t v) {
  return static_cast<std::int32_t>(v);
}

// A number in decimal, signed or unsigned as its C type (the value is
// already truncated and extended by that type: see kernel_args).
bool format_dec(const ArgContext& c, ValueOut& out) {
  if (is_signed(c.width()))
    print_int(static_cast<std::int64_t>(c.value()), out);
  else
    print_uint(c.value(), out);
  return true;
}
bool format_hex(const ArgContext& c, ValueOut& out) {
  print_hex(c.unsigned_value(), out);
  return true;
}
bool format_ptr(const ArgContext& c, ValueOut& out) {
  print_addr(c.value(), out);
  return true;
}
bool format_fd(const ArgContext& c, ValueOut& out) {
  print_fd_decorated(c.tid, static_cast<int>(as_int(c.value())), c.opts.fd_details, out);
  return true;
}
bool format_dirfd(const ArgContext& c, ValueOut& out) {
  if (as_int(c.value()) != AT_FDCWD) return format_fd(c, out);
  print_styled("-100", "AT_FDCWD", out);
  if (c.opts.fd_details & fd_detail::path) {
    std::string cwd = cwd_text(c.tid);
    if (!cwd.empty()) fmt::format_to(std::back_inserter(out), "<{}>", cwd);
  }
  return true;
}
// uid_t and gid_t: unsigned, but (uid_t)-1 ("unchanged") prints as -1.
bool format_id(const ArgContext& c, ValueOut& out) {
  print_id(static_cast<std::uint32_t>(c.value()), out);
  return true;
}

// A register the call has but strace never prints (preadv2's high word).
bool format_skip(const ArgContext&, ValueOut&) {
  return false;
}

bool format_int_out(const ArgContext& c, ValueOut& out) {
  if (auto v = read_out<std::int32_t>(c, out)) print_int(*v, ArrayPrinter(out).item());
  return true;
}
bool format_uint_out(const ArgContext& c, ValueOut& out) {
  if (auto v = read_out<std::uint32_t>(c, out)) print_uint(*v, ArrayPrinter(out).item());
  return true;
}
bool format_hex_out(const ArgContext& c, ValueOut& out) {
  if (auto v = read_out<std::uint64_t>(c, out)) print_hex(*v, ArrayPrinter(out).item());
  return true;
}
void capture_int(ArgContext& c) {
  auto v = c.value() != 0 ? c.mem.read_value<std::int32_t>(c.value()) : std::nullopt;
  c.saved = v ? (std::uint64_t{1} << 32) | static_cast<std::uint32_t>(*v) : 0;
}
bool format_int_inout(const ArgContext& c, ValueOut& out) {
  if (c.value() == 0) {
    out += "NULL";
    return true;
  }
  auto before = static_cast<std::int32_t>(c.saved);
  auto after = c.failed() ? std::nullopt : c.mem.read_value<std::int32_t>(c.value());
  if (!after || *after == before)
    print_int(before, ArrayPrinter(out).item());
  else
    fmt::format_to(std::back_inserter(out), "[{} => {}]", before, *after);
  return true;
}

constexpr std::array kScalarKinds{
    KindDecoder{ArgKind::skip, Phase::entry, format_skip},
    KindDecoder{ArgKind::dec, Phase::entry, format_dec},
    KindDecoder{ArgKind::hex, Phase::entry, format_hex},
    KindDecoder{ArgKind::ptr, Phase::entry, format_ptr},
    KindDecoder{ArgKind::fd, Phase::entry, format_fd},
    KindDecoder{ArgKind::dirfd, Phase::entry, format_dirfd},
    KindDecoder{ArgKind::uid, Phase::entry, format_id},
    KindDecoder{ArgKind::gid, Phase::entry, format_id},
    KindDecoder{ArgKind::int_out, Phase::exit, format_int_out},
    KindDecoder{ArgKind::uid_out, Phase::exit, format_uint_out},
    KindDecoder{ArgKind::gid_out, Phase::exit, format_uint_out},
    KindDecoder{ArgKind::hex_out, Phase::exit, format_hex_out},
    KindDecoder{ArgKind::int_inout, Phase::exit, format_int_inout, capture_int},
};

}  // namespace

std::span<const KindDecoder> scalar_kinds() {
  return kScalarKinds;
}

}  // namespace xtrace
