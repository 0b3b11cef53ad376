// Kinds that are named constants or bit sets, printed from xlat tables.
#include <fcntl.h>
#include <sys/mman.h>

#include <array>

#include "format_helpers.hpp"
#include "signal_names.hpp"
#include "table_kinds.hpp"
#include "xlat_tables.hpp"
#include "xtrace/decode.hpp"

namespace xtrace {
namespace {

using namespace decode;

// The kernel's own __O_TMPFILE bit (glibc's macro includes O_DIRECTORY).
constexpr std::uint32_t kTmpfileBit = 020000000;

// One formatter per table; the table is the template argument, so every
// kind below is a single line of data.
template <const Xlat& table>
bool format_flags(const ArgContext& c, ValueOut& out) {
  print_flags(table, c.value(), out);
  return true;
}

template <const Xlat& table>
bool format_enum(const ArgContext& c, ValueOut& out) {
  print_enum(table, c.value(), out);
  return true;
}

bool format_open_flags(const ArgContext& c, ValueOut& out) {
  print_enum_flags(tables::open_access, O_ACCMODE, tables::open_flags,
                   static_cast<std::uint32_t>(c.value()), out);
  return true;
}

// mmap: the mapping type, the flags, and the huge page size as strace
// writes it ("MAP_PRIVATE|MAP_ANONYMOUS|21<<MAP_HUGE_SHIFT").
bool format_mmap_flags(const ArgContext& c, ValueOut& out) {
  auto v = static_cast<std::uint32_t>(c.value());
  constexpr std::uint32_t kHugeMask = MAP_HUGE_MASK << MAP_HUGE_SHIFT;
  std::string symbol =
      enum_flags_text(tables::mmap_type, MAP_TYPE, tables::mmap_flags, v & ~kHugeMask);
  if (std::uint32_t huge = v & kHugeMask; huge != 0)
    fmt::format_to(std::back_inserter(symbol), "|{}<<MAP_HUGE_SHIFT", huge >> MAP_HUGE_SHIFT);
  std::string number;
  print_hex(v, number);
  print_styled(number, symbol, out);
  return true;
}

// statx: the sync type (a two-bit field) first, then the AT_* flags, each
// a flag set of its own (`0 /* AT_STATX_SYNC_AS_STAT */|0x100 /* ... */`
// with -X verbose), with no default string, as strace prints them.
bool format_statx_flags(const ArgContext& c, ValueOut& out) {
  auto v = static_cast<std::uint32_t>(c.value());
  print_flags(tables::statx_flags, v & AT_STATX_SYNC_TYPE, out);
  if (std::uint32_t rest = v & ~AT_STATX_SYNC_TYPE; rest != 0) {
    out += '|';
    print_flags(tables::at_flags.with_dflt({}), rest, out);
  }
  return true;
}

// open's mode matters only when the call may create a file.
bool format_mode(const ArgContext& c, ValueOut& out) {
  for (int i = 0; i < c.desc.nargs; ++i) {
    if (arg_kind_name(c.desc.args[i].kind) == "open_flags" &&
        (c.args[i] & (O_CREAT | kTmpfileBit)) == 0)
      return false;
  }
  print_mode_octal(static_cast<std::uint32_t>(c.value()), out);
  return true;
}

bool format_signal(const ArgContext& c, ValueOut& out) {
  print_signal(static_cast<int>(c.value()), as_text(out));
  return true;
}

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

constexpr std::array kFlagKinds{
    KindDecoder{ArgKind::open_flags, Phase::entry, format_open_flags},
    KindDecoder{ArgKind::mode, Phase::entry, format_mode},
    KindDecoder{ArgKind::at_flags, Phase::entry, flags32<tables::at_flags>},
    KindDecoder{ArgKind::statx_flags, Phase::entry, format_statx_flags},
    KindDecoder{ArgKind::statx_mask, Phase::entry, flags32<tables::statx_mask>},
    KindDecoder{ArgKind::access_mode, Phase::entry, flags32<tables::access_mode>},
    KindDecoder{ArgKind::mmap_prot, Phase::entry, flags32<tables::mmap_prot>},
    KindDecoder{ArgKind::mmap_flags, Phase::entry, format_mmap_flags},
    KindDecoder{ArgKind::arch_prctl_code, Phase::entry, enum32<tables::arch_prctl_code>},
    KindDecoder{ArgKind::rlimit_resource, Phase::entry, enum32<tables::rlimit_resource>},
    KindDecoder{ArgKind::getrandom_flags, Phase::entry, flags32<tables::getrandom_flags>},
    KindDecoder{ArgKind::whence, Phase::entry, enum32<tables::whence>},
    KindDecoder{ArgKind::fadvise_advice, Phase::entry, enum32<tables::fadvise_advice>},
    KindDecoder{ArgKind::madvise_advice, Phase::entry, enum32<tables::madvise_advice>},
    KindDecoder{ArgKind::signal, Phase::entry, format_signal},
    KindDecoder{ArgKind::clockid, Phase::entry, enum32<tables::clockid>},
    KindDecoder{ArgKind::sigprocmask_how, Phase::entry, enum32<tables::sigprocmask_how>},
    KindDecoder{ArgKind::fcntl_cmd, Phase::entry, enum32<tables::fcntl_cmd>},
    KindDecoder{ArgKind::socket_family, Phase::entry, enum32<tables::socket_family>},
    KindDecoder{ArgKind::socket_type, Phase::entry, format_socket_type},
};

}  // namespace

std::span<const KindDecoder> flag_kinds() {
  return kFlagKinds;
}

}  // namespace xtrace
