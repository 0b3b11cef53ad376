// Every -e expression (trace=, status=, signal=, quiet=, inject=, fault=,
// read=, write=, decode-fds=, ...): the input is one expression per line,
// applied in order to one Options as repeated -e arguments are, so that
// later qualifiers refine earlier ones.  A bad one must end in UsageError.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "cli/qualifiers.hpp"
#include "regex_blowup.hpp"
#include "xtrace/options.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view rest(reinterpret_cast<const char*>(data), size);
  if (xtrace::fuzz::stacks_repetitions(rest)) return 0;
  xtrace::Options opts;
  try {
    while (!rest.empty()) {
      std::size_t nl = rest.find('\n');
      xtrace::cli::apply_qualifier(rest.substr(0, nl), opts);
      rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
    }
  } catch (const xtrace::UsageError&) {
  }
  return 0;
}
