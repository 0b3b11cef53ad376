// How xtrace speaks on stderr: one line "PROGRAM: TEXT".  It never throws
// and never fails loudly: stderr may be a pipe whose reader is gone (a
// throwing fmt::print there once aborted xtrace with its tracees stopped).
#pragma once

#include <cstdio>
#include <stdexcept>
#include <string>
#include <string_view>

namespace xtrace {

inline void diagnose(std::string_view program, std::string_view text, std::FILE* to = stderr) {
  std::string line;
  line.reserve(program.size() + text.size() + 3);
  line.append(program).append(": ").append(text).push_back('\n');
  std::fwrite(line.data(), 1, line.size(), to);
  std::fflush(to);
}

// A command line xtrace cannot run: main prints it and exits 1 (with
// strace's "Try '-h' for more information." when suggests_help).
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
  static UsageError with_help(const std::string& message) {
    UsageError e(message);
    e.help_ = true;
    return e;
  }
  bool suggests_help() const { return help_; }

 private:
  bool help_ = false;
};

}  // namespace xtrace
