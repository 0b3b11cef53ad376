// The out-of-line printers of format_helpers.hpp.
#include "format_helpers.hpp"

#include <sys/sysmacros.h>
#include <unistd.h>

#include "xlat.hpp"

namespace xtrace::decode {

void print_clock_ticks(std::uint64_t ticks, std::string& out) {
  print_uint(ticks, out);
  if (ticks == 0) return;
  static const std::uint64_t per_second = [] {
    long hz = sysconf(_SC_CLK_TCK);
    return hz > 0 ? static_cast<std::uint64_t>(hz) : 100;
  }();
  // As many decimals as the largest fraction of a second has digits (2 at 100 Hz).
  int decimals = static_cast<int>(fmt::formatted_size("{}", per_second - 1));
  fmt::format_to(std::back_inserter(out), " /* {}.{:0{}} s */", ticks / per_second,
                 ticks % per_second, decimals);
}

void print_clock_ticks(std::uint64_t ticks, ValueOut& out) {
  std::string text;
  print_clock_ticks(ticks, text);
  out += text;
}

namespace {

std::string makedev_text(std::uint64_t dev) {
  std::string symbolic = "makedev(";
  print_hex(major(dev), symbolic);
  symbolic += ", ";
  print_hex(minor(dev), symbolic);
  symbolic += ')';
  return symbolic;
}

}  // namespace

void print_dev(std::uint64_t dev, ValueOut& out) {
  std::string number;
  print_hex(dev, number);
  print_styled(number, makedev_text(dev), out);
}

void print_dev(std::uint64_t dev, std::string& out) {
  std::string number;
  print_hex(dev, number);
  print_styled(number, makedev_text(dev), out);
}

}  // namespace xtrace::decode
