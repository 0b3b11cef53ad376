// Runs a command with its stdout and stderr captured, for tests of the real
// xtrace binary.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace xtrace::testing {

struct RunResult {
  bool signaled = false;
  int code = 0;  // exit status, or the signal number
  std::string out;
  std::string err;
};

RunResult run_command(const std::vector<std::string>& argv, const std::string& stdin_text = "");
std::string xtrace_binary();
// How xtrace begins every line it writes on stderr, whatever argv[0] is.
inline const std::string kDiag = "xtrace: ";
// A usage error as strace words it: the message, then its hint line.
inline std::string with_help(const std::string& message) {
  return message + "\nTry 'xtrace -h' for more information.";
}
std::string program(const std::string& name);  // a tracee of tests/programs
std::string read_file(const std::string& path);
std::vector<std::string> lines_of(const std::string& text);
// A fresh empty directory under /tmp, removed by the caller when done.
std::string make_temp_dir();
// The reference strace for comparison tests: $XTRACE_REFERENCE_STRACE, else
// `strace` on PATH; empty when there is none.
std::string reference_strace();
// Under CI (the CI variable set), a comparison that would skip for want of
// the reference strace fails instead, naming `what` was missing.
void fail_without_reference_in_ci(std::string_view what);

}  // namespace xtrace::testing
