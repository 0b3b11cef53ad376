// path=GLOB and fd=N: whether a syscall's arguments select it.  Paths are
// read from the tracee; a relative path is also tried resolved against its
// directory fd (or the cwd), and an fd argument stands for the file it is
// open on (/proc/TID/fd/N).
#pragma once

#include <sys/types.h>

#include <optional>
#include <string>

#include "xtrace/event.hpp"
#include "xtrace/tracee_memory.hpp"

namespace xtrace::inject {

// Glob matching as fnmatch(3) without flags: `*` also matches '/', so
// "/etc/app/*" covers the whole tree under /etc/app.
bool glob_matches(const std::string& glob, const std::string& path);

// Whether one of the call's path arguments, or the file behind one of its
// fd arguments, matches the glob.
bool path_argument_matches(const SyscallEvent& ev, const std::string& glob, TraceeMemory& mem);
// Whether one of the call's fd arguments (fd, or a dirfd other than
// AT_FDCWD) is fd.
bool fd_argument_matches(const SyscallEvent& ev, int fd);

// The file an fd of task tid is open on, empty when unknown.
std::string fd_path(pid_t tid, int fd);

}  // namespace xtrace::inject
