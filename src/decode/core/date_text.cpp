#include "date_text.hpp"

#include <fmt/format.h>

#include <ctime>

namespace xtrace::decode {

std::string date_text(std::int64_t sec, std::uint64_t nsec) {
  constexpr std::uint64_t kMaxNsec = 999'999'999;
  if ((sec == 0 && nsec == 0) || nsec > kMaxNsec) return {};
  time_t t = sec;
  tm parts{};
  if (localtime_r(&t, &parts) == nullptr) return {};
  char date[64];
  char zone[16];
  if (strftime(date, sizeof date, "%FT%T", &parts) == 0) return {};
  if (strftime(zone, sizeof zone, "%z", &parts) == 0) return {};
  if (nsec != 0) return fmt::format("{}.{:09}{}", date, nsec, zone);
  return fmt::format("{}{}", date, zone);
}

void print_date_comment(std::int64_t sec, std::uint64_t nsec, std::string& out) {
  if (std::string date = date_text(sec, nsec); !date.empty())
    fmt::format_to(std::back_inserter(out), " /* {} */", date);
}

}  // namespace xtrace::decode
