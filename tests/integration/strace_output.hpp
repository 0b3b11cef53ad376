// Normalizing strace-format output so two runs can be compared: addresses,
// pids and random bytes differ from run to run, the rest must not.
#pragma once

#include <string>
#include <vector>

namespace xtrace::testing {

// One line with run-dependent values replaced by placeholders and the
// result column's padding collapsed.
std::string normalize_line(const std::string& line);
std::vector<std::string> normalize(const std::vector<std::string>& lines);

}  // namespace xtrace::testing
