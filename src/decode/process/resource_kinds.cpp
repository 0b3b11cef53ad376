// A process's resources and ids passed through memory: resource limits,
// the rseq area, group lists.
#include <array>
#include <cstdint>

#include "array_printer.hpp"
#include "field_printer.hpp"
#include "format_helpers.hpp"
#include "struct_reader.hpp"
#include "xlat.hpp"
#include "xtrace/decode.hpp"

namespace xtrace {
namespace {

using namespace decode;

constexpr std::array kRseqCpuId{
    XlatEntry{static_cast<std::uint32_t>(-1), "RSEQ_CPU_ID_UNINITIALIZED"},
    XlatEntry{static_cast<std::uint32_t>(-2), "RSEQ_CPU_ID_REGISTRATION_FAILED"}};
const Xlat kRseqCpuIdTable{kRseqCpuId};

struct KernelRlimit {
  std::uint64_t cur;
  std::uint64_t max;
};

// A limit as strace 7.2 prints the 64-bit rlim_t every 64-bit ABI uses
// (getrlimit, setrlimit and prlimit64 alike): RLIM64_INFINITY, a multiple
// of 1024 as "8192*1024", else the number; -X styles these like constants.
void print_rlim(std::uint64_t v, auto& out) {
  std::string symbol;
  if (v == ~std::uint64_t{0})
    symbol = "RLIM64_INFINITY";
  else if (v > 1024 && v % 1024 == 0)
    symbol = fmt::format("{}*1024", v / 1024);
  print_styled(fmt::format("{}", v), symbol, out);
}

bool format_rlimit(const ArgContext& c, ValueOut& out) {
  auto r = read_at<KernelRlimit>(c, c.value(), c.exiting, out);
  if (!r) return true;
  StructPrinter s(out);
  print_rlim(r->cur, s.field("rlim_cur"));
  print_rlim(r->max, s.field("rlim_max"));
  return true;
}

// struct rseq as of Linux 6.18 (32 bytes registered by glibc).
struct KernelRseq {
  std::uint32_t cpu_id_start;
  std::uint32_t cpu_id;
  std::uint64_t rseq_cs;
  std::uint32_t flags;
  std::uint32_t node_id;
  std::uint32_t mm_cid;
  std::uint8_t slice_request;
  std::uint8_t slice_granted;
  std::uint16_t slice_reserved;
};

// A cpu number, or one of the two markers, which strace prints as the
// negative ints they are ("-1 /* RSEQ_CPU_ID_UNINITIALIZED */" with -X
// verbose).
void print_rseq_cpu_id(std::uint32_t id, auto& out) {
  std::string_view name = lookup(kRseqCpuIdTable, id);
  if (name.empty())
    print_uint(id, out);
  else
    print_styled(fmt::format("{}", static_cast<std::int32_t>(id)), name, out);
}

bool format_rseq_in(const ArgContext& c, ValueOut& out) {
  auto r = read_in<KernelRseq>(c, out);
  if (!r) return true;
  StructPrinter s(out);
  print_rseq_cpu_id(r->cpu_id_start, s.field("cpu_id_start"));
  print_rseq_cpu_id(r->cpu_id, s.field("cpu_id"));
  print_addr(r->rseq_cs, s.field("rseq_cs"));
  print_uint(r->flags, s.field("flags"));
  print_uint(r->node_id, s.field("node_id"));
  print_uint(r->mm_cid, s.field("mm_cid"));
  {
    StructPrinter slice(s.field("slice_ctrl"));
    print_uint(r->slice_request, slice.field("request"));
    print_uint(r->slice_granted, slice.field("granted"));
    print_uint(r->slice_reserved, slice.field("__reserved"));
  }
  print_uint(0, s.field("__reserved"));
  return true;
}

// getgroups/setgroups: strace prints the address for more entries than
// NGROUPS_MAX (getgroups' -1 on failure among them).
bool format_gid_array(const ArgContext& c, ValueOut& out) {
  constexpr std::uint32_t kNgroupsMax = 65536;
  bool out_arg = id_of(c.desc) == SysId::getgroups;
  // getgroups: strace shows as many entries as the result says, even when
  // the size was 0 and the kernel wrote none (getgroups(0, [0, 0]) = 2).
  auto n = static_cast<std::uint32_t>(out_arg ? static_cast<std::uint64_t>(c.rval) : c.ref_value());
  if (n > kNgroupsMax || !c.deref) {
    print_addr(c.value(), out);
    return true;
  }
  print_array<std::uint32_t>(
      c, c.value(), n,
      [](std::uint32_t id, auto& o) {
        if (id == ~std::uint32_t{0})
          print_int(-1, o);
        else
          print_uint(id, o);
      },
      out);
  return true;
}

constexpr std::array kResourceKinds{
    KindDecoder{ArgKind::rlimit_in, Phase::entry, format_rlimit},
    KindDecoder{ArgKind::rlimit_out, Phase::exit, format_rlimit},
    KindDecoder{ArgKind::rseq_in, Phase::entry, format_rseq_in},
    KindDecoder{ArgKind::gid_array_in, Phase::entry, format_gid_array},
    KindDecoder{ArgKind::gid_array_out, Phase::exit, format_gid_array},
};

}  // namespace

std::span<const KindDecoder> resource_kinds() {
  return kResourceKinds;
}

}  // namespace xtrace
