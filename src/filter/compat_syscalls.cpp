// The names of the compat personalities (strace's @32 and @x32), accepted
// in expressions exactly where strace accepts them: `-e trace=fstat64` is
// valid on x86_64 because i386 has fstat64.  i386's and x32's come from the
// generated tables, which also decode their calls.
#include "filter/compat_syscalls.hpp"

namespace xtrace::filter {
namespace {

// The kernel's syscall_32.tbl (and newer.tbl), generated into the tables.
bool i386_has(std::string_view name) {
  auto id = find_syscall(name);
  return id && number(Arch::i386, *id);
}

// A name x32 numbers with a common or x32 row (syscall_64.tbl), as
// generated into the tables.
bool x32_has(std::string_view name) {
  auto id = find_syscall(name);
  return id && number(Arch::x32, *id);
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
  return table_size(p == Personality::x32 ? Arch::x32 : Arch::i386);
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
