// strace's -e qualifiers: -e trace=SET, -e signal=SET, -e inject=..., and
// the bare form -e SET (= trace=SET).  Each qualifier name maps to the
// handler of the part of xtrace it configures; handlers live beside that
// part (filter, inject, decode) and throw UsageError on a bad value.
#pragma once

#include <string>
#include <string_view>

#include "xtrace/options.hpp"

namespace xtrace::cli {

using QualifierHandler = void (*)(std::string_view value, Options& opts);

struct Qualifier {
  std::string_view name;  // "trace", "signal", "inject", ...
  QualifierHandler apply;
};

// Applies one -e argument, e.g. "trace=%file" or "open,close".
void apply_qualifier(std::string_view expression, Options& opts);

}  // namespace xtrace::cli
