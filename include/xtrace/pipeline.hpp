// The stages every event passes after the engine has read it: decoding (only
// when some sink shows arguments) and the sinks.  The filter (-e trace=) and
// the fault injector (-e inject=) plug in here.
#pragma once

#include <signal.h>

#include <memory>
#include <vector>

#include "xtrace/decode.hpp"
#include "xtrace/injector.hpp"
#include "xtrace/sink.hpp"
#include "xtrace/thread_state.hpp"
#include "xtrace/tracee_memory.hpp"

namespace xtrace {

class Pipeline {
 public:
  Pipeline(DecodeOptions decode, std::vector<std::unique_ptr<Sink>> sinks);

  void syscall_entry(ThreadState& t, const SyscallInfo& info);
  void syscall_exit(ThreadState& t, const SyscallInfo& info);
  // The thread is gone while inside a syscall (exit_group, SIGKILL): the
  // line ends with "= ?".
  void syscall_unfinished(ThreadState& t);
  void signal(const ThreadState& t, const siginfo_t& si);
  void exit(const ExitEvent& ev);
  void finish();
  // Fault injection (-e inject=/fault=); null for none.  It runs before the
  // filter: a syscall that is not shown is still injected into.
  void set_injector(std::unique_ptr<Injector> injector) { injector_ = std::move(injector); }

 private:
  DecodeOptions decode_;
  std::vector<std::unique_ptr<Sink>> sinks_;
  bool decoding_ = false;  // some sink shows decoded arguments
  ProcessMemory memory_{0};
  std::unique_ptr<Injector> injector_;
};

}  // namespace xtrace
