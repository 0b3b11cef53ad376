// The ptrace engine: starts the command, runs the stop loop, and tells the
// pipeline what each stop was.  It never formats anything.
#pragma once

#include <sys/types.h>

#include <string>
#include <unordered_map>
#include <vector>

#include "engine/held_threads.hpp"
#include "xtrace/pipeline.hpp"
#include "xtrace/thread_state.hpp"

namespace xtrace {

// How the traced command ended, to be passed on as xtrace's own status.
struct CommandStatus {
  bool signaled = false;
  int code = 0;  // exit code, or signal number
  bool core_dumped = false;
};

// Finds the program as execvp would; throws UsageError ("Can't stat ...")
// when there is nothing to run.
std::string resolve_program(const std::string& name);

class Tracer {
 public:
  explicit Tracer(Pipeline& pipeline) : pipeline_(pipeline) {}

  // Starts `command` (argv[0] resolved to `path`) stopped and seized.
  void launch(const std::string& path, const std::vector<std::string>& command);
  // Runs until no tracee is left.
  CommandStatus run();

 private:
  void handle_stop(pid_t tid, int status);
  void handle_syscall_stop(ThreadState& t);
  void handle_event_stop(ThreadState& t, int event);
  void handle_signal_stop(ThreadState& t, int sig);
  void handle_exit(pid_t tid, int status);
  void resume(pid_t tid, int sig = 0);
  void resume_from_syscall(ThreadState& t);
  ThreadState& thread(pid_t tid);

  Pipeline& pipeline_;
  std::unordered_map<pid_t, ThreadState> threads_;
  HeldThreads held_;  // threads an injected delay keeps stopped
  pid_t launched_ = 0;
  CommandStatus launched_status_;
};

}  // namespace xtrace
