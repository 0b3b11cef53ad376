// Syscall names of the compat personalities (i386 or arm on a 64-bit
// kernel, x32), so that expressions naming them are accepted as strace
// accepts them.  On x86_64 the i386 and x32 ones select the calls of that
// name (syscall_set.cpp, from the tables); only arm calls are not decoded,
// and these functions answer for them.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string_view>

#include "xtrace/syscall_table.hpp"

namespace xtrace::filter {

enum class Personality : std::uint8_t { native, compat32, x32 };

// "64", "32" and, on x86_64, "x32"; empty for anything else.
std::optional<Personality> personality_by_designator(Arch native, std::string_view designator);
// Whether the undecoded compat personality (@32 on aarch64) has a syscall
// of that name: i386's list (xtrace carries no arm table; the two differ in
// a handful of arm-only names such as arm_fadvise64_64).
bool compat_has_name(Personality p, std::string_view name);
// How many numbers the personality's table has (numbers below are valid).
std::size_t compat_table_size(Personality p);
void for_each_compat_name(Personality p, const std::function<void(std::string_view)>& fn);

}  // namespace xtrace::filter
