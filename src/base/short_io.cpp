#include "xtrace/short_io.hpp"

#include <string_view>

namespace xtrace::inject {
namespace {

struct CountArg {
  SysId syscall;
  int arg;
};

// Calls that may legitimately move fewer bytes than asked, so that a program
// must loop on them; calls with iovecs (readv, writev) are not here: which
// vector to shorten is not one number.
constexpr CountArg kCountArgs[] = {
    {SysId::read, 2},     {SysId::write, 2},  {SysId::pread64, 2},   {SysId::pwrite64, 2},
    {SysId::recvfrom, 2}, {SysId::sendto, 2}, {SysId::sendfile, 3},  {SysId::copy_file_range, 4},
    {SysId::splice, 4},   {SysId::tee, 2},    {SysId::getrandom, 1},
};

}  // namespace

std::optional<int> short_count_arg(SysId id) noexcept {
  for (const auto& c : kCountArgs)
    if (c.syscall == id) return c.arg;
  return std::nullopt;
}

bool any_shortable(const SyscallSet& set) {
  for (SysId id : all_sys_ids())
    if (set.contains(id) && short_count_arg(id)) return true;
  return false;
}

}  // namespace xtrace::inject
