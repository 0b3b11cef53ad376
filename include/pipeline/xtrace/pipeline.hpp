// The stages every event passes after the engine has read it (the engine's
// TraceStages): decoding (only when some sink shows arguments) and the sinks.  The filter (-e
// trace=) and the fault injector (-e inject=) plug in here.
#pragma once

#include <signal.h>

#include <memory>
#include <optional>
#include <vector>

#include "xtrace/decode.hpp"
#include "xtrace/injector.hpp"
#include "xtrace/path_filter.hpp"
#include "xtrace/report_options.hpp"
#include "xtrace/sink.hpp"
#include "xtrace/thread_state.hpp"
#include "xtrace/trace_stages.hpp"
#include "xtrace/tracee_memory.hpp"

namespace xtrace {

class Unwinder;

class Pipeline final : public TraceStages {
 public:
  Pipeline(DecodeOptions decode, std::vector<std::unique_ptr<Sink>> sinks);
  ~Pipeline();

  // The engine's stops (TraceStages).
  void syscall_entry(ThreadState& t, const SyscallInfo& info) override;
  void syscall_exit(ThreadState& t, const SyscallInfo& info) override;
  void syscall_unfinished(ThreadState& t) override;
  void signal(const ThreadState& t, const siginfo_t& si) override;
  void exit(const ExitEvent& ev) override;
  void group_stop(const ThreadState& t, int sig) override;
  void task_start(pid_t tid) override;
  void detach(pid_t tid) override;
  void superseded(pid_t leader, pid_t exec_tid) override;
  void finish() override;
  // Fault injection (-e inject=/fault=); null for none.  It runs after the
  // filter: as in strace, only traced calls are injected into.
  void set_injector(std::unique_ptr<Injector> injector);
  // What is shown (-e trace=, status=, signal=, -P, --trace-fds);
  // everything by default.  The -P paths are resolved here, once.
  void set_filter(FilterOptions filter);
  // -k: shown calls and signals carry the task's stack, unwound at the
  // stop (unwind/unwinder.hpp); null for none.
  void set_unwinder(std::unique_ptr<Unwinder> unwinder);
  // -i: signal lines carry the instruction pointer (read at their stop).
  void set_instruction_pointer(bool on) { instruction_pointer_ = on; }
  // Some sink (-c without -w) counts CPU time: the engine then fills
  // ThreadState::stop_cpu_ns at each stop.
  bool needs_cpu_time() const override { return cpu_time_; }
  const filter::PathFilter* path_filter() const { return path_filter_ ? &*path_filter_ : nullptr; }
  // --syscall-limit: that many calls were shown; the engine then detaches.
  bool syscall_limit_reached() const override {
    return filter_.syscall_limit != 0 && shown_ >= filter_.syscall_limit;
  }

 private:
  void note_restart(ThreadState& t);
  static void release_big_buffers(SyscallEvent& ev);
  DecodeOptions decode_;
  std::vector<std::unique_ptr<Sink>> sinks_;
  bool decoding_ = false;  // some sink shows decoded arguments
  ProcessMemory memory_{0};
  std::unique_ptr<Injector> injector_;
  std::unique_ptr<Unwinder> unwinder_;  // -k

  // The filter (src/filter/, issue 6): decided before decoding.
  void deliver_entry(const SyscallEvent& ev);
  void deliver_exit(const SyscallEvent& ev, SyscallStatus status);
  FilterOptions filter_;
  bool status_filtering_ = false;                  // some outcome is not shown
  std::optional<filter::PathFilter> path_filter_;  // -P, --trace-fds
  std::uint64_t shown_ = 0;                        // calls shown, for --syscall-limit
  bool cpu_time_ = false;                          // some sink needs CPU times
  bool instruction_pointer_ = false;               // -i
};

}  // namespace xtrace
