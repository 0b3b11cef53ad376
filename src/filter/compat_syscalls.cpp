// The names of the compat personalities (strace's @32 and @x32), accepted
// in expressions exactly where strace accepts them: `-e trace=fstat64` is
// valid on x86_64 because i386 has fstat64.  i386's come from the generated
// table, which also decodes its calls.
#include "filter/compat_syscalls.hpp"

#include <algorithm>
#include <iterator>

namespace xtrace::filter {
namespace {

// x86_64 syscalls that have no x32 entry (the "64" abi ones without an x32
// twin, and the removed ones).
constexpr std::string_view kNotX32[] = {
    "_sysctl",         "create_module",   "epoll_ctl_old", "epoll_wait_old",
    "get_kernel_syms", "get_thread_area", "nfsservctl",    "query_module",
    "set_thread_area", "uretprobe",       "uselib",        "vserver",
};

// strace 7.2's x32 table ends with pwritev2 (512 + 35).
constexpr std::size_t kX32TableSize = 548;

// The kernel's syscall_32.tbl (and newer.tbl), generated into the tables.
bool i386_has(std::string_view name) {
  auto id = find_syscall(name);
  return id && number(Arch::i386, *id);
}

bool x32_has(std::string_view name) {
  auto id = find_syscall(name);
  return id && number(Arch::x86_64, *id) &&
         std::find(std::begin(kNotX32), std::end(kNotX32), name) == std::end(kNotX32);
}

}  // namespace

std::optional<Personality> personality_by_designator(Arch native, std::string_view designator) {
  if (designator == "64") return Personality::native;
  if (designator == "32") return Personality::compat32;
  if (designator == "x32" && native == Arch::x86_64) return Personality::x32;
  return std::nullopt;
}

bool compat_has_name(Personality p, std::string_view name) {
  switch (p) {
    case Personality::native: return false;
    case Personality::compat32: return i386_has(name);
    case Personality::x32: return x32_has(name);
  }
  return false;
}

std::size_t compat_table_size(Personality p) {
  return p == Personality::x32 ? kX32TableSize : table_size(Arch::i386);
}

void for_each_compat_name(Personality p, const std::function<void(std::string_view)>& fn) {
  if (p == Personality::compat32) {
    for (SysId id = 0; id < kSysCount; ++id)
      if (number(Arch::i386, id)) fn(describe(id).name);
  } else if (p == Personality::x32) {
    for (SysId id = 0; id < kSysCount; ++id)
      if (x32_has(describe(id).name)) fn(describe(id).name);
  }
}

}  // namespace xtrace::filter
