// strace's text format, byte for byte: `name(args) = result` with the result
// at column 40, `<unfinished ...>` / `<... name resumed>` when tasks
// interleave, `--- SIG... ---` and `+++ exited with N +++`.
#pragma once

#include <sys/types.h>

#include <string>

#include "xtrace/output_file.hpp"
#include "xtrace/sink.hpp"

namespace xtrace {

struct TextOptions {
  bool show_pid = false;  // "[pid N] " before each line (-f with several tasks)
  bool syscall_numbers = false;  // -n: "[ 257] " before each line
};

class TextSink final : public Sink {
 public:
  TextSink(OutputFile out, TextOptions opts) : out_(std::move(out)), opts_(opts) {}

  void on_syscall_entry(const SyscallEvent& ev) override;
  void on_syscall_exit(const SyscallEvent& ev) override;
  void on_signal(const SignalEvent& ev) override;
  void on_exit(const ExitEvent& ev) override;
  void finish() override;

 private:
  void begin_line(pid_t tid);
  // Ends a line left open by another task's entry with " <unfinished ...>".
  void interrupt_open_line();
  void end_line();
  void print_result(const SyscallEvent& ev);

  OutputFile out_;
  TextOptions opts_;
  std::string line_;
  pid_t open_tid_ = 0;
  std::int64_t last_nr_ = -1;  // for -n: strace prefixes later lines with it
  std::size_t written_col_ = 0;  // columns of the open line already written  // the task whose syscall line awaits its result
};

}  // namespace xtrace
