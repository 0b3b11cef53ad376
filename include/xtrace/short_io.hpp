// short=N: which argument of a read/write-like call is its byte count.
#pragma once

#include <optional>

#include "xtrace/syscall_set.hpp"
#include "xtrace/syscall_table.hpp"

namespace xtrace::inject {

// The index of the byte-count argument that short= lowers, if the syscall
// transfers bytes in one buffer (read, write, pread64, sendto, ...).
std::optional<int> short_count_arg(SysId id) noexcept;
// Whether a set names at least one such call (a short= rule must).
bool any_shortable(const SyscallSet& set);

}  // namespace xtrace::inject
