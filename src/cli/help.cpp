// The texts of -h and -V.  Every option xtrace accepts has its line here and
// its entry in man/xtrace.1.
#include <fmt/format.h>

#include "xtrace/options.hpp"

#ifndef XTRACE_VERSION
#define XTRACE_VERSION "0.0.0"
#endif

namespace xtrace {

std::string help_text(const std::string& program_name) {
  return fmt::format(
      R"(Usage: {0} [OPTIONS] PROG [ARGS]

Trace the system calls PROG makes, in strace's format.

Output format:
  -s STRSIZE, --string-limit=STRSIZE
                 limit the length of printed strings to STRSIZE bytes
                 (default 32); paths are always printed whole

Output:
  -o FILE, --output=FILE
                 send the trace to FILE instead of stderr

Miscellaneous:
  -h, --help     print this help and exit
  -V, --version  print the version and exit

The exit status is PROG's; when PROG is killed by a signal, {0} kills
itself with the same signal.
)",
      program_name);
}

std::string version_text() {
  return fmt::format("xtrace -- version {}\n", XTRACE_VERSION);
}

}  // namespace xtrace
