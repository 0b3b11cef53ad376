#include "getopt_scan.hpp"

#include <fmt/format.h>

#include <string_view>

#include "xtrace/options.hpp"

namespace xtrace::cli {
namespace {

[[noreturn]] void fail(const std::string& message) {
  throw UsageError::with_help(message);
}

std::string marked(std::string_view value) {
  return value.empty() ? std::string(kEmptyValue) : std::string(value);
}

// getopt_long's lookup: an exact name wins; otherwise a prefix must
// select one option (several names of the same option are one choice).
const OptionName& find_long(std::string_view word, std::span<const OptionName> names) {
  std::string_view typed = word.substr(2);
  std::string_view name = typed.substr(0, typed.find('='));
  for (const OptionName& n : names)
    if (n.is_long && n.name == name) return n;
  const OptionName* found = nullptr;
  std::vector<const OptionName*> ambiguous;
  for (const OptionName& n : names) {
    if (!n.is_long || !n.name.starts_with(name)) continue;
    if (found == nullptr) {
      found = &n;
    } else if (n.id != found->id) {
      // As glibc: the first match and every later one that is not the
      // first's alias are the possibilities, in table order.
      if (ambiguous.empty()) ambiguous.push_back(found);
      ambiguous.push_back(&n);
    }
  }
  if (found == nullptr) fail(fmt::format("unrecognized option '{}'", word));
  if (!ambiguous.empty()) {
    std::string message = fmt::format("option '{}' is ambiguous; possibilities:", word);
    for (const OptionName* n : ambiguous) message += fmt::format(" '--{}'", n->name);
    fail(message);
  }
  return *found;
}

const OptionName* find_short(char letter, std::span<const OptionName> names) {
  for (const OptionName& n : names)
    if (!n.is_long && n.name.size() == 1 && n.name[0] == letter) return &n;
  return nullptr;
}

}  // namespace

std::string unmark_empty(std::string value) {
  if (value == kEmptyValue) value.clear();
  return value;
}

ScannedArgs scan_getopt(std::span<const std::string> args, std::span<const OptionName> names) {
  ScannedArgs out;
  std::size_t i = 0;
  for (; i < args.size(); ++i) {
    const std::string& word = args[i];
    if (word == "--") {
      out.after_double_dash = true;
      ++i;
      break;
    }
    if (word.size() < 2 || word[0] != '-') break;  // the command
    if (word[1] == '-') {
      const OptionName& opt = find_long(word, names);
      std::size_t eq = word.find('=');
      std::string canonical = "--" + opt.name;
      if (eq != std::string::npos) {
        if (opt.has_arg == HasArg::no)
          fail(fmt::format("option '--{}' doesn't allow an argument", opt.name));
        canonical += "=" + marked(std::string_view(word).substr(eq + 1));
      } else if (opt.has_arg == HasArg::required) {
        if (i + 1 == args.size()) fail(fmt::format("option '--{}' requires an argument", opt.name));
        canonical += "=" + marked(args[++i]);
      }
      out.options.push_back(std::move(canonical));
      continue;
    }
    // A cluster of short options; one that takes a value ends it.
    for (std::size_t j = 1; j < word.size(); ++j) {
      const OptionName* opt = find_short(word[j], names);
      if (opt == nullptr) fail(fmt::format("invalid option -- '{}'", word[j]));
      std::string canonical = "-" + opt->name;
      if (opt->has_arg == HasArg::no) {
        out.options.push_back(std::move(canonical));
        continue;
      }
      if (j + 1 < word.size()) {
        canonical += marked(std::string_view(word).substr(j + 1));
      } else if (opt->has_arg == HasArg::required) {
        if (i + 1 == args.size()) fail(fmt::format("option requires an argument -- '{}'", word[j]));
        canonical += marked(args[++i]);
      }
      out.options.push_back(std::move(canonical));
      break;
    }
  }
  out.command.assign(args.begin() + static_cast<std::ptrdiff_t>(i), args.end());
  return out;
}

}  // namespace xtrace::cli
