// capget/capset: the header {version, pid} and the three capability sets,
// each printed as strace does: 1<<CAP_CHOWN|1<<CAP_KILL|...
#include <linux/capability.h>

#include <fmt/format.h>

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "field_printer.hpp"
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
  StructPrinter s(out);
  print_enum(kCapVersionTable, h->version, s.field("version"));
  print_int(h->pid, s.field("pid"));
  return true;
}

// strace's cap_mask0 and cap_mask1: each 32-bit word of a set as flags
// named "1<<CAP_CHOWN", so -X prints the word's number as for any flags.
class CapabilityMasks {
 public:
  CapabilityMasks() {
    for (const XlatEntry& e : tables::capability.entries) {
      if (e.value >= 64) continue;
      names_[e.value] = fmt::format("1<<{}", e.name);
      auto& word = e.value < 32 ? low_ : high_;
      word.push_back(XlatEntry{std::uint64_t{1} << (e.value % 32), names_[e.value]});
    }
  }
  Xlat low() const { return Xlat{low_, "CAP_???"}; }
  Xlat high() const { return Xlat{high_, "CAP_???"}; }

 private:
  std::array<std::string, 64> names_;
  std::vector<XlatEntry> low_, high_;
};

const CapabilityMasks& capability_masks() {
  static const CapabilityMasks masks;
  return masks;
}

// One set, as strace's print_cap_bits: the low word's flags (also when
// the whole set is 0), then "|" and the high word's when it has bits.
void print_cap_set(std::uint32_t low, std::uint32_t high, ValueOut& out) {
  const CapabilityMasks& masks = capability_masks();
  if (low != 0 || high == 0) print_flags(masks.low(), low, out);
  if (high == 0) return;
  if (low != 0) out += '|';
  print_flags(masks.high(), high, out);
}

// The data array: its length comes from the version in the header (the
// first argument), read again because the kernel may rewrite it.
bool format_cap_data(const ArgContext& c, bool out_arg, ValueOut& out) {
  auto version = c.mem.read_value<std::uint32_t>(c.arg(0));
  int words = version ? words_for_version(*version) : 0;
  if (words == 0 && c.value() != 0) {
    print_addr(c.value(), out);
    return true;
  }
  if (c.value() == 0) {
    print_addr(0, out);
    return true;
  }
  std::array<__user_cap_data_struct, 2> data{};
  if (!c.deref || (out_arg && c.failed()) ||
      !c.mem.read(c.value(), data.data(), words * sizeof(data[0]))) {
    print_addr(c.value(), out);
    return true;
  }
  auto set = [&](std::uint32_t __user_cap_data_struct::*field, ValueOut& o) {
    print_cap_set(data[0].*field, words == 2 ? data[1].*field : 0, o);
  };
  StructPrinter s(out);
  set(&__user_cap_data_struct::effective, s.field("effective"));
  set(&__user_cap_data_struct::permitted, s.field("permitted"));
  set(&__user_cap_data_struct::inheritable, s.field("inheritable"));
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
