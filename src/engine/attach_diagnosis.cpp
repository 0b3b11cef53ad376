#include "attach_diagnosis.hpp"

#include <signal.h>

#include <cerrno>
#include <cstdlib>
#include <fstream>
#include <string_view>

#include <fmt/format.h>

namespace xtrace {
namespace {

constexpr int kCapSysPtrace = 19;  // <linux/capability.h>
// Below this scope Yama only restricts tracers without CAP_SYS_PTRACE; at
// it, no process may attach (YAMA_SCOPE_NO_ATTACH).
constexpr int kYamaNoAttach = 3;

// The first "FIELD:" line of a /proc status file, its value as text.
std::optional<std::string> status_field(const std::string& path, std::string_view field) {
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line))
    if (line.starts_with(field) && line.size() > field.size() && line[field.size()] == ':')
      return line.substr(field.size() + 1);
  return std::nullopt;
}

}  // namespace

AttachFacts read_attach_facts(pid_t pid) {
  AttachFacts facts;
  auto tracer = status_field(fmt::format("/proc/{}/status", pid), "TracerPid");
  facts.tracer_pid = tracer ? static_cast<pid_t>(std::strtol(tracer->c_str(), nullptr, 10)) : -1;
  if (auto cap = status_field("/proc/self/status", "CapEff"))
    facts.can_ptrace_anyone = (std::strtoull(cap->c_str(), nullptr, 16) >> kCapSysPtrace) & 1;
  facts.signal_denied = kill(pid, 0) < 0 && errno == EPERM;
  std::ifstream yama("/proc/sys/kernel/yama/ptrace_scope");
  if (!(yama >> facts.yama_scope)) facts.yama_scope = 0;
  return facts;
}

std::optional<std::string> attach_eperm_hint(pid_t pid, const AttachFacts& facts) {
  if (facts.tracer_pid > 0)
    return fmt::format("Process {} is already being traced by pid {}", pid, facts.tracer_pid);
  if (!facts.can_ptrace_anyone && facts.signal_denied)
    return fmt::format("process {} may be owned by a different user", pid);
  if (facts.yama_scope <= 0 || (facts.yama_scope < kYamaNoAttach && facts.can_ptrace_anyone))
    return std::nullopt;
  return fmt::format("sysctl kernel.yama.ptrace_scope = {} may be restricting this attach",
                     facts.yama_scope);
}

}  // namespace xtrace
