// x32 calls of a 64-bit process (bit 30 set in the number,
// tests/programs/x32_calls.c) under the real xtrace: named from the x32
// view of syscall_64.tbl, announced with strace's personality lines,
// pointers above 4 GiB printed rather than read, native-only rows printed
// raw as NAME#64, selected by name, class and NAME#64 (with and without the
// seccomp-bpf fast path), counted in a -c table of their own, and the same
// as strace 7.2 prints them.  Kernels that leave x32 off fail each call
// with ENOSYS after the tracer has seen it; where x32 runs, the results
// differ and only the calls are compared.
#include <gtest/gtest.h>

#include <filesystem>
#include <regex>

#include <nlohmann/json.hpp>

#include "json_schema.hpp"
#include "run_command.hpp"
#include "strace_compare.hpp"

namespace xtrace::testing {
namespace {

#if defined(__x86_64__)

const std::string kEnosys = " = -1 ENOSYS (Function not implemented)";

// The trace written with -o (and -e quiet=attach, which keeps the
// personality lines), each line's result padding collapsed, the pid prefix
// that -f -o puts on every line dropped, the tracee's
// pid named PID and the address above 4 GiB named HIGH.  Where x32 runs,
// each x32 call's result is made the ENOSYS one, so that the calls compare.
std::vector<std::string> traced(const std::vector<std::string>& args, RunResult* result) {
  std::string dir = make_temp_dir();
  std::string out = dir + "/trace";
  std::vector<std::string> argv{xtrace_binary(), "-o", out, "-e", "quiet=attach"};
  argv.insert(argv.end(), args.begin(), args.end());
  argv.push_back(program("x32_calls"));
  *result = run_command(argv);
  std::vector<std::string> lines = lines_of(read_file(out));
  std::filesystem::remove_all(dir);
  bool x32_runs = result->err.find("x32 calls: run") != std::string::npos;
  static const std::regex padding(R"(\) +=( |$))");
  static const std::regex prefix(R"(^\d+ +)");
  static const std::regex pid(R"(PID=\d+)");
  static const std::regex high(R"(0x[0-9a-f]{9,})");
  static const std::regex x32_result(R"(\) = .*$)");
  static const std::string enosys_result = ")" + kEnosys;
  bool in_x32 = false;
  for (auto& l : lines) {
    l = std::regex_replace(l, padding, ") =$1");
    l = std::regex_replace(l, prefix, "");
    l = std::regex_replace(l, pid, "PID");
    l = std::regex_replace(l, high, "HIGH");
    if (l.starts_with("[ Process")) in_x32 = l.find("x32 mode") != std::string::npos;
    if (in_x32 && x32_runs) l = std::regex_replace(l, x32_result, enosys_result);
  }
  return lines;
}

TEST(X32Calls, DecodedWithTheX32TableAndAnnounced) {
  RunResult r;
  auto lines = traced({"-e", "trace=write,openat,getpid,%signal,pwritev2"}, &r);
  EXPECT_EQ(r.code, 0) << r.err;
  std::vector<std::string> expected{
      "[ Process PID runs in x32 mode. ]",
      "write(1, HIGH, 4)" + kEnosys,
      "write(1, \"x32\\n\", 4)" + kEnosys,
      "openat(AT_FDCWD, \"/nonexistent/x32\", O_RDONLY)" + kEnosys,
      "getpid()" + kEnosys,
      "rt_sigaction(SIGINT, NULL, NULL, 8)" + kEnosys,
      "rt_sigaction#64(0x2, 0, 0, 0x8)" + kEnosys,
      "pwritev2(0, NULL, 0, 0, 0)" + kEnosys,
      "syscall_0x40000224(0x1, 0x2, 0x3, 0x4, 0x5, 0x6)" + kEnosys,
      "[ Process PID runs in 64 bit mode. ]",
  };
  ASSERT_GE(lines.size(), expected.size() + 3) << r.err;
  auto first = std::find(lines.begin(), lines.end(), expected.front());
  ASSERT_NE(first, lines.end()) << r.err;
  std::vector<std::string> x32(first, first + static_cast<std::ptrdiff_t>(expected.size()));
  EXPECT_EQ(x32, expected);
  EXPECT_EQ(lines.back(), "+++ exited with 0 +++");
}

// The calls of the x32 part of the trace a filter keeps: their names.
std::vector<std::string> x32_names(const std::vector<std::string>& args) {
  RunResult r;
  auto lines = traced(args, &r);
  EXPECT_EQ(r.code, 0) << r.err;
  std::vector<std::string> names;
  bool in_x32 = false;
  for (const auto& l : lines) {
    if (l.starts_with("[ Process")) in_x32 = l.find("x32 mode") != std::string::npos;
    // With seccomp-bpf no native call stops after them, so no line says
    // "64 bit mode" before the exit's.
    if (in_x32 && !l.starts_with("[") && !l.starts_with("+++"))
      names.push_back(l.substr(0, l.find('(')));
  }
  return names;
}

// As strace: NAME selects x32's own row, never the native-only one, which
// only its class, a regex or NAME#64 select; a number no table names is
// always shown.
void expect_filters(const std::vector<std::string>& extra) {
  auto with = [&](const std::string& spec) {
    std::vector<std::string> args = extra;
    args.insert(args.end(), {"-e", "trace=" + spec});
    return x32_names(args);
  };
  using V = std::vector<std::string>;
  EXPECT_EQ(with("rt_sigaction"), (V{"rt_sigaction", "syscall_0x40000224"}));
  EXPECT_EQ(with("%signal"), (V{"rt_sigaction", "rt_sigaction#64", "syscall_0x40000224"}));
  EXPECT_EQ(with("rt_sigaction#64"), (V{"rt_sigaction#64", "syscall_0x40000224"}));
  EXPECT_EQ(with("13@x32"), (V{"rt_sigaction#64", "syscall_0x40000224"}));
  EXPECT_EQ(with("/sigaction$"), (V{"rt_sigaction", "syscall_0x40000224"}));
  EXPECT_EQ(with("write,getpid@x32"), (V{"write", "write", "getpid", "syscall_0x40000224"}));
  EXPECT_EQ(with("!rt_sigaction"), (V{"write", "write", "openat", "getpid", "rt_sigaction#64",
                                      "pwritev2", "syscall_0x40000224"}));
}

TEST(X32Calls, FilterWithoutSeccomp) {
  expect_filters({"--no-seccomp-bpf"});
}

TEST(X32Calls, FilterWithSeccomp) {
  expect_filters({"-f", "--seccomp-bpf"});
}

TEST(X32Calls, SummaryHasAnX32Table) {
  RunResult r;
  auto lines = traced({"-c", "-e", "trace=write,rt_sigaction,%signal"}, &r);
  EXPECT_EQ(r.code, 0) << r.err;
  auto title = std::find(lines.begin(), lines.end(), "System call usage summary for x32 mode:");
  ASSERT_NE(title, lines.end()) << r.err;
  auto row = [&](auto from, auto to, const std::string& name) {
    return std::find_if(from, to, [&](const std::string& l) { return l.ends_with(" " + name); });
  };
  // Native: the report's write; x32: two writes, both rt_sigactions.
  EXPECT_NE(row(lines.begin(), title, "write"), title);
  auto w = row(title, lines.end(), "write");
  ASSERT_NE(w, lines.end());
  EXPECT_NE(w->find(" 2 "), std::string::npos) << *w;
  EXPECT_NE(row(title, lines.end(), "rt_sigaction"), lines.end());
  EXPECT_NE(row(title, lines.end(), "rt_sigaction#64"), lines.end());
}

// --json: the x32 calls say so in "arch", keep the bit in "nr", and hold
// to the schema.
TEST(X32Calls, JsonLinesNameTheArch) {
  std::string dir = make_temp_dir();
  std::string out = dir + "/trace.json";
  RunResult r = run_command(
      {xtrace_binary(), "--json", "-o", out, "-e", "trace=%signal", program("x32_calls")});
  EXPECT_EQ(r.code, 0) << r.err;
  std::vector<std::string> lines = lines_of(read_file(out));
  std::filesystem::remove_all(dir);
  static const JsonSchema schema = JsonSchema::load_project_schema();
  std::vector<std::string> x32_calls;
  for (const auto& line : lines) {
    nlohmann::json j = nlohmann::json::parse(line);
    EXPECT_EQ(schema.check(j), "") << line;
    if (j.value("arch", "") != "x32") continue;
    x32_calls.push_back(j["syscall"].get<std::string>() + " " +
                        std::to_string(j["nr"].get<long>()));
  }
  std::vector<std::string> expected{"rt_sigaction 1073742336", "rt_sigaction#64 1073741837",
                                    "syscall_0x40000224 1073742372"};
  EXPECT_EQ(x32_calls, expected);
}

TEST(X32Calls, SameAsStrace) {
  if (reference_strace_7().empty()) GTEST_SKIP() << "no strace 7.x to compare with";
  expect_same_trace({program("x32_calls")});
  expect_same_trace({program("x32_calls")}, {"-e", "quiet=attach"});
  expect_same_trace({program("x32_calls")}, {"-e", "quiet=attach", "-e", "trace=%signal,write"});
}

#endif

}  // namespace
}  // namespace xtrace::testing
