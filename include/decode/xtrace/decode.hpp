// Argument decoding: each argument kind of signatures.tsv has one formatter
// that turns the raw register value (and tracee memory) into strace's text.
#pragma once

#include <signal.h>
#include <sys/types.h>

#include <array>
#include <bitset>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "xtrace/decode_options.hpp"
#include "xtrace/pid_decorator.hpp"
#include "xtrace/syscall_set.hpp"
#include "xtrace/syscall_table.hpp"
#include "xtrace/tracee_memory.hpp"
#include "xtrace/value.hpp"

namespace xtrace {

enum class Phase : std::uint8_t { entry, exit };

// Everything a formatter may look at for one argument.
struct ArgContext {
  const SyscallDesc& desc;
  Arch arch;
  pid_t tid;
  int index;  // which argument
  // As the kernel reads them (kernel_args): each argument truncated to its
  // C type and sign- or zero-extended, so formatters never see garbage high
  // bits of an `int` or `unsigned int`.
  const std::array<std::uint64_t, 6>& args;
  bool exiting;
  std::int64_t rval;
  bool is_error;
  TraceeMemory& mem;
  const DecodeOptions& opts;
  std::uint64_t& saved;  // scratch kept from entry to exit for this argument
  bool abbrev = true;    // -v not given for this syscall: abbreviate structures
  bool deref = true;     // structures are read (-e verbose=), else addresses

  std::uint64_t value() const { return args[index]; }
  // The value as an unsigned number of its type's width (hex, octal).
  std::uint64_t unsigned_value() const { return xtrace::unsigned_value(width(), args[index]); }
  ArgWidth width() const { return desc.args[index].width; }
  std::uint64_t arg(int i) const { return args[i]; }
  // The length or count this argument refers to (an argument or the result).
  std::uint64_t ref_value() const;
  bool failed() const { return exiting && is_error; }
  // An out-structure the kernel did not write: the call failed, or the
  // argument is tied to the result in signatures.tsv ("usage:rusage_out(ret)")
  // and the call returned nothing (wait4's 0 under WNOHANG).
  bool unfilled() const;
};

// false: the argument is not printed at all (open's mode without O_CREAT).
using ArgFormatter = bool (*)(const ArgContext&, ValueOut& out);
using ArgCapture = void (*)(ArgContext&);

// An exit-phase kind that may print nothing: asked at entry, so the entry
// part of the line does not end in ", " for an argument that never comes.
using ArgPresent = bool (*)(const ArgContext&);

// A kind whose phase depends on another argument: fcntl's third argument is
// a lock the caller passes (F_SETLK, at entry) or one the kernel writes
// (F_GETLK, at exit).  Asked at entry; overrides KindDecoder::phase.
using ArgPhaseOf = Phase (*)(const ArgContext&);

struct KindDecoder {
  ArgKind kind;  // the generated enumerator of its name in signatures.tsv
  Phase phase;   // when the argument is printed
  ArgFormatter format;
  ArgCapture capture = nullptr;   // exit-phase kinds that also need entry data
  ArgPresent present = nullptr;   // exit-phase kinds: printed at all?
  bool names_itself = false;      // prints "name=" itself (clone), -N adds none
  ArgPhaseOf phase_of = nullptr;  // the phase, when another argument decides it
};

// The formatter of a kind.  A kind nobody registered yet gets the raw
// formatter (address or number, as strace prints undecoded arguments).
const KindDecoder* decoder_for(ArgKind kind);
bool has_decoder(ArgKind kind);
// All registered decoders, for the completeness test.
std::span<const KindDecoder* const> all_kind_decoders();

// "SIGSEGV", "SIGRTMIN", "SIGRT_3", or the number.
std::string signal_name(int sig);

// siginfo as strace prints it, "{si_signo=SIGCHLD, si_code=CLD_EXITED, ...}",
// as values (a structure whose si_signo, si_code and si_errno are constants
// -X styles), for the signal events' and the siginfo arguments' renderers.
// si_pid is decorated by `pids` (when given) as `tracee` numbers it.
void print_siginfo(const siginfo_t& si, PidDecorator* pids, pid_t tracee, ValueOut& out);

// The errno name (ENOENT, or a kernel-internal one such as EIOCBQUEUED),
// empty for a value with no name; and its message (strerror's, or strace's
// own for the restart codes).
std::string_view errno_name(int err);
std::string errno_message(int err);
// The restart codes (ERESTARTSYS, ERESTARTNOINTR, ERESTARTNOHAND,
// ERESTART_RESTARTBLOCK) print as "= ?": the call is not over.
bool is_restart_errno(int err);
// A failed call's result as strace prints it after "= ": "-1 ENOENT (No
// such file or directory)", "? ERESTARTSYS (To be restarted if SA_RESTART
// is set)", "-1 EIOCBQUEUED (Unknown error 529)", or "-1 (errno 600)".
std::string format_errno_result(int err);

}  // namespace xtrace
