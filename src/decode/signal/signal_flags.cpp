// Constant and flag kinds of signal calls: the signal number, sigprocmask's
// "how", signalfd's and pidfd_send_signal's flags.
#include <signal.h>
#include <sys/signalfd.h>

#include <array>

#include "format_helpers.hpp"
#include "signal_names.hpp"
#include "table_kinds.hpp"
#include "xlat.hpp"
#include "xtrace/decode.hpp"

namespace xtrace {
namespace {

using namespace decode;

constexpr std::array kSigprocmaskHow{XLAT(SIG_BLOCK), XLAT(SIG_UNBLOCK), XLAT(SIG_SETMASK)};
const Xlat kSigprocmaskHowTable{kSigprocmaskHow, "SIG_???"};
constexpr std::array kSignalfdFlags{XLAT(SFD_CLOEXEC), XLAT(SFD_NONBLOCK)};
const Xlat kSignalfdTable{kSignalfdFlags, "SFD_???"};
constexpr std::array kPidfdSignalFlags{XlatEntry{1, "PIDFD_SIGNAL_THREAD"},
                                       XlatEntry{2, "PIDFD_SIGNAL_THREAD_GROUP"},
                                       XlatEntry{4, "PIDFD_SIGNAL_PROCESS_GROUP"}};
const Xlat kPidfdSignalTable{kPidfdSignalFlags, "PIDFD_SIGNAL_???"};

bool format_signal(const ArgContext& c, ValueOut& out) {
  print_signal(static_cast<int>(c.value()), out);
  return true;
}

constexpr std::array kSignalFlagKinds{
    KindDecoder{ArgKind::signal, Phase::entry, format_signal},
    KindDecoder{ArgKind::sigprocmask_how, Phase::entry, enum32<kSigprocmaskHowTable>},
    KindDecoder{ArgKind::signalfd_flags, Phase::entry, flags32<kSignalfdTable>},
    KindDecoder{ArgKind::pidfd_signal_flags, Phase::entry, flags32<kPidfdSignalTable>},
};

}  // namespace

std::span<const KindDecoder> signal_flag_kinds() {
  return kSignalFlagKinds;
}

}  // namespace xtrace
