// Splitting an option's value into its items ("a,b,c"; -p's "1 2,3").
// Empty items are kept: each caller judges them as strace does (-U
// rejects them, --tips skips them); sets skip them in token_set.
#pragma once

#include <string_view>
#include <vector>

namespace xtrace::cli {

inline std::vector<std::string_view> split_list(std::string_view text,
                                                std::string_view separators = ",") {
  std::vector<std::string_view> items;
  while (true) {
    std::size_t at = text.find_first_of(separators);
    items.push_back(text.substr(0, at));
    if (at == std::string_view::npos) return items;
    text.remove_prefix(at + 1);
  }
}

}  // namespace xtrace::cli
