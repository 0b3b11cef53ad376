// strace's text format, byte for byte: `name(args) = result` with the result
// at column 40, `<unfinished ...>` / `<... name resumed>` when tasks
// interleave, `--- SIG... ---` and `+++ exited with N +++`.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "xtrace/line_clock.hpp"
#include "xtrace/output_file.hpp"
#include "xtrace/palette.hpp"
#include "xtrace/quiet.hpp"
#include "xtrace/sink.hpp"
#include "xtrace/task_view.hpp"
#include "xtrace/value_text.hpp"

namespace xtrace {

struct TextOptions {
  // How a line names its task (strace's printleader): "[pid  123] " while
  // more than one task is traced, on stderr (-f); "123   " on every line
  // with -o and -f, or -o and several -p, or --always-show-pid.
  enum class PidPrefix : std::uint8_t { when_several, always, never };
  PidPrefix pid_prefix = PidPrefix::when_several;
  const TaskView* tasks = nullptr;               // how many tasks are live; comm (-Y)
  bool show_comm = false;                        // -Y: "[pid  123<comm>] "
  QuietOptions quiet;                            // exit (-qq), thread_execve
  bool syscall_numbers = false;                  // -n: "[ 257] " before each line
  TimeOptions time;                              // -t/-tt/-ttt, -r, -T
  std::size_t result_column = 40;                // -a
  bool instruction_pointer = false;              // -i: "[00007f0123456789] "
  TextStyle values;                              // -x, -X, -N: how argument values print
  Palette palette;                               // --color: off unless this output is coloured
  std::optional<std::chrono::nanoseconds> slow;  // --slow: highlight longer calls
};

class TextSink final : public Sink {
 public:
  TextSink(OutputFile out, TextOptions opts)
      : out_(std::move(out)), opts_(opts), clock_(opts.time) {}

  void on_syscall_entry(const SyscallEvent& ev) override;
  void on_syscall_exit(const SyscallEvent& ev) override;
  void on_signal(const SignalEvent& ev) override;
  void on_exit(const ExitEvent& ev) override;
  void on_detach(pid_t tid) override;
  void on_superseded(pid_t leader, pid_t exec_tid) override;
  void on_personality(pid_t tid, Arch arch) override;
  void finish() override;
  // Ends the open line, whoever's it is, with `note` (" <detached ...>").
  void end_open_line(std::string_view note);
  void on_pid_changed(pid_t leader) override;
  bool has_open_line() const { return open_tid_ != 0; }

 private:
  void begin_line(pid_t tid, std::optional<std::uint64_t> ip = std::nullopt);
  void append_pid_prefix(pid_t tid);
  // Ends a line left open by another task's entry with " <unfinished ...>".
  void interrupt_open_line();
  void end_line();
  void print_result(const SyscallEvent& ev);
  void print_stack(const std::vector<StackFrame>& stack);
  void print_pending_stack(pid_t tid);
  // Appends `text` to line_ in `paint`'s colour (as is when colour is off).
  void paint(Paint paint, std::string_view text);
  void append_args(const SyscallEvent& ev, int from, int to);

  OutputFile out_;
  TextOptions opts_;
  std::string line_;
  pid_t open_tid_ = 0;
  LineClock clock_;
  // -k: stacks of calls cut short, printed after the task's exit line.
  std::unordered_map<pid_t, std::vector<StackFrame>> pending_stacks_;
  std::int64_t last_nr_ = -1;    // for -n: strace prefixes later lines with it
  std::size_t written_col_ = 0;  // columns of the open line already written
  std::size_t invisible_ = 0;    // bytes of colour escapes in line_ (no column)
};

}  // namespace xtrace
