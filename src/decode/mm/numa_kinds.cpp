// NUMA memory policy calls (set_mempolicy, get_mempolicy, mbind,
// migrate_pages): the policy mode with its flags, and node masks printed as
// strace prints them, one zero-padded word per unsigned long.
#include <linux/mempolicy.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>

#include "format_helpers.hpp"
#include "struct_reader.hpp"
#include "table_kinds.hpp"
#include "xlat.hpp"
#include "xtrace/decode.hpp"

#ifndef MPOL_PREFERRED_MANY
#define MPOL_PREFERRED_MANY 5
#endif
#ifndef MPOL_F_NUMA_BALANCING
#define MPOL_F_NUMA_BALANCING (1 << 13)
#endif

namespace xtrace {
namespace {

using namespace decode;

constexpr std::array kMpolModes{XLAT(MPOL_DEFAULT),
                                XLAT(MPOL_PREFERRED),
                                XLAT(MPOL_BIND),
                                XLAT(MPOL_INTERLEAVE),
                                XLAT(MPOL_LOCAL),
                                XLAT(MPOL_PREFERRED_MANY),
                                XlatEntry{6, "MPOL_WEIGHTED_INTERLEAVE"}};
constexpr std::array kMpolModeFlags{XLAT(MPOL_F_STATIC_NODES), XLAT(MPOL_F_RELATIVE_NODES),
                                    XLAT(MPOL_F_NUMA_BALANCING)};
constexpr std::array kGetMempolicyFlags{XLAT(MPOL_F_NODE), XLAT(MPOL_F_ADDR),
                                        XLAT(MPOL_F_MEMS_ALLOWED)};
constexpr std::array kMbindFlags{XLAT(MPOL_MF_STRICT), XLAT(MPOL_MF_MOVE), XLAT(MPOL_MF_MOVE_ALL),
                                 XLAT(MPOL_MF_LAZY)};

const Xlat kMpolModeTable{kMpolModes, "MPOL_???"};
const Xlat kMpolModeFlagsTable{kMpolModeFlags, "MPOL_F_???"};
const Xlat kGetMempolicyFlagsTable{kGetMempolicyFlags, "MPOL_F_???"};
const Xlat kMbindFlagsTable{kMbindFlags, "MPOL_MF_???"};

constexpr std::uint64_t kModeFlagsMask =
    MPOL_F_STATIC_NODES | MPOL_F_RELATIVE_NODES | MPOL_F_NUMA_BALANCING;

// set_mempolicy/mbind: MPOL_BIND|MPOL_F_STATIC_NODES.
bool format_mpol_mode(const ArgContext& c, ValueOut& out) {
  auto value = static_cast<std::uint32_t>(c.value());
  if (lookup(kMpolModeTable, value & ~kModeFlagsMask).empty()) {
    print_enum(kMpolModeTable, value, out);
    return true;
  }
  print_enum_flags(kMpolModeTable, ~kModeFlagsMask, kMpolModeFlagsTable, value, out);
  return true;
}

// get_mempolicy's mode: [MPOL_DEFAULT], written by the kernel.
bool format_mpol_mode_out(const ArgContext& c, ValueOut& out) {
  if (auto mode = read_out<int>(c, out)) {
    out += '[';
    print_enum(kMpolModeTable, static_cast<std::uint32_t>(*mode), out);
    out += ']';
  }
  return true;
}

// One word of a node mask: strace's "%#0*lx" with width 16, so a zero word
// is 16 zeros and any other has "0x" within the 16 characters.
void print_node_word(std::uint64_t word, auto& out) {
  if (word == 0)
    out += "0000000000000000";
  else
    fmt::format_to(std::back_inserter(out), "{:#016x}", word);
}

// The kernel reads maxnode - 1 bits, in whole unsigned longs.
bool format_nodemask(const ArgContext& c, bool out_arg, auto& out) {
  constexpr std::uint64_t kBitsPerWord = 64;
  std::uint64_t maxnode = c.ref_value();
  std::uint64_t words = maxnode == 0 ? 0 : (maxnode - 1 + kBitsPerWord - 1) / kBitsPerWord;
  if (c.value() == 0) {
    out += "NULL";
    return true;
  }
  if (maxnode == 0) {
    out += "[]";
    return true;
  }
  std::uint64_t shown = c.abbrev ? std::min<std::uint64_t>(words, c.opts.string_limit) : words;
  if (words == 0 || !c.deref || (out_arg && c.failed())) {
    print_addr(c.value(), out);
    return true;
  }
  // Read in pieces: maxnode is the tracee's, and under -v a huge one must
  // cost no more memory than the tracee has readable (one buffer of
  // `shown` words was an allocation of up to 2^58 words).  As before, the
  // mask prints only when all of it could be read.
  std::string text = "[";
  std::array<std::uint64_t, 64> piece;
  for (std::uint64_t i = 0; i < shown; i += piece.size()) {
    std::size_t n = std::min<std::uint64_t>(piece.size(), shown - i);
    if (!c.mem.read(c.value() + i * sizeof(std::uint64_t), piece.data(),
                    n * sizeof(std::uint64_t))) {
      print_addr(c.value(), out);
      return true;
    }
    for (std::size_t j = 0; j < n; ++j) {
      if (i + j > 0) text += ", ";
      print_node_word(piece[j], text);
    }
  }
  if (shown < words) text += ", ...";
  text += ']';
  out += text;
  return true;
}

bool format_nodemask_in(const ArgContext& c, ValueOut& out) {
  return format_nodemask(c, false, out);
}
bool format_nodemask_out(const ArgContext& c, ValueOut& out) {
  return format_nodemask(c, true, out);
}

constexpr std::array kNumaKinds{
    KindDecoder{ArgKind::mpol_mode, Phase::entry, format_mpol_mode},
    KindDecoder{ArgKind::mpol_mode_out, Phase::exit, format_mpol_mode_out},
    KindDecoder{ArgKind::nodemask_in, Phase::entry, format_nodemask_in},
    KindDecoder{ArgKind::nodemask_out, Phase::exit, format_nodemask_out},
    KindDecoder{ArgKind::get_mempolicy_flags, Phase::entry, flags32<kGetMempolicyFlagsTable>},
    KindDecoder{ArgKind::mbind_flags, Phase::entry, flags32<kMbindFlagsTable>},
};

}  // namespace

std::span<const KindDecoder> numa_kinds() {
  return kNumaKinds;
}

}  // namespace xtrace
