// Everything the command line asks for, parsed and checked; nothing runs
// until the whole command line is known to be good.
#pragma once

#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "xtrace/decode_options.hpp"
#include "xtrace/diagnostic.hpp"
#include "xtrace/inject_options.hpp"
#include "xtrace/process_options.hpp"
#include "xtrace/quiet.hpp"
#include "xtrace/report_options.hpp"
#include "xtrace/stack_trace_options.hpp"

namespace xtrace {

struct Options {
  std::string program_name = "xtrace";     // argv[0], for diagnostics
  std::vector<std::string> command;        // PROG [ARGS...]
  std::optional<std::string> output_path;  // -o FILE
  DecodeOptions decode;                    // -s, -x, -v
  ProcessOptions process;                  // -f, -ff, -p, -D, -u, -I, -b, -Y
  QuietOptions quiet;                      // -q, -e quiet=
  ReportOptions report;           // -e trace/status/signal, -z/-Z, -t/-r/-T, -A, -c/-C/-S/-U/-w/-O
  InjectOptions inject;           // -e inject=, -e fault=, --seed
  StackTraceOptions stack_trace;  // -k, --stack-trace-frame-limit
  bool show_help = false;         // -h
  bool show_version = false;      // -V
  bool debug = false;             // -d: accepted; xtrace has no debug output
  bool tips = false;              // --tips: accepted; xtrace has no tips to show
};

// A bad command line: the message is printed as "xtrace: message".  Those
// strace reports with error_msg_and_help (getopt's messages, bad option
// values, options that need another) are followed by the line
// "Try 'xtrace -h' for more information."; the others stand alone.

// Parses argv as strace does (clustered short options, attached values, the
// command from the first non-option on).  Throws UsageError.
Options parse_command_line(int argc, char** argv);
std::string help_text(const std::string& program_name);
std::string version_text();

}  // namespace xtrace
