// The command line of issue 5's options: -x/-xx and --strings-in-hex, -y/-yy
// and --decode-fds, -v, -X, -n, -N, and the qualifiers abbrev=, verbose=,
// raw=, read=, write= (with their long forms).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

#include "xtrace/options.hpp"

namespace xtrace::cli {

struct DecodeCli {
  int hex_count = 0;                                               // -x, -xx
  std::vector<std::string> strings_in_hex;                         // --strings-in-hex[=...]
  int fd_count = 0;                                                // -y, -yy
  std::vector<std::string> decode_fds;                             // --decode-fds[=...]
  bool verbose = false;                                            // -v
  std::vector<std::string> const_style;                            // -X, --const-print-style
  bool numbers = false;                                            // -n
  bool arg_names = false;                                          // -N
  std::vector<std::string> abbrev, verbose_set, raw, read, write;  // long qualifier forms
};

void add_decode_options(CLI::App& app, DecodeCli& cli);
// Checks the collected values and stores them in opts.decode.
void apply_decode_options(const DecodeCli& cli, Options& opts);

// -e handlers (rows of kQualifiers).
void qualify_abbrev(std::string_view value, Options& opts);
void qualify_verbose(std::string_view value, Options& opts);
void qualify_raw(std::string_view value, Options& opts);
void qualify_read(std::string_view value, Options& opts);
void qualify_write(std::string_view value, Options& opts);
void qualify_decode_fds(std::string_view value, Options& opts);

}  // namespace xtrace::cli
