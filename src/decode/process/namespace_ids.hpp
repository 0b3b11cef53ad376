// -e namespace=new: the namespaces a task is in after clone, clone3,
// unshare or setns, as strace 7.2 appends them to the result
// ("= 0 (net:[4026532840], user:[4026532839])").
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <string>

namespace xtrace::decode {

// The /proc/PID/ns links of the kinds that `flags` (CLONE_NEW* bits)
// names, in strace's order (cgroup, ipc, mnt, net, pid, time, uts, user),
// joined by ", "; `pid` in xtrace's numbering.  Links that cannot be read
// are left out; empty when none could.
std::string namespace_ids(pid_t pid, std::uint64_t flags);

// A child's tid as `tracee` numbers it, in xtrace's numbering (0 when no
// task visible to xtrace has it).
pid_t tid_in_our_namespace(pid_t tracee, pid_t tid);

}  // namespace xtrace::decode
