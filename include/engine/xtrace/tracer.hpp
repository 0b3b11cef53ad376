// The ptrace engine: starts the command or attaches to running processes,
// follows what they create (-f), runs the stop loop, and detaches cleanly.
// It tells the stages (TraceStages) what each stop was; it never formats anything.
#pragma once

#include <linux/filter.h>
#include <sys/resource.h>
#include <sys/types.h>

#include <optional>
#include <string>
#include <vector>

#include "xtrace/held_threads.hpp"
#include "xtrace/process_options.hpp"
#include "xtrace/quiet.hpp"
#include "xtrace/task_registry.hpp"
#include "xtrace/thread_state.hpp"
#include "xtrace/trace_stages.hpp"

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

// -u USER or -u UID:GID, resolved before anything runs.
struct RunAs {
  uid_t uid = 0;
  gid_t gid = 0;
  std::string name;  // for initgroups; empty for UID:GID (no lookups)
};
// Throws UsageError as strace words it ("Cannot find user 'x'").
RunAs resolve_user(const std::string& spec);

struct TracerConfig {
  std::string program_name = "xtrace";  // prefix of "Process N attached"
  bool follow_forks = false;            // -f
  bool detach_on_execve = false;        // -b execve
  bool kill_on_exit = false;            // --kill-on-exit
  int daemonize = 0;                    // -D count
  std::optional<RunAs> run_as;          // -u
  bool keep_comm = false;               // -Y: ThreadState::comm is kept
  // -E: "VAR=VAL" sets, "VAR" removes, in order, in the command's environment.
  std::vector<std::string> env_changes;
  QuietOptions quiet;
  // The seccomp-bpf fast path (app/seccomp_choice.hpp): installed in the
  // launched command before its execve; empty for none.
  std::vector<sock_filter> seccomp_program;
};

class Tracer {
 public:
  Tracer(TraceStages& stages, TaskRegistry& tasks, TracerConfig config);

  // Starts `command` (argv[0] resolved to `path`) so that its execve is the
  // first thing traced.
  void launch(const std::string& path, const std::vector<std::string>& command);
  // -p: seizes each process (and with -f all its threads) and interrupts
  // it; prints one line per pid that cannot be traced.  Returns how many
  // processes are traced.
  std::size_t attach(const std::vector<pid_t>& pids);
  // Runs until no tracee is left, or until a fatal signal asks xtrace to
  // stop: then every tracee is detached (a launched command is first sent
  // that signal, as strace does) and the status says xtrace was signaled;
  // or until --syscall-limit calls were shown: then all are detached and
  // the status is 0.
  CommandStatus run();

 private:
  // The stop loop (tracer.cpp).
  void handle_stop(pid_t tid, int status, const rusage* usage);
  void handle_first_stop(ThreadState& t);
  void handle_syscall_stop(ThreadState& t);
  void handle_event_stop(ThreadState& t, int event, int sig);
  void handle_new_task_event(ThreadState& parent);
  void handle_exec_event(ThreadState& t);
  void handle_signal_stop(ThreadState& t, int sig);
  void handle_exit(pid_t tid, int status);
  void resume(const ThreadState& t, int sig = 0);
  void resume(pid_t tid, int sig = 0);  // a held thread, looked up
  void resume_from_syscall(ThreadState& t, bool seccomp_stop);
  ThreadState& adopt(pid_t tid);
  void message(const std::string& text) const;

  // Attaching (attach.cpp).
  bool seize(pid_t tid, bool interrupt);
  // Launching (launch.cpp).
  void adopt_launched(pid_t pid);
  void launch_daemonized(const std::string& path, std::vector<char*>& argv);
  long ptrace_options() const;

  CommandStatus stop_at_limit();

  // Detaching (detach.cpp).  sig: the signal that ends xtrace, sent on to
  // the launched command; 0 for none.
  void detach_all(int sig);
  void detach(pid_t tid);

  TraceStages& stages_;
  TaskRegistry& tasks_;
  TracerConfig config_;
  HeldThreads held_;    // threads an injected delay keeps stopped
  pid_t launched_ = 0;  // the command we started, until it is gone
  bool launched_exists_ = false;
  CommandStatus launched_status_;
};

}  // namespace xtrace
