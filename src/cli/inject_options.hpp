// The command line of fault injection: -e inject=, -e fault= (rows of
// kQualifiers; --inject= and --fault= are their long forms) and --seed=N.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

#include "xtrace/options.hpp"

namespace xtrace::cli {

struct InjectCli {
  std::vector<std::string> seed;  // --seed=N
};

void add_inject_options(CLI::App& app, InjectCli& cli);
// Checks the collected values and stores them in opts.inject.
void apply_inject_options(const InjectCli& cli, Options& opts);

// -e handlers (rows of kQualifiers): each adds one rule, in command-line order.
void qualify_inject(std::string_view value, Options& opts);
void qualify_fault(std::string_view value, Options& opts);

}  // namespace xtrace::cli
