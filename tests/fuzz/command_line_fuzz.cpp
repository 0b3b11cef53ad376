// The whole command line: the input is argv, words separated by NUL bytes
// (argv[0] included).  A bad line must end in UsageError, never in a crash,
// another exception, or a process started: parse_command_line only parses.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "regex_blowup.hpp"
#include "xtrace/options.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (xtrace::fuzz::stacks_repetitions({reinterpret_cast<const char*>(data), size})) return 0;
  std::vector<std::string> words;
  words.emplace_back();
  for (std::size_t i = 0; i < size; ++i) {
    if (data[i] == '\0')
      words.emplace_back();
    else
      words.back() += static_cast<char>(data[i]);
  }
  std::vector<char*> argv;
  for (auto& w : words) argv.push_back(w.data());
  argv.push_back(nullptr);  // as the kernel hands main its argv
  try {
    xtrace::parse_command_line(static_cast<int>(words.size()), argv.data());
  } catch (const xtrace::UsageError&) {
  }
  return 0;
}
