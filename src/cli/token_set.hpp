// strace's set syntax for -e qualifiers (qualify_tokens): any number of
// leading '!' invert what follows; "all" and "none" stand alone; otherwise
// comma-separated tokens, empty ones skipped (strtok), each turned into a
// number by a lookup, at least one token required.  Every set qualifier
// (status, signal, quiet, read, write, trace-fds, decode-fds, decode-pids)
// is read here, so all follow the same rules.
#pragma once

#include <bitset>
#include <cstddef>
#include <string_view>
#include <vector>

namespace xtrace::cli {

// As strace's number_set: the numbers named, and whether the set is
// everything but them ("all" is "!none").
struct TokenSet {
  std::vector<int> numbers;
  bool inverted = false;

  bool contains(int n) const;
  // Numbers at or beyond N cannot be stored and are left out.
  template <std::size_t N>
  std::bitset<N> to_bitset() const {
    std::bitset<N> bits;
    for (int n : numbers)
      if (n >= 0 && static_cast<std::size_t>(n) < N) bits.set(static_cast<std::size_t>(n));
    return inverted ? ~bits : bits;
  }
};

// A token's number, or a negative value when the token is invalid.
using TokenLookup = int (*)(std::string_view token);

// Throws UsageError "invalid WHAT 'TOKEN'" (or the whole text when it has
// no token), as strace.
TokenSet parse_token_set(std::string_view text, std::string_view what, TokenLookup lookup);

// Lookups shared by several qualifiers.
int descriptor_token(std::string_view token);  // 0..INT_MAX, as strace's string_to_uint

}  // namespace xtrace::cli
