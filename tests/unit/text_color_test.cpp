// --color: which outputs are coloured, and the coloured line (the result
// column still counts only what shows).
#include <gtest/gtest.h>

#include <cstdio>
#include <string>

#include "captured_output.hpp"
#include "parse_args.hpp"
#include "xtrace/palette.hpp"
#include "xtrace/syscall_decoder.hpp"
#include "xtrace/text_sink.hpp"

namespace xtrace {
namespace {

TEST(Color, AutoOnlyOnATerminalWithoutNoColor) {
  EXPECT_TRUE(use_color(ColorMode::automatic, true, nullptr));
  EXPECT_TRUE(use_color(ColorMode::automatic, true, ""));
  EXPECT_FALSE(use_color(ColorMode::automatic, true, "1"));
  EXPECT_FALSE(use_color(ColorMode::automatic, false, nullptr));
  EXPECT_TRUE(use_color(ColorMode::always, false, "1"));
  EXPECT_FALSE(use_color(ColorMode::never, true, nullptr));
}

TEST(Color, ParsesStracesForms) {
  EXPECT_EQ(testing::parse({"xtrace", "true"}).report.color, ColorMode::automatic);
  EXPECT_EQ(testing::parse({"xtrace", "--color", "true"}).report.color, ColorMode::automatic);
  EXPECT_EQ(testing::parse({"xtrace", "--color=always", "true"}).report.color, ColorMode::always);
  EXPECT_EQ(testing::parse({"xtrace", "--color=never", "true"}).report.color, ColorMode::never);
  EXPECT_EQ(testing::error_of({"xtrace", "--color=bogus", "true"}),
            "invalid --color argument: 'bogus'");
  EXPECT_EQ(testing::parse({"xtrace", "--slow=10ms", "true"}).report.slow,
            std::chrono::milliseconds(10));
  EXPECT_EQ(testing::error_of({"xtrace", "--slow=soon", "true"}),
            "invalid --slow argument: 'soon'");
}

SyscallEvent call(std::string_view name, std::int64_t rval, std::string rval_text) {
  SyscallEvent ev;
  ev.desc = &describe(*find_syscall(name));
  ev.tid = 7;
  ev.exited = true;
  ev.rval = rval;
  ev.rval_text = std::move(rval_text);
  return ev;
}

std::string trace(TextOptions opts, const std::vector<SyscallEvent>& calls) {
  std::FILE* f = std::tmpfile();
  {
    TextSink sink(OutputFile::borrow(f, "tmp"), opts);
    for (const SyscallEvent& ev : calls) {
      sink.on_syscall_entry(ev);
      sink.on_syscall_exit(ev);
    }
    SignalEvent usr1;
    usr1.tid = 7;
    usr1.sig = 10;
    usr1.siginfo.append("{si_signo=SIGUSR1}");
    sink.on_signal(usr1);
    ExitEvent exit;
    exit.tid = 7;
    sink.on_exit(exit);
    sink.finish();
  }
  std::string text = testing::read_and_close(f);
  return text;
}

TEST(Color, PaintsNamesArgumentsResultsErrorsAndInjections) {
  SyscallEvent close_ok = call("close", 0, "0");
  close_ok.nargs = close_ok.entry_args = 1;
  close_ok.write_arg(0, [](ValueOut& out) { out.signed_number(3); });
  SyscallEvent close_bad = close_ok;
  close_bad.rval = -9;
  close_bad.is_error = true;
  close_bad.rval_text = "-1 EBADF (Bad file descriptor)";
  close_bad.injected = close_bad.injected_result = true;
  TextOptions opts;
  opts.palette = Palette(true);
  EXPECT_EQ(trace(opts, {close_ok, close_bad}),
            "\x1b[33mclose\x1b[0m(\x1b[35m3\x1b[0m)"
            "                                = \x1b[32m0\x1b[0m\n"
            "\x1b[33mclose\x1b[0m(\x1b[35m3\x1b[0m)"
            "                                = \x1b[31m-1 EBADF (Bad file descriptor)\x1b[0m"
            "\x1b[1;36m (INJECTED)\x1b[0m\n"
            "\x1b[34m--- SIGUSR1 {si_signo=SIGUSR1} ---\x1b[0m\n"
            "\x1b[1m+++ exited with 0 +++\x1b[0m\n");
  // Off, the same events are strace's plain text.
  EXPECT_EQ(trace(TextOptions{}, {close_ok}),
            "close(3)                                = 0\n"
            "--- SIGUSR1 {si_signo=SIGUSR1} ---\n"
            "+++ exited with 0 +++\n");
}

TEST(Color, SlowCallsAreHighlighted) {
  SyscallEvent fast = call("getpid", 7, "7");
  fast.exited_at = fast.entered + std::chrono::milliseconds(1);
  SyscallEvent slow = fast;
  slow.exited_at = slow.entered + std::chrono::milliseconds(20);
  TextOptions opts;
  opts.palette = Palette(true);
  opts.slow = std::chrono::milliseconds(10);
  opts.time.syscall_times = true;
  std::string text = trace(opts, {fast, slow});
  EXPECT_NE(text.find("= \x1b[32m7\x1b[0m <0.001000>\n"), std::string::npos) << text;
  EXPECT_NE(text.find("= \x1b[1;41m7\x1b[0m\x1b[1;41m <0.020000>\x1b[0m\n"), std::string::npos)
      << text;
}

}  // namespace
}  // namespace xtrace
