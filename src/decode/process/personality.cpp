#include "personality.hpp"

#include <sys/personality.h>

#include <fmt/format.h>

#include <array>

#include "xlat.hpp"

namespace xtrace::decode {
namespace {

// Only the domains whose header value has no flag bits: strace matches
// the low byte against whole values, so PER_SVR4 (with flags) never shows.
constexpr std::array kDomains{XLAT(PER_LINUX), XLAT(PER_BSD),  XLAT(PER_LINUX32), XLAT(PER_RISCOS),
                              XLAT(PER_OSF4),  XLAT(PER_HPUX), XLAT(PER_MASK)};
constexpr std::array kFlags{
    XLAT(UNAME26),          XLAT(ADDR_NO_RANDOMIZE),  XLAT(FDPIC_FUNCPTRS),
    XLAT(MMAP_PAGE_ZERO),   XLAT(ADDR_COMPAT_LAYOUT), XLAT(READ_IMPLIES_EXEC),
    XLAT(ADDR_LIMIT_32BIT), XLAT(SHORT_INODE),        XLAT(WHOLE_SECONDS),
    XLAT(STICKY_TIMEOUTS),  XLAT(ADDR_LIMIT_3GB)};

}  // namespace

std::string personality_text(std::uint32_t value) {
  if (value == 0xffffffff) return "0xffffffff";
  std::uint32_t domain = value & PER_MASK;
  std::string_view name = lookup(Xlat{kDomains}, domain);
  std::string text = name.empty() ? fmt::format("{:#x} /* PER_??? */", domain) : std::string(name);
  std::uint32_t rest = value & ~static_cast<std::uint32_t>(PER_MASK);
  for (const auto& flag : kFlags) {
    if ((rest & flag.value) == 0) continue;
    text += '|';
    text += flag.name;
    rest &= ~static_cast<std::uint32_t>(flag.value);
  }
  if (rest != 0) text += fmt::format("|{:#x}", rest);
  return text;
}

}  // namespace xtrace::decode
