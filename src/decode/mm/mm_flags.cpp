// Constant and flag kinds of memory calls: mmap's protection and flags,
// madvise, mremap, msync, mlock, pkeys, memfd, membarrier (and the command
// set membarrier's QUERY returns).
#include <linux/membarrier.h>
#include <sys/mman.h>

#include <array>

#include "families.hpp"
#include "format_helpers.hpp"
#include "table_kinds.hpp"
#include "xlat.hpp"
#include "xtrace/decode.hpp"

#ifndef MREMAP_DONTUNMAP
#define MREMAP_DONTUNMAP 4
#endif
#ifndef MLOCK_ONFAULT
#define MLOCK_ONFAULT 0x01
#endif
#ifndef MFD_NOEXEC_SEAL
#define MFD_NOEXEC_SEAL 0x0008U
#endif
#ifndef MFD_EXEC
#define MFD_EXEC 0x0010U
#endif

namespace xtrace {
namespace {

using namespace decode;

constexpr std::array kMmapProt{XLAT(PROT_NONE),
                               XLAT(PROT_READ),
                               XLAT(PROT_WRITE),
                               XLAT(PROT_EXEC),
                               XlatEntry{0x8, "PROT_SEM"},
                               XLAT(PROT_GROWSDOWN),
                               XLAT(PROT_GROWSUP)};
constexpr std::array kMmapType{XLAT(MAP_FILE), XLAT(MAP_SHARED), XLAT(MAP_PRIVATE),
                               XLAT(MAP_SHARED_VALIDATE), XlatEntry{0x8, "MAP_DROPPABLE"}};
constexpr std::array kMmapFlags{
    XLAT(MAP_FIXED),     XLAT(MAP_ANONYMOUS),
#ifdef MAP_32BIT  // x86 only
    XLAT(MAP_32BIT),
#endif
    XLAT(MAP_GROWSDOWN), XLAT(MAP_DENYWRITE),       XLAT(MAP_EXECUTABLE),
    XLAT(MAP_LOCKED),    XLAT(MAP_NORESERVE),       XLAT(MAP_POPULATE),
    XLAT(MAP_NONBLOCK),  XLAT(MAP_STACK),           XLAT(MAP_HUGETLB),
    XLAT(MAP_SYNC),      XLAT(MAP_FIXED_NOREPLACE), XlatEntry{0x4000000, "MAP_UNINITIALIZED"}};
constexpr std::array kMadvise{XLAT(MADV_NORMAL),
                              XLAT(MADV_RANDOM),
                              XLAT(MADV_SEQUENTIAL),
                              XLAT(MADV_WILLNEED),
                              XLAT(MADV_DONTNEED),
                              XLAT(MADV_FREE),
                              XLAT(MADV_REMOVE),
                              XLAT(MADV_DONTFORK),
                              XLAT(MADV_DOFORK),
                              XLAT(MADV_MERGEABLE),
                              XLAT(MADV_UNMERGEABLE),
                              XLAT(MADV_HUGEPAGE),
                              XLAT(MADV_NOHUGEPAGE),
                              XLAT(MADV_DONTDUMP),
                              XLAT(MADV_DODUMP),
                              XLAT(MADV_WIPEONFORK),
                              XLAT(MADV_KEEPONFORK),
                              XLAT(MADV_COLD),
                              XLAT(MADV_PAGEOUT),
                              XLAT(MADV_HWPOISON),
                              XlatEntry{22, "MADV_POPULATE_READ"},
                              XlatEntry{23, "MADV_POPULATE_WRITE"},
                              XlatEntry{24, "MADV_DONTNEED_LOCKED"},
                              XlatEntry{25, "MADV_COLLAPSE"},
                              XlatEntry{102, "MADV_GUARD_INSTALL"},
                              XlatEntry{103, "MADV_GUARD_REMOVE"}};
// membarrier commands: QUERY is 0, the others are bits (QUERY's result is a
// set of them).  GET_REGISTRATIONS (Linux 6.3) is newer than the headers.
constexpr std::array kMembarrierCmds{XLAT(MEMBARRIER_CMD_QUERY),
                                     XLAT(MEMBARRIER_CMD_GLOBAL),
                                     XLAT(MEMBARRIER_CMD_GLOBAL_EXPEDITED),
                                     XLAT(MEMBARRIER_CMD_REGISTER_GLOBAL_EXPEDITED),
                                     XLAT(MEMBARRIER_CMD_PRIVATE_EXPEDITED),
                                     XLAT(MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED),
                                     XLAT(MEMBARRIER_CMD_PRIVATE_EXPEDITED_SYNC_CORE),
                                     XLAT(MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED_SYNC_CORE),
                                     XLAT(MEMBARRIER_CMD_PRIVATE_EXPEDITED_RSEQ),
                                     XLAT(MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED_RSEQ),
                                     XlatEntry{1 << 9, "MEMBARRIER_CMD_GET_REGISTRATIONS"}};
const Xlat kMmapProtTable{kMmapProt, "PROT_???"};
const Xlat kMmapTypeTable{kMmapType, "MAP_???"};
const Xlat kMmapFlagsTable{kMmapFlags};
const Xlat kMadviseAdviceTable{kMadvise, "MADV_???"};
const Xlat kMembarrierCmdTable{kMembarrierCmds, "MEMBARRIER_CMD_???"};
constexpr std::array kMremapFlags{XLAT(MREMAP_MAYMOVE), XLAT(MREMAP_FIXED), XLAT(MREMAP_DONTUNMAP)};
constexpr std::array kMsyncFlags{XLAT(MS_SYNC), XLAT(MS_ASYNC), XLAT(MS_INVALIDATE)};
constexpr std::array kMlockFlags{XLAT(MLOCK_ONFAULT)};
constexpr std::array kMlockallFlags{XLAT(MCL_CURRENT), XLAT(MCL_FUTURE), XLAT(MCL_ONFAULT)};
constexpr std::array kMembarrierFlags{XlatEntry{1, "MEMBARRIER_CMD_FLAG_CPU"}};
const Xlat kMremapTable{kMremapFlags, "MREMAP_???"};
const Xlat kMsyncTable{kMsyncFlags, "MS_???"};
const Xlat kMlockTable{kMlockFlags, "MLOCK_???"};
const Xlat kMlockallTable{kMlockallFlags, "MCL_???"};
// PKEY_UNRESTRICTED is newer than the C library's headers, and
// PKEY_DISABLE_EXECUTE only in powerpc's; strace names both everywhere.
constexpr std::array kPkeyAccess{XlatEntry{0, "PKEY_UNRESTRICTED"}, XLAT(PKEY_DISABLE_ACCESS),
                                 XLAT(PKEY_DISABLE_WRITE), XlatEntry{4, "PKEY_DISABLE_EXECUTE"}};
const Xlat kPkeyAccessTable{kPkeyAccess, "PKEY_???"};
const Xlat kMembarrierFlagsTable{kMembarrierFlags, "MEMBARRIER_CMD_FLAG_???"};
constexpr std::array kMemfdFlags{XLAT(MFD_CLOEXEC), XLAT(MFD_ALLOW_SEALING), XLAT(MFD_HUGETLB),
                                 XLAT(MFD_NOEXEC_SEAL), XLAT(MFD_EXEC)};
const Xlat kMemfdTable{kMemfdFlags, "MFD_???"};

// mmap: the mapping type, the flags, and the huge page size as strace
// writes it ("MAP_PRIVATE|MAP_ANONYMOUS|21<<MAP_HUGE_SHIFT").
bool format_mmap_flags(const ArgContext& c, ValueOut& out) {
  auto v = static_cast<std::uint32_t>(c.value());
  constexpr std::uint32_t kHugeMask = MAP_HUGE_MASK << MAP_HUGE_SHIFT;
  std::string symbol = enum_flags_text(kMmapTypeTable, MAP_TYPE, kMmapFlagsTable, v & ~kHugeMask);
  if (std::uint32_t huge = v & kHugeMask; huge != 0)
    fmt::format_to(std::back_inserter(symbol), "|{}<<MAP_HUGE_SHIFT", huge >> MAP_HUGE_SHIFT);
  std::string number;
  print_hex(v, number);
  print_styled(number, symbol, out);
  return true;
}

// membarrier's cpu_id means something only with MEMBARRIER_CMD_FLAG_CPU;
// strace prints it only then.
bool format_membarrier_cpu(const ArgContext& c, ValueOut& out) {
  if (!(c.arg(1) & 1)) return false;
  print_int(static_cast<std::int32_t>(c.value()), out);
  return true;
}

// mremap's fifth argument exists only for a move to a given address.
bool format_mremap_new_address(const ArgContext& c, ValueOut& out) {
  std::uint64_t flags = c.ref_value();
  if (!(flags & (MREMAP_FIXED | MREMAP_DONTUNMAP)) || !(flags & MREMAP_MAYMOVE)) return false;
  print_addr(c.value(), out);
  return true;
}

// membarrier QUERY and GET_REGISTRATIONS return a set of commands:
// "= 0x3ff (MEMBARRIER_CMD_GLOBAL|...)".
bool membarrier_result(const SyscallEvent& ev, TraceeMemory&, const DecodeOptions&,
                       std::string& out) {
  constexpr std::uint64_t kQuery = 0, kGetRegistrations = 1 << 9;
  auto cmd = static_cast<std::uint32_t>(ev.args[0]);
  if ((cmd != kQuery && cmd != kGetRegistrations) || ev.rval <= 0) return false;
  auto v = static_cast<std::uint64_t>(ev.rval);
  print_hex(v, out);
  out += " (" + flags_text(kMembarrierCmdTable, v) + ")";
  return true;
}

constexpr std::array kMmFlagKinds{
    KindDecoder{ArgKind::mmap_prot, Phase::entry, flags32<kMmapProtTable>},
    KindDecoder{ArgKind::mmap_flags, Phase::entry, format_mmap_flags},
    KindDecoder{ArgKind::madvise_advice, Phase::entry, enum32<kMadviseAdviceTable>},
    KindDecoder{ArgKind::membarrier_cmd, Phase::entry, enum32<kMembarrierCmdTable>},
    KindDecoder{ArgKind::membarrier_flags, Phase::entry, flags32<kMembarrierFlagsTable>},
    KindDecoder{ArgKind::membarrier_cpu, Phase::entry, format_membarrier_cpu},
    KindDecoder{ArgKind::mremap_flags, Phase::entry, flags32<kMremapTable>},
    KindDecoder{ArgKind::mremap_new_address, Phase::entry, format_mremap_new_address},
    KindDecoder{ArgKind::msync_flags, Phase::entry, flags32<kMsyncTable>},
    KindDecoder{ArgKind::mlock_flags, Phase::entry, flags32<kMlockTable>},
    KindDecoder{ArgKind::mlockall_flags, Phase::entry, flags32<kMlockallTable>},
    KindDecoder{ArgKind::pkey_access, Phase::entry, flags32<kPkeyAccessTable>},
    KindDecoder{ArgKind::memfd_flags, Phase::entry, flags32<kMemfdTable>},
};
constexpr std::array kMmResults{ResultRow{SysId::membarrier, membarrier_result}};

}  // namespace

std::span<const KindDecoder> mm_flag_kinds() {
  return kMmFlagKinds;
}

std::span<const ResultRow> mm_results() {
  return kMmResults;
}

}  // namespace xtrace
