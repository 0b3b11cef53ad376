// Running the same command under the reference strace 7.x and under
// xtrace, and comparing the normalized traces line by line.
#pragma once

#include <string>
#include <vector>

namespace xtrace::testing {

// The reference strace if it is a 7.x (older ones decode less); empty when
// there is none, and then the caller skips.
std::string reference_strace_7();

// Expects the same exit status and the same normalized lines (written with
// -o) from both tracers; the caller checks reference_strace_7() first.
void expect_same_trace(const std::vector<std::string>& command,
                       const std::vector<std::string>& extra_args = {});

}  // namespace xtrace::testing
