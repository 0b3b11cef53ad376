// A set of system calls, as strace's expressions name them: -e trace=SET,
// -e inject=SET:..., -e fault=SET:...  The syntax is strace's, complete:
//
//   SET   := [!]... ( "all" | "none" | TOKEN[,TOKEN]... )
//   TOKEN := [?]... ( NAME | NUMBER | /REGEX | %CLASS | CLASS ) [@PERS]
//
// `!` inverts what follows; `?` makes a token that names nothing harmless
// instead of an error; /REGEX is a POSIX extended regex matched against
// names; classes are %file %desc %network (%net) %process %signal %ipc
// %memory %creds %clock %stat %lstat %fstat %%stat %statfs %fstatfs
// %%statfs %pure and the legacy bare file desc memory process signal ipc
// network all; @PERS picks a personality: 64 (the native one), 32 (i386 on
// x86_64, arm on aarch64) and x32 (x86_64 only).
#pragma once

#include <bitset>
#include <cstdint>
#include <string_view>
#include <vector>

#include "xtrace/arch.hpp"
#include "xtrace/syscall_table.hpp"

namespace xtrace {

class SyscallSet {
 public:
  // The empty set; everything() is strace's "all".
  SyscallSet() = default;
  static SyscallSet everything();

  // Whether the syscall is in the set (native personality).
  bool contains(SysId id) const noexcept { return ids_.test(id) != inverted_; }
  // The same for a raw number of the native arch.  As in strace, a number no
  // table names is in the set only when it was named by number, or when the
  // set is an inversion (`all`, `!open`): classes, names and regexes never
  // select unknown numbers.
  bool contains_number(Arch arch, std::int64_t nr) const noexcept;
  // True when no syscall at all can be in the set ("none", "!all").
  bool is_empty() const noexcept { return !inverted_ && none_named(); }
  // True when every syscall is in it ("all", "!none").
  bool is_everything() const noexcept { return inverted_ && none_named(); }

  void add(SysId id) { ids_.set(id); }
  // Adds a syscall number of arch; numbers a table names become their SysId
  // (but x32's native-only rows, which are not their name's call).
  void add_number(Arch arch, std::int64_t nr);
  void invert() noexcept { inverted_ = !inverted_; }

 private:
  bool none_named() const noexcept {
    return ids_.none() && numbers_.empty() && x32_native_only_.none();
  }

  std::bitset<kSysCount> ids_;
  std::vector<std::int64_t> numbers_;  // named numbers that no table names
  // x32's native-only rows (strace's NAME#64), by number without the x32
  // bit: selected by number, class, regex or NAME#64, never by NAME.
  std::bitset<generated::kX32NativeOnly.size()> x32_native_only_;
  bool inverted_ = false;
};

// Parses SET as strace does.  Throws UsageError (from xtrace/options.hpp)
// with strace's message: "invalid system call 'opn'", "incorrect personality
// designator 'foo' in qualification 'open@foo'", "regcomp: (: Unmatched ( or \(".
// `arch` is the native architecture (a parameter so that tests can check both).
SyscallSet parse_syscall_set(std::string_view spec, Arch arch = arch::native());

}  // namespace xtrace
