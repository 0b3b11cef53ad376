// Constant kinds of socket calls: the address family and the socket type
// with its flags.
#include <array>
#include <cstdint>

#include "format_helpers.hpp"
#include "net_tables.hpp"
#include "table_kinds.hpp"
#include "xlat.hpp"
#include "xtrace/decode.hpp"

namespace xtrace {
namespace {

using namespace decode;

// socket's type: a named type, then the flags as a set of their own; an
// unknown type leaves the whole word to the flags (`0xf /* SOCK_??? */`).
bool format_socket_type(const ArgContext& c, ValueOut& out) {
  constexpr std::uint32_t kTypeMask = 0xf;
  auto v = static_cast<std::uint32_t>(c.value());
  if (!lookup(tables::socket_type, v & kTypeMask).empty()) {
    print_enum(tables::socket_type, v & kTypeMask, out);
    v &= ~kTypeMask;
    if (v == 0) return true;
    out += '|';
  }
  print_flags(tables::socket_type_flags, v, out);
  return true;
}

constexpr std::array kNetFlagKinds{
    KindDecoder{ArgKind::socket_family, Phase::entry, enum32<tables::socket_family>},
    KindDecoder{ArgKind::socket_type, Phase::entry, format_socket_type},
};

}  // namespace

std::span<const KindDecoder> net_flag_kinds() {
  return kNetFlagKinds;
}

}  // namespace xtrace
