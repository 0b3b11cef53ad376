// Faults around the tracer (issue 15): the tracee SIGKILLed inside a call
// and while xtrace reads its long strings, xtrace SIGTERMed while it
// traces 8 attached threads, 1,000 children exiting at once, 100,000 calls
// over 16 threads, and the processes ptrace treats specially (undumpable,
// setuid, another user's).  Where strace 7.2 is at hand the outcome is
// compared with its own.  Every wait is on a pipe, a file or /proc, with a
// generous limit: nothing here sleeps to let something happen.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <regex>
#include <set>

#include "background.hpp"
#include "run_command.hpp"
#include "strace_compare.hpp"

namespace xtrace::testing {
namespace {

using namespace std::chrono_literals;

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

struct TempDir {
  std::string path = make_temp_dir();
  ~TempDir() { std::filesystem::remove_all(path); }
  std::string operator/(const std::string& name) const { return path + "/" + name; }
};

// A trace file's lines, the padding before each result collapsed.
std::vector<std::string> trace_lines(const std::string& path) {
  static const std::regex padding(R"(\) +=( |$))");
  auto lines = lines_of(read_file(path));
  for (auto& l : lines) l = std::regex_replace(l, padding, ") =$1");
  return lines;
}

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
  for (std::size_t at = text.find(from); at != std::string::npos;
       at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
  return text;
}

std::size_t file_size(const std::string& path) {
  struct stat st {};
  return stat(path.c_str(), &st) == 0 ? static_cast<std::size_t>(st.st_size) : 0;
}

// How a traced run ended, in terms a comparison with strace can use.
struct Outcome {
  int status = 0;  // the tracer's waitpid status
  std::vector<std::string> lines;
};

// strace writes the same names; -o files are compared after the run.
// xtrace, and strace 7.x as a witness when XTRACE_REFERENCE_STRACE names
// one: these tests check xtrace, so they never require it (the arm64
// machine has none).
std::vector<std::string> tracers() {
  std::vector<std::string> all{xtrace_binary()};
  const char* given = std::getenv("XTRACE_REFERENCE_STRACE");
  if (given != nullptr && *given != '\0') {
    std::string reference = reference_strace_7();
    if (!reference.empty()) all.push_back(reference);
  }
  return all;
}

// --- the tracee SIGKILLed ---------------------------------------------------

// wait_forever blocks in read(0) of a pipe nobody writes; it is killed once
// it sleeps there (its "ready" is written, and /proc says S: neither running
// nor stopped by the tracer).
Outcome kill_in_blocking_read(const std::string& tracer) {
  TempDir dir;
  Background t = spawn({tracer, "-o", dir / "trace", program("wait_forever"), "read"}, dir / "out",
                       dir / "err", true);
  pid_t child = -1;
  EXPECT_TRUE(wait_until([&] {
    child = traced_child_of(t.pid);
    return child > 0 && read_file(dir / "out") == "ready\n" && state_of(child) == 'S';
  }));
  if (child > 0) kill(child, SIGKILL);
  EXPECT_TRUE(wait_exit(t, 10000ms));
  EXPECT_EQ(read_file(dir / "err"), "") << tracer;
  return {t.status, trace_lines(dir / "trace")};
}

TEST(Fault, TraceeKilledInABlockingRead) {
  for (const auto& tracer : tracers()) {
    Outcome o = kill_in_blocking_read(tracer);
    // As strace: the tracer dies of the tracee's signal (no core).
    EXPECT_TRUE(WIFSIGNALED(o.status) && WTERMSIG(o.status) == SIGKILL) << tracer << o.status;
    EXPECT_FALSE(WCOREDUMP(o.status)) << tracer;
    ASSERT_GE(o.lines.size(), 2u) << tracer;
    EXPECT_EQ(o.lines[o.lines.size() - 2], "read(0 <unfinished ...>) = ?") << tracer;
    EXPECT_EQ(o.lines.back(), "+++ killed by SIGKILL +++") << tracer;
  }
}

// string_storm writes 16 KiB strings; with -s 16384 each one is read whole,
// so most of the tracer's time is spent reading them when the kill lands.
TEST(Fault, TraceeKilledWhileItsLongStringsAreRead) {
  for (const auto& tracer : tracers()) {
    TempDir dir;
    Background t = spawn(
        {tracer, "-o", dir / "trace", "-s", "16384", "-e", "trace=write", program("string_storm")},
        dir / "dots", dir / "err");
    ASSERT_TRUE(wait_until([&] { return file_size(dir / "dots") >= 50; })) << tracer;
    pid_t child = traced_child_of(t.pid);
    ASSERT_GT(child, 0);
    kill(child, SIGKILL);
    ASSERT_TRUE(wait_exit(t, 10000ms)) << tracer;
    EXPECT_TRUE(WIFSIGNALED(t.status) && WTERMSIG(t.status) == SIGKILL) << tracer << t.status;
    EXPECT_EQ(read_file(dir / "err"), "") << tracer;
    std::string text = read_file(dir / "trace");
    ASSERT_TRUE(text.ends_with("+++ killed by SIGKILL +++\n")) << tracer;
    auto lines = lines_of(text);
    // Every line whole: each write complete, but the one the kill landed
    // in, whose ending depends on where the kill caught it (at entry, in
    // the call, at its exit stop): a race under strace too, so only its
    // start is checked.
    static const std::regex whole(
        R"re(write\((\d+, "a{16384}"|1, "\."), (16384|1)\) += (16384|1))re");
    std::size_t dots = 0;
    for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
      bool last = i + 2 == lines.size();
      bool ok = std::regex_match(lines[i], whole) || (last && lines[i].starts_with("write("));
      EXPECT_TRUE(ok) << tracer << " line " << i + 1 << ": " << lines[i].substr(0, 80);
      dots += lines[i].starts_with("write(1, \".\", 1) ") && !last ? 1 : 0;
    }
    EXPECT_GE(dots, 49u) << tracer;
  }
}

// --- xtrace SIGTERMed -------------------------------------------------------

// Lines of one task of a -f -o trace, "<unfinished ...>" joined with its
// "<... resumed>": "write(1, \"tick 3 17\\n\", 10) = 10".
std::map<int, std::vector<std::string>> joined_by_tid(const std::vector<std::string>& lines) {
  static const std::regex prefixed(R"(^(\d+) +(.*)$)");
  static const std::regex resumed(R"(^<\.\.\. \w+ resumed>(.*)$)");
  const std::string unfinished = " <unfinished ...>";
  std::map<int, std::vector<std::string>> tasks;
  std::map<int, std::string> open;
  for (const auto& line : lines) {
    std::smatch m;
    if (!std::regex_match(line, m, prefixed)) continue;
    int tid = std::stoi(m[1]);
    std::string body = m[2];
    if (body.ends_with(unfinished)) {
      open[tid] = body.substr(0, body.size() - unfinished.size());
      continue;
    }
    if (std::regex_match(body, m, resumed) && open.count(tid)) {
      body = open[tid] + std::string(m[1]);
      open.erase(tid);
    }
    tasks[tid].push_back(body);
  }
  return tasks;
}

TEST(Fault, SigtermWhileTracingEightAttachedThreads) {
  TempDir dir;
  Background helper = spawn({program("tick_loop"), "8", "30"}, dir / "ticks", dir / "helper.err");
  ASSERT_TRUE(wait_until([&] { return ticks(dir / "ticks").size() == 8; }));
  Background tracer = spawn({xtrace_binary(), "-f", "-o", dir / "trace", "-e", "trace=write", "-p",
                             std::to_string(helper.pid)},
                            dir / "x.out", dir / "x.err");
  ASSERT_TRUE(wait_until([&] { return contains(read_file(dir / "x.err"), "with 8 threads"); }))
      << read_file(dir / "x.err");
  // Traced for a while: every thread ticked 3 more times since the attach.
  auto at_attach = ticks(dir / "ticks");
  ASSERT_TRUE(wait_until([&] {
    auto now = ticks(dir / "ticks");
    for (const auto& [thread, n] : at_attach)
      if (now[thread] < n + 3) return false;
    return true;
  }));
  // A thread's tick N+1 is written only after the tracer let it out of tick
  // N's exit stop, where tick N's line was written: every tick before the
  // last one seen now must be in the file, whole.
  auto before = ticks(dir / "ticks");
  kill(tracer.pid, SIGTERM);
  ASSERT_TRUE(wait_exit(tracer, 10000ms));
  EXPECT_TRUE(WIFSIGNALED(tracer.status) && WTERMSIG(tracer.status) == SIGTERM) << tracer.status;
  // Every thread runs on, none left stopped.
  for (const auto& entry :
       std::filesystem::directory_iterator("/proc/" + std::to_string(helper.pid) + "/task")) {
    char state = state_of(std::stoi(entry.path().filename()));
    EXPECT_TRUE(state == 'S' || state == 'R') << entry.path() << " " << state;
  }
  EXPECT_TRUE(wait_until(
      [&] {
        auto now = ticks(dir / "ticks");
        for (const auto& [thread, n] : before)
          if (now[thread] < n + 3) return false;
        return true;
      },
      5000ms));
  std::string text = read_file(dir / "trace");
  ASSERT_TRUE(text.ends_with("\n"));
  static const std::regex tick(R"re(write\(1, "tick (\d+) (\d+)\\n", \d+\) += \d+)re");
  std::map<int, std::set<int>> whole;  // thread -> ticks traced whole
  for (const auto& [tid, bodies] : joined_by_tid(lines_of(text)))
    for (const auto& body : bodies) {
      std::smatch m;
      if (std::regex_match(body, m, tick)) whole[std::stoi(m[1])].insert(std::stoi(m[2]));
    }
  ASSERT_EQ(whole.size(), 8u) << text;
  for (const auto& [thread, last] : before) {
    const auto& seen = whole[thread];
    ASSERT_FALSE(seen.empty()) << thread;
    for (int n = *seen.begin(); n < last; ++n)
      EXPECT_TRUE(seen.count(n)) << "thread " << thread << " tick " << n << " of " << last;
  }
  kill(helper.pid, SIGKILL);
  wait_exit(helper, 5000ms);
}

// --- many tasks -------------------------------------------------------------

std::size_t count_lines(const std::vector<std::string>& lines, const std::string& part) {
  std::size_t n = 0;
  for (const auto& l : lines) n += contains(l, part) ? 1 : 0;
  return n;
}

// Processes whose comm is `comm` (zombies included).
std::size_t processes_named(const std::string& comm) {
  std::size_t n = 0;
  for (const auto& entry : std::filesystem::directory_iterator("/proc")) {
    std::string name = entry.path().filename();
    if (name.empty() || name.find_first_not_of("0123456789") != std::string::npos) continue;
    n += contains(read_file(entry.path().string() + "/stat"), "(" + comm + ")") ? 1 : 0;
  }
  return n;
}

TEST(Fault, ThousandChildrenExitAtOnce) {
  TempDir dir;
  auto started = std::chrono::steady_clock::now();
  RunResult r = run_command({xtrace_binary(), "-f", "-e", "trace=none", "-e", "signal=none", "-o",
                             dir / "trace", program("fork_storm"), "1000"});
  auto took = std::chrono::steady_clock::now() - started;
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.err, "reaped 1000\n");
  auto lines = trace_lines(dir / "trace");
  // Every child's exit and the parent's, nothing else lost or made up.
  EXPECT_EQ(count_lines(lines, "+++ exited with 0 +++"), 1001u);
  EXPECT_EQ(lines.size(), 1001u);
  EXPECT_EQ(processes_named("fork_storm"), 0u);  // no zombie, nothing left running
  RecordProperty("seconds",
                 std::to_string(std::chrono::duration<double>(took).count()).substr(0, 5));
}

TEST(Fault, HundredThousandCallsOverSixteenThreads) {
  TempDir dir;
  auto started = std::chrono::steady_clock::now();
  RunResult r = run_command({xtrace_binary(), "-f", "-e", "trace=getppid", "-o", dir / "trace",
                             program("syscall_storm"), "16", "6250"});
  auto took = std::chrono::steady_clock::now() - started;
  EXPECT_EQ(r.code, 0) << r.err;
  ASSERT_EQ(r.err, "calls 100000\n");
  auto lines = trace_lines(dir / "trace");
  // One entry per call; a call split by another thread's line resumes once.
  EXPECT_EQ(count_lines(lines, "getppid("), 100000u);
  EXPECT_EQ(count_lines(lines, "<... getppid resumed>"), count_lines(lines, "<unfinished ...>"));
  EXPECT_EQ(count_lines(lines, "+++ exited with 0 +++"), 17u);
  RecordProperty("seconds",
                 std::to_string(std::chrono::duration<double>(took).count()).substr(0, 5));
}

// --- what ptrace treats specially -------------------------------------------

// PR_SET_DUMPABLE=0 stops new tracers, not the one already there.
TEST(Fault, UndumpableTraceeIsStillTraced) {
  TempDir dir;
  RunResult r = run_command({xtrace_binary(), "-o", dir / "trace", program("undumpable")});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, "dumpable 0\n");
  auto lines = trace_lines(dir / "trace");
  // strace names the value (SUID_DUMP_DISABLE), which xtrace does not yet.
  EXPECT_EQ(count_lines(lines, "prctl(PR_SET_DUMPABLE, "), 1u) << read_file(dir / "trace");
  EXPECT_EQ(count_lines(lines, "write(1, \"dumpable 0\\n\", 11) = 11"), 1u);
  EXPECT_EQ(lines.back(), "+++ exited with 0 +++");
}

// A setuid program exec'd under a tracer: as root (CAP_SYS_PTRACE) the
// kernel grants the new identity and the trace goes on, as under strace.
TEST(Fault, SetuidProgramUnderTheTracer) {
  if (geteuid() != 0) GTEST_SKIP() << "needs root to make a setuid program of another user";
  TempDir dir;
  std::string prog = dir / "print_euid";
  std::filesystem::copy_file(program("print_euid"), prog);
  ASSERT_EQ(chmod(dir.path.c_str(), 0755), 0);
  ASSERT_EQ(chown(prog.c_str(), 65534, 65534), 0);
  ASSERT_EQ(chmod(prog.c_str(), 04755), 0);
  RunResult plain = run_command({prog});
  for (const auto& tracer : tracers()) {
    RunResult r = run_command({tracer, "-f", "-o", dir / "trace", program("undumpable"), prog});
    EXPECT_EQ(r.code, 0) << tracer << r.err;
    EXPECT_EQ(r.err, "") << tracer;
    EXPECT_EQ(r.out, plain.out) << tracer;  // the same identity as untraced
    auto lines = trace_lines(dir / "trace");
    EXPECT_EQ(count_lines(lines, "execve(\"" + prog + "\", ["), 1u) << tracer;
    EXPECT_EQ(count_lines(lines, "write(1, \"" + plain.out.substr(0, plain.out.size() - 1) +
                                     "\\n\", " + std::to_string(plain.out.size()) + ")"),
              1u)
        << tracer << read_file(dir / "trace");
    ASSERT_FALSE(lines.empty()) << tracer;
    EXPECT_TRUE(lines.back().ends_with(" +++ exited with 0 +++")) << tracer;
  }
}

// Refused attaches say why, in strace's words.  The tracer runs as nobody
// (setpriv), so that the kernel refuses: another user's process, and an
// undumpable one of its own user (strace has no hint for that one).
class AttachRefused : public ::testing::Test {
 protected:
  void SetUp() override {
    if (geteuid() != 0) GTEST_SKIP() << "needs root to run the tracer as another user";
    if (access("/usr/bin/setpriv", X_OK) != 0) GTEST_SKIP() << "no setpriv";
    RunResult r = run_command(as_nobody({xtrace_binary(), "-V"}));
    if (r.code != 0) GTEST_SKIP() << "nobody cannot run " << xtrace_binary() << ": " << r.err;
  }
  static std::vector<std::string> as_nobody(std::vector<std::string> argv) {
    argv.insert(argv.begin(),
                {"/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--"});
    return argv;
  }
  // The tracer's stderr with its own name taken out.
  static std::string attach_as_nobody(const std::string& tracer, pid_t pid) {
    RunResult r = run_command(as_nobody({tracer, "-p", std::to_string(pid)}));
    EXPECT_EQ(r.code, 1) << tracer << r.err;
    return replace_all(r.err, tracer + ": ", "TRACER: ");
  }
  TempDir dir;
};

TEST_F(AttachRefused, AnotherUsersProcess) {
  Background helper = spawn({program("wait_forever"), "read"}, dir / "out", dir / "err", true);
  ASSERT_TRUE(wait_until([&] { return read_file(dir / "out") == "ready\n"; }));
  std::string pid = std::to_string(helper.pid);
  for (const auto& tracer : tracers())
    EXPECT_EQ(attach_as_nobody(tracer, helper.pid),
              "TRACER: attach: ptrace(PTRACE_SEIZE, " + pid + "): Operation not permitted\n" +
                  "TRACER: process " + pid + " may be owned by a different user\n");
  kill(helper.pid, SIGKILL);
  wait_exit(helper, 5000ms);
}

TEST_F(AttachRefused, UndumpableProcessOfTheSameUser) {
  Background helper =
      spawn(as_nobody({program("undumpable"), "wait"}), dir / "out", dir / "err", true);
  ASSERT_TRUE(wait_until([&] { return read_file(dir / "out") == "ready\n"; }))
      << read_file(dir / "err");
  std::string pid = std::to_string(helper.pid);
  for (const auto& tracer : tracers())
    EXPECT_EQ(attach_as_nobody(tracer, helper.pid),
              "TRACER: attach: ptrace(PTRACE_SEIZE, " + pid + "): Operation not permitted\n");
  kill(helper.pid, SIGKILL);
  wait_exit(helper, 5000ms);
}

TEST(Fault, AttachToATracedProcessNamesItsTracer) {
  TempDir dir;
  Background first = spawn({xtrace_binary(), "-o", dir / "trace", program("wait_forever"), "read"},
                           dir / "out", dir / "err", true);
  pid_t child = -1;
  ASSERT_TRUE(wait_until([&] {
    child = traced_child_of(first.pid);
    return child > 0 && read_file(dir / "out") == "ready\n";
  }));
  std::string pid = std::to_string(child);
  for (const auto& tracer : tracers()) {
    RunResult r = run_command({tracer, "-p", pid});
    EXPECT_EQ(r.code, 1) << tracer;
    EXPECT_EQ(r.err, tracer + ": attach: ptrace(PTRACE_SEIZE, " + pid +
                         "): Operation not permitted\n" + tracer + ": Process " + pid +
                         " is already being traced by pid " + std::to_string(first.pid) + "\n");
  }
  kill(child, SIGKILL);
  wait_exit(first, 5000ms);
}

}  // namespace
}  // namespace xtrace::testing
