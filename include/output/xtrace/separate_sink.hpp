// -ff (--output-separately) with -o FILE: one file per task, FILE.TID, in
// strace text or JSON lines, each with its own open line (so no
// "<unfinished ...>" between tasks).  Opened when the task is first traced, closed when it ends or
// is detached, as strace does.
#pragma once

#include <sys/types.h>

#include <functional>
#include <memory>
#include <string>
#include <unordered_map>

#include "xtrace/output_file.hpp"
#include "xtrace/sink.hpp"

namespace xtrace {

class SeparateSink final : public Sink {
 public:
  // Makes the sink of one task's file.
  using Factory = std::function<std::unique_ptr<Sink>(OutputFile)>;
  SeparateSink(std::string prefix, bool append, Factory make)
      : prefix_(std::move(prefix)), append_(append), make_(std::move(make)) {}

  void on_task_start(pid_t tid) override { sink_for(tid); }
  void on_syscall_entry(const SyscallEvent& ev) override { sink_for(ev.tid).on_syscall_entry(ev); }
  void on_syscall_exit(const SyscallEvent& ev) override { sink_for(ev.tid).on_syscall_exit(ev); }
  void on_signal(const SignalEvent& ev) override { sink_for(ev.tid).on_signal(ev); }
  void on_exit(const ExitEvent& ev) override;
  void on_detach(pid_t tid) override;
  void on_superseded(pid_t leader, pid_t exec_tid) override;
  void on_personality(pid_t tid, Arch arch) override { sink_for(tid).on_personality(tid, arch); }
  void finish() override;

 private:
  Sink& sink_for(pid_t tid);
  void close(pid_t tid);

  std::string prefix_;
  bool append_;
  Factory make_;
  std::unordered_map<pid_t, std::unique_ptr<Sink>> sinks_;
  bool first_opened_ = false;
};

}  // namespace xtrace
