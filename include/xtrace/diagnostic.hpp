// How xtrace speaks on stderr: one line "PROGRAM: TEXT".  It never throws
// and never fails loudly: stderr may be a pipe whose reader is gone (a
// throwing fmt::print there once aborted xtrace with its tracees stopped).
#pragma once

#include <cstdio>
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

}  // namespace xtrace
