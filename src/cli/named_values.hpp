// Looking a word up in a table of names.  strace's find_arg_val ignores
// case ("-e status=FAILED", "-I NEVER", "--daemonize=PGRP"); a few of its
// tables are searched exactly (-S/-U columns, duration units), so the
// caller says which.
#pragma once

#include <strings.h>

#include <iterator>
#include <span>
#include <string_view>

namespace xtrace::cli {

inline bool equals_ignoring_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() && strncasecmp(a.data(), b.data(), a.size()) == 0;
}

enum class Case { ignore, exact };

// The first row of table (an array of rows with a `name`) whose name is
// `word`, or nullptr.
template <typename Table>
auto find_named(const Table& table, std::string_view word, Case match = Case::ignore)
    -> decltype(&*std::begin(table)) {
  for (const auto& row : table)
    if (match == Case::exact ? row.name == word : equals_ignoring_case(row.name, word)) return &row;
  return nullptr;
}

// A table of names for numbers: the lookup of a TokenSet or an option.
struct NamedValue {
  std::string_view name;
  int value;
};

inline int find_value(std::span<const NamedValue> table, std::string_view word,
                      Case match = Case::ignore) {
  const NamedValue* row = find_named(table, word, match);
  return row == nullptr ? -1 : row->value;
}

}  // namespace xtrace::cli
