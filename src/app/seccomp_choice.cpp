#include "seccomp_choice.hpp"

#include <algorithm>

#include "xtrace/seccomp_filter.hpp"

namespace xtrace::seccomp {

Choice choose(const Options& opts, Arch arch) {
  Choice choice;
  const ProcessOptions& p = opts.process;
  if (p.seccomp_bpf == false) return choice;
  bool asked = p.seccomp_bpf == true;
  auto refuse = [&](const char* why) {
    if (asked) choice.notes.emplace_back(why);
    return choice;
  };
  // strace 7.2's checks, in its order and words.
  if (!p.follow_forks)
    return refuse("--seccomp-bpf cannot be used without -f/--follow-forks, disabling");
  if (p.detach_on_execve)
    return refuse("--seccomp-bpf is not enabled because it is not compatible with -b");
  if (opts.report.filter.syscall_limit != 0)
    return refuse("--seccomp-bpf is not enabled because it is not compatible with --syscall-limit");
  if (!p.attach.empty()) {
    if (asked)
      choice.notes.emplace_back("--seccomp-bpf is not enabled for processes attached with -p");
    if (opts.command.empty()) return choice;
  }
  if (opts.command.empty()) return choice;
  std::vector<bool> traced = traced_numbers(opts.report.filter, arch);
  // -k keeps its cached mappings right: calls that can map or unmap code
  // stop too (not shown unless traced), as in strace.
  if (opts.stack_trace.enabled) {
    for (SysId id : all_sys_ids()) {
      if (facts(id).maps == MapCall::none) continue;
      auto nr = number(arch, id);
      if (nr && *nr >= 0 && static_cast<std::size_t>(*nr) < traced.size())
        traced[static_cast<std::size_t>(*nr)] = true;
    }
  }
  if (std::all_of(traced.begin(), traced.end(), [](bool t) { return t; }))
    return refuse(
        "Seccomp filter is requested but there are no syscalls to filter.  "
        "See -e trace to filter syscalls.");
  if (!available()) return refuse("seccomp filter is requested but unavailable");
  choice.program = build_program(arch, traced);
  if (choice.program.empty()) return refuse("seccomp filter is requested but unavailable");
  return choice;
}

}  // namespace xtrace::seccomp
