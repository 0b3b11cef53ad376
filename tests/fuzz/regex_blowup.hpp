// Regular expressions that glibc's regcomp takes exponential time or
// memory to compile: repetition operators stacked on one another
// ("p++++++") and bounded repetitions, which it expands ("(a{99}){99}").  `-e trace=/REGEX`
// compiles the user's expression with regcomp, as strace does (strace hangs on the same
// expressions); that is glibc's limit, not a bug of the parser, so the
// command-line targets pass such inputs over rather than report a timeout.
#pragma once

#include <cstddef>
#include <string_view>

namespace xtrace::fuzz {

inline bool stacks_repetitions(std::string_view input) {
  if (input.find('/') == std::string_view::npos) return false;  // no regex
  if (input.find('{') != std::string_view::npos) return true;
  constexpr std::string_view kRepeat = "+*?{}";
  for (std::size_t i = 1; i < input.size(); ++i)
    if (kRepeat.find(input[i]) != std::string_view::npos &&
        kRepeat.find(input[i - 1]) != std::string_view::npos)
      return true;
  return false;
}

}  // namespace xtrace::fuzz
