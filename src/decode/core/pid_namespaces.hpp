// Translating a pid from a tracee's pid namespace into xtrace's own, as the
// kernel offers no call for it: /proc/PID/status lists a task's ids in
// every namespace from /proc's down to its own (NSpid, NStgid, NSpgid,
// NSsid), and /proc/PID/ns/pid (with NS_GET_PARENT) names those namespaces.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "xtrace/pid_decorator.hpp"

namespace xtrace {

// The ids of one NS* line of a status file, outermost namespace first;
// empty when the line is missing.
std::vector<pid_t> parse_ns_ids(std::string_view status, PidType type);

class PidNamespaces {
 public:
  PidNamespaces();
  // `pid` as `tracee`'s namespace numbers it, in xtrace's numbering; 0
  // when no task visible to xtrace has it.
  pid_t to_ours(pid_t tracee, pid_t pid, PidType type);
  void forget(pid_t tracee) { tracees_.erase(tracee); }

 private:
  // A tracee's namespace: its inode and its level in the NS* lists.
  struct Ns {
    std::uint64_t inode = 0;
    std::size_t level = 0;
  };
  struct Key {
    std::uint64_t inode;
    pid_t pid;
    PidType type;
    bool operator==(const Key&) const = default;
  };
  struct KeyHash {
    std::size_t operator()(const Key& k) const;
  };

  const Ns* tracee_ns(pid_t tracee);
  // Our id of `entry`'s `type` id when `entry` is seen as `pid` from `ns`.
  pid_t match(pid_t entry, const Ns& ns, pid_t pid, PidType type) const;
  pid_t scan(const Ns& ns, pid_t pid, PidType type);

  Ns own_;
  std::unordered_map<pid_t, Ns> tracees_;
  // Where a (namespace, id) was last found: the /proc entry to check first,
  // so a known pid costs one status read, whatever the number of tasks.
  std::unordered_map<Key, pid_t, KeyHash> found_;
};

}  // namespace xtrace
