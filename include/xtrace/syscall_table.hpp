// The syscall tables: one arch-neutral description per syscall name, and the
// number tables of each architecture, all generated at build time from the
// kernel's .tbl files and syscall_tables/signatures.tsv.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "xtrace/arch.hpp"
#include "xtrace/arg_width.hpp"

namespace xtrace {

namespace generated {
enum class ArgKind : std::uint16_t;
enum class RetKind : std::uint8_t;
}  // namespace generated

// Where an argument's length or count comes from.
inline constexpr std::int8_t kRefNone = -1;    // no reference
inline constexpr std::int8_t kRefReturn = -2;  // the return value

struct ArgSpec {
  std::string_view name;
  generated::ArgKind kind;
  std::int8_t ref;  // kRefNone, kRefReturn, or the index of another argument
  ArgWidth width;   // from the argument's C type: how much of the register counts
};

struct SyscallDesc {
  std::string_view name;
  generated::RetKind ret;
  std::uint32_t classes;  // bits of generated::cls
  std::uint8_t nargs;
  std::array<ArgSpec, 6> args;
};

// syscall_tables/facts.tsv: what the filter, fault injection, the
// -e read=/write= dumps and -k know of a syscall beyond its arguments.
// Which arguments name a file for -P / --trace-fds:
enum class FileArgs : std::uint8_t {
  by_class,  // the class default: file, argument 0 a path; desc/network, an fd
  listed,    // SyscallFacts::file_fds / file_paths say (both 0: none)
  pollfds,   // poll, ppoll: the fds of the pollfd array (arg 0, count arg 1)
  fd_sets,   // select, pselect6: the bits of the three fd_sets (args 1-3)
  fsconfig,  // fsconfig: a path (arg 3) and fd (arg 4) only for some commands
};
// What -e read= / -e write= dump, and where the bytes are.
enum class IoDump : std::uint8_t { none, read, write };
enum class IoForm : std::uint8_t { buffer, iovec, msghdr };
// How a successful call changes the mappings -k caches.
enum class MapCall : std::uint8_t { none, mmap, mprotect, munmap, mremap, shmat, shm_other, exec };

struct SyscallFacts {
  FileArgs files;
  std::uint8_t file_fds;    // FileArgs::listed: bit i, argument i is a descriptor
  std::uint8_t file_paths;  // FileArgs::listed: bit i, argument i is a path
  std::int8_t short_count;  // the byte count inject's short= lowers; -1 none
  IoDump io;
  IoForm io_form;
  std::int8_t io_buffer;  // the buffer, iovec array or msghdr argument
  std::int8_t io_count;   // IoForm::iovec: the iovcnt argument
  MapCall maps;
};

}  // namespace xtrace

#include "xtrace/generated/syscall_tables.inc"

namespace xtrace {

using generated::ArgKind;
using generated::kArgKindCount;
using generated::kSysCount;
using generated::RetKind;
namespace cls = generated::cls;

// Index into the table of syscall descriptions; its generated enumerators
// name every syscall (SysId::execve), so a misspelled name fails to compile.
using generated::sys_ids::SysId;

// Every SysId in table order: for (SysId id : all_sys_ids()).  A plain
// counting range: clang cannot compile libstdc++ 12's views over it.
class SysIdRange {
 public:
  class iterator {
   public:
    constexpr explicit iterator(std::size_t i) : i_(i) {}
    constexpr SysId operator*() const { return static_cast<SysId>(i_); }
    constexpr iterator& operator++() {
      ++i_;
      return *this;
    }
    constexpr bool operator==(const iterator&) const = default;

   private:
    std::size_t i_;
  };
  constexpr iterator begin() const { return iterator(0); }
  constexpr iterator end() const { return iterator(kSysCount); }
};
constexpr SysIdRange all_sys_ids() noexcept {
  return {};
}

const SyscallDesc& describe(SysId id) noexcept;
// The id of a description describe() returned.
SysId id_of(const SyscallDesc& desc) noexcept;
const SyscallFacts& facts(SysId id) noexcept;
// The description of syscall number nr on arch, if the kernel has one.
std::optional<SysId> lookup(Arch arch, std::int64_t nr) noexcept;
// The number of a syscall on arch, if it exists there.  An x32 name's number
// is its common or x32 row, never a native-only one.
std::optional<std::int64_t> number(Arch arch, SysId id) noexcept;
// Whether x32 number nr is one of syscall_64.tbl's "64" rows: a call x32
// numbers but whose layouts are native-only.  strace names it NAME#64 and
// prints its arguments raw.
bool x32_native_only(std::int64_t nr) noexcept;
// strace's name of such a row: "rt_sigaction#64".
std::string native_only_name(SysId id);
// Whether the call runs a compat handler, which reads 32-bit layouts (long
// and pointers are 4 bytes): every i386 call, and x32's own rows (512 on).
// x32's common rows run the native handlers, on native layouts.
bool compat_layouts(Arch arch, std::int64_t nr) noexcept;
std::optional<SysId> find_syscall(std::string_view name) noexcept;
std::string_view arg_kind_name(ArgKind kind) noexcept;
std::string_view class_name(std::size_t bit) noexcept;
// The arguments as the kernel reads them (kernel_value of each by its C
// type); registers past the syscall's arguments are left as they are.
std::array<std::uint64_t, 6> kernel_args(const SyscallDesc& desc,
                                         const std::array<std::uint64_t, 6>& raw) noexcept;
// The same for a call of `arch`: an i386 call's arguments are 32 bits each.
std::array<std::uint64_t, 6> kernel_args(const SyscallDesc& desc,
                                         const std::array<std::uint64_t, 6>& raw,
                                         Arch arch) noexcept;
// i386_decoding.tsv: whether an i386 argument of this kind decodes as a
// native one (else it prints raw), and whether an i386 call's arguments are
// not the native ones at all (every one prints raw).
bool i386_decodes(ArgKind kind) noexcept;
bool i386_raw(SysId id) noexcept;
// The highest syscall number of arch plus one (for x32, without its bit).
std::size_t table_size(Arch arch) noexcept;

}  // namespace xtrace
