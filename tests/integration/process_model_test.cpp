// The process model on real processes: following forks, vforks, threads and
// exec from a thread; attaching to running helpers and detaching with a
// signal while they keep running; job control; SIGKILL mid-call; and the
// same -f / -ff -o traces as strace once pids are renamed.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <thread>

#include "background.hpp"
#include "run_command.hpp"
#include "strace_compare.hpp"
#include "strace_output.hpp"

namespace xtrace::testing {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

std::size_t count_lines_with(const std::string& text, const std::string& part) {
  std::size_t n = 0;
  for (const auto& line : lines_of(text)) n += contains(line, part) ? 1 : 0;
  return n;
}

struct TempDir {
  std::string path = make_temp_dir();
  ~TempDir() { std::filesystem::remove_all(path); }
  std::string operator/(const std::string& name) const { return path + "/" + name; }
};

TEST(ProcessModel, FollowsForkWithPidPrefixes) {
  RunResult r = run_command({xtrace_binary(), "-f", program("fork_wait")});
  ASSERT_FALSE(r.signaled);
  EXPECT_EQ(r.code, 0);
  std::smatch m;
  // The attach message may land inside the clone line (as with strace).
  ASSERT_TRUE(std::regex_search(r.err, m, std::regex(R"(: Process (\d+) attached\n)"))) << r.err;
  std::string child = m[1];
  EXPECT_TRUE(std::regex_search(r.err, std::regex("\\) += " + child + "\n"))) << r.err;
  // Under load another task's event may cut the line: "6 <unfinished ...>".
  EXPECT_TRUE(std::regex_search(
      r.err, std::regex("\\[pid +" + child +
                        "\\] write\\(1, \"child\\\\n\", 6(\\)| <unfinished \\.\\.\\.>)")))
      << r.err;
  EXPECT_TRUE(contains(r.err, "[pid " +
                                  std::string(5 - std::min<std::size_t>(5, child.size()), ' ') +
                                  child + "] +++ exited with 4 +++\n"))
      << r.err;
  // Once the child is gone, one task is left: no prefix, as strace.
  auto lines = lines_of(r.err);
  ASSERT_FALSE(lines.empty());
  EXPECT_EQ(lines.back(), "+++ exited with 0 +++");
  EXPECT_TRUE(contains(
      r.err, "--- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=" + child + ", si_uid="))
      << r.err;
  EXPECT_EQ(r.out, "child\nparent\n");
}

TEST(ProcessModel, WithoutFollowOnlyTheCommandIsTraced) {
  TempDir dir;
  RunResult r = run_command({xtrace_binary(), "-o", dir / "t", program("fork_wait")});
  EXPECT_EQ(r.code, 0);
  std::string trace = read_file(dir / "t");
  EXPECT_FALSE(contains(trace, "write(1, \"child\\n\"")) << trace;
  EXPECT_FALSE(contains(trace, "[pid")) << trace;
  EXPECT_TRUE(contains(trace, "write(1, \"parent\\n\", 7)")) << trace;
}

TEST(ProcessModel, FollowsVfork) {
  TempDir dir;
  RunResult r =
      run_command({xtrace_binary(), "-f", "-o", dir / "t", program("fork_wait"), "vfork"});
  EXPECT_EQ(r.code, 0);
  std::string trace = read_file(dir / "t");
  std::smatch m;
  ASSERT_TRUE(std::regex_search(trace, m, std::regex(R"(\n(\d+) +exit_group\(4\) += \?\n)")))
      << trace;
  std::string child = m[1];
  EXPECT_TRUE(
      std::regex_search(trace, std::regex("\n" + child + " +\\+\\+\\+ exited with 4 \\+\\+\\+\n")))
      << trace;
  // The vfork's result is the child, whether or not the line was split
  // (aarch64 has no vfork: the C library calls clone with CLONE_VFORK).
  EXPECT_TRUE(std::regex_search(
      trace, std::regex("(vfork\\(\\)|clone\\(.*CLONE_VFORK.*\\)|(vfork|clone) resumed>\\)) += " +
                        child + "\n")))
      << trace;
}

// 8 threads x 1000 calls: each call exactly once, whatever the interleaving.
TEST(ProcessModel, EveryThreadCallOnceNoneLostNoneDoubled) {
  TempDir dir;
  RunResult r =
      run_command({xtrace_binary(), "-f", "-o", dir / "t", program("thread_calls"), "8", "1000"});
  ASSERT_EQ(r.code, 0) << r.err;
  std::string trace = read_file(dir / "t");
  static const std::regex kEntry(R"(^(\d+) +lseek\(-1, (\d+), SEEK_SET)");
  static const std::regex kResult(
      R"(^(\d+) +(lseek\(-1, \d+, SEEK_SET|<\.\.\. lseek resumed>)\) += -1 EBADF)");
  std::set<long> offsets;
  std::map<std::string, std::set<long>> by_thread;
  std::size_t entries = 0, results = 0;
  for (const auto& line : lines_of(trace)) {
    std::smatch m;
    if (std::regex_search(line, m, kEntry)) {
      ++entries;
      long offset = std::stol(m[2]);
      EXPECT_TRUE(offsets.insert(offset).second) << "offset shown twice: " << offset;
      by_thread[m[1]].insert(offset / 100000);
    }
    if (std::regex_search(line, m, kResult)) ++results;
  }
  EXPECT_EQ(entries, 8000u);
  EXPECT_EQ(results, 8000u);
  EXPECT_EQ(offsets.size(), 8000u);
  ASSERT_EQ(offsets.size(), 8000u);
  for (long t = 0; t < 8; ++t)
    for (long i = 0; i < 1000; ++i) ASSERT_TRUE(offsets.count(t * 100000 + i)) << t << " " << i;
  // Each thread is one tid, and each tid made the calls of one thread.
  EXPECT_EQ(by_thread.size(), 8u);
  for (const auto& [tid, threads] : by_thread) EXPECT_EQ(threads.size(), 1u) << tid;
  EXPECT_EQ(count_lines_with(trace, "+++ exited with 0 +++"), 9u);
}

TEST(ProcessModel, ExecFromNonLeaderThread) {
  RunResult r = run_command({xtrace_binary(), "-f", program("exec_in_thread")});
  ASSERT_FALSE(r.signaled);
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, "exec done\n");
  std::smatch m;
  ASSERT_TRUE(
      std::regex_search(r.err, m, std::regex(R"(\+\+\+ superseded by execve in pid (\d+) \+\+\+)")))
      << r.err;
  // The execve of /proc/self/exe is shown once, with its result.
  EXPECT_EQ(count_lines_with(r.err, "execve(\"/proc/self/exe\""), 1u) << r.err;
  std::size_t results = 0;
  for (const auto& line : lines_of(r.err))
    if (std::regex_search(
            line, std::regex(R"((<\.\.\. execve resumed>|execve\("/proc/self/exe".*)\) += 0$)")))
      ++results;
  EXPECT_EQ(results, 1u) << r.err;
  auto lines = lines_of(r.err);
  ASSERT_FALSE(lines.empty());
  EXPECT_EQ(lines.back(), "+++ exited with 0 +++");
}

TEST(ProcessModel, ProcessTreeThreeDeep) {
  TempDir dir;
  RunResult r = run_command({xtrace_binary(), "-f", "-o", dir / "t", program("process_tree"), "3"});
  ASSERT_FALSE(r.signaled);
  EXPECT_EQ(r.code, 3);
  std::string trace = read_file(dir / "t");
  std::set<std::string> pids;
  for (int depth = 1; depth <= 3; ++depth) {
    std::smatch m;
    ASSERT_TRUE(std::regex_search(
        trace, m,
        std::regex("\n(\\d+) +\\+\\+\\+ exited with " + std::to_string(depth) + " \\+\\+\\+")))
        << trace;
    pids.insert(m[1]);
  }
  EXPECT_EQ(pids.size(), 3u);
  EXPECT_EQ(count_lines_with(trace, " getpid("), 3u);  // whole, or split by another task
}

TEST(ProcessModel, SeparateFilesPerProcess) {
  TempDir dir;
  RunResult r =
      run_command({xtrace_binary(), "-ff", "-o", dir / "t", program("process_tree"), "3"});
  EXPECT_EQ(r.code, 3);
  std::vector<std::string> files;
  for (const auto& e : std::filesystem::directory_iterator(dir.path)) files.push_back(e.path());
  std::sort(files.begin(), files.end());
  ASSERT_EQ(files.size(), 3u);
  EXPECT_FALSE(std::filesystem::exists(dir / "t"));
  for (const auto& f : files) {
    std::string text = read_file(f);
    EXPECT_FALSE(contains(text, "[pid")) << f;
    EXPECT_FALSE(contains(text, "unfinished")) << f;
    EXPECT_EQ(count_lines_with(text, "+++ exited with"), 1u) << f;
    pid_t pid = std::stoi(f.substr(f.rfind('.') + 1));
    EXPECT_TRUE(contains(text, "getpid()                                = " + std::to_string(pid)))
        << text;
  }
  EXPECT_TRUE(contains(read_file(files[0]), "execve(")) << files[0];
}

TEST(ProcessModel, AttachThenSigintDetachesAndHelperKeepsRunning) {
  TempDir dir;
  Background helper = spawn({program("tick_loop"), "1", "20"}, dir / "ticks", dir / "helper.err");
  ASSERT_TRUE(wait_until([&] { return !ticks(dir / "ticks").empty(); }));
  Background tracer =
      spawn({xtrace_binary(), "-p", std::to_string(helper.pid)}, dir / "x.out", dir / "x.err");
  ASSERT_TRUE(wait_until([&] {
    return count_lines_with(read_file(dir / "x.err"), "write(1, \"tick") >= 3;
  })) << read_file(dir / "x.err");
  kill(tracer.pid, SIGINT);
  ASSERT_TRUE(wait_exit(tracer, 5000ms));
  EXPECT_TRUE(WIFSIGNALED(tracer.status) && WTERMSIG(tracer.status) == SIGINT) << tracer.status;
  std::string err = read_file(dir / "x.err");
  std::string pid = std::to_string(helper.pid);
  EXPECT_TRUE(contains(err, ": Process " + pid + " attached\n")) << err;
  EXPECT_TRUE(contains(err, ": Process " + pid + " detached\n")) << err;
  // Not stopped, and its output goes on.
  char state = state_of(helper.pid);
  EXPECT_TRUE(state == 'S' || state == 'R') << state;
  int before = ticks(dir / "ticks")[0];
  EXPECT_TRUE(wait_until([&] { return ticks(dir / "ticks")[0] >= before + 5; }, 2000ms));
  EXPECT_EQ(read_file(dir / "helper.err"), "");
  kill(helper.pid, SIGTERM);
  wait_exit(helper, 2000ms);
  EXPECT_TRUE(WIFSIGNALED(helper.status) && WTERMSIG(helper.status) == SIGTERM);
}

TEST(ProcessModel, FollowAttachToEveryThreadAndDetachAll) {
  TempDir dir;
  Background helper = spawn({program("tick_loop"), "4", "20"}, dir / "ticks", dir / "helper.err");
  ASSERT_TRUE(wait_until([&] { return ticks(dir / "ticks").size() == 4; }));
  Background tracer = spawn({xtrace_binary(), "-f", "-p", std::to_string(helper.pid)},
                            dir / "x.out", dir / "x.err");
  std::regex thread_line(R"(\[pid +(\d+)\] write\(1, "tick)");
  auto writers = [&] {
    std::set<std::string> tids;
    for (const auto& line : lines_of(read_file(dir / "x.err"))) {
      std::smatch m;
      if (std::regex_search(line, m, thread_line)) tids.insert(m[1]);
    }
    return tids.size();
  };
  ASSERT_TRUE(wait_until([&] { return writers() == 4; })) << read_file(dir / "x.err");
  kill(tracer.pid, SIGTERM);
  ASSERT_TRUE(wait_exit(tracer, 5000ms));
  EXPECT_TRUE(WIFSIGNALED(tracer.status) && WTERMSIG(tracer.status) == SIGTERM);
  std::string err = read_file(dir / "x.err");
  EXPECT_TRUE(
      contains(err, ": Process " + std::to_string(helper.pid) + " attached with 4 threads\n"))
      << err;
  EXPECT_EQ(count_lines_with(err, " detached"), 4u) << err;
  auto before = ticks(dir / "ticks");
  EXPECT_TRUE(wait_until(
      [&] {
        auto now = ticks(dir / "ticks");
        for (int t = 0; t < 4; ++t)
          if (now[t] < before[t] + 5) return false;
        return true;
      },
      2000ms));
  for (const auto& entry :
       std::filesystem::directory_iterator("/proc/" + std::to_string(helper.pid) + "/task")) {
    char state = state_of(std::stoi(entry.path().filename()));
    EXPECT_TRUE(state == 'S' || state == 'R') << entry.path() << " " << state;
  }
  kill(helper.pid, SIGKILL);
  wait_exit(helper, 2000ms);
}

TEST(ProcessModel, AttachErrors) {
  RunResult r = run_command({xtrace_binary(), "-p", "999999999"});
  EXPECT_EQ(r.code, 1);
  EXPECT_TRUE(contains(r.err, "attach: ptrace(PTRACE_SEIZE, 999999999): No such process")) << r.err;
  r = run_command({xtrace_binary(), "-p", "12x"});
  EXPECT_EQ(r.code, 1);
  EXPECT_EQ(r.err, kDiag + "Invalid process id: '12x'\n");
  r = run_command({xtrace_binary(), "--kill-on-exit", "-p", "1", "true"});
  EXPECT_EQ(r.code, 1);
  EXPECT_TRUE(contains(r.err, "--kill-on-exit and -p/--attach are mutually exclusive")) << r.err;
  r = run_command({xtrace_binary(), "-b", "clone", "true"});
  EXPECT_EQ(r.code, 1);
  EXPECT_TRUE(contains(r.err, "Syscall 'clone' for -b isn't supported")) << r.err;
  r = run_command({xtrace_binary(), "-I", "5", "true"});
  EXPECT_EQ(r.code, 1);
  EXPECT_TRUE(contains(r.err, "invalid -I argument: '5'")) << r.err;
  r = run_command({xtrace_binary(), "-DDDD", "true"});
  EXPECT_EQ(r.code, 1);
  r = run_command({xtrace_binary(), "-u", "no-such-user-xtrace", "true"});
  EXPECT_EQ(r.code, 1);
  EXPECT_TRUE(contains(r.err, "Cannot find user 'no-such-user-xtrace'")) << r.err;
}

// A process another xtrace traces: the second one's SEIZE fails with EPERM
// and, as strace 7.2, it names the tracer (TracerPid of /proc/PID/status).
TEST(ProcessModel, AttachToATracedProcessNamesItsTracer) {
  TempDir dir;
  Background first = spawn({xtrace_binary(), "-o", "/dev/null", program("tick_loop"), "1", "20"},
                           dir / "ticks", dir / "first.err");
  // The tick proves the command runs under the first xtrace, seized.
  ASSERT_TRUE(wait_until([&] { return ticks(dir / "ticks")[0] >= 1; }));
  pid_t child = traced_child_of(first.pid);
  ASSERT_GT(child, 0);
  std::string pid = std::to_string(child);
  RunResult r = run_command({xtrace_binary(), "-p", pid});
  EXPECT_EQ(r.code, 1);
  const std::string me = xtrace_binary() + ": ";  // once parsed, messages say argv[0]
  EXPECT_EQ(r.err, me + "attach: ptrace(PTRACE_SEIZE, " + pid + "): Operation not permitted\n" +
                       me + "Process " + pid + " is already being traced by pid " +
                       std::to_string(first.pid) + "\n");
  kill(child, SIGKILL);
  wait_exit(first, 5000ms);
}

TEST(ProcessModel, StopAndContinueFromOutside) {
  TempDir dir;
  // On stderr the trace is written as it happens (a -o file is buffered).
  Background tracer =
      spawn({xtrace_binary(), program("tick_loop"), "1", "20"}, dir / "ticks", dir / "t");
  ASSERT_TRUE(wait_until([&] { return ticks(dir / "ticks")[0] >= 2; }));
  pid_t child = traced_child_of(tracer.pid);
  ASSERT_GT(child, 0);
  kill(child, SIGSTOP);
  ASSERT_TRUE(wait_until([&] {
    return contains(read_file(dir / "t"), "--- stopped by SIGSTOP ---");
  })) << read_file(dir / "t");
  int stopped_at = ticks(dir / "ticks")[0];
  std::this_thread::sleep_for(100ms);
  EXPECT_EQ(ticks(dir / "ticks")[0], stopped_at);  // really stopped
  kill(child, SIGCONT);
  EXPECT_TRUE(wait_until([&] { return ticks(dir / "ticks")[0] >= stopped_at + 3; }));
  kill(child, SIGTERM);
  ASSERT_TRUE(wait_exit(tracer, 5000ms));
  EXPECT_TRUE(WIFSIGNALED(tracer.status) && WTERMSIG(tracer.status) == SIGTERM);
  std::string trace = read_file(dir / "t");
  EXPECT_TRUE(contains(trace, "--- SIGSTOP {si_signo=SIGSTOP, si_code=SI_USER, si_pid=")) << trace;
  EXPECT_TRUE(contains(trace, "--- SIGCONT {si_signo=SIGCONT, si_code=SI_USER, si_pid=")) << trace;
  EXPECT_TRUE(contains(trace, "+++ killed by SIGTERM +++")) << trace;
}

TEST(ProcessModel, KilledInsideASyscall) {
  TempDir dir;
  Background tracer =
      spawn({xtrace_binary(), program("wait_forever"), "read"}, dir / "out", dir / "t", true);
  ASSERT_TRUE(wait_until([&] { return contains(read_file(dir / "t"), "read(0"); }));
  pid_t child = traced_child_of(tracer.pid);
  ASSERT_GT(child, 0);
  kill(child, SIGKILL);
  ASSERT_TRUE(wait_exit(tracer, 5000ms));
  EXPECT_TRUE(WIFSIGNALED(tracer.status) && WTERMSIG(tracer.status) == SIGKILL);
  auto lines = lines_of(read_file(dir / "t"));
  ASSERT_GE(lines.size(), 2u);
  EXPECT_EQ(lines[lines.size() - 2], "read(0 <unfinished ...>)                = ?");
  EXPECT_EQ(lines.back(), "+++ killed by SIGKILL +++");
}

// strace -f output, per task: the pid prefix replaced by the task's rank of
// first appearance (everywhere the pid appears), <unfinished ...> and its
// <... resumed> joined into one line, the rest normalized.
std::map<int, std::vector<std::string>> per_task(const std::vector<std::string>& lines,
                                                 bool prefixed, const std::string& file_pid = "") {
  static const std::regex kPrefix(R"(^(\d+) +(.*)$)");
  std::map<std::string, int> rank;
  std::map<int, std::vector<std::string>> tasks;
  std::map<int, std::string> open;
  for (const auto& raw : lines) {
    std::string pid = file_pid, body = raw;
    std::smatch m;
    if (prefixed && std::regex_match(raw, m, kPrefix)) {
      pid = m[1];
      body = m[2];
    }
    if (!rank.count(pid)) rank.emplace(pid, static_cast<int>(rank.size()));
    int task = rank[pid];
    // Whether a child's SIGCHLD comes before or after its parent's wait4
    // (and what CPU time it reports) is a race under any tracer: on a
    // loaded machine strace and xtrace disagree run to run.
    if (body.starts_with("--- SIGCHLD ")) continue;
    const std::string unfinished = " <unfinished ...>";
    if (body.size() > unfinished.size() && body.ends_with(unfinished)) {
      open[task] = body.substr(0, body.size() - unfinished.size());
      continue;
    }
    static const std::regex kResumed(R"(^<\.\.\. \w+ resumed>(.*)$)");
    if (std::regex_match(body, m, kResumed) && open.count(task)) {
      body = open[task] + std::string(m[1]);
      open.erase(task);
    }
    tasks[task].push_back(body);
  }
  // Pids inside lines (clone's result, wait4's argument, si_pid) by rank.
  for (auto& [task, bodies] : tasks)
    for (auto& body : bodies) {
      for (const auto& [pid, r] : rank)
        if (!pid.empty())
          body =
              std::regex_replace(body, std::regex("\\b" + pid + "\\b"), "TASK" + std::to_string(r));
      body = normalize_line(body);
    }
  return tasks;
}

void expect_same_tasks(const std::map<int, std::vector<std::string>>& actual,
                       const std::map<int, std::vector<std::string>>& expected) {
  ASSERT_EQ(actual.size(), expected.size());
  for (const auto& [task, lines] : expected) {
    const auto& mine = actual.at(task);
    for (std::size_t i = 0; i < std::max(lines.size(), mine.size()); ++i) {
      std::string e = i < lines.size() ? lines[i] : "<none>";
      std::string a = i < mine.size() ? mine[i] : "<none>";
      ASSERT_EQ(a, e) << "task " << task << " line " << i + 1;
    }
  }
}

class CompareFollow : public ::testing::TestWithParam<std::vector<std::string>> {};

TEST_P(CompareFollow, SameAsStracePerTask) {
  std::string reference;
  if ((reference = reference_strace_7()).empty()) GTEST_SKIP() << "no strace 7.x to compare with";
  TempDir dir;
  std::vector<std::string> command{program(GetParam()[0])};
  command.insert(command.end(), GetParam().begin() + 1, GetParam().end());
  auto trace = [&](const std::string& tracer, const std::string& out) {
    std::vector<std::string> argv{tracer, "-f", "-o", out};
    argv.insert(argv.end(), command.begin(), command.end());
    RunResult r = run_command(argv);
    return std::make_pair(r, per_task(lines_of(read_file(out)), true));
  };
  auto [expected_run, expected] = trace(reference, dir / "strace");
  auto [actual_run, actual] = trace(xtrace_binary(), dir / "xtrace");
  EXPECT_EQ(actual_run.code, expected_run.code);
  expect_same_tasks(actual, expected);
}

INSTANTIATE_TEST_SUITE_P(Programs, CompareFollow,
                         // Not vfork: whether its SIGCHLD comes before the parent's
                         // wait4 is a race, under strace too.
                         ::testing::Values(std::vector<std::string>{"fork_wait"},
                                           std::vector<std::string>{"process_tree", "3"}));

TEST(ProcessModel, SeparateFilesSameAsStrace) {
  std::string reference;
  if ((reference = reference_strace_7()).empty()) GTEST_SKIP() << "no strace 7.x to compare with";
  auto files_of = [](const std::string& tracer, const std::string& dir) {
    std::filesystem::create_directory(dir);
    RunResult r = run_command({tracer, "-ff", "-o", dir + "/t", program("process_tree"), "3"});
    std::vector<std::pair<int, std::string>> files;  // by pid: the order of creation
    for (const auto& e : std::filesystem::directory_iterator(dir)) {
      std::string p = e.path();
      files.emplace_back(std::stoi(p.substr(p.rfind('.') + 1)), p);
    }
    std::sort(files.begin(), files.end());
    std::vector<std::string> all;  // concatenated in task order, each with its pid
    for (const auto& [pid, path] : files)
      for (const auto& line : lines_of(read_file(path)))
        all.push_back(std::to_string(pid) + " " + line);
    return std::make_pair(r.code, per_task(all, true));
  };
  TempDir dir;
  auto [expected_code, expected] = files_of(reference, dir / "strace");
  auto [actual_code, actual] = files_of(xtrace_binary(), dir / "xtrace");
  EXPECT_EQ(actual_code, expected_code);
  expect_same_tasks(actual, expected);
}

TEST(ProcessModel, AlwaysShowPidAndQuiet) {
  TempDir dir;
  RunResult r = run_command({xtrace_binary(), "--always-show-pid", program("hello")});
  EXPECT_EQ(r.code, 3);
  auto lines = lines_of(r.err);
  ASSERT_FALSE(lines.empty());
  EXPECT_TRUE(std::regex_match(lines.back(), std::regex(R"(\d+ +\+\+\+ exited with 3 \+\+\+)")))
      << lines.back();
  r = run_command({xtrace_binary(), "-qq", "-f", program("fork_wait")});
  EXPECT_FALSE(contains(r.err, "attached")) << r.err;
  EXPECT_FALSE(contains(r.err, "+++ exited with")) << r.err;
}

}  // namespace
}  // namespace xtrace::testing
