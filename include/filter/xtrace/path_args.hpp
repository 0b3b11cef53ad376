// Which arguments of a syscall name a file for -P and --trace-fds: the
// descriptors and paths strace 7.2 looks at, per syscall, as data.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "xtrace/syscall_table.hpp"

namespace xtrace::filter {

// Calls whose descriptors are not plain arguments.
enum class FdSource : std::uint8_t {
  args,      // the fd/path bits below say everything
  pollfds,   // poll, ppoll: the fds of the pollfd array (arg 0, count arg 1)
  fd_sets,   // select, pselect6: the bits of the three fd_sets (args 1-3)
  fsconfig,  // fsconfig: a path (arg 3) and fd (arg 4) only for some commands
};

struct PathArgs {
  std::uint8_t fds = 0;    // bit i: argument i is a descriptor
  std::uint8_t paths = 0;  // bit i: argument i is a path
  FdSource source = FdSource::args;
};

// What -P and --trace-fds test for this syscall; nothing for a call that
// touches no file (strace skips all but the file, desc and network classes).
PathArgs path_args(SysId id);

}  // namespace xtrace::filter
