// The seccomp-bpf fast path without a kernel: the BPF program is run by a
// small interpreter of the classic-BPF subset it uses, for every syscall
// number of both architectures; and when the fast path is chosen.
#include <gtest/gtest.h>
#include <linux/audit.h>
#include <linux/seccomp.h>

#include <cstddef>
#include <cstdint>
#include <optional>

#include "app/seccomp_choice.hpp"
#include "parse_args.hpp"
#include "xtrace/seccomp_filter.hpp"
#include "xtrace/syscall_set.hpp"

namespace xtrace::testing {
namespace {

constexpr std::uint32_t kX32Bit = 0x40000000;

// Runs `program` on one seccomp_data; nullopt for an instruction outside
// the subset, a jump past the end, or falling off the end.
std::optional<std::uint32_t> run_bpf(const std::vector<sock_filter>& program, std::uint32_t arch,
                                     std::uint32_t nr) {
  std::uint32_t a = 0, x = 0;
  for (std::size_t pc = 0; pc < program.size(); ++pc) {
    const sock_filter& f = program[pc];
    switch (f.code) {
      case BPF_LD | BPF_W | BPF_ABS:
        if (f.k == offsetof(seccomp_data, arch))
          a = arch;
        else if (f.k == offsetof(seccomp_data, nr))
          a = nr;
        else
          return std::nullopt;
        break;
      case BPF_LD | BPF_IMM: a = f.k; break;
      case BPF_ALU | BPF_AND | BPF_K: a &= f.k; break;
      case BPF_ALU | BPF_RSH | BPF_K: a >>= f.k; break;
      case BPF_ALU | BPF_LSH | BPF_X: a <<= x; break;
      case BPF_MISC | BPF_TAX: x = a; break;
      case BPF_MISC | BPF_TXA: a = x; break;
      case BPF_JMP | BPF_JA: pc += f.k; break;
      case BPF_JMP | BPF_JEQ | BPF_K: pc += a == f.k ? f.jt : f.jf; break;
      case BPF_JMP | BPF_JGE | BPF_K: pc += a >= f.k ? f.jt : f.jf; break;
      case BPF_JMP | BPF_JSET | BPF_K: pc += (a & f.k) != 0 ? f.jt : f.jf; break;
      case BPF_RET | BPF_K: return f.k;
      default: return std::nullopt;
    }
  }
  return std::nullopt;
}

std::uint32_t audit_arch(Arch arch) {
  return arch == Arch::aarch64 ? AUDIT_ARCH_AARCH64 : AUDIT_ARCH_X86_64;
}

FilterOptions tracing(const char* set, Arch arch) {
  FilterOptions f;
  f.trace = parse_syscall_set(set, arch);
  return f;
}

class SeccompProgram : public ::testing::TestWithParam<Arch> {};

TEST_P(SeccompProgram, EveryNumberGetsItsVerdict) {
  Arch arch = GetParam();
  for (const char* set : {"openat", "none", "%file", "!write", "read,write,close,exit_group"}) {
    std::vector<bool> traced = seccomp::traced_numbers(tracing(set, arch), arch);
    std::vector<sock_filter> program = seccomp::build_program(arch, traced);
    ASSERT_FALSE(program.empty()) << set;
    ASSERT_LE(program.size(), 128u) << set;
    for (std::uint32_t nr = 0; nr < traced.size() + 40; ++nr) {
      std::uint32_t want =
          nr >= traced.size() || traced[nr] ? SECCOMP_RET_TRACE : SECCOMP_RET_ALLOW;
      EXPECT_EQ(run_bpf(program, audit_arch(arch), nr), want) << set << " nr " << nr;
    }
    // Compat personalities, x32 and nonsense numbers always stop.
    EXPECT_EQ(run_bpf(program, AUDIT_ARCH_I386, 1), SECCOMP_RET_TRACE);
    EXPECT_EQ(run_bpf(program, AUDIT_ARCH_ARM, 1), SECCOMP_RET_TRACE);
    EXPECT_EQ(run_bpf(program, audit_arch(arch), kX32Bit | 1), SECCOMP_RET_TRACE);
    EXPECT_EQ(run_bpf(program, audit_arch(arch), UINT32_MAX), SECCOMP_RET_TRACE);
  }
}

TEST_P(SeccompProgram, TracesTheSetExecAndUnknownNumbers) {
  Arch arch = GetParam();
  std::vector<bool> traced = seccomp::traced_numbers(tracing("openat", arch), arch);
  auto nr_of = [&](const char* name) {
    return static_cast<std::size_t>(*number(arch, *find_syscall(name)));
  };
  EXPECT_TRUE(traced[nr_of("openat")]);
  EXPECT_TRUE(traced[nr_of("execve")]);  // where the command's trace starts
  EXPECT_TRUE(traced[nr_of("execveat")]);
  EXPECT_FALSE(traced[nr_of("read")]);
  EXPECT_FALSE(traced[nr_of("clone")]);  // -f follows by ptrace events, not by stops
  std::size_t unknown = 0;
  for (std::size_t nr = 0; nr < traced.size(); ++nr) {
    if (lookup(arch, static_cast<std::int64_t>(nr))) continue;
    EXPECT_TRUE(traced[nr]) << "a number no table names is always shown: " << nr;
    ++unknown;
  }
  if (arch == Arch::x86_64) {
    EXPECT_GT(unknown, 0u);  // the 335..423 hole
  }
}

TEST_P(SeccompProgram, PathFilterNarrowsToCallsThatNameAFile) {
  Arch arch = GetParam();
  FilterOptions f = tracing("all", arch);
  f.paths = {"/etc/passwd"};
  std::vector<bool> traced = seccomp::traced_numbers(f, arch);
  auto nr_of = [&](const char* name) {
    return static_cast<std::size_t>(*number(arch, *find_syscall(name)));
  };
  EXPECT_TRUE(traced[nr_of("openat")]);
  EXPECT_TRUE(traced[nr_of("read")]);
  EXPECT_TRUE(traced[nr_of("ppoll")]);
  EXPECT_FALSE(traced[nr_of("getpid")]);
  EXPECT_FALSE(traced[nr_of("brk")]);
}

INSTANTIATE_TEST_SUITE_P(Arches, SeccompProgram, ::testing::Values(Arch::x86_64, Arch::aarch64),
                         [](const ::testing::TestParamInfo<Arch>& info) {
                           return std::string(arch_name(info.param));
                         });

// When the fast path is taken, and strace's words when --seccomp-bpf is
// given but cannot be honoured.
struct Case {
  std::vector<std::string> words;
  bool enabled;
  std::vector<std::string> notes;
};

TEST(SeccompChoice, AsStraceWhenAskedAndWhenSafeByDefault) {
  if (!seccomp::available()) GTEST_SKIP() << "this kernel takes no seccomp filters";
  const std::string kNoF = "--seccomp-bpf cannot be used without -f/--follow-forks, disabling";
  const std::string kAll =
      "Seccomp filter is requested but there are no syscalls to filter.  See -e trace to filter "
      "syscalls.";
  const std::string kP = "--seccomp-bpf is not enabled for processes attached with -p";
  const std::vector<Case> cases = {
      {{"-f", "-e", "trace=openat", "true"}, true, {}},
      {{"-f", "-c", "-e", "trace=%file", "true"}, true, {}},
      {{"-f", "-P", "/etc/passwd", "true"}, true, {}},
      {{"-f", "-e", "trace=none", "true"}, true, {}},
      {{"-f", "--seccomp-bpf", "-e", "trace=openat", "true"}, true, {}},
      {{"-f", "--no-seccomp-bpf", "-e", "trace=openat", "true"}, false, {}},
      // Not safe: quietly the slow path, unless asked.
      {{"-e", "trace=openat", "true"}, false, {}},
      {{"--seccomp-bpf", "-e", "trace=openat", "true"}, false, {kNoF}},
      {{"-f", "true"}, false, {}},
      {{"-f", "-c", "true"}, false, {}},
      {{"-f", "--seccomp-bpf", "true"}, false, {kAll}},
      {{"-f", "-b", "execve", "-e", "trace=openat", "true"}, false, {}},
      {{"-f", "--seccomp-bpf", "-b", "execve", "-e", "trace=openat", "true"},
       false,
       {"--seccomp-bpf is not enabled because it is not compatible with -b"}},
      {{"-f", "--seccomp-bpf", "--syscall-limit=3", "-e", "trace=openat", "true"},
       false,
       {"--seccomp-bpf is not enabled because it is not compatible with --syscall-limit"}},
      {{"-f", "-e", "trace=openat", "-p", "1"}, false, {}},
      {{"-f", "--seccomp-bpf", "-e", "trace=openat", "-p", "1"}, false, {kP}},
      // With a command too, the command still gets the filter.
      {{"-f", "--seccomp-bpf", "-e", "trace=openat", "-p", "1", "true"}, true, {kP}},
  };
  for (const Case& c : cases) {
    std::vector<std::string> words{"xtrace"};
    words.insert(words.end(), c.words.begin(), c.words.end());
    seccomp::Choice choice = seccomp::choose(parse(words), arch::native());
    std::string line;
    for (const auto& w : c.words) line += w + " ";
    EXPECT_EQ(!choice.program.empty(), c.enabled) << line;
    EXPECT_EQ(choice.notes, c.notes) << line;
  }
}

TEST(SeccompChoice, BothSpellingsAtOnceIsAnError) {
  EXPECT_EQ(error_of({"xtrace", "-f", "--seccomp-bpf", "--no-seccomp-bpf", "true"}),
            "--seccomp-bpf and --no-seccomp-bpf are mutually exclusive options");
}

}  // namespace
}  // namespace xtrace::testing
