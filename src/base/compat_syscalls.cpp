// The names of the compat personality that xtrace does not decode (arm's
// @32 on aarch64), accepted in expressions where strace accepts them.  On
// x86_64, @32 (i386) and @x32 are decoded and syscall_set.cpp selects their
// calls from the generated tables.
#include "compat_syscalls.hpp"

namespace xtrace::filter {
namespace {

// The kernel's syscall_32.tbl (and newer.tbl), generated into the tables.
bool i386_has(std::string_view name) {
  auto id = find_syscall(name);
  return id && number(Arch::i386, *id);
}

}  // namespace

std::optional<Personality> personality_by_designator(Arch native, std::string_view designator) {
  if (designator == "64") return Personality::native;
  if (designator == "32") return Personality::compat32;
  if (designator == "x32" && native == Arch::x86_64) return Personality::x32;
  return std::nullopt;
}

bool compat_has_name(Personality p, std::string_view name) {
  return p == Personality::compat32 && i386_has(name);
}

std::size_t compat_table_size(Personality p) {
  return table_size(p == Personality::x32 ? Arch::x32 : Arch::i386);
}

void for_each_compat_name(Personality p, const std::function<void(std::string_view)>& fn) {
  if (p != Personality::compat32) return;
  for (SysId id : all_sys_ids())
    if (number(Arch::i386, id)) fn(describe(id).name);
}

}  // namespace xtrace::filter
