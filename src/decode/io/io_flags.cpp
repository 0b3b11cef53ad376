// Constant and flag kinds of I/O calls: eventfd's, epoll's, splice's,
// preadv2's, sync_file_range's and getrandom's.
#include <fcntl.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/random.h>
#include <sys/uio.h>

#include <array>

#include "table_kinds.hpp"
#include "xlat.hpp"
#include "xtrace/decode.hpp"

namespace xtrace {
namespace {

using namespace decode;

constexpr std::array kGetrandom{XLAT(GRND_NONBLOCK), XLAT(GRND_RANDOM), XLAT(GRND_INSECURE)};
const Xlat kGetrandomFlagsTable{kGetrandom, "GRND_???"};
constexpr std::array kEventfdFlags{XLAT(EFD_SEMAPHORE), XLAT(EFD_CLOEXEC), XLAT(EFD_NONBLOCK)};
constexpr std::array kEpollCreate{XlatEntry{02000000, "EPOLL_CLOEXEC"}};
const Xlat kEventfdTable{kEventfdFlags, "EFD_???"};
const Xlat kEpollCreateTable{kEpollCreate, "EPOLL_???"};
constexpr std::array kEpollOps{XLAT(EPOLL_CTL_ADD), XLAT(EPOLL_CTL_DEL), XLAT(EPOLL_CTL_MOD)};
const Xlat kEpollOpTable{kEpollOps, "EPOLL_CTL_???"};
constexpr std::array kSpliceFlags{XlatEntry{1, "SPLICE_F_MOVE"}, XlatEntry{2, "SPLICE_F_NONBLOCK"},
                                  XlatEntry{4, "SPLICE_F_MORE"}, XlatEntry{8, "SPLICE_F_GIFT"}};
constexpr std::array kRwfFlags{XLAT(RWF_HIPRI),
                               XLAT(RWF_DSYNC),
                               XLAT(RWF_SYNC),
                               XLAT(RWF_NOWAIT),
                               XLAT(RWF_APPEND),
                               XlatEntry{0x20, "RWF_NOAPPEND"},
                               XlatEntry{0x40, "RWF_ATOMIC"},
                               XlatEntry{0x80, "RWF_DONTCACHE"},
                               XlatEntry{0x100, "RWF_NOSIGNAL"}};
constexpr std::array kSyncFileRangeFlags{XLAT(SYNC_FILE_RANGE_WAIT_BEFORE),
                                         XLAT(SYNC_FILE_RANGE_WRITE),
                                         XLAT(SYNC_FILE_RANGE_WAIT_AFTER)};
const Xlat kSpliceTable{kSpliceFlags, "SPLICE_F_???"};
const Xlat kRwfTable{kRwfFlags, "RWF_???"};
const Xlat kSyncFileRangeTable{kSyncFileRangeFlags, "SYNC_FILE_RANGE_???"};

constexpr std::array kIoFlagKinds{
    KindDecoder{ArgKind::getrandom_flags, Phase::entry, flags32<kGetrandomFlagsTable>},
    KindDecoder{ArgKind::eventfd_flags, Phase::entry, flags32<kEventfdTable>},
    KindDecoder{ArgKind::epoll_create_flags, Phase::entry, flags32<kEpollCreateTable>},
    KindDecoder{ArgKind::epoll_ctl_op, Phase::entry, enum32<kEpollOpTable>},
    KindDecoder{ArgKind::splice_flags, Phase::entry, flags32<kSpliceTable>},
    KindDecoder{ArgKind::rwf_flags, Phase::entry, flags32<kRwfTable>},
    KindDecoder{ArgKind::sync_file_range_flags, Phase::entry, flags32<kSyncFileRangeTable>},
};

}  // namespace

std::span<const KindDecoder> io_flag_kinds() {
  return kIoFlagKinds;
}

}  // namespace xtrace
