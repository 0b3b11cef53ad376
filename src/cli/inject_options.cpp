#include "inject_options.hpp"

#include <fmt/format.h>

#include "xtrace/diagnostic.hpp"
#include "xtrace/inject_options.hpp"

namespace xtrace::cli {

void qualify_inject(std::string_view value, Options& opts) {
  opts.inject.rules.push_back(parse_inject_rule(value, false));
}

void qualify_fault(std::string_view value, Options& opts) {
  opts.inject.rules.push_back(parse_inject_rule(value, true));
}

void add_inject_options(CLI::App& app, InjectCli& cli) {
  app.add_option("--seed", cli.seed)->allow_extra_args(false);
}

void apply_inject_options(const InjectCli& cli, Options& opts) {
  if (cli.seed.size() > 1) throw UsageError::with_help("--seed given more than once");
  if (!cli.seed.empty()) opts.inject.seed = parse_inject_seed(cli.seed.front());
  // -c's table counts the injected calls only when there is something to
  // count: without rules it stays byte-identical to strace's.
  opts.report.summary.injecting = !opts.inject.rules.empty();
  // Rules whose retval looks like an error: strace warns, and so do we.
  for (const auto& rule : opts.inject.rules) {
    if (rule.retval && *rule.retval < 0 && *rule.retval >= -4095)
      diagnose(opts.program_name,
               fmt::format("Inadvertent injection of error {} is possible for retval={}",
                           -*rule.retval, static_cast<std::uint64_t>(*rule.retval)));
  }
}

}  // namespace xtrace::cli
