// Parsing a command line given as words, for the command-line unit tests.
#pragma once

#include <initializer_list>
#include <string>
#include <vector>

#include "xtrace/options.hpp"

namespace xtrace::testing {

inline Options parse(std::vector<std::string> words) {
  std::vector<char*> argv;
  for (auto& w : words) argv.push_back(w.data());
  return parse_command_line(static_cast<int>(argv.size()), argv.data());
}

inline Options parse(std::initializer_list<const char*> words) {
  return parse(std::vector<std::string>(words.begin(), words.end()));
}

// The usage error's text, or "" when the line parses.
inline std::string error_of(std::initializer_list<const char*> words) {
  try {
    parse(words);
  } catch (const UsageError& e) {
    return e.what();
  }
  return "";
}

}  // namespace xtrace::testing
