// getopt_long's reading of strace's command line ("+" optstring: options
// end at the first non-option or "--").  CLI11 reads options its own way
// (no unique prefixes, values after a flag's '=', its own messages), so
// this pass reads argv first, as getopt would, and hands CLI11 canonical
// words only; every mistake is reported in getopt's words.
#pragma once

#include <span>
#include <string>
#include <vector>

namespace xtrace::cli {

enum class HasArg { no, required, optional };

// One option name, as getopt_long's `struct option` row or one letter of
// the optstring.  `id` identifies the option behind the name: aliases
// (--stack-trace, --stack-traces) share it, and a prefix matching only
// aliases of one option is not ambiguous.
struct OptionName {
  std::string name;  // "output" (long) or "o" (short)
  bool is_long = true;
  HasArg has_arg = HasArg::no;
  const void* id = nullptr;
};

struct ScannedArgs {
  std::vector<std::string> options;  // canonical words for CLI11
  std::vector<std::string> command;  // from the first non-option on
  bool after_double_dash = false;    // "--" ended the options
};

// An option's value as handed on, so that an empty value ("--output=",
// "-o ''") stays a value; CLI11 gets it back through unmark_empty().
inline constexpr std::string_view kEmptyValue = "\x02";
std::string unmark_empty(std::string value);

// Reads args (argv without argv[0]) against names, in table order (the
// order of getopt's "possibilities").  Throws UsageError with help hint.
ScannedArgs scan_getopt(std::span<const std::string> args, std::span<const OptionName> names);

}  // namespace xtrace::cli
