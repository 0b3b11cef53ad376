// -k, --stack-trace[=symbol], --stack-traces, --stack-trace-frame-limit=N,
// with strace 7.2's checks and words.
#pragma once

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "xtrace/options.hpp"

namespace xtrace::cli {

struct StackTraceCli {
  int k_count = 0;                       // -k, -kk
  std::vector<std::string> long_form;    // --stack-trace[=...], --stack-traces[=...]
  std::vector<std::string> frame_limit;  // --stack-trace-frame-limit
};

void add_stack_trace_options(CLI::App& app, StackTraceCli& cli);
// After the summary options are known (-c makes -k pointless).
void apply_stack_trace_options(const StackTraceCli& cli, Options& opts);

}  // namespace xtrace::cli
