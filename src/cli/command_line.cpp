// strace's command line on CLI11.  getopt_scan reads argv as getopt_long
// does (the command is everything from the first non-option on,
// untouched); CLI11 parses the canonical option words it hands on.
#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <climits>

#include "c_number.hpp"
#include "decode_options.hpp"
#include "getopt_scan.hpp"
#include "inject_options.hpp"
#include "named_values.hpp"
#include "optional_value.hpp"
#include "process_options.hpp"
#include "qualifiers.hpp"
#include "report_options.hpp"
#include "split_list.hpp"
#include "stack_trace_options.hpp"
#include "xtrace/options.hpp"

namespace xtrace {
namespace {

std::size_t parse_string_limit(const std::string& text) {
  auto value = cli::parse_c_number(text, 0, INT_MAX);
  if (!value) throw UsageError::with_help(fmt::format("invalid -s argument: '{}'", text));
  return static_cast<std::size_t>(*value);
}

// --tips[=[[id:]ID|random][,[format:]none|compact|full]...]: checked as
// strace checks it, although xtrace has no tips to show.
void check_tips(std::string_view value) {
  using cli::equals_ignoring_case;
  if (value == cli::kNoValue) return;
  for (std::string_view token : cli::split_list(value)) {
    if (token.empty()) continue;
    bool id = true, format = true;
    if (token.size() >= 3 && equals_ignoring_case(token.substr(0, 3), "id:")) {
      token.remove_prefix(3);
      format = false;
    } else if (token.size() >= 7 && equals_ignoring_case(token.substr(0, 7), "format:")) {
      token.remove_prefix(7);
      id = false;
    }
    bool is_id = equals_ignoring_case(token, "random") ||
                 (!token.starts_with('-') && cli::parse_c_number(token, 0, INT_MAX));
    bool is_format = token == "none" || token == "compact" || token == "full";
    if (!(id && is_id) && !(format && is_format))
      throw UsageError::with_help(fmt::format("invalid --tips argument: '{}'", value));
  }
}

// What CLI11 still rejects after getopt_scan (a value it cannot store) is
// reported in its words, as a usage error.
[[noreturn]] void rethrow_as_usage_error(const CLI::ParseError& e) {
  throw UsageError::with_help(e.what());
}

void check_command(const Options& opts) {
  if (opts.command.empty() && opts.process.attach.empty() && !opts.show_help && !opts.show_version)
    throw UsageError::with_help("must have PROG [ARGS] or -p PID");
}

// getopt's view of CLI11's options: every long and short name, whether it
// takes a value, and which option it names.  A CLI11 flag with a default
// value ("--decode-fds{\x01}") is getopt's optional_argument.
std::vector<cli::OptionName> getopt_names(const CLI::App& app) {
  std::vector<cli::OptionName> names;
  for (const CLI::Option* opt : app.get_options()) {
    bool takes_value = opt->get_expected_max() > 0;  // a flag expects 0
    for (const std::string& name : opt->get_lnames()) {
      cli::HasArg has_arg = opt->check_fname(name) ? cli::HasArg::optional
                            : takes_value          ? cli::HasArg::required
                                                   : cli::HasArg::no;
      names.push_back({name, true, has_arg, opt});
    }
    for (const std::string& name : opt->get_snames())
      names.push_back({name, false, takes_value ? cli::HasArg::required : cli::HasArg::no, opt});
  }
  return names;
}

}  // namespace

Options parse_command_line(int argc, char** argv) {
  Options opts;
  // What runs later speaks under argv[0], as strace does (its tests expect
  // it); the command line's own mistakes are reported as "xtrace" (main).
  if (argc > 0 && argv[0] != nullptr) opts.program_name = argv[0];

  CLI::App app{"xtrace"};
  app.set_help_flag();  // -h is ours: strace's help text, not CLI11's

  // As getopt: the last -o and the last -s count.
  std::vector<std::string> output;
  std::vector<std::string> string_limit;
  std::vector<std::string> qualifiers;
  app.add_flag("-h,--help", opts.show_help);
  app.add_flag("-V,--version", opts.show_version);
  app.add_flag("-d,--debug", opts.debug);
  std::vector<std::string> tips;
  app.add_flag(cli::optional_value("--tips"), tips);
  app.add_option("-o,--output", output)->allow_extra_args(false);
  app.add_option("-s,--string-limit", string_limit)->allow_extra_args(false);
  app.add_option("-e", qualifiers)->allow_extra_args(false);
  cli::ReportCli report;
  cli::add_report_options(app, report);
  cli::InjectCli inject;
  cli::add_inject_options(app, inject);
  cli::ProcessCli process;
  cli::add_process_options(app, process);
  cli::DecodeCli decode;
  cli::add_decode_options(app, decode);
  cli::StackTraceCli stack;
  cli::add_stack_trace_options(app, stack);

  for (CLI::Option* opt : app.get_options())
    opt->transform([](std::string value) { return cli::unmark_empty(std::move(value)); });
  std::vector<std::string> args;
  for (int i = 1; i < argc; ++i) args.emplace_back(argv[i]);
  cli::ScannedArgs scanned = cli::scan_getopt(args, getopt_names(app));
  std::vector<const char*> words{"xtrace"};
  for (const auto& w : scanned.options) words.push_back(w.c_str());
  try {
    app.parse(static_cast<int>(words.size()), words.data());
  } catch (const CLI::ParseError& e) {
    rethrow_as_usage_error(e);
  }
  opts.command = std::move(scanned.command);

  if (!output.empty()) opts.output_path = output.back();
  opts.tips = !tips.empty();
  for (const auto& t : tips) check_tips(t);
  if (!string_limit.empty()) opts.decode.string_limit = parse_string_limit(string_limit.back());
  // In command-line order (-e and --trace= alike): later qualifiers refine
  // earlier ones, as in strace.
  cli::apply_qualifiers_in_order(app, opts);
  cli::apply_report_options(report, opts);
  cli::apply_inject_options(inject, opts);
  cli::apply_process_options(process, opts);
  cli::apply_decode_options(decode, opts);
  cli::apply_stack_trace_options(stack, opts);
  check_command(opts);
  cli::finish_process_options(opts);
  return opts;
}

}  // namespace xtrace
