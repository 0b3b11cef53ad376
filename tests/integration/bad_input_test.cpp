// Bad command lines: each fails with exactly one line on stderr ("xtrace:
// MESSAGE"; a usage mistake adds strace's "Try 'xtrace -h'" line) and exit
// status 1, before anything runs: the command (which would create a
// marker file) never starts, and the -o file is neither created nor
// truncated.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "run_command.hpp"

namespace xtrace::testing {
namespace {

struct BadInput {
  std::vector<std::string> args;  // between "xtrace -o FILE" and the command
  std::string message;            // after "xtrace: "
  bool help = false;              // followed by strace's "Try 'xtrace -h'" line
};

constexpr bool kHelp = true;

const std::vector<BadInput>& cases() {
  static const std::vector<BadInput> kCases = {
      {{"-e", "trace=opn"}, "invalid system call 'opn'"},
      {{"-e", "trace=open@foo"},
       "incorrect personality designator 'foo' in qualification 'open@foo'",
       kHelp},
      {{"-e", "trace=/("}, "regcomp: (: Unmatched ( or \\("},
      {{"-e", "trace="}, "invalid system call ''"},
      {{"--trace="}, "invalid system call ''"},
      {{"-e", "status=weird"}, "invalid status 'weird'"},
      {{"-e", "signal=SIGFOO"}, "invalid signal 'SIGFOO'"},
      {{"-e", "quiet=nothing"}, "invalid quiet 'nothing'"},
      {{"-e", "unknown=1"}, "invalid system call 'unknown=1'"},
      {{"-e", "inject=open"},
       "invalid inject argument 'open': no action (error=, retval=, signal=, delay_enter=, "
       "delay_exit=, poke_enter=, poke_exit= or short=)"},
      {{"-e", "inject=open:error=EFOO"},
       "invalid inject argument 'open:error=EFOO': unknown error 'EFOO' (an errno name like "
       "ENOSPC, or 1..4095)"},
      {{"-e", "inject=open:retval=x"},
       "invalid inject argument 'open:retval=x': bad retval 'x' (a number)"},
      {{"-e", "inject=open:error=ENOSPC:when=2+0"},
       "invalid inject argument 'open:error=ENOSPC:when=2+0': bad when '2+0' (N, N+, N+STEP, N..M "
       "or N..M+STEP, N from 1 to 65535)"},
      {{"-e", "fault=open:error=1:signal=SIGFOO"},
       "invalid fault argument 'open:error=1:signal=SIGFOO': fault= takes only error= and when=, "
       "not signal="},
      {{"-e", "inject=open:delay_enter=x"},
       "invalid inject argument 'open:delay_enter=x': bad delay 'x' (e.g. 10ms, 1s, 500us)"},
      {{"-e", "inject=open:poke_enter=@arg1=zz"},
       "invalid inject argument 'open:poke_enter=@arg1=zz': bad poke '@arg1=zz' "
       "(@argN=HEXBYTES,..., N in 1..7)"},
      {{"-e", "read=x"}, "invalid descriptor 'x'"},
      {{"-e", "write=-1"}, "invalid descriptor '-1'"},
      {{"--trace-fds=x"}, "invalid descriptor 'x'"},
      {{"-e", "decode-fds=foo"}, "invalid decode-fds 'foo'"},
      {{"--decode-fds="}, "invalid decode-fds ''"},
      {{"-e", "kvm=vcpu"},
       "-e kvm=vcpu is not supported: xtrace does not decode KVM_RUN exit reasons"},
      {{"-s", "-1"}, "invalid -s argument: '-1'", kHelp},
      {{"--string-limit="}, "invalid -s argument: ''", kHelp},
      {{"-a", "x"}, "invalid -a argument: 'x'", kHelp},
      {{"-X", "weird"}, "invalid -X argument: 'weird'", kHelp},
      {{"-c", "-S", "nosuch"}, "invalid sortby: 'nosuch'", kHelp},
      {{"-c", "-U", "nosuch"}, "unknown column name: 'nosuch'", kHelp},
      {{"-c", "-O", "x"}, "invalid -O argument: 'x'", kHelp},
      {{"-I", "9"}, "invalid -I argument: '9'", kHelp},
      {{"-b", "open"}, "Syscall 'open' for -b isn't supported"},
      {{"-p", "0"}, "Invalid process id: '0'"},
      {{"--attach=1,x"}, "Invalid process id: 'x'"},

      {{"--syscall-limit=0"}, "invalid --syscall-limit argument: '0'", kHelp},
      {{"--seed=x"}, "invalid --seed 'x' (a number up to 2^64-1)", kHelp},
      {{"--tips=bogus"}, "invalid --tips argument: 'bogus'", kHelp},
      {{"--seccomp-bpf", "--no-seccomp-bpf"},
       "--seccomp-bpf and --no-seccomp-bpf are mutually exclusive options"},
      {{"-f", "--follow-forks"}, "-f and --follow-forks cannot be provided simultaneously"},
      {{"-ff", "--output-separately"},
       "-ff and --output-separately cannot be provided simultaneously"},
      {{"-c", "-ff"},
       "(-c/--summary-only or -C/--summary) and -ff/--output-separately are mutually exclusive",
       kHelp},
      {{"-c", "-C"}, "-c/--summary-only and -C/--summary are mutually exclusive", kHelp},
      {{"-w"},
       "-w/--summary-wall-clock must be given with (-c/--summary-only or -C/--summary)",
       kHelp},
      {{"-U", "calls"},
       "-U/--summary-columns must be given with (-c/--summary-only or -C/--summary)",
       kHelp},
      {{"--decode-pids=nonsense"}, "invalid decode-pids 'nonsense'"},
      {{"--nosuchoption"}, "unrecognized option '--nosuchoption'", kHelp},
      {{"-kk"},
       "Stack traces with source line information (-kk/--stack-trace=source option) are not "
       "supported by this build of xtrace"},
      {{"-k", "--stack-trace-frame-limit=0"},
       "invalid --stack-trace-frame-limit argument: '0'",
       kHelp},
      {{"--stack-trace=bogus"}, "invalid --stack-trace argument: 'bogus'", kHelp},
      // getopt_long's own messages (strace 7.2 prints the same).
      {{"--bogus"}, "unrecognized option '--bogus'", kHelp},
      {{"--bogus=1"}, "unrecognized option '--bogus=1'", kHelp},
      {{"-Q"}, "invalid option -- 'Q'", kHelp},
      {{"-fQ"}, "invalid option -- 'Q'", kHelp},
      {{"-q=1"}, "invalid option -- '='", kHelp},
      {{"--help=all"}, "option '--help' doesn't allow an argument", kHelp},
      {{"--follow-forks=yes"}, "option '--follow-forks' doesn't allow an argument", kHelp},
      {{"--follow-forks=0"}, "option '--follow-forks' doesn't allow an argument", kHelp},
      {{"--follow-fork=0"}, "option '--follow-forks' doesn't allow an argument", kHelp},
      {{"--summary-only="}, "option '--summary-only' doesn't allow an argument", kHelp},
      {{"--outp", "x"},
       "option '--outp' is ambiguous; possibilities: '--output' '--output-append-mode' "
       "'--output-format' '--output-separately'",
       kHelp},
      {{"--stack-trace-frame=0"}, "invalid --stack-trace-frame-limit argument: '0'", kHelp},
      {{"--follow-fork", "-f"}, "-f and --follow-forks cannot be provided simultaneously"},
      {{"--trace-fd=x"}, "invalid descriptor 'x'"},
      {{"--no-abbrev=1"}, "option '--no-abbrev' doesn't allow an argument", kHelp},
      {{"--seccomp-bpf=1"}, "option '--seccomp-bpf' doesn't allow an argument", kHelp},
      {{"-V1"}, "invalid option -- '1'", kHelp},
      {{"--stack", "x"},
       "option '--stack' is ambiguous; possibilities: '--stack-trace' '--stack-trace-frame-limit'",
       kHelp},
      // strace's one set syntax (qualify_tokens), and its messages.
      {{"-e", "quiet=!"}, "invalid quiet '!'"},
      {{"-e", "status=,,"}, "invalid status ',,'"},
      {{"-e", "status=ALL"}, "invalid status 'ALL'"},
      {{"-e", "signal=256"}, "invalid signal '256'"},
      {{"-e", "signal=SIG"}, "invalid signal 'SIG'"},
      {{"-e", "decode-fds=all,x"}, "invalid decode-fds 'all'"},
      {{"-e", "decode-pids="}, "invalid decode-pids ''"},
      {{"--quiet="}, "invalid quiet ''"},
      {{"-e", "read=1,x"}, "invalid descriptor 'x'"},
      {{"-c", "-O", "1MS"}, "invalid -O argument: '1MS'", kHelp},
      {{"-c", "-S", "CALLS"}, "invalid sortby: 'CALLS'", kHelp},
      {{"--strings-in-hex=x"}, "invalid --strings-in-hex argument: 'x'", kHelp},
  };
  return kCases;
}

// "xtrace: MESSAGE", then strace's hint for usage errors.
std::string expected_stderr(const std::string& message, bool help) {
  return "xtrace: " + message + "\n" +
         (help ? "Try 'xtrace -h' for more information.\n" : std::string());
}

TEST(BadInput, OneLineExitOneAndNothingRuns) {
  ASSERT_GE(cases().size(), 40u);
  std::string dir = make_temp_dir();
  std::string out = dir + "/trace.out";
  std::string marker = dir + "/MARKER";
  for (const BadInput& c : cases()) {
    std::filesystem::remove(out);
    std::vector<std::string> argv{xtrace_binary(), "-o", out};
    argv.insert(argv.end(), c.args.begin(), c.args.end());
    argv.insert(argv.end(), {"sh", "-c", "touch " + marker});
    RunResult r = run_command(argv);
    std::string line = c.args.front() + (c.args.size() > 1 ? " " + c.args[1] : "");
    EXPECT_EQ(r.err, expected_stderr(c.message, c.help)) << line;
    EXPECT_FALSE(r.signaled) << line;
    EXPECT_EQ(r.code, 1) << line;
    EXPECT_FALSE(std::filesystem::exists(marker)) << line << ": the command ran";
    EXPECT_FALSE(std::filesystem::exists(out)) << line << ": the output file was created";
  }
  std::filesystem::remove_all(dir);
}

// getopt's messages for an option missing its value: the line ends there.
TEST(BadInput, MissingValueAtTheEndOfTheLine) {
  const std::vector<BadInput> kEnds = {
      {{"-o"}, "option requires an argument -- 'o'", kHelp},
      {{"-fe"}, "option requires an argument -- 'e'", kHelp},
      {{"--trace"}, "option '--trace' requires an argument", kHelp},
      {{"--string-l"}, "option '--string-limit' requires an argument", kHelp},
      {{"--output"}, "option '--output' requires an argument", kHelp},
      {{}, "must have PROG [ARGS] or -p PID", kHelp},
      {{"--stack-trace"}, "must have PROG [ARGS] or -p PID", kHelp},
      {{"--argv0=x"}, "must have PROG [ARGS] or -p PID", kHelp},
  };
  std::string dir = make_temp_dir();
  std::string out = dir + "/trace.out";
  for (const BadInput& c : kEnds) {
    std::vector<std::string> argv{xtrace_binary(), "-o", out};
    argv.insert(argv.end(), c.args.begin(), c.args.end());
    RunResult r = run_command(argv);
    std::string line = c.args.empty() ? "(none)" : c.args.front();
    EXPECT_EQ(r.err, expected_stderr(c.message, c.help)) << line;
    EXPECT_EQ(r.code, 1) << line;
    EXPECT_FALSE(std::filesystem::exists(out)) << line << ": the output file was created";
  }
  std::filesystem::remove_all(dir);
}

// -u's user is looked up once the command line is read: the message is
// strace's, under argv[0] as strace's own, and still nothing runs.
TEST(BadInput, UnknownUserNothingRuns) {
  std::string dir = make_temp_dir();
  std::string out = dir + "/trace.out";
  std::string marker = dir + "/MARKER";
  RunResult r =
      run_command({xtrace_binary(), "-o", out, "-u", "nosuchuser", "sh", "-c", "touch " + marker});
  EXPECT_EQ(r.err, xtrace_binary() + ": Cannot find user 'nosuchuser'\n");
  EXPECT_EQ(r.code, 1);
  EXPECT_FALSE(std::filesystem::exists(marker));
  EXPECT_FALSE(std::filesystem::exists(out));
  std::filesystem::remove_all(dir);
}

// An existing -o file is not truncated by a command line that fails.
TEST(BadInput, ExistingOutputIsLeftAlone) {
  std::string dir = make_temp_dir();
  std::string out = dir + "/trace.out";
  run_command({"sh", "-c", "echo keep > " + out});
  RunResult r = run_command({xtrace_binary(), "-o", out, "-e", "trace=opn", "true"});
  EXPECT_EQ(r.code, 1);
  EXPECT_EQ(read_file(out), "keep\n");
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace xtrace::testing
