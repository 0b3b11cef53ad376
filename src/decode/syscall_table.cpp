#include "xtrace/syscall_table.hpp"

#include <algorithm>

namespace xtrace {
namespace {

template <typename Table>
std::optional<SysId> find_by_nr(const Table& table, std::int64_t nr) {
  if (nr < 0 || static_cast<std::uint64_t>(nr) >= table.size()) return std::nullopt;
  std::int16_t id = table[static_cast<std::size_t>(nr)];
  if (id < 0) return std::nullopt;
  return static_cast<SysId>(id);
}

}  // namespace

const SyscallDesc& describe(SysId id) noexcept {
  return generated::kSyscalls[id];
}

std::array<std::uint64_t, 6> kernel_args(const SyscallDesc& desc,
                                         const std::array<std::uint64_t, 6>& raw) noexcept {
  std::array<std::uint64_t, 6> args = raw;
  for (std::size_t i = 0; i < desc.nargs; ++i) args[i] = kernel_value(desc.args[i].width, raw[i]);
  return args;
}

std::optional<SysId> lookup(Arch arch, std::int64_t nr) noexcept {
  return arch == Arch::x86_64 ? find_by_nr(generated::kX86_64ByNr, nr)
                              : find_by_nr(generated::kAarch64ByNr, nr);
}

std::optional<std::int64_t> number(Arch arch, SysId id) noexcept {
  std::int16_t nr = arch == Arch::x86_64 ? generated::kX86_64Nr[id] : generated::kAarch64Nr[id];
  if (nr < 0) return std::nullopt;
  return nr;
}

std::optional<SysId> find_syscall(std::string_view name) noexcept {
  // kSyscalls is sorted by name (the generator sorts it).
  const auto& table = generated::kSyscalls;
  auto it = std::lower_bound(table.begin(), table.end(), name,
                             [](const SyscallDesc& d, std::string_view n) { return d.name < n; });
  if (it == table.end() || it->name != name) return std::nullopt;
  return static_cast<SysId>(it - table.begin());
}

std::string_view arg_kind_name(ArgKind kind) noexcept {
  return generated::kArgKindNames[static_cast<std::size_t>(kind)];
}

std::string_view class_name(std::size_t bit) noexcept {
  return bit < generated::kClassNames.size() ? generated::kClassNames[bit] : std::string_view();
}

std::size_t table_size(Arch arch) noexcept {
  return arch == Arch::x86_64 ? generated::kX86_64ByNr.size() : generated::kAarch64ByNr.size();
}

}  // namespace xtrace
