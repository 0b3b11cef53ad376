// Constant and flag kinds of System V IPC: keys, the get calls' flags with
// their permission bits, shmat's and the message calls' flags, and the
// ctl calls' commands.
#include <array>
#include <cstdint>

#include "families.hpp"
#include "format_helpers.hpp"
#include "ipc_constants.hpp"
#include "table_kinds.hpp"
#include "xlat.hpp"
#include "xtrace/decode.hpp"

namespace xtrace {
namespace {

using namespace decode;
using ipc::kIpc64;

// The kernel's values, which not every header names (MSG_COPY, SHM_EXEC).
constexpr std::uint32_t kPermissionBits = 0777;
constexpr std::uint32_t kShmHugeShift = 26;
constexpr std::uint32_t kShmHugeMask = 0x3f;

constexpr std::array kIpcPrivate{XLAT(IPC_PRIVATE)};
const Xlat kIpcPrivateTable{kIpcPrivate};

// msgget's and semget's flags (strace's resource_flags).
constexpr std::array kResourceFlags{XLAT(IPC_CREAT), XLAT(IPC_EXCL), XLAT(IPC_NOWAIT)};
const Xlat kResourceFlagsTable{kResourceFlags};

// shmget's (shm_resource_flags); SHM_HUGE_* sizes are a field above them.
constexpr std::array kShmResourceFlags{XLAT(IPC_CREAT), XLAT(IPC_EXCL),
                                       XlatEntry{04000, "SHM_HUGETLB"},
                                       XlatEntry{010000, "SHM_NORESERVE"}};
const Xlat kShmResourceFlagsTable{kShmResourceFlags};

constexpr std::array kShmatFlags{XlatEntry{010000, "SHM_RDONLY"}, XlatEntry{020000, "SHM_RND"},
                                 XlatEntry{040000, "SHM_REMAP"}, XlatEntry{0100000, "SHM_EXEC"}};
const Xlat kShmatFlagsTable{kShmatFlags, "SHM_???"};

constexpr std::array kMsgFlags{XlatEntry{010000, "MSG_NOERROR"}, XlatEntry{020000, "MSG_EXCEPT"},
                               XlatEntry{040000, "MSG_COPY"}, XLAT(IPC_NOWAIT)};
const Xlat kMsgFlagsTable{kMsgFlags, "MSG_???"};

constexpr std::array kMsgctlCmds{XLAT(IPC_RMID), XLAT(IPC_SET),  XLAT(IPC_STAT),    XLAT(IPC_INFO),
                                 XLAT(MSG_STAT), XLAT(MSG_INFO), XLAT(MSG_STAT_ANY)};
const Xlat kMsgctlCmdsTable{kMsgctlCmds, "MSG_???"};

constexpr std::array kSemctlCmds{XLAT(IPC_RMID), XLAT(IPC_SET),     XLAT(IPC_STAT), XLAT(IPC_INFO),
                                 XLAT(GETPID),   XLAT(GETVAL),      XLAT(GETALL),   XLAT(GETNCNT),
                                 XLAT(GETZCNT),  XLAT(SETVAL),      XLAT(SETALL),   XLAT(SEM_STAT),
                                 XLAT(SEM_INFO), XLAT(SEM_STAT_ANY)};
const Xlat kSemctlCmdsTable{kSemctlCmds, "SEM_???"};

constexpr std::array kShmctlCmds{XLAT(IPC_RMID), XLAT(IPC_SET),  XLAT(IPC_STAT),
                                 XLAT(IPC_INFO), XLAT(SHM_LOCK), XLAT(SHM_UNLOCK),
                                 XLAT(SHM_STAT), XLAT(SHM_INFO), XLAT(SHM_STAT_ANY)};
const Xlat kShmctlCmdsTable{kShmctlCmds, "SHM_???"};

// A get call's flags and the new object's permissions, as strace prints
// them: "IPC_CREAT|IPC_EXCL|0600", or the permissions alone ("0600").
bool format_ipc_get_flags(const ArgContext& c, ValueOut& out) {
  auto v = static_cast<std::uint32_t>(c.value());
  if (std::uint32_t flags = v & ~kPermissionBits; flags != 0) {
    print_flags(kResourceFlagsTable, flags, out);
    out += '|';
  }
  print_mode_octal(v & kPermissionBits, out);
  return true;
}

// shmget's: the flags, the huge page size as "21<<SHM_HUGE_SHIFT" (its
// log2), then the permissions.
bool format_shmget_flags(const ArgContext& c, ValueOut& out) {
  auto v = static_cast<std::uint32_t>(c.value());
  constexpr std::uint32_t kHugeBits = kShmHugeMask << kShmHugeShift;
  std::uint32_t flags = v & ~kPermissionBits & ~kHugeBits;
  std::uint32_t huge = v & kHugeBits;
  if (flags != 0) {
    print_flags(kShmResourceFlagsTable, flags, out);
    out += '|';
  }
  if (huge != 0) {
    print_uint(huge >> kShmHugeShift, out);
    out += "<<";
    print_styled(fmt::format("{}", kShmHugeShift), "SHM_HUGE_SHIFT", out);
    out += '|';
  }
  print_mode_octal(v & kPermissionBits, out);
  return true;
}

// A ctl command, with the IPC_64 bit the C library may add first
// ("IPC_64|IPC_STAT"), as strace's PRINTCTL.
template <const Xlat& table>
bool format_ctl_cmd(const ArgContext& c, ValueOut& out) {
  auto v = static_cast<std::uint32_t>(c.value());
  if ((v & kIpc64) != 0) {
    print_styled(fmt::format("{:#x}", kIpc64), "IPC_64", out);
    out += '|';
  }
  print_enum(table, v & ~kIpc64, out);
  return true;
}

constexpr std::array kIpcFlagKinds{
    KindDecoder{ArgKind::ipc_key, Phase::entry, enum32<kIpcPrivateTable>},
    KindDecoder{ArgKind::ipc_get_flags, Phase::entry, format_ipc_get_flags},
    KindDecoder{ArgKind::shmget_flags, Phase::entry, format_shmget_flags},
    KindDecoder{ArgKind::shmat_flags, Phase::entry, flags32<kShmatFlagsTable>},
    KindDecoder{ArgKind::ipc_msg_flags, Phase::entry, flags32<kMsgFlagsTable>},
    KindDecoder{ArgKind::msgctl_cmd, Phase::entry, format_ctl_cmd<kMsgctlCmdsTable>},
    KindDecoder{ArgKind::semctl_cmd, Phase::entry, format_ctl_cmd<kSemctlCmdsTable>},
    KindDecoder{ArgKind::shmctl_cmd, Phase::entry, format_ctl_cmd<kShmctlCmdsTable>},
};

}  // namespace

std::span<const KindDecoder> ipc_flag_kinds() {
  return kIpcFlagKinds;
}

}  // namespace xtrace
