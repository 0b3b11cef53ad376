// Maps every argument kind of the generated table to its decoder, once.
#include <array>
#include <vector>

#include "families.hpp"
#include "format_helpers.hpp"
#include "xtrace/decode.hpp"

namespace xtrace {
namespace {

// A kind no decoder knows yet prints its raw value as strace prints an
// undecoded argument: structures and arrays by address, constants and flags
// in hex.
bool format_raw(const ArgContext& c, ValueOut& out) {
  std::string_view name = arg_kind_name(c.desc.args[c.index].kind);
  bool is_pointer = name.ends_with("_in") || name.ends_with("_out") || name.ends_with("_inout") ||
                    name.ends_with("_array");
  if (is_pointer)
    decode::print_addr(c.value(), out);
  else
    decode::print_hex(c.value(), out);
  return true;
}

// Not registered: it answers for every kind nobody registered, so its own
// kind is none of the table's.
constexpr KindDecoder kRawPointer{static_cast<ArgKind>(kArgKindCount), Phase::entry, format_raw};

struct Registry {
  std::array<const KindDecoder*, kArgKindCount> by_kind{};
  std::vector<const KindDecoder*> all;

  Registry() {
    for (auto group :
         {scalar_kinds(),      string_kinds(),     fs_flag_kinds(),   fcntl_kinds(),
          stat_kinds(),        mm_flag_kinds(),    numa_kinds(),      process_flag_kinds(),
          process_kinds(),     capability_kinds(), pid_kinds(),       resource_kinds(),
          signal_flag_kinds(), signal_kinds(),     time_flag_kinds(), time_kinds(),
          net_flag_kinds(),    net_kinds(),        io_flag_kinds(),   io_kinds(),
          poll_kinds(),        ioctl_kinds(),      ipc_flag_kinds(),  ipc_kinds(),
          mq_kinds()}) {
      for (const auto& d : group) {
        all.push_back(&d);
        by_kind[static_cast<std::size_t>(d.kind)] = &d;
      }
    }
  }
};

const Registry& registry() {
  static const Registry r;
  return r;
}

}  // namespace

const KindDecoder* decoder_for(ArgKind kind) {
  const KindDecoder* d = registry().by_kind[static_cast<std::size_t>(kind)];
  return d != nullptr ? d : &kRawPointer;
}

bool has_decoder(ArgKind kind) {
  return registry().by_kind[static_cast<std::size_t>(kind)] != nullptr;
}

std::span<const KindDecoder* const> all_kind_decoders() {
  return registry().all;
}

std::uint64_t ArgContext::ref_value() const {
  std::int8_t ref = desc.args[index].ref;
  if (ref == kRefReturn) return static_cast<std::uint64_t>(rval);
  if (ref >= 0) return args[ref];
  return 0;
}

bool ArgContext::unfilled() const {
  if (!exiting) return false;
  return is_error || (desc.args[index].ref == kRefReturn && rval <= 0);
}

}  // namespace xtrace
