// --json: one JSON object per line per event (a syscall at its exit, with
// its entry and exit data; signals; exits; tasks starting and detaching),
// described by doc/xtrace-json.schema.json.
#pragma once

#include <sys/types.h>

#include <string>

#include "xtrace/output_file.hpp"
#include "xtrace/sink.hpp"
#include "xtrace/task_view.hpp"

namespace xtrace {

class JsonSink final : public Sink {
 public:
  // tasks: for the process (thread group) of a tid; may be null.
  JsonSink(OutputFile out, const TaskView* tasks) : out_(std::move(out)), tasks_(tasks) {}

  void on_syscall_exit(const SyscallEvent& ev) override;
  void on_signal(const SignalEvent& ev) override;
  void on_exit(const ExitEvent& ev) override;
  void on_task_start(pid_t tid) override;
  void on_detach(pid_t tid) override;
  void on_superseded(pid_t leader, pid_t exec_tid) override;
  void finish() override { out_.flush(); }

 private:
  pid_t process_of(pid_t tid) const { return tasks_ != nullptr ? tasks_->process_of(tid) : tid; }
  void write(const std::string& line);

  OutputFile out_;
  const TaskView* tasks_;
};

}  // namespace xtrace
