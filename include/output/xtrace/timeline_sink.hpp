// --timeline=FILE: a Chrome trace-event JSON file (Perfetto,
// chrome://tracing): one track per thread, grouped by process and named
// after /proc/PID/comm; one slice per syscall with its decoded call; instant
// events for signals and injected faults.  Events stream to the file as
// they come, so a long trace costs no memory.
#pragma once

#include <sys/types.h>

#include <string>
#include <unordered_set>

#include "xtrace/output_file.hpp"
#include "xtrace/sink.hpp"
#include "xtrace/task_view.hpp"
#include "xtrace/value_text.hpp"

namespace xtrace {

class TimelineSink final : public Sink {
 public:
  TimelineSink(OutputFile out, const TaskView* tasks, TextStyle style);

  void on_syscall_exit(const SyscallEvent& ev) override;
  void on_signal(const SignalEvent& ev) override;
  void finish() override;

 private:
  pid_t process_of(pid_t tid) const { return tasks_ != nullptr ? tasks_->process_of(tid) : tid; }
  // The process and thread name records, once per task (and again after
  // an execve renamed it).
  void name_task(pid_t tid, bool renamed = false);
  void write_event(const std::string& json);
  // Microseconds since the trace began (the format's unit), to the ns.
  double micros(Clock::time_point t) const;

  OutputFile out_;
  const TaskView* tasks_;
  TextStyle style_;
  Clock::time_point start_ = Clock::now();
  std::unordered_set<pid_t> named_processes_;
  std::unordered_set<pid_t> named_threads_;
  bool first_ = true;
  std::string text_;  // reused for each call's decoded text
};

}  // namespace xtrace
