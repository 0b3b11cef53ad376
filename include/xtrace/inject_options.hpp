// Fault injection rules: -e inject=SET:KEY=VALUE:... and -e fault=SET:...
// as strace has them (error=, retval=, signal=, syscall=, delay_enter=,
// delay_exit=, poke_enter=, poke_exit=, when=), plus xtrace's own keys for
// chaos testing: prob= and seed= (reproducible random faults), path= and
// fd= (argument matching), short= (partial I/O).
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "xtrace/syscall_set.hpp"

namespace xtrace {

// when=F, F+, F+S, F..L, F..L+S: the 1-based indexes of the matching calls
// (per task and per syscall, as strace counts) on which the rule fires.
struct InjectWhen {
  static constexpr std::uint32_t kNoLast = 0xffff;  // strace's INJECT_LAST_INF
  std::uint32_t first = 1;
  std::uint32_t last = kNoLast;
  std::uint32_t step = 1;  // 0: only the first index

  bool fires_on(std::uint64_t index) const noexcept;
};

// poke_enter=@argN=HEX,...: bytes written where argument N points.
struct InjectPoke {
  int arg = 0;  // 0-based argument index
  std::vector<std::uint8_t> data;
};

// short=N or short=P%: the count of a read/write-like call is lowered.
struct InjectShort {
  std::uint64_t value = 0;
  bool percent = false;

  // The lowered count; equal to `count` when it cannot be lowered.
  std::uint64_t apply(std::uint64_t count) const noexcept;
};

struct InjectRule {
  std::string text;      // the rule as written, for messages
  std::string set_text;  // the SET part
  bool fault = false;    // -e fault= (only error= and when=; ENOSYS by default)
  SyscallSet syscalls;

  std::optional<int> error;            // error=ERRNO (1..4095)
  std::optional<std::int64_t> retval;  // retval=VALUE
  int signal = 0;                      // signal=SIG, 0 for none
  std::optional<SysId> replacement;    // syscall=NAME (a pure syscall)
  std::optional<std::chrono::nanoseconds> delay_enter, delay_exit;
  std::vector<InjectPoke> poke_enter, poke_exit;
  InjectWhen when;

  std::optional<double> prob;          // prob=P, percent in (0, 100]
  std::optional<std::uint64_t> seed;   // seed=N, this rule's own seed
  std::optional<std::string> path;     // path=GLOB
  std::optional<int> fd;               // fd=N
  std::optional<InjectShort> shorten;  // short=N / short=P%

  bool fakes_result() const noexcept { return error.has_value() || retval.has_value(); }
  bool matches_arguments() const noexcept { return path.has_value() || fd.has_value(); }
};

struct InjectOptions {
  std::vector<InjectRule> rules;      // in command-line order; the first that fires wins
  std::optional<std::uint64_t> seed;  // --seed=N

  bool any_random() const noexcept;
};

// Parses the value of -e inject= (fault=false) or -e fault= (fault=true).
// Throws UsageError with a one-line message naming the bad part.
InjectRule parse_inject_rule(std::string_view spec, bool fault);
// --seed=N: a decimal number up to 2^64-1.  Throws UsageError.
std::uint64_t parse_inject_seed(std::string_view text);
// "10ms", "1.5s", "250us", "100ns", or a number of microseconds (strace's
// default unit).  Empty when the text is not a duration.
std::optional<std::chrono::nanoseconds> parse_inject_delay(std::string_view text);
// An errno by name (ENOSPC, case-insensitive) or number (1..4095).
std::optional<int> parse_errno(std::string_view text);
// A signal by name (SIGUSR1, USR1, case-insensitive) or number (1..64).
std::optional<int> parse_signal(std::string_view text);

}  // namespace xtrace
