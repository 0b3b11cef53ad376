#include "signal_names.hpp"

#include <fmt/format.h>

#include <bit>

#include "xlat_tables.hpp"
#include "xtrace/decode.hpp"

namespace xtrace::decode {
namespace {

// The kernel's real-time range; glibc's SIGRTMIN is higher (it keeps two).
constexpr int kKernelSigRtMin = 32;
constexpr int kKernelSigRtMax = 64;

}  // namespace

void print_signal_short(int sig, std::string& out) {
  if (auto name = lookup(tables::signals, static_cast<std::uint64_t>(sig)); !name.empty()) {
    out += name.substr(3);
  } else if (sig == kKernelSigRtMin) {
    out += "RTMIN";
  } else if (sig > kKernelSigRtMin && sig <= kKernelSigRtMax) {
    fmt::format_to(std::back_inserter(out), "RT_{}", sig - kKernelSigRtMin);
  } else {
    fmt::format_to(std::back_inserter(out), "{}", sig);
  }
}

void print_sigmask(std::uint64_t mask, unsigned bits, std::string& out) {
  if (bits < 64) mask &= (std::uint64_t{1} << bits) - 1;
  if (static_cast<unsigned>(std::popcount(mask)) > bits / 2) {
    out += '~';
    mask = ~mask;
    if (bits < 64) mask &= (std::uint64_t{1} << bits) - 1;
  }
  out += '[';
  bool first = true;
  for (unsigned i = 0; i < bits; ++i) {
    if (!(mask & (std::uint64_t{1} << i))) continue;
    if (!first) out += ' ';
    first = false;
    print_signal_short(static_cast<int>(i + 1), out);
  }
  out += ']';
}

void print_signal(int sig, std::string& out) {
  bool named = !lookup(tables::signals, static_cast<std::uint64_t>(sig)).empty() ||
               (sig >= kKernelSigRtMin && sig <= kKernelSigRtMax);
  if (named) out += "SIG";
  print_signal_short(sig, out);
}

}  // namespace xtrace::decode

namespace xtrace {

std::string signal_name(int sig) {
  std::string out;
  decode::print_signal(sig, out);
  return out;
}

}  // namespace xtrace
