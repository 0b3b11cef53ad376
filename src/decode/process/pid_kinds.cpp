// Pid kinds: arguments that name a task, a thread group, a process group or
// a session.  They print as numbers; -Y and --decode-pids=pidns decorate
// them (DecodeOptions::pids), each by the kind of id strace says it is.
#include <sys/resource.h>
#include <sys/wait.h>

#include <array>

#include "pid_printer.hpp"
#include "xtrace/decode.hpp"

namespace xtrace {
namespace {

using namespace decode;

std::int64_t as_pid(std::uint64_t v) {
  return static_cast<std::int32_t>(v);
}

template <PidType type>
bool format_pid(const ArgContext& c, ValueOut& out) {
  print_pid(c.opts.pids, c.tid, as_pid(c.value()), type, out);
  return true;
}

bool format_pid_or_pgid(const ArgContext& c, ValueOut& out) {
  print_pid_or_pgid(c.opts.pids, c.tid, as_pid(c.value()), out);
  return true;
}

// An id whose meaning another argument selects (waitid's idtype,
// getpriority's which): the selector's values that name pids, and how.
struct PidSelector {
  std::uint64_t selector;
  PidType type;
};

constexpr std::array kWaitidIds{PidSelector{P_PID, PidType::tgid},
                                PidSelector{P_PGID, PidType::pgid}};
constexpr std::array kPrioWho{PidSelector{PRIO_PROCESS, PidType::tgid},
                              PidSelector{PRIO_PGRP, PidType::pgid}};
// IOPRIO_WHO_PROCESS, IOPRIO_WHO_PGRP (linux/ioprio.h is not in every libc).
constexpr std::array kIoprioWho{PidSelector{1, PidType::tgid}, PidSelector{2, PidType::pgid}};

template <const auto& table>
bool format_selected_pid(const ArgContext& c, ValueOut& out) {
  std::int64_t id = as_pid(c.value());
  for (const auto& row : table) {
    if (row.selector == static_cast<std::uint32_t>(c.ref_value())) {
      print_pid(c.opts.pids, c.tid, id, row.type, out);
      return true;
    }
  }
  print_int(id, out);
  return true;
}

constexpr std::array kPidKinds{
    KindDecoder{ArgKind::pid, Phase::entry, format_pid<PidType::tgid>},
    KindDecoder{ArgKind::tid, Phase::entry, format_pid<PidType::tid>},
    KindDecoder{ArgKind::pgid, Phase::entry, format_pid<PidType::pgid>},
    KindDecoder{ArgKind::pid_or_pgid, Phase::entry, format_pid_or_pgid},
    KindDecoder{ArgKind::waitid_id, Phase::entry, format_selected_pid<kWaitidIds>},
    KindDecoder{ArgKind::prio_who, Phase::entry, format_selected_pid<kPrioWho>},
    KindDecoder{ArgKind::ioprio_who, Phase::entry, format_selected_pid<kIoprioWho>},
};

}  // namespace

std::span<const KindDecoder> pid_kinds() {
  return kPidKinds;
}

}  // namespace xtrace
