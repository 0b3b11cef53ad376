// Results process calls explain after the number: a scheduling policy, a
// personality, an I/O priority, and (-e namespace=new) the namespaces a
// task is in after clone, unshare or setns.
#include <sys/types.h>

#include <fmt/format.h>

#include <array>
#include <string_view>

#include "families.hpp"
#include "format_helpers.hpp"
#include "namespace_ids.hpp"
#include "personality.hpp"
#include "pid_printer.hpp"
#include "process_tables.hpp"
#include "xlat.hpp"
#include "xtrace/decode.hpp"
#include "xtrace/syscall_decoder.hpp"

namespace xtrace {
namespace {

using namespace decode;

SysId id_of(const SyscallEvent& ev) {
  return id_of(*ev.desc);
}

// sched_getscheduler returns a policy: "= 0 (SCHED_OTHER)", "= 0x3
// (SCHED_BATCH)".  A value with no name (SCHED_RESET_ON_FORK set) stays
// decimal.
bool sched_policy_result(const SyscallEvent& ev, TraceeMemory&, const DecodeOptions&,
                         std::string& out) {
  if (ev.rval < 0) return false;
  auto v = static_cast<std::uint64_t>(ev.rval);
  std::string_view name = lookup(tables::sched_policy, v);
  if (name.empty()) return false;
  print_hex(v, out);
  fmt::format_to(std::back_inserter(out), " ({})", name);
  return true;
}

// personality returns the previous personality: "= 0 (PER_LINUX)",
// "= 0x400000 (PER_LINUX|READ_IMPLIES_EXEC)".
bool personality_result(const SyscallEvent& ev, TraceeMemory&, const DecodeOptions&,
                        std::string& out) {
  if (ev.rval < 0) return false;
  auto v = static_cast<std::uint32_t>(ev.rval);
  print_hex(v, out);
  fmt::format_to(std::back_inserter(out), " ({})", personality_text(v));
  return true;
}

// ioprio_get returns a class and a level: "= 16388
// (IOPRIO_PRIO_VALUE(IOPRIO_CLASS_BE, 4))".  A class with no name stays
// plain.
bool ioprio_result(const SyscallEvent& ev, TraceeMemory&, const DecodeOptions&, std::string& out) {
  constexpr std::array<std::string_view, 4> kClasses{"IOPRIO_CLASS_NONE", "IOPRIO_CLASS_RT",
                                                     "IOPRIO_CLASS_BE", "IOPRIO_CLASS_IDLE"};
  constexpr int kClassShift = 13;  // linux/ioprio.h's IOPRIO_CLASS_SHIFT
  if (ev.rval < 0) return false;
  auto klass = static_cast<std::uint64_t>(ev.rval) >> kClassShift;
  if (klass >= kClasses.size()) return false;
  auto level = static_cast<std::uint64_t>(ev.rval) & ((1u << kClassShift) - 1);
  fmt::format_to(std::back_inserter(out), "{} (IOPRIO_PRIO_VALUE({}, {}))", ev.rval,
                 kClasses[klass], level);
  return true;
}

// -e namespace=new: after the result, the namespaces of the kinds the
// flags name that the task is in now (for clone and clone3 the child,
// translated into xtrace's pid namespace).
bool namespace_result(const SyscallEvent& ev, TraceeMemory& mem, const DecodeOptions& opts,
                      std::string& out) {
  if (!opts.new_namespaces) return false;
  const SysId id = id_of(ev);
  const bool child = id == SysId::clone || id == SysId::clone3;
  std::uint64_t flags = 0;
  if (id == SysId::clone3) {
    // struct clone_args begins with its 64-bit flags.
    auto f = mem.read_value<std::uint64_t>(ev.args[0]);
    if (!f) return false;
    flags = *f;
  } else if (id == SysId::setns) {
    flags = static_cast<std::uint32_t>(ev.args[1]);
  } else {
    flags = ev.args[0];
  }
  pid_t pid = ev.tid;
  if (child) {
    pid = tid_in_our_namespace(ev.tid, static_cast<pid_t>(ev.rval));
    if (pid == 0) return false;
  }
  std::string ids = namespace_ids(pid, flags);
  if (ids.empty()) return false;
  if (child)
    print_pid(opts.pids, ev.tid, static_cast<pid_t>(ev.rval), PidType::tid, out);
  else
    fmt::format_to(std::back_inserter(out), "{}", ev.rval);
  fmt::format_to(std::back_inserter(out), " ({})", ids);
  return true;
}

constexpr std::array kProcessResults{ResultRow{SysId::sched_getscheduler, sched_policy_result},
                                     ResultRow{SysId::personality, personality_result},
                                     ResultRow{SysId::ioprio_get, ioprio_result},
                                     ResultRow{SysId::clone, namespace_result},
                                     ResultRow{SysId::clone3, namespace_result},
                                     ResultRow{SysId::unshare, namespace_result},
                                     ResultRow{SysId::setns, namespace_result}};

}  // namespace

std::span<const ResultRow> process_results() {
  return kProcessResults;
}

}  // namespace xtrace
