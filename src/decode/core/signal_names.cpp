#include "signal_names.hpp"

#include <fmt/format.h>

#include <algorithm>
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

void print_sigmask(std::uint64_t mask, unsigned bits, ValueOut& out) {
  bits = std::min(64u, (bits + 31) / 32 * 32);
  if (bits < 64) mask &= (std::uint64_t{1} << bits) - 1;
  std::uint8_t style = array_style::spaced;
  if (static_cast<unsigned>(std::popcount(mask)) >= bits * 2 / 3) {
    style |= array_style::complement;
    mask = ~mask;
    if (bits < 64) mask &= (std::uint64_t{1} << bits) - 1;
  }
  out.array_begin(style);
  std::string name;
  for (unsigned i = 0; i < bits; ++i) {
    if (!(mask & (std::uint64_t{1} << i))) continue;
    int sig = static_cast<int>(i + 1);
    name.clear();
    print_signal_short(sig, name);
    out.item();
    out.symbol(static_cast<std::uint64_t>(sig), fmt::format("{}", sig), name, {}, 0);
  }
  out.array_end();
}

void print_signal(int sig, std::string& out) {
  bool named = !lookup(tables::signals, static_cast<std::uint64_t>(sig)).empty() ||
               (sig >= kKernelSigRtMin && sig <= kKernelSigRtMax);
  if (named) out += "SIG";
  print_signal_short(sig, out);
}

void print_signal(int sig, ValueOut& out) {
  std::string name;
  print_signal(sig, name);
  if (name.starts_with("SIG"))
    out.symbol(static_cast<std::uint64_t>(static_cast<std::int64_t>(sig)), fmt::format("{}", sig),
               name, {}, 0);
  else
    out.signed_number(sig);
}

}  // namespace xtrace::decode

namespace xtrace {

std::string signal_name(int sig) {
  std::string out;
  decode::print_signal(sig, out);
  return out;
}

}  // namespace xtrace
