#include "qualifiers.hpp"

#include <array>

#include <fmt/format.h>

#include "inject_options.hpp"

namespace xtrace::cli {
namespace {

// One row per qualifier; aliases are rows of their own (strace accepts
// "t" for trace, "s" for signal, ...).  The handlers are added by the
// parts of xtrace they configure.
constexpr std::array kQualifiers{
    Qualifier{"inject", qualify_inject},   Qualifier{"fault", qualify_fault},
};

const Qualifier* find_qualifier(std::string_view name) {
  for (const auto& q : kQualifiers)
    if (q.name == name) return &q;
  return nullptr;
}

}  // namespace

void apply_qualifier(std::string_view expression, Options& opts) {
  std::size_t eq = expression.find('=');
  std::string_view name = eq == std::string_view::npos ? "trace" : expression.substr(0, eq);
  std::string_view value = eq == std::string_view::npos ? expression : expression.substr(eq + 1);
  const Qualifier* q = find_qualifier(name);
  if (q == nullptr) throw UsageError(fmt::format("invalid -e qualifier '{}'", name));
  q->apply(value, opts);
}

}  // namespace xtrace::cli
