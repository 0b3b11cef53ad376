// -Y and --decode-pids=pidns on a real tracee (tests/programs/pid_calls):
// the exact lines, nothing added without them, and the same per-task trace
// as strace 7.2, also across a pid namespace made by unshare.
#include <gtest/gtest.h>

#include <cctype>
#include <filesystem>
#include <map>
#include <regex>
#include <set>

#include "run_command.hpp"
#include "strace_compare.hpp"
#include "strace_output.hpp"

namespace xtrace::testing {
namespace {

// The calls of pid_calls whose arguments or results are pids (not
// getppid: its result is the tracer, which differs from strace's).
const char* const kPidCalls =
    "trace=getpid,gettid,getpgid,getsid,setpgid,tgkill,tkill,kill,prlimit64,pidfd_open,fcntl,"
    "getpriority,wait4,waitid,clone";

struct Dir {
  std::string path = make_temp_dir();
  ~Dir() { std::filesystem::remove_all(path); }
  std::string operator/(const std::string& name) const { return path + "/" + name; }
};

// "self=S first=F second=C" as pid_calls prints it.
std::map<std::string, std::string> printed_pids(const std::string& out) {
  static const std::regex kPair(R"((\w+)=(\d+))");
  std::map<std::string, std::string> pids;
  for (std::sregex_iterator it(out.begin(), out.end(), kPair), end; it != end; ++it)
    pids[(*it)[1]] = (*it)[2];
  return pids;
}

// The lines of `-f -o FILE` by task pid (the prefix, without -Y's comm),
// each with its result padding collapsed and a call split by other tasks
// joined again.
std::map<std::string, std::vector<std::string>> by_task(const std::string& text) {
  static const std::regex kLine(R"(^(\d+)(<[^>]*>)? +(.*)$)");
  static const std::regex kResumed(R"(^<\.\.\. \w+ resumed>(.*)$)");
  static const std::regex kPadding(R"(\) +=( |$))");
  const std::string unfinished = " <unfinished ...>";
  std::map<std::string, std::vector<std::string>> tasks;
  std::map<std::string, std::string> open;
  for (const auto& line : lines_of(text)) {
    std::smatch m;
    if (!std::regex_match(line, m, kLine)) continue;
    std::string pid = m[1], body = m[3];
    if (body.ends_with(unfinished)) {
      open[pid] = body.substr(0, body.size() - unfinished.size());
      continue;
    }
    if (std::regex_match(body, m, kResumed) && open.count(pid)) {
      body = open[pid] + std::string(m[1]);
      open.erase(pid);
    }
    tasks[pid].push_back(std::regex_replace(body, kPadding, ") =$1"));
  }
  return tasks;
}

bool has_line(const std::vector<std::string>& lines, const std::string& line) {
  return std::find(lines.begin(), lines.end(), line) != lines.end();
}

std::string joined(const std::vector<std::string>& lines) {
  std::string all;
  for (const auto& l : lines) all += l + "\n";
  return all;
}

TEST(PidDecoding, DashYNamesEveryPidOfATask) {
  Dir dir;
  RunResult r = run_command({xtrace_binary(), "-f", "-Y", "-o", dir / "t", "-e",
                             "trace=%process,getpid,getppid,gettid,"
                             "getpgid,getsid,setpgid,tgkill,tkill,"
                             "prlimit64,sched_getscheduler,pidfd_"
                             "open,fcntl,getpriority",
                             program("pid_calls")});
  ASSERT_EQ(r.code, 0) << r.err;
  auto pids = printed_pids(r.out);
  const std::string s = pids["self"], f = pids["first"], c = pids["second"];
  ASSERT_FALSE(s.empty()) << r.out;
  std::string text = read_file(dir / "t");
  auto tasks = by_task(text);
  const auto& main = tasks[s];
  const std::string me = s + "<pid_calls>";
  for (const std::string& expected : {
           "getpid() = " + me,
           "gettid() = " + me,
           "getpgid(" + me + ") = " + "PGID",
           "tgkill(" + me + ", " + me + ", 0) = 0",
           "tkill(" + me + ", 0) = 0",
           "kill(" + me + ", 0) = 0",
           "sched_getscheduler(" + me + ") = 0 (SCHED_OTHER)",
           "fcntl(1, F_SETOWN, " + me + ") = 0",
           "fcntl(1, F_GETOWN) = " + me,
           "kill(" + f + "<pid_calls>, SIGTERM) = 0",
           // The child is reaped when the result prints: no name left.
           "wait4(" + f +
               "<pid_calls>, [{WIFSIGNALED(s) && WTERMSIG(s) == SIGTERM}], 0, NULL) = " + f,
       }) {
    if (expected.ends_with("PGID")) {
      // A process group gets no name.
      std::regex group("getpgid\\(" + s + "<pid_calls>\\) = \\d+");
      EXPECT_TRUE(std::any_of(main.begin(), main.end(), [&](const std::string& l) {
        return std::regex_match(l, group);
      })) << joined(main);
      continue;
    }
    EXPECT_TRUE(has_line(main, expected)) << expected << "\n" << joined(main);
  }
  EXPECT_TRUE(std::any_of(main.begin(), main.end(), [&](const std::string& l) {
    return l.starts_with("getpriority(PRIO_PROCESS, " + me + ") = ");
  })) << joined(main);
  EXPECT_TRUE(std::any_of(main.begin(), main.end(), [&](const std::string& l) {
    return l.starts_with("clone(") && l.ends_with(" = " + f + "<pid_calls>");
  })) << joined(main);
  EXPECT_TRUE(std::any_of(main.begin(), main.end(), [&](const std::string& l) {
    return l.starts_with("waitid(P_PID, " + c + "<pid_calls>, {si_signo=SIGCHLD");
  })) << joined(main);
  EXPECT_TRUE(std::any_of(main.begin(), main.end(), [&](const std::string& l) {
    return std::regex_match(l, std::regex(R"(getppid\(\) = \d+<xtrace>)"));
  })) << joined(main);
  EXPECT_TRUE(has_line(
      tasks[f], "--- SIGTERM {si_signo=SIGTERM, si_code=SI_USER, si_pid=" + me + ", si_uid=0} ---"))
      << joined(tasks[f]);
  // The line prefix names the task too.
  EXPECT_NE(text.find("\n" + me + " getpid()"), std::string::npos) << text;
}

TEST(PidDecoding, NothingAddedWithoutDashY) {
  Dir dir;
  RunResult r = run_command({xtrace_binary(), "-f", "-o", dir / "t", program("pid_calls")});
  ASSERT_EQ(r.code, 0) << r.err;
  std::string text = read_file(dir / "t");
  EXPECT_EQ(text.find("<pid_calls>"), std::string::npos) << text;
  EXPECT_EQ(text.find("PID NS"), std::string::npos) << text;
  const std::string s = printed_pids(r.out)["self"];
  auto main = by_task(text)[s];
  EXPECT_TRUE(has_line(main, "getpid() = " + s)) << joined(main);
  EXPECT_TRUE(has_line(main, "kill(" + s + ", 0) = 0")) << joined(main);
}

bool can_unshare_pid() {
  RunResult r = run_command({"/usr/bin/unshare", "--pid", "--fork", "--mount-proc", "true"});
  return !r.signaled && r.code == 0;
}

std::vector<std::string> in_new_pid_ns(const std::vector<std::string>& tracer_args) {
  std::vector<std::string> argv = tracer_args;
  for (const char* a : {"/usr/bin/unshare", "--pid", "--fork", "--mount-proc"}) argv.push_back(a);
  argv.push_back(program("pid_calls"));
  return argv;
}

TEST(PidDecoding, PidnsShowsXtracesNumbers) {
  if (!can_unshare_pid()) GTEST_SKIP() << "unshare --pid is not permitted here";
  Dir dir;
  RunResult r =
      run_command(in_new_pid_ns({xtrace_binary(), "-f", "--decode-pids=pidns", "-o", dir / "t"}));
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, "self=1 first=2 second=3\n");
  auto tasks = by_task(read_file(dir / "t"));
  // The tracee is the task whose getpid() says 1.
  static const std::regex kGetpid(R"(getpid\(\) = 1 /\* (\d+) in strace's PID NS \*/)");
  std::string t, f;
  for (const auto& [pid, lines] : tasks)
    for (const auto& l : lines) {
      std::smatch m;
      if (std::regex_match(l, m, kGetpid)) t = m[1];
      if (std::regex_match(l, m, std::regex(R"(clone\(.* = 2 /\* (\d+) in strace's PID NS \*/)")))
        f = m[1];
    }
  ASSERT_FALSE(t.empty()) << read_file(dir / "t");
  ASSERT_FALSE(f.empty()) << read_file(dir / "t");
  const auto& main = tasks[t];
  const std::string one = "1 /* " + t + " in strace's PID NS */";
  for (const std::string& expected : std::vector<std::string>{
           "getppid() = 0",
           "getpgid(0) = 0",
           "getpgid(" + one + ") = 0",
           "getsid(" + one + ") = 0",
           "tgkill(" + one + ", " + one + ", 0) = 0",
           "kill(" + one + ", 0) = 0",
           "fcntl(1, F_GETOWN) = " + one,
           "kill(2 /* " + f + " in strace's PID NS */, SIGTERM) = 0",
       })
    EXPECT_TRUE(has_line(main, expected)) << expected << "\n" << joined(main);
  EXPECT_TRUE(has_line(tasks[f], "--- SIGTERM {si_signo=SIGTERM, si_code=SI_USER, si_pid=" + one +
                                     ", si_uid=0} ---"))
      << joined(tasks[f]);
}

// --- the same as strace 7.2 -------------------------------------------------

// `text` with each whole-number `pid` replaced by `name`, except where the
// number is a limit (rlim_cur=, rlim_max=, 8192*1024): a task's pid may
// happen to equal one.
std::string replace_pid(const std::string& text, const std::string& pid, const std::string& name) {
  auto digit = [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; };
  std::string out;
  std::size_t from = 0;
  for (std::size_t at = text.find(pid); at != std::string::npos; at = text.find(pid, at + 1)) {
    std::size_t end = at + pid.size();
    if ((at > 0 && digit(text[at - 1])) || (end < text.size() && digit(text[end]))) continue;
    std::string before = text.substr(0, at);
    bool limit = (at > 0 && text[at - 1] == '*') || (end < text.size() && text[end] == '*') ||
                 before.ends_with("rlim_cur=") || before.ends_with("rlim_max=");
    if (limit) continue;
    out += text.substr(from, at - from) + name;
    from = end;
  }
  return out + text.substr(from);
}

// by_task with the pids of the tasks replaced by their rank of first
// appearance, wherever they appear, and run-dependent values normalized.
std::vector<std::vector<std::string>> comparable(const std::string& text) {
  std::vector<std::pair<std::size_t, std::string>> order;  // first line index, pid
  std::map<std::string, std::size_t> first;
  std::size_t n = 0;
  for (const auto& line : lines_of(text)) {
    std::string pid = line.substr(0, line.find_first_of(" <"));
    if (!first.count(pid)) first[pid] = n;
    ++n;
  }
  for (const auto& [pid, at] : first) order.emplace_back(at, pid);
  std::sort(order.begin(), order.end());
  auto tasks = by_task(text);
  std::vector<std::vector<std::string>> out;
  for (const auto& [at, pid] : order) {
    std::vector<std::string> lines;
    for (auto body : tasks[pid]) {
      for (std::size_t r = 0; r < order.size(); ++r)
        body = replace_pid(body, order[r].second, "TASK" + std::to_string(r));
      // Whether a child's SIGCHLD comes before or after the parent's wait
      // returns (and so whether the child is still there to be named) is a
      // race, under strace too; the child's SIGTERM shows si_pid.
      if (body.starts_with("--- SIGCHLD ")) continue;
      // unshare's child is named by its comm before or after its exec of
      // pid_calls, as the tracer happens to catch it: a race, under strace too.
      body = std::regex_replace(body, std::regex("TASK1<unshare>"), "TASK1<pid_calls>");
      lines.push_back(std::regex_replace(body, std::regex(R"(0x[0-9a-f]+)"), "0xADDR"));
    }
    out.push_back(lines);
  }
  return out;
}

void expect_same(const std::string& actual, const std::string& expected) {
  auto a = comparable(actual);
  auto e = comparable(expected);
  ASSERT_EQ(a.size(), e.size()) << actual << "\n---\n" << expected;
  for (std::size_t t = 0; t < e.size(); ++t)
    for (std::size_t i = 0; i < std::max(a[t].size(), e[t].size()); ++i)
      ASSERT_EQ(i < a[t].size() ? a[t][i] : "<none>", i < e[t].size() ? e[t][i] : "<none>")
          << "task " << t << " line " << i + 1;
}

struct Comparison {
  std::vector<std::string> options;
  bool new_pid_ns;
};

class CompareWithStrace : public ::testing::TestWithParam<Comparison> {};

TEST_P(CompareWithStrace, SameLines) {
  std::string reference;
  if ((reference = reference_strace_7()).empty()) GTEST_SKIP() << "no strace 7.x to compare with";
  if (GetParam().new_pid_ns && !can_unshare_pid())
    GTEST_SKIP() << "unshare --pid is not permitted here";
  Dir dir;
  auto trace = [&](const std::string& tracer, const std::string& out) {
    std::vector<std::string> argv{tracer, "-f", "-o", out, "-e", kPidCalls};
    // strace runs its slow path here, and so must xtrace (its fast path is
    // the default with -f -e trace=): -Y names a task by its comm when the
    // call is decoded, and how far a child got by then (before or after its
    // exec) depends on how fast the tracer lets it run.
    if (tracer == xtrace_binary()) argv.insert(argv.begin() + 1, "--no-seccomp-bpf");
    argv.insert(argv.end(), GetParam().options.begin(), GetParam().options.end());
    if (GetParam().new_pid_ns) {
      argv = in_new_pid_ns(argv);
    } else {
      argv.push_back(program("pid_calls"));
    }
    RunResult r = run_command(argv);
    EXPECT_EQ(r.code, 0) << tracer << ": " << r.err;
    return read_file(out);
  };
  std::string expected = trace(reference, dir / "strace");
  std::string actual = trace(xtrace_binary(), dir / "xtrace");
  expect_same(actual, expected);
}

INSTANTIATE_TEST_SUITE_P(Options, CompareWithStrace,
                         ::testing::Values(Comparison{{}, false}, Comparison{{"-Y"}, false},
                                           Comparison{{"--decode-pids=comm,pidns"}, false},
                                           Comparison{{"--decode-pids=pidns"}, true},
                                           Comparison{{"-Y"}, true},
                                           Comparison{{"--decode-pids=all"}, true},
                                           Comparison{{"-Y", "--decode-pids=pidns"}, true},
                                           Comparison{{"--decode-pids=pidns", "-Y"}, true}),
                         // The options and where the tracee lives, as the test's name.
                         [](const ::testing::TestParamInfo<Comparison>& info) {
                           std::string name = info.param.new_pid_ns ? "NewPidNs" : "SamePidNs";
                           for (const auto& o : info.param.options)
                             for (char ch : o)
                               name += std::isalnum(static_cast<unsigned char>(ch)) ? ch : '_';
                           return name;
                         });

}  // namespace
}  // namespace xtrace::testing
