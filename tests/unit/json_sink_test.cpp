// --json's sink on synthetic events (no ptrace): one object per line, the
// fields the schema names, values typed, the process of a thread.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <signal.h>

#include <cstdio>
#include <string>
#include <vector>

#include "xtrace/decode.hpp"
#include "xtrace/json_sink.hpp"
#include "xtrace/syscall_decoder.hpp"
#include "xtrace/task_registry.hpp"

namespace xtrace {
namespace {

using nlohmann::json;

SyscallEvent close_call(std::int64_t rval, std::string rval_text) {
  SyscallEvent ev;
  ev.desc = &describe(*find_syscall("close"));
  ev.nr = 3;
  ev.tid = 12;
  ev.nargs = ev.entry_args = 1;
  ev.args[0] = 7;
  ev.write_arg(0, [](ValueOut& out) { out.signed_number(7); });
  ev.exited = true;
  ev.rval = rval;
  ev.is_error = rval < 0;
  ev.rval_text = std::move(rval_text);
  ev.exited_at = ev.entered + std::chrono::microseconds(5);
  return ev;
}

// Every line the sink wrote, parsed.
std::vector<json> lines_of(std::FILE* f) {
  std::rewind(f);
  std::vector<json> out;
  char buf[4096];
  while (std::fgets(buf, sizeof buf, f) != nullptr) out.push_back(json::parse(buf));
  std::fclose(f);
  return out;
}

TEST(JsonSink, SyscallsSignalsAndExitsAsTypedObjects) {
  std::FILE* f = std::tmpfile();
  TaskRegistry tasks;
  tasks.add(10, 10);
  tasks.add(12, 10);  // a thread of process 10
  {
    JsonSink sink(OutputFile::borrow(f, "tmp"), &tasks);
    sink.on_syscall_exit(close_call(0, "0"));
    SyscallEvent failed = close_call(-9, "-1 EBADF (Bad file descriptor)");
    failed.injected = failed.injected_result = true;
    sink.on_syscall_exit(failed);
    SignalEvent sig;
    sig.tid = 12;
    sig.sig = 10;
    siginfo_t si{};
    si.si_signo = SIGUSR1;
    si.si_code = SI_TKILL;
    si.si_pid = 10;
    print_siginfo(si, nullptr, 12, sig.siginfo);
    sink.on_signal(sig);
    ExitEvent exit;
    exit.tid = 10;
    exit.code = 3;
    sink.on_exit(exit);
    sink.finish();
  }
  std::vector<json> lines = lines_of(f);
  ASSERT_EQ(lines.size(), 4u);
  const json& ok = lines[0];
  EXPECT_EQ(ok["type"], "syscall");
  EXPECT_EQ(ok["syscall"], "close");
  EXPECT_EQ(ok["pid"], 10);
  EXPECT_EQ(ok["tid"], 12);
  EXPECT_EQ(ok["args"], json::parse(R"([{"name":"fd","raw":7,"value":7}])"));
  EXPECT_EQ(ok["ret"], 0);
  EXPECT_EQ(ok["ret_text"], "0");
  EXPECT_EQ(ok["duration_ns"], 5000);
  EXPECT_FALSE(ok.contains("injected"));
  const json& bad = lines[1];
  EXPECT_EQ(bad["ret"], -1);
  EXPECT_EQ(bad["errno"], "EBADF");
  EXPECT_EQ(bad["error"], "Bad file descriptor");
  EXPECT_EQ(bad["injected"], true);
  EXPECT_FALSE(bad.contains("ret_text"));
  EXPECT_EQ(lines[2]["type"], "signal");
  EXPECT_EQ(lines[2]["signal"], "SIGUSR1");
  EXPECT_EQ(lines[2]["pid"], 10);
  // siginfo is a structure of values; SI_TKILL (-6) keeps its sign.
  EXPECT_EQ(lines[2]["siginfo"], json::parse(R"({"struct": {
      "si_signo": {"name": "SIGUSR1", "value": 10}, "si_code": {"name": "SI_TKILL", "value": -6},
      "si_pid": {"pid": 10}, "si_uid": 0}})"));
  EXPECT_EQ(lines[3]["type"], "exit");
  EXPECT_EQ(lines[3]["exit_code"], 3);
  EXPECT_FALSE(lines[3].contains("killed_by"));
}

TEST(JsonSink, UnfinishedCallsAndUnknownTasks) {
  std::FILE* f = std::tmpfile();
  {
    JsonSink sink(OutputFile::borrow(f, "tmp"), nullptr);
    SyscallEvent cut = close_call(0, "");
    cut.exited = false;
    sink.on_syscall_exit(cut);
    sink.finish();
  }
  std::vector<json> lines = lines_of(f);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0]["unfinished"], true);
  EXPECT_EQ(lines[0]["pid"], 12);  // no registry: the tid stands for its process
  EXPECT_FALSE(lines[0].contains("ret"));
  EXPECT_FALSE(lines[0].contains("duration_ns"));
}

}  // namespace
}  // namespace xtrace
