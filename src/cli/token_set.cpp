#include "token_set.hpp"

#include <algorithm>
#include <climits>

#include <fmt/format.h>

#include "c_number.hpp"
#include "xtrace/options.hpp"

namespace xtrace::cli {

bool TokenSet::contains(int n) const {
  return (std::find(numbers.begin(), numbers.end(), n) != numbers.end()) != inverted;
}

TokenSet parse_token_set(std::string_view text, std::string_view what, TokenLookup lookup) {
  TokenSet set;
  std::string_view rest = text;
  for (; rest.starts_with('!'); rest.remove_prefix(1)) set.inverted = !set.inverted;
  // strace compares these two exactly (strcmp); names in lists need not.
  if (rest == "none") return set;
  if (rest == "all") {
    set.inverted = !set.inverted;
    return set;
  }
  bool any = false;
  while (!rest.empty()) {
    std::size_t comma = rest.find(',');
    std::string_view token = rest.substr(0, comma);
    rest.remove_prefix(comma == std::string_view::npos ? rest.size() : comma + 1);
    if (token.empty()) continue;
    int n = lookup(token);
    if (n < 0) throw UsageError(fmt::format("invalid {} '{}'", what, token));
    set.numbers.push_back(n);
    any = true;
  }
  if (!any) throw UsageError(fmt::format("invalid {} '{}'", what, text));
  return set;
}

int descriptor_token(std::string_view token) {
  auto n = parse_c_number(token, 0, INT_MAX);
  return n ? static_cast<int>(*n) : -1;
}

}  // namespace xtrace::cli
