// Constant and flag kinds of process calls: arch_prctl's codes, resource
// limits, execveat's and pidfd_open's flags, setns's namespace types,
// ioprio's "which", the personality.
#include <fcntl.h>
#include <sched.h>
#include <sys/resource.h>

#include <array>

#include "format_helpers.hpp"
#include "personality.hpp"
#include "table_kinds.hpp"
#include "xlat.hpp"
#include "xtrace/decode.hpp"

namespace xtrace {
namespace {

using namespace decode;

// x86 only: <asm/prctl.h> does not exist on aarch64, so the codes are spelled
// out (the tables describe both architectures).
constexpr std::array kArchPrctl{XlatEntry{0x1001, "ARCH_SET_GS"},
                                XlatEntry{0x1002, "ARCH_SET_FS"},
                                XlatEntry{0x1003, "ARCH_GET_FS"},
                                XlatEntry{0x1004, "ARCH_GET_GS"},
                                XlatEntry{0x1011, "ARCH_GET_CPUID"},
                                XlatEntry{0x1012, "ARCH_SET_CPUID"},
                                XlatEntry{0x1021, "ARCH_GET_XCOMP_SUPP"},
                                XlatEntry{0x1022, "ARCH_GET_XCOMP_PERM"},
                                XlatEntry{0x1023, "ARCH_REQ_XCOMP_PERM"},
                                XlatEntry{0x1024, "ARCH_GET_XCOMP_GUEST_PERM"},
                                XlatEntry{0x1025, "ARCH_REQ_XCOMP_GUEST_PERM"},
                                XlatEntry{0x2001, "ARCH_MAP_VDSO_X32"},
                                XlatEntry{0x2002, "ARCH_MAP_VDSO_32"},
                                XlatEntry{0x2003, "ARCH_MAP_VDSO_64"},
                                XlatEntry{0x4001, "ARCH_GET_UNTAG_MASK"},
                                XlatEntry{0x4002, "ARCH_ENABLE_TAGGED_ADDR"},
                                XlatEntry{0x4003, "ARCH_GET_MAX_TAG_BITS"},
                                XlatEntry{0x4004, "ARCH_FORCE_TAGGED_SVA"},
                                XlatEntry{0x5001, "ARCH_SHSTK_ENABLE"},
                                XlatEntry{0x5002, "ARCH_SHSTK_DISABLE"},
                                XlatEntry{0x5003, "ARCH_SHSTK_LOCK"},
                                XlatEntry{0x5004, "ARCH_SHSTK_UNLOCK"},
                                XlatEntry{0x5005, "ARCH_SHSTK_STATUS"}};
constexpr std::array kRlimit{
    XLAT(RLIMIT_CPU),      XLAT(RLIMIT_FSIZE), XLAT(RLIMIT_DATA),   XLAT(RLIMIT_STACK),
    XLAT(RLIMIT_CORE),     XLAT(RLIMIT_RSS),   XLAT(RLIMIT_NPROC),  XLAT(RLIMIT_NOFILE),
    XLAT(RLIMIT_MEMLOCK),  XLAT(RLIMIT_AS),    XLAT(RLIMIT_LOCKS),  XLAT(RLIMIT_SIGPENDING),
    XLAT(RLIMIT_MSGQUEUE), XLAT(RLIMIT_NICE),  XLAT(RLIMIT_RTPRIO), XLAT(RLIMIT_RTTIME)};
const Xlat kArchPrctlCodeTable{kArchPrctl, "ARCH_???"};
const Xlat kRlimitResourceTable{kRlimit, "RLIMIT_???"};
constexpr std::array kExecveatFlags{XLAT(AT_SYMLINK_NOFOLLOW), XLAT(AT_EMPTY_PATH)};
constexpr std::array kPidfdOpenFlags{XlatEntry{O_EXCL, "PIDFD_THREAD"},
                                     XlatEntry{O_NONBLOCK, "PIDFD_NONBLOCK"}};
constexpr std::array kSetnsTypes{XLAT(CLONE_NEWNS),   XLAT(CLONE_NEWCGROUP),
                                 XLAT(CLONE_NEWUTS),  XLAT(CLONE_NEWIPC),
                                 XLAT(CLONE_NEWUSER), XLAT(CLONE_NEWPID),
                                 XLAT(CLONE_NEWNET),  XlatEntry{0x80, "CLONE_NEWTIME"}};
// linux/ioprio.h's values (the header is not in every C library's kernel
// headers set).
constexpr std::array kIoprioWhich{XlatEntry{1, "IOPRIO_WHO_PROCESS"},
                                  XlatEntry{2, "IOPRIO_WHO_PGRP"}, XlatEntry{3, "IOPRIO_WHO_USER"}};
const Xlat kIoprioWhichTable{kIoprioWhich, "IOPRIO_WHO_???"};
const Xlat kExecveatTable{kExecveatFlags, "AT_???"};
const Xlat kPidfdOpenTable{kPidfdOpenFlags, "PIDFD_???"};
const Xlat kSetnsTable{kSetnsTypes, "CLONE_NEW???"};

bool format_personality(const ArgContext& c, ValueOut& out) {
  out += personality_text(static_cast<std::uint32_t>(c.value()));
  return true;
}

constexpr std::array kProcessFlagKinds{
    KindDecoder{ArgKind::arch_prctl_code, Phase::entry, enum32<kArchPrctlCodeTable>},
    KindDecoder{ArgKind::rlimit_resource, Phase::entry, enum32<kRlimitResourceTable>},
    KindDecoder{ArgKind::execveat_flags, Phase::entry, flags32<kExecveatTable>},
    KindDecoder{ArgKind::pidfd_open_flags, Phase::entry, flags32<kPidfdOpenTable>},
    KindDecoder{ArgKind::setns_type, Phase::entry, flags32<kSetnsTable>},
    KindDecoder{ArgKind::ioprio_which, Phase::entry, enum32<kIoprioWhichTable>},
    KindDecoder{ArgKind::personality, Phase::entry, format_personality},
};

}  // namespace

std::span<const KindDecoder> process_flag_kinds() {
  return kProcessFlagKinds;
}

}  // namespace xtrace
