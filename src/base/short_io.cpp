#include "xtrace/short_io.hpp"

#include <string_view>

namespace xtrace::inject {
namespace {

struct CountArg {
  std::string_view syscall;
  int arg;
};

// Calls that may legitimately move fewer bytes than asked, so that a program
// must loop on them; calls with iovecs (readv, writev) are not here: which
// vector to shorten is not one number.
constexpr CountArg kCountArgs[] = {
    {"read", 2},     {"write", 2},  {"pread64", 2},   {"pwrite64", 2},
    {"recvfrom", 2}, {"sendto", 2}, {"sendfile", 3},  {"copy_file_range", 4},
    {"splice", 4},   {"tee", 2},    {"getrandom", 1},
};

}  // namespace

std::optional<int> short_count_arg(SysId id) noexcept {
  std::string_view name = describe(id).name;
  for (const auto& c : kCountArgs)
    if (c.syscall == name) return c.arg;
  return std::nullopt;
}

bool any_shortable(const SyscallSet& set) {
  for (SysId id = 0; id < kSysCount; ++id)
    if (set.contains(id) && short_count_arg(id)) return true;
  return false;
}

}  // namespace xtrace::inject
