// Issue 7: fault injection.  strace's keys against strace 7.2 on the same
// program (trace lines, what the program saw, exit status), and xtrace's own
// keys (prob=/seed=, path=, fd=, short=) against exact expectations.
#include <gtest/gtest.h>

#include <filesystem>
#include <regex>

#include "run_command.hpp"
#include "strace_output.hpp"

namespace xtrace::testing {
namespace {

RunResult run_xtrace(std::vector<std::string> args, const std::string& stdin_text = "") {
  args.insert(args.begin(), xtrace_binary());
  return run_command(args, stdin_text);
}

// What inject_getpid printed, without its timings (which vary).
std::string calls_seen(const std::string& out) {
  return std::regex_replace(out, std::regex(" ms=[0-9]+"), "");
}

// The trace lines of stderr, normalized; xtrace's and strace's own
// messages ("PROG: ...") left out.
std::vector<std::string> trace_lines(const std::string& err) {
  std::vector<std::string> out;
  for (const auto& line : lines_of(err))
    if (line.find(": ") == std::string::npos || line.find('(') < line.find(": "))
      out.push_back(normalize_line(line));
  return out;
}

// Runs the same command under xtrace and the reference strace and expects
// the same trace, the same program output and the same exit status.
void expect_same_as_strace(const std::vector<std::string>& options,
                           const std::vector<std::string>& command,
                           const std::string& stdin_text = "") {
  std::string reference = reference_strace();
  if (reference.empty()) GTEST_SKIP() << "no reference strace";
  std::vector<std::string> args = options;
  args.insert(args.end(), command.begin(), command.end());
  RunResult ours = run_xtrace(args, stdin_text);
  args.insert(args.begin(), reference);
  RunResult theirs = run_command(args, stdin_text);
  EXPECT_EQ(trace_lines(ours.err), trace_lines(theirs.err)) << ours.err << "\n---\n" << theirs.err;
  EXPECT_EQ(calls_seen(ours.out), calls_seen(theirs.out));
  EXPECT_EQ(ours.signaled, theirs.signaled);
  EXPECT_EQ(ours.code, theirs.code);
}

// The 1-based indexes of the lines that were injected.
std::vector<int> injected_indexes(const std::string& err) {
  std::vector<int> out;
  int i = 0;
  for (const auto& line : lines_of(err)) {
    if (!line.starts_with("getpid(")) continue;
    ++i;
    if (line.find("(INJECTED)") != std::string::npos) out.push_back(i);
  }
  return out;
}

TEST(Inject, CatWithEnospcAsStrace) {
  expect_same_as_strace({"-e", "inject=openat:error=ENOSPC"}, {"cat", "/etc/hostname"});
}

TEST(Inject, CatWithEnospcLineAndStatus) {
  RunResult r = run_xtrace({"-e", "inject=openat:error=ENOSPC", "cat", "/etc/hostname"});
  EXPECT_EQ(r.code, 127);  // the loader's status, passed on
  EXPECT_NE(r.err.find("openat(AT_FDCWD, \"/etc/ld.so.cache\", O_RDONLY|O_CLOEXEC) = -1 ENOSPC "
                       "(No space left on device) (INJECTED)\n"),
            std::string::npos)
      << r.err;
}

// Issue 7's done-when, whole: every stderr line (the trace and cat's own
// message), stdout and the exit status as strace 7.2's.
TEST(Inject, CatWithEnospcEveryLineAsStrace) {
  std::string reference = reference_strace();
  if (reference.empty()) GTEST_SKIP() << "no reference strace";
  std::vector<std::string> args{"-e", "inject=openat:error=ENOSPC", "cat", "/etc/hostname"};
  RunResult ours = run_xtrace(args);
  args.insert(args.begin(), reference);
  RunResult theirs = run_command(args);
  EXPECT_EQ(normalize(lines_of(ours.err)), normalize(lines_of(theirs.err))) << ours.err << "\n---\n"
                                                                            << theirs.err;
  EXPECT_NE(ours.err.find("cat: error while loading shared libraries: "), std::string::npos)
      << ours.err;
  EXPECT_EQ(ours.out, theirs.out);
  EXPECT_EQ(ours.signaled, theirs.signaled);
  EXPECT_EQ(ours.code, theirs.code);
}

TEST(Inject, ErrorAndRetvalAsStrace) {
  for (const char* spec : {"inject=getpid:error=EIO", "inject=getpid:error=enoent:when=3",
                           "inject=getpid:retval=42:when=2",
                           "inject=getpid:retval=0x10:when=2.."
                           "4"}) {
    SCOPED_TRACE(spec);
    expect_same_as_strace({"-e", "trace=getpid", "-e", spec}, {program("inject_getpid")});
  }
}

// Values the C library has no name for, kernel-internal ones (named by
// strace, with strerror's "Unknown error N"), the restart codes ("= ?"),
// and retvals in the errno range.
TEST(Inject, UnnamedAndKernelErrnosAsStrace) {
  for (const char* error : {"41", "515", "EIOCBQUEUED", "519", "ERESTARTSYS", "513", "514",
                            "ERESTART_RESTARTBLOCK", "600", "4095"}) {
    SCOPED_TRACE(error);
    expect_same_as_strace(
        {"-e", "trace=getpid", "-e", std::string("inject=getpid:when=2:error=") + error},
        {program("inject_getpid"), "2"});
  }
  for (const char* retval : {"4095", "-4095", "-600", "-512", "0xfffffffffffff001"}) {
    SCOPED_TRACE(retval);
    expect_same_as_strace(
        {"-e", "trace=getpid", "-e", std::string("inject=getpid:when=2:retval=") + retval},
        {program("inject_getpid"), "2"});
  }
}

TEST(Inject, UnnamedAndKernelErrnoLines) {
  struct Case {
    const char* error;
    const char* result;
  };
  for (const Case& c : {Case{"4095", "-1 (errno 4095)"}, Case{"600", "-1 (errno 600)"},
                        Case{"EIOCBQUEUED", "-1 EIOCBQUEUED (Unknown error 529)"},
                        Case{"512", "? ERESTARTSYS (To be restarted if SA_RESTART is set)"}}) {
    SCOPED_TRACE(c.error);
    RunResult r =
        run_xtrace({"-e", "trace=getpid", "-e", std::string("inject=getpid:error=") + c.error,
                    program("inject_getpid"), "1"});
    EXPECT_EQ(r.err, std::string("getpid()                                = ") + c.result +
                         " (INJECTED)\n+++ exited with 0 +++\n");
  }
}

// getpid's result is a pid_t: like strace, only the low 32 bits print.
TEST(Inject, PidResultsPrintAsPidT) {
  RunResult r = run_xtrace({"-e", "trace=getpid", "-e", "inject=getpid:retval=0x100000001",
                            program("inject_getpid"), "1"});
  EXPECT_EQ(r.err,
            "getpid()                                = 1 (INJECTED)\n+++ exited with 0 +++\n");
}

TEST(Inject, WhenFormsAsStrace) {
  for (const char* when : {"3", "2+", "2+2", "2..4", "1..5+2", "7"}) {
    SCOPED_TRACE(when);
    expect_same_as_strace(
        {"-e", "trace=getpid", "-e", std::string("inject=getpid:error=EIO:when=") + when},
        {program("inject_getpid")});
  }
}

TEST(Inject, FaultAsStrace) {
  expect_same_as_strace({"-e", "trace=getpid", "-e", "fault=getpid:when=3"},
                        {program("inject_getpid")});
  expect_same_as_strace({"-e", "trace=getpid", "--fault=getpid:error=EACCES:when=2+3"},
                        {program("inject_getpid")});
}

TEST(Inject, FaultDefaultsToEnosys) {
  RunResult r = run_xtrace(
      {"-e", "trace=getpid", "-e", "fault=getpid:when=2", program("inject_getpid"), "2"});
  EXPECT_EQ(calls_seen(r.out), "1 r=pid e=0 sig=0\n2 r=-1 e=38 sig=0\n");
  EXPECT_NE(r.err.find("getpid()                                = -1 ENOSYS (Function not "
                       "implemented) (INJECTED)\n"),
            std::string::npos)
      << r.err;
}

TEST(Inject, SignalAsStrace) {
  expect_same_as_strace({"-e", "trace=getpid", "-e", "inject=getpid:signal=SIGUSR1:when=2"},
                        {program("inject_getpid"), "3"});
  // Delivered after the call, which itself is not changed.
  RunResult r = run_xtrace({"-e", "trace=getpid", "-e", "inject=getpid:signal=USR1:when=2",
                            program("inject_getpid"), "3"});
  EXPECT_EQ(calls_seen(r.out), "1 r=pid e=0 sig=0\n2 r=pid e=0 sig=1\n3 r=pid e=0 sig=0\n");
  EXPECT_NE(r.err.find("--- SIGUSR1 {si_signo=SIGUSR1, si_code=SI_KERNEL} ---"), std::string::npos);
}

TEST(Inject, SyscallReplacementAsStrace) {
  expect_same_as_strace(
      {"-e", "trace=getpid", "-e", "inject=getpid:syscall=gettid:error=EPERM:when=2"},
      {program("inject_getpid"), "3"});
  expect_same_as_strace({"-e", "trace=getpid", "--inject=getpid:syscall=getuid:retval=5"},
                        {program("inject_getpid"), "2"});
}

TEST(Inject, DelayHasALowerBoundAndMatchesStrace) {
  expect_same_as_strace({"-e", "trace=getpid", "-e", "inject=getpid:delay_enter=50ms:when=2"},
                        {program("inject_getpid"), "3"});
  RunResult r = run_xtrace({"-e", "trace=getpid", "-e", "inject=getpid:delay_exit=50ms:when=2",
                            program("inject_getpid"), "3"});
  std::smatch m;
  ASSERT_TRUE(std::regex_search(r.out, m, std::regex("\n2 r=pid e=0 ms=([0-9]+) sig=0\n")))
      << r.out;
  EXPECT_GE(std::stol(m[1].str()), 50);
  EXPECT_NE(r.err.find(" (DELAYED)\n"), std::string::npos) << r.err;
}

// Only the delayed thread waits: the other one keeps running, traced.
TEST(Inject, DelayHoldsOnlyTheDelayedThread) {
  RunResult r = run_xtrace({"-f", "-e", "trace=getuid", "-e", "inject=getuid:delay_enter=100ms",
                            program("inject_threads")});
  EXPECT_EQ(r.code, 0) << r.err;
  std::smatch m;
  ASSERT_TRUE(std::regex_search(r.out, m, std::regex("getuid_ms=([0-9]+) other_calls=([0-9]+)")))
      << r.out;
  EXPECT_GE(std::stol(m[1].str()), 100);
  EXPECT_GT(std::stol(m[2].str()), 10) << "the other thread stood still while one was delayed";
  EXPECT_NE(r.err.find("getuid()                    = 0 (DELAYED)"), std::string::npos) << r.err;
}

// As strace: a call that -e trace= hides is never tampered with.
TEST(Inject, OnlyTracedCallsAreInjectedInto) {
  RunResult r = run_xtrace(
      {"-e", "trace=none", "-e", "inject=getpid:error=EIO:when=2", program("inject_getpid"), "2"});
  EXPECT_EQ(calls_seen(r.out), "1 r=pid e=0 sig=0\n2 r=pid e=0 sig=0\n");
  EXPECT_TRUE(std::regex_match(
      r.err, std::regex("\\+\\+\\+ exited with 0 \\+\\+\\+\n[^\n]*xtrace: inject rule "
                        "'getpid' never matched: -e trace= hides every "
                        "call it names\n")))
      << r.err;
}

// strace's qual_fault-exit_group: the loader's calls are not traced, so
// !process does not reach them; glibc's _exit falls back to exit.
TEST(Inject, HiddenCallsSurviveABroadFault) {
  RunResult r = run_xtrace({"-e", "trace=exit,exit_group", "-e", "fault=exit_group:error=ENOSYS",
                            "-e", "fault=!process:error=1", "/bin/sh", "-c", "exit 42"});
  EXPECT_EQ(r.code, 42) << r.err;
  EXPECT_EQ(r.err,
            "exit_group(42)                          = -1 ENOSYS (Function not implemented) "
            "(INJECTED)\n"
            "exit(42)                                = ?\n"
            "+++ exited with 42 +++\n" +
                xtrace_binary() +
                ": fault rule '!process' never matched: -e trace= hides every call it names\n");
}

// strace's counters are per task: each process's second call fails.
TEST(Inject, CountersPerTaskUnderFollowForks) {
  RunResult r = run_xtrace(
      {"-f", "-e", "trace=getpid", "-e", "inject=getpid:error=EIO:when=2", program("inject_fork")});
  EXPECT_EQ(r.out,
            "child 1 e=0\nchild 2 e=5\nchild 3 e=0\nparent 1 e=0\nparent 2 e=5\nparent 3 e=0\n");
}

// As strace: the last rule naming a syscall replaces the earlier ones.
TEST(Inject, TheLastRuleForASyscallReplacesEarlierOnes) {
  RunResult r = run_xtrace({"-e", "trace=getpid", "-e", "inject=getpid:retval=7", "-e",
                            "inject=getpid:error=EIO:when=2", program("inject_getpid"), "3"});
  EXPECT_EQ(calls_seen(r.out), "1 r=pid e=0 sig=0\n2 r=-1 e=5 sig=0\n3 r=pid e=0 sig=0\n");
  // -e fault=all, then exit from its 2nd call: exit's first call is left alone.
  r = run_xtrace({"-e", "trace=exit,exit_group", "-e", "fault=all:error=ENOSYS", "-e",
                  "fault=exit:error=1:when=2+", "/bin/sh", "-c", "exit 42"});
  EXPECT_EQ(r.code, 42) << r.err;
  EXPECT_NE(r.err.find("\nexit(42)                                = ?\n"), std::string::npos)
      << r.err;
}

TEST(Inject, SameSeedSameInjectedCalls) {
  std::vector<std::string> args = {"--seed=1234",
                                   "-e",
                                   "trace=getpid",
                                   "-e",
                                   "inject=getpid:error=EIO:prob=30",
                                   program("inject_getpid"),
                                   "60"};
  RunResult first = run_xtrace(args);
  RunResult second = run_xtrace(args);
  std::vector<int> a = injected_indexes(first.err);
  EXPECT_EQ(a, injected_indexes(second.err));
  EXPECT_GT(a.size(), 5u);
  EXPECT_LT(a.size(), 40u);
  EXPECT_EQ(first.err.find("inject seed"), std::string::npos);  // given, so not printed
  // Another seed, other calls; a rule's own seed= works like --seed.
  args[0] = "--seed=99";
  EXPECT_NE(a, injected_indexes(run_xtrace(args).err));
  RunResult own =
      run_xtrace({"-e", "trace=getpid", "-e", "inject=getpid:error=EIO:prob=30:seed=1234",
                  program("inject_getpid"), "60"});
  EXPECT_EQ(a, injected_indexes(own.err));
}

TEST(Inject, PrintsTheSeedItPickedAndItReplays) {
  RunResult first =
      run_xtrace({"-e", "trace=getpid", "-e", "inject=getpid:error=EIO:prob=0.5%", "-e",
                  "inject=getpid:retval=3:prob=40", program("inject_getpid"), "40"});
  std::smatch m;
  ASSERT_TRUE(
      std::regex_search(first.err, m, std::regex("(^|\n)[^\n]*xtrace: inject seed ([0-9]+)\n")))
      << first.err;
  std::string seed = m[2].str();
  RunResult replay =
      run_xtrace({"--seed=" + seed, "-e", "trace=getpid", "-e", "inject=getpid:error=EIO:prob=0.5%",
                  "-e", "inject=getpid:retval=3:prob=40", program("inject_getpid"), "40"});
  EXPECT_EQ(injected_indexes(first.err), injected_indexes(replay.err));
  EXPECT_EQ(calls_seen(first.out), calls_seen(replay.out));
}

TEST(Inject, WarnsWhenARuleNeverMatched) {
  RunResult r =
      run_xtrace({"-e", "trace=%file", "-e", "inject=open:error=ENOSPC", "cat", "/etc/hostname"});
  EXPECT_EQ(r.code, 0);  // the tracee's status, whatever the report says
  EXPECT_TRUE(std::regex_search(
      r.err, std::regex("xtrace: inject rule 'open' never matched; this program called openat "
                        "[0-9]+ times?(, [a-z0-9_]+ [0-9]+ times?)* \\(did you mean -e "
                        "inject=openat[a-z0-9_,]* or inject=%file\\?\\)\n")))
      << r.err;
  r = run_xtrace({"-e", "trace=getpid", "-e", "inject=getpid:error=EIO:when=9",
                  program("inject_getpid"), "3"});
  EXPECT_NE(r.err.find("xtrace: inject rule 'getpid:error=EIO:when=9' matched 3 calls but never "
                       "fired\n"),
            std::string::npos)
      << r.err;
}

// The -c table's injected column: getpid_n makes N getpid calls and one
// failing close.
TEST(Inject, SummaryCountsInjectedCalls) {
  RunResult r =
      run_xtrace({"-c", "-e", "inject=getpid:error=EPERM:when=2+", program("getpid_n"), "10"});
  EXPECT_EQ(r.code, 0) << r.err;
  auto lines = lines_of(r.err);
  ASSERT_GE(lines.size(), 2u) << r.err;
  EXPECT_EQ(lines[0], "% time     seconds  usecs/call     calls    errors  injected syscall");
  EXPECT_EQ(lines[1],
            "------ ----------- ----------- --------- --------- --------- ----------------");
  // calls|errors|injected of a row, blanks trimmed.
  auto row = [&](const std::string& name) {
    std::regex re(R"(^ *[0-9.]+ +[0-9]+\.[0-9]{6} +[0-9]+ (.{9}) (.{9}) (.{9}) )" + name + "$");
    for (const auto& line : lines) {
      std::smatch m;
      if (!std::regex_match(line, m, re)) continue;
      std::string out;
      for (int i = 1; i <= 3; ++i) {
        std::string cell = m[i].str();
        cell.erase(0, cell.find_first_not_of(' '));
        out += (i > 1 ? "|" : "") + cell;
      }
      return out;
    }
    return std::string("missing");
  };
  EXPECT_EQ(row("getpid"), "10|9|9") << r.err;
  std::string close = row("close");  // the loader closes files too
  EXPECT_TRUE(close.ends_with("|1|")) << r.err;
  std::string total = row("total");
  EXPECT_TRUE(total.ends_with("|9")) << r.err;
}

TEST(Inject, SummaryInjectedColumnChosenWithU) {
  RunResult r = run_xtrace({"-c", "-U", "name,calls,injected", "-e", "trace=getpid", "-e",
                            "inject=getpid:retval=7:when=3..5", program("getpid_n"), "6"});
  EXPECT_EQ(r.err,
            "syscall              calls  injected\n"
            "---------------- --------- ---------\n"
            "getpid                   6         3\n"
            "---------------- --------- ---------\n"
            "total                    6         3\n");
}

// Beside the new column, the table counts what strace 7.2's does.
TEST(Inject, SummaryWithInjectionAsStraceBesideTheColumn) {
  std::string reference = reference_strace();
  if (reference.empty()) GTEST_SKIP() << "no reference strace";
  std::vector<std::string> args{"-c",
                                "-U",
                                "name,calls,errors",
                                "-S",
                                "name",
                                "-e",
                                "inject=getpid:error=EPERM:when=2+",
                                program("getpid_n"),
                                "10"};
  RunResult ours = run_xtrace(args);
  args.insert(args.begin(), reference);
  RunResult theirs = run_command(args);
  EXPECT_EQ(ours.err, theirs.err);
  EXPECT_EQ(ours.code, theirs.code);
}

class InjectFiles : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = make_temp_dir(); }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  RunResult run(std::vector<std::string> args) {
    args.push_back(program("inject_files"));
    args.push_back(dir_);
    return run_xtrace(args);
  }
  std::string dir_;
};

TEST_F(InjectFiles, PathGlobMatchesPathArguments) {
  RunResult r =
      run({"-e", "trace=%file", "-e", "inject=%file:error=EACCES:path=" + dir_ + "/*.log"});
  EXPECT_EQ(r.out,
            "open data.txt fd=3 e=0\nwrite data.txt n=5 e=0\nread data.txt n=5 e=0\n"
            "open notes.log fd=-1 e=13\n");
}

TEST_F(InjectFiles, PathGlobMatchesTheFileBehindAnFd) {
  RunResult r = run({"-e", "trace=write", "-e", "inject=write:error=ENOSPC:path=*/notes.log"});
  EXPECT_EQ(r.out,
            "open data.txt fd=3 e=0\nwrite data.txt n=5 e=0\nread data.txt n=5 e=0\n"
            "open notes.log fd=3 e=0\nwrite notes.log n=-1 e=28\nread notes.log n=0 e=0\n");
  // A later rule with fd= covers only its fd: the path rule still stands.
  r = run({"-e", "trace=write", "-e", "inject=write:error=ENOSPC:path=*/notes.log", "-e",
           "inject=write:error=EIO:fd=99"});
  EXPECT_EQ(r.out,
            "open data.txt fd=3 e=0\nwrite data.txt n=5 e=0\nread data.txt n=5 e=0\n"
            "open notes.log fd=3 e=0\nwrite notes.log n=-1 e=28\nread notes.log n=0 e=0\n");
}

TEST_F(InjectFiles, FdSelectsCalls) {
  // The second write on fd 3 (the loader reads on fd 3 too, so no read=).
  RunResult r = run({"-e", "trace=write", "-e", "inject=write:error=EIO:fd=3:when=2"});
  EXPECT_EQ(r.out,
            "open data.txt fd=3 e=0\nwrite data.txt n=5 e=0\nread data.txt n=5 e=0\n"
            "open notes.log fd=3 e=0\nwrite notes.log n=-1 e=5\nread notes.log n=0 e=0\n");
}

TEST(Inject, ShortReadsTransferFewerBytes) {
  RunResult r =
      run_xtrace({"-e", "trace=read", "-e", "inject=read:short=3:fd=0", program("inject_copy")},
                 "hello world\n");
  EXPECT_EQ(r.out, "hello world\n");  // the program loops, as it must
  EXPECT_NE(r.err.find("read(0, \"hel\", 64)                      = 3 (INJECTED: args)\n"
                       "read(0, \"lo \", 64)                      = 3 (INJECTED: args)\n"),
            std::string::npos)
      << r.err;
  r = run_xtrace(
      {"-e", "trace=write", "-e", "inject=write:short=50%:when=1", program("inject_copy")},
      "0123456789\n");
  EXPECT_EQ(r.out, "0123456789\n");
  EXPECT_NE(r.err.find("write(1, \"0123456789\\n\", 11)            = 5 (INJECTED: args)\n"
                       "write(1, \"56789\\n\", 6)                  = 6\n"),
            std::string::npos)
      << r.err;
}

TEST(Inject, PokeExitAsStrace) {
  expect_same_as_strace({"-e", "trace=read", "-e", "inject=read:poke_exit=@arg2=41424344:when=2"},
                        {"cat"}, "hello\n");
  expect_same_as_strace(
      {"-e", "trace=read", "-e", "inject=read:poke_exit=@arg2=4142:retval=2:when=2"}, {"cat"},
      "hello\n");
}

// A bad spec is one line on stderr and exit 1, and nothing runs.
TEST(Inject, MalformedSpecsRunNothing) {
  std::string dir = make_temp_dir();
  std::string marker = dir + "/ran";
  for (const char* spec :
       {"inject=openat:error=ENOPE", "inject=getpid:error=EIO:when=0",
        "inject=write:error=EIO:prob=150", "inject=getpid", "inject=getpid:when=2",
        "fault=getpid:retval=1", "inject=nosuch:error=EIO", "inject=getpid:delay_enter=soon"}) {
    SCOPED_TRACE(spec);
    RunResult r = run_xtrace({"-e", spec, "touch", marker});
    EXPECT_EQ(r.code, 1);
    EXPECT_EQ(lines_of(r.err).size(), 1u) << r.err;
    EXPECT_TRUE(r.err.find("xtrace: invalid ") != std::string::npos) << r.err;
    EXPECT_FALSE(std::filesystem::exists(marker));
  }
  // A bad option value: strace's hint line follows, as for every option.
  RunResult r = run_xtrace({"--seed=x", "-e", "inject=getpid:error=EIO:prob=5", "touch", marker});
  EXPECT_EQ(r.code, 1);
  EXPECT_EQ(r.err,
            "xtrace: invalid --seed 'x' (a number up to 2^64-1)\n"
            "Try 'xtrace -h' for more information.\n");
  EXPECT_FALSE(std::filesystem::exists(marker));
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace xtrace::testing
