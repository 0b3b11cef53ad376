// --json, -c --json and --timeline on real tracees: every line parses and
// holds to doc/xtrace-json.schema.json, and the values are the typed ones.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "json_schema.hpp"
#include "run_command.hpp"

namespace xtrace::testing {
namespace {

using nlohmann::json;

RunResult run_xtrace(std::vector<std::string> args) {
  args.insert(args.begin(), xtrace_binary());
  return run_command(args);
}

// Every line of a --json trace, each checked against the schema.
std::vector<json> json_lines(const std::string& text) {
  static const JsonSchema schema = JsonSchema::load_project_schema();
  std::vector<json> events;
  for (const std::string& line : lines_of(text)) {
    json j = json::parse(line, nullptr, false);
    EXPECT_FALSE(j.is_discarded()) << "not JSON: " << line;
    if (j.is_discarded()) continue;
    EXPECT_EQ(schema.check(j), "") << line;
    events.push_back(std::move(j));
  }
  return events;
}

std::vector<json> calls_named(const std::vector<json>& events, const std::string& name) {
  std::vector<json> out;
  for (const json& e : events)
    if (e["type"] == "syscall" && e["syscall"] == name) out.push_back(e);
  return out;
}

// The corpus programs: whatever they call, each line is valid.
class JsonCorpus : public ::testing::TestWithParam<const char*> {};

// To a file: xtrace's own messages ("Process N attached") stay on stderr.
TEST_P(JsonCorpus, EveryLineValidates) {
  std::string dir = make_temp_dir();
  RunResult r = run_xtrace({"--json", "-f", "-o", dir + "/trace.json", program(GetParam())});
  EXPECT_FALSE(r.signaled);
  std::vector<json> events = json_lines(read_file(dir + "/trace.json"));
  std::filesystem::remove_all(dir);
  ASSERT_FALSE(events.empty());
  EXPECT_EQ(events.front()["type"], "start");
  EXPECT_EQ(events.back()["type"], "exit");
}

INSTANTIATE_TEST_SUITE_P(Programs, JsonCorpus,
                         ::testing::Values("file_io", "decode_files", "decode_sockets",
                                           "decode_signals", "decode_time", "decode_polling",
                                           "fork_wait", "thread_calls", "unix_sockets", "pid_calls",
                                           "json_bytes"));

TEST(JsonOutput, OpenHasTypedPathFlagsAndFd) {
  RunResult r = run_xtrace({"--json", "-e", "trace=openat,write,close", program("json_bytes")});
  ASSERT_EQ(r.code, 0) << r.err;
  std::vector<json> events = json_lines(r.err);
  std::vector<json> opens = calls_named(events, "openat");
  ASSERT_FALSE(opens.empty());
  const json& open = opens.back();
  EXPECT_EQ(open["args"][0]["value"], (json{{"value", -100}, {"name", "AT_FDCWD"}}));
  EXPECT_EQ(open["args"][1]["value"], (json{{"str", "/dev/null"}}));
  EXPECT_EQ(open["args"][2]["value"]["flags"], (json{"O_WRONLY"}));
  EXPECT_EQ(open["classes"], (json{"file", "desc"}));
#if defined(__aarch64__)
  EXPECT_EQ(open["arch"], "aarch64");
#else
  EXPECT_EQ(open["arch"], "x86_64");
#endif
  int fd = open["ret"];
  EXPECT_GE(fd, 0);
  std::vector<json> closes = calls_named(events, "close");
  ASSERT_FALSE(closes.empty());
  EXPECT_EQ(closes.back()["args"][0]["value"], (json{{"fd", fd}}));
  EXPECT_EQ(events.back(), (json{{"type", "exit"},
                                 {"ts", events.back()["ts"]},
                                 {"pid", events.back()["pid"]},
                                 {"tid", events.back()["tid"]},
                                 {"exit_code", 0}}));
}

// Structures and arrays as objects and arrays: poll's pollfds with typed
// fields (aarch64 has no poll: glibc's poll is a ppoll there), ppoll's
// timeout a timespec.
TEST(JsonOutput, StructuresAndArraysAreTyped) {
  RunResult r = run_xtrace({"--json", "-e", "trace=poll,ppoll", program("decode_polling")});
  ASSERT_EQ(r.code, 0) << r.err;
  std::vector<json> polls;
  for (const json& e : json_lines(r.err))
    if (e.value("syscall", "") == "poll" || e.value("syscall", "") == "ppoll") polls.push_back(e);
  ASSERT_EQ(polls.size(), 2u) << r.err;
  const json& fds = polls[0]["args"][0]["value"];
  ASSERT_TRUE(fds.contains("array")) << fds.dump();
  ASSERT_EQ(fds["array"].size(), 2u) << fds.dump();
  const json& first = fds["array"][0]["struct"];
  EXPECT_TRUE(first["fd"].contains("fd")) << fds.dump();
  EXPECT_EQ(first["events"]["flags"], (json{"POLLIN"}));
  EXPECT_EQ(fds["array"][1]["struct"]["events"]["flags"], (json{"POLLIN", "POLLOUT"}));
  EXPECT_EQ(polls[1]["syscall"], "ppoll");
  EXPECT_EQ(polls[1]["args"][2]["value"], (json{{"struct", {{"tv_sec", 0}, {"tv_nsec", 1000}}}}));
}

// Not UTF-8: Latin-1 code points, one per byte, said so; UTF-8 as it is;
// past -s: "truncated".
TEST(JsonOutput, BytesStayValidJson) {
  RunResult r = run_xtrace({"--json", "-s", "64", "-e", "trace=write", program("json_bytes")});
  ASSERT_EQ(r.code, 0) << r.err;
  std::vector<json> writes = calls_named(json_lines(r.err), "write");
  ASSERT_EQ(writes.size(), 3u);
  EXPECT_EQ(writes[0]["args"][1]["value"],
            (json{{"str", "caf\xc3\xa9 \xc3\xbf\xc3\xbe"}, {"encoding", "latin1"}}));
  EXPECT_EQ(writes[1]["args"][1]["value"], (json{{"str", "caf\xc3\xa9 \xe2\x82\xac"}}));
  EXPECT_EQ(writes[2]["args"][1]["value"],
            (json{{"str", std::string(64, 'x')}, {"truncated", true}}));
  EXPECT_EQ(writes[2]["args"][2]["value"], 100);
  EXPECT_EQ(writes[2]["ret"], 100);
}

TEST(JsonOutput, FailuresAndInjectionsSayTheirErrno) {
  RunResult r = run_xtrace({"--json", "-e", "trace=openat", "-e",
                            "inject=openat:error=ENOSPC:path=/dev/null", program("json_bytes")});
  EXPECT_EQ(r.code, 1);
  std::vector<json> opens = calls_named(json_lines(r.err), "openat");
  ASSERT_FALSE(opens.empty());
  const json& last = opens.back();
  EXPECT_EQ(last["ret"], -1);
  EXPECT_EQ(last["errno"], "ENOSPC");
  EXPECT_EQ(last["error"], "No space left on device");
  EXPECT_EQ(last["injected"], true);
}

// -e status= and -o apply as in text mode.
TEST(JsonOutput, StatusFilterAndOutputFile) {
  std::string dir = make_temp_dir();
  std::string out = dir + "/trace.json";
  RunResult r =
      run_xtrace({"--json", "-o", out, "-Z", "-e", "trace=openat,close", program("json_bytes")});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  for (const json& e : json_lines(read_file(out))) {
    if (e["type"] == "syscall") {
      EXPECT_EQ(e["ret"], -1) << e.dump();
    }
  }
  std::filesystem::remove_all(dir);
}

// -ff --json: one file per task, FILE.TID, each valid on its own and
// holding only that task's events.
TEST(JsonOutput, SeparateFilesPerTask) {
  std::string dir = make_temp_dir();
  RunResult r = run_xtrace(
      {"--json", "-ff", "-o", dir + "/t", "-e", "trace=wait4,exit_group", program("fork_wait")});
  ASSERT_EQ(r.code, 0) << r.err;
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir))
    files.push_back(entry.path().filename());
  std::sort(files.begin(), files.end());
  ASSERT_EQ(files.size(), 2u) << r.err;
  std::set<std::string> calls;
  for (const std::string& name : files) {
    ASSERT_TRUE(name.starts_with("t.")) << name;
    long tid = std::stol(name.substr(2));
    std::vector<json> events = json_lines(read_file(dir + "/" + name));
    ASSERT_FALSE(events.empty()) << name;
    for (const json& e : events) {
      EXPECT_EQ(e["tid"], tid) << name << ": " << e.dump();
      if (e["type"] == "syscall") calls.insert(e["syscall"].get<std::string>());
    }
    EXPECT_EQ(events.back()["type"], "exit") << name;
  }
  EXPECT_EQ(calls, (std::set<std::string>{"wait4", "exit_group"}));
  std::filesystem::remove_all(dir);
}

TEST(JsonOutput, SummaryIsOneDocument) {
  RunResult r = run_xtrace({"--json", "-c", "-e", "trace=write,openat", program("json_bytes")});
  ASSERT_EQ(r.code, 0) << r.err;
  std::vector<json> docs = json_lines(r.err);
  ASSERT_EQ(docs.size(), 1u) << r.err;
  const json& doc = docs.front();
  EXPECT_EQ(doc["type"], "summary");
  EXPECT_EQ(doc["time"], "cpu");
  std::map<std::string, json> rows;
  for (const json& row : doc["syscalls"]) rows[row["syscall"]] = row;
  ASSERT_TRUE(rows.contains("write"));
  EXPECT_EQ(rows["write"]["calls"], 3);
  EXPECT_EQ(rows["write"]["errors"], 0);
  EXPECT_LE(rows["write"]["wall_min_ns"].get<std::int64_t>(),
            rows["write"]["wall_max_ns"].get<std::int64_t>());
  std::uint64_t calls = 0;
  for (const auto& [name, row] : rows) calls += row["calls"].get<std::uint64_t>();
  EXPECT_EQ(doc["total"]["calls"], calls);
}

// Several threads: one named track each, and a thread's slices never
// overlap.
TEST(Timeline, OneTrackPerThreadAndSlicesNest) {
  std::string dir = make_temp_dir();
  std::string file = dir + "/timeline.json";
  RunResult r = run_xtrace(
      {"-f", "-o", "/dev/null", "--timeline=" + file, program("thread_calls"), "4", "20"});
  ASSERT_EQ(r.code, 0) << r.err;
  json doc = json::parse(read_file(file), nullptr, false);
  ASSERT_FALSE(doc.is_discarded()) << read_file(file);
  std::map<int, std::vector<std::pair<double, double>>> slices;
  std::map<int, std::string> thread_names;
  std::set<int> processes;
  for (const json& e : doc["traceEvents"]) {
    if (e["ph"] == "M" && e["name"] == "thread_name") thread_names[e["tid"]] = e["args"]["name"];
    if (e["ph"] == "M" && e["name"] == "process_name") processes.insert(e["pid"].get<int>());
    if (e["ph"] == "X") {
      double ts = e["ts"], dur = e["dur"];
      EXPECT_GE(dur, 0) << e.dump();
      slices[e["tid"]].emplace_back(ts, ts + dur);
    }
  }
  EXPECT_EQ(slices.size(), 5u);  // the main thread and 4 others
  EXPECT_EQ(processes.size(), 1u);
  for (auto& [tid, list] : slices) {
    EXPECT_EQ(thread_names[tid], "thread_calls") << tid;
    std::sort(list.begin(), list.end());
    for (std::size_t i = 1; i < list.size(); ++i)
      EXPECT_LE(list[i - 1].second, list[i].first + 0.001) << "tid " << tid << " slice " << i;
  }
  std::filesystem::remove_all(dir);
}

TEST(Timeline, SignalsAndInjectionsAreInstants) {
  std::string dir = make_temp_dir();
  std::string file = dir + "/timeline.json";
  RunResult r = run_xtrace({"-o", "/dev/null", "--timeline", file, "-e",
                            "inject=openat:error=ENOENT:path=/dev/null", program("json_bytes")});
  EXPECT_EQ(r.code, 1) << r.err;
  json doc = json::parse(read_file(file));
  int injected = 0;
  for (const json& e : doc["traceEvents"])
    if (e["ph"] == "i" && e["cat"] == "inject") ++injected;
  EXPECT_GE(injected, 1);
  std::filesystem::remove_all(dir);
}

TEST(JsonOptions, BadValuesAreOneLineErrors) {
  RunResult r = run_xtrace({"--output-format=yaml", "true"});
  EXPECT_EQ(r.code, 1);
  EXPECT_EQ(r.err, kDiag + with_help("invalid --output-format argument: 'yaml'") + "\n");
  r = run_xtrace({"--timeline=", "true"});
  EXPECT_EQ(r.code, 1);
  EXPECT_EQ(r.err, kDiag + with_help("--timeline needs a file name") + "\n");
}

}  // namespace
}  // namespace xtrace::testing
