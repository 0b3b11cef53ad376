// -P PATH and --trace-fds=SET: a call is shown when one of the descriptors
// or paths it names (path_args.hpp) is selected.  Decided at entry, as
// strace does: a path argument is compared as the tracee wrote it with the
// paths given and their realpath(3); a descriptor by what /proc/TID/fd/N
// links to, or by its number with --trace-fds.  So openat("/etc/passwd")
// matches by name, and the reads and close of the fd it returned by link.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "xtrace/descriptor_set.hpp"
#include "xtrace/event.hpp"
#include "xtrace/tracee_memory.hpp"

namespace xtrace::filter {

class PathFilter {
 public:
  // Resolves each path once, now (relative paths against xtrace's cwd).
  PathFilter(const std::vector<std::string>& paths, std::optional<DescriptorSet> fds);

  // The paths that resolved to another name: strace reports each as
  // "Requested path "X" resolved into "Y"" unless -e quiet=path-resolution.
  const std::vector<std::pair<std::string, std::string>>& resolutions() const {
    return resolutions_;
  }

  // ev holds the call's entry (tid, desc, args); mem reads that tid.
  bool matches(const SyscallEvent& ev, TraceeMemory& mem) const;

 private:
  bool path_selected(const std::string& path) const;
  bool fd_matches(pid_t tid, int fd) const;
  bool path_arg_matches(std::uint64_t addr, TraceeMemory& mem) const;
  bool pollfds_match(const SyscallEvent& ev, TraceeMemory& mem) const;
  bool fd_sets_match(const SyscallEvent& ev, TraceeMemory& mem) const;
  bool fsconfig_matches(const SyscallEvent& ev, TraceeMemory& mem) const;

  std::vector<std::string> paths_;  // as given, then resolved; no duplicates
  std::vector<std::pair<std::string, std::string>> resolutions_;
  std::optional<DescriptorSet> fds_;
};

}  // namespace xtrace::filter
