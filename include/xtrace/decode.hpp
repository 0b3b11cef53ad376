// Argument decoding: each argument kind of signatures.tsv has one formatter
// that turns the raw register value (and tracee memory) into strace's text.
#pragma once

#include <signal.h>
#include <sys/types.h>

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "xtrace/syscall_table.hpp"
#include "xtrace/tracee_memory.hpp"

namespace xtrace {

// How strings are shown (-x, -xx, --strings-in-hex).
enum class HexStrings : std::uint8_t { none, non_ascii, all };

struct DecodeOptions {
  std::size_t string_limit = 32;  // -s
  HexStrings hex = HexStrings::none;
  bool verbose = false;  // -v: unabbreviated structures
};

enum class Phase : std::uint8_t { entry, exit };

// Everything a formatter may look at for one argument.
struct ArgContext {
  const SyscallDesc& desc;
  int index;                                // which argument
  const std::array<std::uint64_t, 6>& args; // as they were at entry
  bool exiting;
  std::int64_t rval;
  bool is_error;
  TraceeMemory& mem;
  const DecodeOptions& opts;
  std::uint64_t& saved;  // scratch kept from entry to exit for this argument

  std::uint64_t value() const { return args[index]; }
  // The length or count this argument refers to (an argument or the result).
  std::uint64_t ref_value() const;
  bool failed() const { return exiting && is_error; }
};

// false: the argument is not printed at all (open's mode without O_CREAT).
using ArgFormatter = bool (*)(const ArgContext&, std::string& out);
using ArgCapture = void (*)(ArgContext&);

struct KindDecoder {
  std::string_view kind;   // the name in signatures.tsv
  Phase phase;             // when the argument is printed
  ArgFormatter format;
  ArgCapture capture = nullptr;  // exit-phase kinds that also need entry data
};

// The formatter of a kind.  A kind nobody registered yet gets the raw
// formatter (address or number, as strace prints undecoded arguments).
const KindDecoder* decoder_for(ArgKind kind);
bool has_decoder(ArgKind kind);
// All registered decoders, for the completeness test.
std::span<const KindDecoder* const> all_kind_decoders();

// Register a group of kind decoders; each src/decode/kinds_*.cpp has one.
std::span<const KindDecoder> scalar_kinds();
std::span<const KindDecoder> string_kinds();
std::span<const KindDecoder> flag_kinds();
std::span<const KindDecoder> struct_kinds();

// "SIGSEGV", "SIGRTMIN", "SIGRT_3", or the number.
std::string signal_name(int sig);

// siginfo as strace prints it: "{si_signo=SIGCHLD, si_code=CLD_EXITED, ...}".
std::string format_siginfo(const siginfo_t& si);

// The errno name (ENOENT) and message, or empty for an unknown value.
std::string_view errno_name(int err);
std::string errno_message(int err);
// Kernel-internal restart codes (ERESTARTSYS...) print as "= ?".
bool is_restart_errno(int err);

}  // namespace xtrace
