#include "xtrace/syscall_table.hpp"

#include <algorithm>
#include <span>

namespace xtrace {
namespace {

// The number -> id table of an arch, and its inverse.
struct ArchTables {
  std::span<const std::int16_t> by_nr;
  std::span<const std::int16_t> nr;
};

ArchTables tables_of(Arch arch) noexcept {
  switch (arch) {
    case Arch::x86_64: return {generated::kX86_64ByNr, generated::kX86_64Nr};
    case Arch::aarch64: return {generated::kAarch64ByNr, generated::kAarch64Nr};
    case Arch::i386: return {generated::kI386ByNr, generated::kI386Nr};
    case Arch::x32: return {generated::kX32ByNr, generated::kX32Nr};
  }
  return {generated::kX86_64ByNr, generated::kX86_64Nr};
}

// How the kernel reads an i386 register: 32 bits whatever the C type says
// (long, size_t and pointers are 32-bit there); the sign stays the type's.
ArgWidth i386_width(ArgWidth w) noexcept {
  switch (w) {
    case ArgWidth::u64: return ArgWidth::u32;
    case ArgWidth::s64: return ArgWidth::s32;
    default: return w;
  }
}

// The index of an x32 number in its tables: the number without its bit.
std::optional<std::int64_t> x32_index(std::int64_t nr) noexcept {
  if ((nr & kX32SyscallBit) == 0 || nr < 0) return std::nullopt;
  return nr & ~kX32SyscallBit;
}

// x32's rows of its own start here; below are the native numbers.
constexpr std::int64_t kFirstX32Row = 512;

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

const SyscallFacts& facts(SysId id) noexcept {
  return generated::kFacts[id];
}

SysId id_of(const SyscallDesc& desc) noexcept {
  return static_cast<SysId>(&desc - generated::kSyscalls.data());
}

std::array<std::uint64_t, 6> kernel_args(const SyscallDesc& desc,
                                         const std::array<std::uint64_t, 6>& raw) noexcept {
  std::array<std::uint64_t, 6> args = raw;
  for (std::size_t i = 0; i < desc.nargs; ++i) args[i] = kernel_value(desc.args[i].width, raw[i]);
  return args;
}

std::array<std::uint64_t, 6> kernel_args(const SyscallDesc& desc,
                                         const std::array<std::uint64_t, 6>& raw,
                                         Arch arch) noexcept {
  if (arch != Arch::i386) return kernel_args(desc, raw);
  std::array<std::uint64_t, 6> args = raw;
  for (std::size_t i = 0; i < desc.nargs; ++i)
    args[i] = kernel_value(i386_width(desc.args[i].width), raw[i]);
  return args;
}

bool i386_decodes(ArgKind kind) noexcept {
  return generated::kI386DecodedKind[static_cast<std::size_t>(kind)];
}

bool i386_raw(SysId id) noexcept {
  return generated::kI386Raw[id];
}

std::optional<SysId> lookup(Arch arch, std::int64_t nr) noexcept {
  if (arch == Arch::x32) {
    auto index = x32_index(nr);
    return index ? find_by_nr(generated::kX32ByNr, *index) : std::nullopt;
  }
  return find_by_nr(tables_of(arch).by_nr, nr);
}

std::optional<std::int64_t> number(Arch arch, SysId id) noexcept {
  std::int16_t nr = tables_of(arch).nr[id];
  if (nr < 0) return std::nullopt;
  if (arch == Arch::x32) return nr | kX32SyscallBit;
  return nr;
}

bool x32_native_only(std::int64_t nr) noexcept {
  auto index = x32_index(nr);
  const auto& table = generated::kX32NativeOnly;
  return index && static_cast<std::uint64_t>(*index) < table.size() &&
         table[static_cast<std::size_t>(*index)];
}

std::string native_only_name(SysId id) {
  std::string name(describe(id).name);
  name += "#64";
  return name;
}

bool compat_layouts(Arch arch, std::int64_t nr) noexcept {
  if (arch == Arch::i386) return true;
  auto index = arch == Arch::x32 ? x32_index(nr) : std::nullopt;
  return index && *index >= kFirstX32Row;
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
  return tables_of(arch).by_nr.size();
}

}  // namespace xtrace
