#include "decode_options.hpp"

#include "optional_value.hpp"

#include <fmt/format.h>

#include <array>
#include <charconv>

#include "xtrace/syscall_set.hpp"

namespace xtrace::cli {
namespace {

std::vector<std::string_view> split(std::string_view text, char sep) {
  std::vector<std::string_view> parts;
  for (std::size_t start = 0;;) {
    std::size_t end = text.find(sep, start);
    parts.push_back(text.substr(start, end == std::string_view::npos ? end : end - start));
    if (end == std::string_view::npos) return parts;
    start = end + 1;
  }
}

// -e read=SET: "all", "none", or descriptor numbers, optionally negated.
FdSet parse_fd_set(std::string_view value) {
  bool invert = false;
  while (value.starts_with('!')) {
    invert = !invert;
    value.remove_prefix(1);
  }
  FdSet set;
  if (value == "all") {
    set.set();
  } else if (value != "none") {
    for (std::string_view token : split(value, ',')) {
      int fd = -1;
      auto [end, ec] = std::from_chars(token.data(), token.data() + token.size(), fd);
      if (ec != std::errc() || end != token.data() + token.size() || fd < 0)
        throw UsageError(fmt::format("invalid descriptor '{}'", token));
      // Descriptors beyond the set's size cannot be dumped; strace accepts them.
      if (static_cast<std::size_t>(fd) < set.size()) set.set(static_cast<std::size_t>(fd));
    }
  }
  if (invert) set.flip();
  return set;
}

struct FdDetailName {
  std::string_view name;
  unsigned bits;
};
constexpr std::array kFdDetails{
    FdDetailName{"none", 0},
    FdDetailName{"all", fd_detail::all},
    FdDetailName{"path", fd_detail::path},
    FdDetailName{"socket", fd_detail::socket},
    FdDetailName{"dev", fd_detail::dev},
    FdDetailName{"pidfd", fd_detail::pidfd},
    // strace's eventfd and signalfd details are not decoded; the words are
    // accepted and show the path (anon_inode:[eventfd]).
    FdDetailName{"eventfd", fd_detail::path},
    FdDetailName{"signalfd", fd_detail::path},
};

unsigned parse_fd_details(std::string_view value) {
  unsigned bits = 0;
  for (std::string_view token : split(value, ',')) {
    const FdDetailName* found = nullptr;
    for (const auto& d : kFdDetails)
      if (d.name == token) found = &d;
    if (found == nullptr) throw UsageError(fmt::format("invalid decode-fds '{}'", value));
    bits |= found->bits;
  }
  // Details other than the path come with the path, as in strace.
  if (bits != 0) bits |= fd_detail::path;
  return bits;
}

HexStrings parse_strings_in_hex(std::string_view value) {
  if (value == kNoValue || value == "all") return HexStrings::all;
  if (value == "non-ascii") return HexStrings::non_ascii;
  if (value == "non-ascii-chars") return HexStrings::non_ascii_chars;
  if (value == "none") return HexStrings::none;
  throw UsageError(fmt::format("invalid --strings-in-hex argument: '{}'", value));
}

ConstStyle parse_const_style(std::string_view value) {
  if (value == "raw") return ConstStyle::raw;
  if (value == "abbrev") return ConstStyle::abbrev;
  if (value == "verbose") return ConstStyle::verbose;
  throw UsageError(fmt::format("invalid -X argument: '{}'", value));
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
