// Processes xtrace starts for itself (the command of -o '|COMMAND'): the
// stop loop's wait4(-1) may reap them, and must then say nothing ("Exit of
// unknown pid" is for strangers).
#pragma once

#include <sys/types.h>

#include <algorithm>
#include <vector>

namespace xtrace::own_children {

inline std::vector<pid_t>& pids() {
  static std::vector<pid_t> list;
  return list;
}

inline void add(pid_t pid) {
  pids().push_back(pid);
}

inline bool contains(pid_t pid) {
  return std::find(pids().begin(), pids().end(), pid) != pids().end();
}

}  // namespace xtrace::own_children
