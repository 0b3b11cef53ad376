#include "decode_options.hpp"

#include "optional_value.hpp"

#include <fmt/format.h>

#include "named_values.hpp"
#include "token_set.hpp"
#include "xtrace/syscall_set.hpp"

namespace xtrace::cli {
namespace {

// -e read=SET, -e write=SET: descriptor numbers; those beyond the set's
// size cannot be dumped, but strace accepts them.
FdSet parse_fd_set(std::string_view value) {
  return parse_token_set(value, "descriptor", descriptor_token).to_bitset<kMaxDumpFd>();
}

// strace's -e decode-fds names.  Its eventfd and signalfd details are not
// decoded; the words are accepted and show the path
// (anon_inode:[eventfd]).
constexpr NamedValue kFdDetails[] = {
    {"path", fd_detail::path},   {"socket", fd_detail::socket}, {"dev", fd_detail::dev},
    {"pidfd", fd_detail::pidfd}, {"eventfd", fd_detail::path},  {"signalfd", fd_detail::path},
};

int find_fd_detail(std::string_view name) {
  return find_value(kFdDetails, name);
}

unsigned parse_fd_details(std::string_view value) {
  TokenSet set = parse_token_set(value, "decode-fds", find_fd_detail);
  unsigned bits = 0;
  for (const NamedValue& d : kFdDetails)
    if (set.contains(d.value)) bits |= static_cast<unsigned>(d.value);
  // Details other than the path come with the path, as in strace.
  if (bits != 0) bits |= fd_detail::path;
  return bits;
}

HexStrings parse_strings_in_hex(std::string_view value) {
  if (value == kNoValue || value == "all") return HexStrings::all;
  if (value == "non-ascii") return HexStrings::non_ascii;
  if (value == "non-ascii-chars") return HexStrings::non_ascii_chars;
  if (value == "none") return HexStrings::none;
  throw UsageError::with_help(fmt::format("invalid --strings-in-hex argument: '{}'", value));
}

ConstStyle parse_const_style(std::string_view value) {
  if (value == "raw") return ConstStyle::raw;
  if (value == "abbrev") return ConstStyle::abbrev;
  if (value == "verbose") return ConstStyle::verbose;
  throw UsageError::with_help(fmt::format("invalid -X argument: '{}'", value));
}

}  // namespace

void qualify_abbrev(std::string_view value, Options& opts) {
  opts.decode.abbrev = parse_syscall_set(value);
}
void qualify_verbose(std::string_view value, Options& opts) {
  opts.decode.deref = parse_syscall_set(value);
}
void qualify_raw(std::string_view value, Options& opts) {
  opts.decode.raw = parse_syscall_set(value);
}
void qualify_read(std::string_view value, Options& opts) {
  opts.decode.dump_read = parse_fd_set(value);
}
void qualify_write(std::string_view value, Options& opts) {
  opts.decode.dump_write = parse_fd_set(value);
}
void qualify_decode_fds(std::string_view value, Options& opts) {
  opts.decode.fd_details = parse_fd_details(value);
}

void add_decode_options(CLI::App& app, DecodeCli& cli) {
  app.add_flag("-x", cli.hex_count);
  // Optional values: only after '=' ("--decode-fds PROG" runs PROG), as
  // getopt reads strace's optional_argument options.
  app.add_flag(optional_value("--strings-in-hex"), cli.strings_in_hex);
  app.add_flag("-y", cli.fd_count);
  app.add_flag(optional_value("--decode-fds"), cli.decode_fds);
  app.add_flag("-v,--no-abbrev", cli.verbose);
  app.add_option("-X,--const-print-style", cli.const_style)->allow_extra_args(false);
  app.add_flag("-n,--syscall-number", cli.numbers);
  app.add_flag("-N,--arg-names", cli.arg_names);
  app.add_option("--abbrev", cli.abbrev)->allow_extra_args(false);
  app.add_option("--verbose", cli.verbose_set)->allow_extra_args(false);
  app.add_option("--raw", cli.raw)->allow_extra_args(false);
  app.add_option("--read", cli.read)->allow_extra_args(false);
  app.add_option("--write", cli.write)->allow_extra_args(false);
}

void apply_decode_options(const DecodeCli& cli, Options& opts) {
  DecodeOptions& d = opts.decode;
  if (cli.hex_count == 1) d.hex = HexStrings::non_ascii;
  if (cli.hex_count >= 2) d.hex = HexStrings::all;
  for (const auto& v : cli.strings_in_hex) d.hex = parse_strings_in_hex(v);
  if (cli.fd_count == 1) d.fd_details = fd_detail::path;
  if (cli.fd_count >= 2) d.fd_details = fd_detail::all;
  for (const auto& v : cli.decode_fds) d.fd_details = parse_fd_details(v == kNoValue ? "path" : v);
  if (cli.verbose) d.verbose = true;
  for (const auto& v : cli.const_style) d.const_style = parse_const_style(v);
  d.syscall_numbers = d.syscall_numbers || cli.numbers;
  d.arg_names = d.arg_names || cli.arg_names;
  for (const auto& v : cli.abbrev) qualify_abbrev(v, opts);
  for (const auto& v : cli.verbose_set) qualify_verbose(v, opts);
  for (const auto& v : cli.raw) qualify_raw(v, opts);
  for (const auto& v : cli.read) qualify_read(v, opts);
  for (const auto& v : cli.write) qualify_write(v, opts);
}

}  // namespace xtrace::cli
