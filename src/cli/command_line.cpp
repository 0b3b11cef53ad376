// strace's command line on CLI11.  CLI11 parses the options; the command is
// everything from the first non-option on, untouched (prefix_command).
#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <strings.h>

#include <charconv>
#include <climits>

#include "decode_options.hpp"
#include "inject_options.hpp"
#include "optional_value.hpp"
#include "process_options.hpp"
#include "qualifiers.hpp"
#include "report_options.hpp"
#include "stack_trace_options.hpp"
#include "xtrace/options.hpp"

namespace xtrace {
namespace {

std::size_t parse_string_limit(const std::string& text) {
  std::size_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || text.empty() || value > INT_MAX)
    throw UsageError(fmt::format("invalid -s argument: '{}'", text));
  return value;
}

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() && strncasecmp(a.data(), b.data(), a.size()) == 0;
}

// --tips[=[[id:]ID|random][,[format:]none|compact|full]...]: checked as
// strace checks it, although xtrace has no tips to show.
void check_tips(std::string_view value) {
  if (value == cli::kNoValue) return;
  std::string_view rest = value;
  while (!rest.empty()) {
    std::size_t comma = rest.find(',');
    std::string_view token = rest.substr(0, comma);
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
    if (token.empty()) continue;
    bool id = true, format = true;
    if (token.size() >= 3 && equals_ignoring_case(token.substr(0, 3), "id:")) {
      token.remove_prefix(3);
      format = false;
    } else if (token.size() >= 7 && equals_ignoring_case(token.substr(0, 7), "format:")) {
      token.remove_prefix(7);
      id = false;
    }
    int number = 0;
    auto [end, ec] = std::from_chars(token.data(), token.data() + token.size(), number);
    bool is_id = equals_ignoring_case(token, "random") ||
                 (!token.empty() && ec == std::errc() && end == token.data() + token.size() &&
                  number >= 0 && token.front() != '-');
    bool is_format = token == "none" || token == "compact" || token == "full";
    if (!(id && is_id) && !(format && is_format))
      throw UsageError(fmt::format("invalid --tips argument: '{}'", value));
  }
}

// CLI11's messages name options its own way; strace users expect getopt's.
[[noreturn]] void rethrow_as_usage_error(const CLI::ParseError& e) {
  throw UsageError(e.what());
}

// CLI11 stops at the first argument it does not know; that is the command
// unless it looks like an option and no "--" came before it.
void check_command(const Options& opts, bool after_double_dash) {
  if (opts.command.empty() && opts.process.attach.empty() && !opts.show_help && !opts.show_version)
    throw UsageError("must have PROG [ARGS] or -p PID");
  if (after_double_dash || opts.command.empty()) return;
  const std::string& first = opts.command.front();
  // getopt's wording, which strace users know.
  if (first.starts_with("--")) throw UsageError(fmt::format("unrecognized option '{}'", first));
  if (first.size() > 1 && first.front() == '-')
    throw UsageError(fmt::format("invalid option -- '{}'", first.substr(1)));
}

// "--NAME=" gives NAME an empty value, as getopt does; CLI11 would take
// the next word instead, and "--output= PROG" would then truncate PROG.
// Such words are marked for CLI11 and unmarked again in every value and in
// the command (which may hold the same word untouched).
constexpr std::string_view kEmptyValue = "\x02";

std::vector<std::string> mark_empty_values(int argc, char** argv) {
  std::vector<std::string> words(argv, argv + argc);
  for (std::size_t i = 1; i < words.size(); ++i) {
    const std::string& w = words[i];
    if (w.size() > 3 && w.starts_with("--") && w.back() == '=' && w.find('=') == w.size() - 1)
      words[i] += kEmptyValue;
  }
  return words;
}

std::string unmark(std::string word) {
  if (word.ends_with(kEmptyValue)) word.resize(word.size() - kEmptyValue.size());
  return word;
}

}  // namespace

Options parse_command_line(int argc, char** argv) {
  Options opts;
  if (argc > 0 && argv[0] != nullptr) opts.program_name = argv[0];

  CLI::App app{"xtrace"};
  app.set_help_flag();  // -h is ours: strace's help text, not CLI11's
  app.prefix_command(true);
  app.allow_extras(true);

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
    opt->transform([](std::string value) { return value == kEmptyValue ? std::string() : value; });
  std::vector<std::string> words = mark_empty_values(argc, argv);
  std::vector<char*> marked;
  for (auto& w : words) marked.push_back(w.data());
  try {
    app.parse(argc, marked.data());
  } catch (const CLI::ParseError& e) {
    rethrow_as_usage_error(e);
  }
  opts.command = app.remaining();
  for (auto& word : opts.command) word = unmark(std::move(word));
  std::size_t first = static_cast<std::size_t>(argc) - opts.command.size();
  bool after_double_dash = first >= 1 && std::string_view(argv[first - 1]) == "--";
  if (!opts.command.empty() && opts.command.front() == "--") {
    opts.command.erase(opts.command.begin());
    after_double_dash = true;
  }

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
  check_command(opts, after_double_dash);
  cli::finish_process_options(opts);
  return opts;
}

}  // namespace xtrace
