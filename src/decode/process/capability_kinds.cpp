// capget/capset: the header {version, pid} and the three capability sets,
// each printed as strace does: 1<<CAP_CHOWN|1<<CAP_KILL|...
#include <linux/capability.h>

#include <array>
#include <cstdint>

#include "format_helpers.hpp"
#include "process_tables.hpp"
#include "struct_reader.hpp"
#include "xlat.hpp"
#include "xtrace/decode.hpp"

namespace xtrace {
namespace {

using namespace decode;

constexpr std::array kCapVersions{XLAT(_LINUX_CAPABILITY_VERSION_1),
                                  XLAT(_LINUX_CAPABILITY_VERSION_2),
                                  XLAT(_LINUX_CAPABILITY_VERSION_3)};
const Xlat kCapVersionTable{kCapVersions, "_LINUX_CAPABILITY_VERSION_???"};

// How many 32-bit words each set has for a header version (v1: one, v2 and
// v3: two); 0 for a version the kernel rejects.
int words_for_version(std::uint32_t version) {
  switch (version) {
    case _LINUX_CAPABILITY_VERSION_1: return 1;
    case _LINUX_CAPABILITY_VERSION_2:
    case _LINUX_CAPABILITY_VERSION_3: return 2;
    default: return 0;
  }
}

bool format_cap_header(const ArgContext& c, ValueOut& out) {
  auto h = read_in<__user_cap_header_struct>(c, out);
  if (!h) return true;
  out += "{version=";
  print_enum(kCapVersionTable, h->version, out);
  fmt::format_to(std::back_inserter(out), ", pid={}}}", h->pid);
  return true;
}

// One set: the named bits as 1<<CAP_X, what no name covers in hex.
void print_cap_set(std::uint64_t bits, auto& out) {
  if (bits == 0) {
    out += '0';
    return;
  }
  bool first = true;
  for (const XlatEntry& e : tables::capability.entries) {
    std::uint64_t bit = std::uint64_t{1} << e.value;
    if (!(bits & bit)) continue;
    if (!first) out += '|';
    first = false;
    out += "1<<";
    out += e.name;
    bits &= ~bit;
  }
  if (bits == 0) return;
  if (!first) out += '|';
  print_hex(bits, out);
}

// The data array: its length comes from the version in the header (the
// first argument), read again because the kernel may rewrite it.
bool format_cap_data(const ArgContext& c, bool out_arg, auto& out) {
  auto version = c.mem.read_value<std::uint32_t>(c.arg(0));
  int words = version ? words_for_version(*version) : 0;
  if (words == 0 && c.value() != 0) {
    print_addr(c.value(), out);
    return true;
  }
  if (c.value() == 0) {
    out += "NULL";
    return true;
  }
  std::array<__user_cap_data_struct, 2> data{};
  if (!c.deref || (out_arg && c.failed()) ||
      !c.mem.read(c.value(), data.data(), words * sizeof(data[0]))) {
    print_addr(c.value(), out);
    return true;
  }
  auto set = [&](std::uint32_t __user_cap_data_struct::*field) {
    std::uint64_t bits = data[0].*field;
    if (words == 2) bits |= std::uint64_t{data[1].*field} << 32;
    return bits;
  };
  out += "{effective=";
  print_cap_set(set(&__user_cap_data_struct::effective), out);
  out += ", permitted=";
  print_cap_set(set(&__user_cap_data_struct::permitted), out);
  out += ", inheritable=";
  print_cap_set(set(&__user_cap_data_struct::inheritable), out);
  out += '}';
  return true;
}

bool format_cap_data_in(const ArgContext& c, ValueOut& out) {
  return format_cap_data(c, false, out);
}
bool format_cap_data_out(const ArgContext& c, ValueOut& out) {
  return format_cap_data(c, true, out);
}

constexpr std::array kCapabilityKinds{
    KindDecoder{ArgKind::cap_header_in, Phase::entry, format_cap_header},
    KindDecoder{ArgKind::capability_in, Phase::entry, format_cap_data_in},
    KindDecoder{ArgKind::capability_out, Phase::exit, format_cap_data_out},
};

}  // namespace

std::span<const KindDecoder> capability_kinds() {
  return kCapabilityKinds;
}

}  // namespace xtrace
