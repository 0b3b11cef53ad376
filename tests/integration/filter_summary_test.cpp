// Issue 6: -e trace=/status=, -z, -T, -c and its table, against exact
// lines and, where present, strace 7.2 on the same program.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>

#include <filesystem>
#include <map>
#include <regex>
#include <sstream>

#include "background.hpp"
#include "run_command.hpp"

namespace xtrace::testing {
namespace {

RunResult run_xtrace(std::vector<std::string> args) {
  args.insert(args.begin(), xtrace_binary());
  return run_command(args);
}

struct Row {
  std::string calls, errors;
};

// The syscall -> (calls, errors) of a default -c table; the shape is
// checked on the way.
std::map<std::string, Row> parse_table(const std::string& text) {
  std::map<std::string, Row> rows;
  auto lines = lines_of(text);
  auto header = std::find(lines.begin(), lines.end(),
                          "% time     seconds  usecs/call     calls    errors syscall");
  EXPECT_NE(header, lines.end()) << text;
  if (header == lines.end() || header + 1 == lines.end()) return rows;
  EXPECT_EQ(*(header + 1), "------ ----------- ----------- --------- --------- ----------------");
  const std::regex row(R"(^ *[0-9.]+ +[0-9]+\.[0-9]{6} +[0-9]+ +([0-9]+) ( {9}|[ 0-9]{9}) (\S+)$)");
  for (auto it = header + 2; it != lines.end(); ++it) {
    if (it->starts_with("------")) continue;
    std::smatch m;
    if (!std::regex_match(*it, m, row)) continue;
    std::string errors = m[2].str();
    errors.erase(0, errors.find_first_not_of(' '));
    rows[m[3].str()] = {m[1].str(), errors};
  }
  return rows;
}

TEST(Summary, CountsExactlyNCalls) {
  RunResult r = run_xtrace({"-c", program("getpid_n"), "37"});
  EXPECT_EQ(r.code, 0) << r.err;
  auto rows = parse_table(r.err);
  EXPECT_EQ(rows["getpid"].calls, "37") << r.err;
  EXPECT_EQ(rows["getpid"].errors, "");
  EXPECT_EQ(rows["close"].errors, "1") << r.err;
  // -c alone: no trace lines.
  EXPECT_EQ(r.err.find("getpid()"), std::string::npos) << r.err;
}

// As strace: nothing counted, nothing printed (not an empty table).
TEST(Summary, NothingCountedPrintsNothing) {
  for (const char* mode : {"-c", "-C"}) {
    RunResult r = run_xtrace({mode, "-e", "trace=chdir", program("getpid_n"), "1"});
    EXPECT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(r.err, mode == std::string("-c") ? "" : "+++ exited with 0 +++\n") << mode;
  }
}

// The seconds column comes from wait4's rusage at the entry and exit stops:
// 5000 calls cannot add up to nothing, on either path.
TEST(Summary, SecondsAreMeasured) {
  for (const char* path : {"--seccomp-bpf", "--no-seccomp-bpf"}) {
    RunResult r = run_xtrace({path, "-f", "-c", "-e", "trace=getpid", program("getpid_n"), "5000"});
    EXPECT_EQ(r.code, 0) << r.err;
    std::smatch m;
    ASSERT_TRUE(
        std::regex_search(r.err, m, std::regex(R"(\n100\.00 +([0-9.]+) +\d+ +5000 +getpid\n)")))
        << path << "\n"
        << r.err;
    EXPECT_GT(std::stod(m[1].str()), 0.0) << path << "\n" << r.err;
  }
}

TEST(Summary, FilteredAndWithTrace) {
  RunResult r = run_xtrace({"-C", "-e", "trace=getpid", program("getpid_n"), "3"});
  auto lines = lines_of(r.err);
  EXPECT_EQ(std::count_if(lines.begin(), lines.end(),
                          [](const std::string& l) { return l.starts_with("getpid() "); }),
            3)
      << r.err;
  auto rows = parse_table(r.err);
  EXPECT_EQ(rows.size(), 2u) << r.err;  // getpid and total
  EXPECT_EQ(rows["total"].calls, "3");
}

TEST(Summary, PercentileColumns) {
  RunResult r = run_xtrace(
      {"-c", "-U", "name,calls,p50,p99,max-time", "-S", "calls", program("getpid_n"), "50"});
  auto lines = lines_of(r.err);
  ASSERT_GE(lines.size(), 3u) << r.err;
  EXPECT_EQ(lines[0], "syscall              calls      p50      p99  longest");
  // Sorted by calls: getpid's 50 come first.
  EXPECT_TRUE(std::regex_match(lines[2], std::regex(R"(getpid +50 [0-9.]{8} [0-9.]{8} [0-9.]{8})")))
      << r.err;
}

TEST(Summary, CallsAndErrorsMatchStrace) {
  std::string strace = reference_strace();
  if (strace.empty()) GTEST_SKIP() << "no reference strace";
  std::vector<std::string> cmd{"ls", "-la", "/usr/bin"};
  std::vector<std::string> ours{xtrace_binary(), "-c"}, theirs{strace, "-c"};
  ours.insert(ours.end(), cmd.begin(), cmd.end());
  theirs.insert(theirs.end(), cmd.begin(), cmd.end());
  auto a = parse_table(run_command(ours).err);
  auto b = parse_table(run_command(theirs).err);
  ASSERT_FALSE(b.empty());
  ASSERT_EQ(a.size(), b.size());
  for (const auto& [name, row] : b) {
    EXPECT_EQ(a[name].calls, row.calls) << name;
    EXPECT_EQ(a[name].errors, row.errors) << name;
  }
}

// Ctrl-C on "xtrace -c -p PID": the table is still printed (as strace
// does), after the detach, and xtrace dies of the SIGINT.
TEST(Summary, PrintedWhenSigintEndsAttach) {
  std::string dir = make_temp_dir();
  Background helper = spawn({program("tick_loop"), "1", "20"}, dir + "/ticks", dir + "/h.err");
  ASSERT_TRUE(wait_until([&] { return !read_file(dir + "/ticks").empty(); }));
  Background tracer = spawn({xtrace_binary(), "-c", "-p", std::to_string(helper.pid)},
                            dir + "/x.out", dir + "/x.err");
  // The attach note is printed at the first stop: tracing has begun.
  ASSERT_TRUE(
      wait_until([&] { return read_file(dir + "/x.err").find("attached") != std::string::npos; }));
  std::size_t ticks_before = read_file(dir + "/ticks").size();
  ASSERT_TRUE(wait_until([&] { return read_file(dir + "/ticks").size() > ticks_before + 40; }));
  kill(tracer.pid, SIGINT);
  EXPECT_TRUE(wait_exit(tracer, std::chrono::milliseconds(5000)));
  EXPECT_TRUE(WIFSIGNALED(tracer.status) && WTERMSIG(tracer.status) == SIGINT) << tracer.status;
  std::string err = read_file(dir + "/x.err");
  EXPECT_NE(err.find("Process " + std::to_string(helper.pid) + " detached\n% time"),
            std::string::npos)
      << err;
  auto rows = parse_table(err);
  EXPECT_GE(std::stoi(rows["write"].calls), 2) << err;
  EXPECT_GE(std::stoi(rows["total"].calls), 4) << err;
  kill(helper.pid, SIGTERM);
  wait_exit(helper, std::chrono::milliseconds(2000));
  std::filesystem::remove_all(dir);
}

TEST(Filter, TraceSetAndStatus) {
  RunResult r = run_xtrace({"-e", "trace=close,getpid", "-Z", program("getpid_n"), "2"});
  EXPECT_EQ(r.err,
            "close(-1)                               = -1 EBADF (Bad file descriptor)\n"
            "+++ exited with 0 +++\n");
  r = run_xtrace({"-e", "trace=!all", program("getpid_n"), "2"});
  EXPECT_EQ(r.err, "+++ exited with 0 +++\n");
  r = run_xtrace({"-e", "getpid", "-T", program("getpid_n"), "1"});
  EXPECT_TRUE(std::regex_search(r.err, std::regex(R"(getpid\(\) += [0-9]+ <0\.[0-9]{6}>\n)")))
      << r.err;
}

TEST(Filter, BadExpressionsFailBeforeRunning) {
  for (auto [args, message] : std::vector<std::pair<std::vector<std::string>, std::string>>{
           {{"-e", "trace=opn"}, "invalid system call 'opn'"},
           {{"-e", "tarce=open"}, "invalid system call 'tarce=open'"},
           {{"-e", "status=foo"}, "invalid status 'foo'"},
           {{"-e", "signal=SIGFOO"}, "invalid signal 'SIGFOO'"},
           {{"-c", "-S", "foo"}, with_help("invalid sortby: 'foo'")},
           {{"-c", "-U", "foo"}, with_help("unknown column name: 'foo'")},
           {{"-c", "-C"}, with_help("-c/--summary-only and -C/--summary are mutually exclusive")},
           {{"--syscall-times=foo"}, with_help("invalid --syscall-times argument: 'foo'")},
       }) {
    args.insert(args.begin(), xtrace_binary());
    args.push_back(program("hello"));
    RunResult r = run_command(args);
    EXPECT_EQ(r.code, 1) << message;
    EXPECT_EQ(r.out, "") << message;  // hello never ran
    EXPECT_EQ(r.err, kDiag + message + "\n");
  }
  // Found once the command line is read: under argv[0], as strace.
  RunResult r = run_command({xtrace_binary(), "-o", "/nonexistent/dir/out", program("hello")});
  EXPECT_EQ(r.code, 1);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err,
            xtrace_binary() + ": Can't fopen '/nonexistent/dir/out': No such file or directory\n");
}

TEST(Output, PipeAndAppend) {
  std::string dir = make_temp_dir();
  std::string file = dir + "/out";
  run_command({xtrace_binary(), "-Z", "-e", "trace=close", "-o", "|cat > " + file,
               program("getpid_n"), "0"});
  EXPECT_EQ(read_file(file),
            "close(-1)                               = -1 EBADF (Bad file descriptor)\n"
            "+++ exited with 0 +++\n");
  run_command(
      {xtrace_binary(), "-A", "-Z", "-e", "trace=close", "-o", file, program("getpid_n"), "0"});
  EXPECT_EQ(lines_of(read_file(file)).size(), 4u);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace xtrace::testing
