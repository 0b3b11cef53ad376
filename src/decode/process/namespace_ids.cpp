#include "namespace_ids.hpp"

#include <limits.h>
#include <sched.h>
#include <unistd.h>

#include <fmt/format.h>

#include <array>
#include <string_view>

#include "pid_namespaces.hpp"

namespace xtrace::decode {
namespace {

// CLONE_NEWTIME and CLONE_INTO_CGROUP by the kernel's numbers (older C
// libraries lack them).
constexpr std::uint64_t kCloneNewTime = 0x80;
constexpr std::uint64_t kCloneIntoCgroup = 0x200000000ULL;

struct NsKind {
  std::uint64_t flags;
  std::string_view name;  // the entry in /proc/PID/ns
};
constexpr std::array kNsKinds{NsKind{CLONE_NEWCGROUP | kCloneIntoCgroup, "cgroup"},
                              NsKind{CLONE_NEWIPC, "ipc"},
                              NsKind{CLONE_NEWNS, "mnt"},
                              NsKind{CLONE_NEWNET, "net"},
                              NsKind{CLONE_NEWPID, "pid"},
                              NsKind{kCloneNewTime, "time"},
                              NsKind{CLONE_NEWUTS, "uts"},
                              NsKind{CLONE_NEWUSER, "user"}};

}  // namespace

std::string namespace_ids(pid_t pid, std::uint64_t flags) {
  std::string out;
  for (const auto& kind : kNsKinds) {
    if ((flags & kind.flags) == 0) continue;
    std::string path = fmt::format("/proc/{}/ns/{}", pid, kind.name);
    std::array<char, PATH_MAX> buf{};
    ssize_t n = readlink(path.c_str(), buf.data(), buf.size());
    if (n < 0 || static_cast<std::size_t>(n) >= buf.size()) continue;
    if (!out.empty()) out += ", ";
    out.append(buf.data(), static_cast<std::size_t>(n));
  }
  return out;
}

pid_t tid_in_our_namespace(pid_t tracee, pid_t tid) {
  // One translator for the run: it remembers each tracee's namespace.
  static PidNamespaces namespaces;
  return namespaces.to_ours(tracee, tid, PidType::tid);
}

}  // namespace xtrace::decode
