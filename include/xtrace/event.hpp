// What the sinks receive: one syscall (entry and exit), one signal, one exit.
#pragma once

#include <sys/types.h>

#include <array>
#include <bitset>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include "xtrace/arch.hpp"
#include "xtrace/stack_frame.hpp"
#include "xtrace/syscall_table.hpp"
#include "xtrace/value.hpp"

namespace xtrace {

using Clock = std::chrono::steady_clock;

struct SyscallEvent {
  pid_t tid = 0;
  Arch arch = Arch::x86_64;
  std::int64_t nr = -1;
  const SyscallDesc* desc = nullptr;    // nullptr: a number no table knows
  std::array<std::uint64_t, 6> args{};  // as they were at entry
  std::uint64_t sp = 0;                 // stack pointer at entry (rt_sigreturn's frame)
  std::uint64_t ip = 0;                 // instruction pointer at the stop (-i)
  // The decoded arguments' values, all in one buffer: a thread keeps one
  // buffer between its calls, not six (memory grows with the number of
  // threads).  arg_runs says which values are argument i's.
  ValueOut values;
  struct Run {
    std::uint32_t first = 0, count = 0;
  };
  std::array<Run, 6> arg_runs{};
  std::bitset<6> names_itself;           // arguments that print "name=" themselves (-N adds none)
  std::array<std::uint64_t, 6> saved{};  // decoder scratch, entry to exit
  std::bitset<6> omitted;                // arguments that print nothing
  std::uint8_t nargs = 0;
  std::uint8_t entry_args = 0;  // how many were decoded at entry
  bool exited = false;          // the exit stop was seen
  std::int64_t rval = 0;
  bool is_error = false;
  std::string rval_text;  // the return value as printed, after "= "
  // Fault injection (-e inject=/fault=), for the " (INJECTED)" and
  // " (DELAYED)" notes and the summaries' injected counts.
  bool injected = false;         // some rule fired on this call (count this)
  bool injected_result = false;  // error=/retval=: the result is faked
  bool injected_args = false;    // poke_*=, short=: arguments were changed
  bool delayed = false;          // delay_enter=/delay_exit= held the task
  std::string trailer;           // lines printed after the call's line (-e read= dumps)
  Clock::time_point entered;
  Clock::time_point exited_at;
  // The process's CPU time at entry and exit (ns), -1 unless a sink asked.
  std::int64_t cpu_entry_ns = -1;
  std::int64_t cpu_exit_ns = -1;
  bool selected = true;  // -e trace= (and friends) chose this call
  // -k: the caller's stack, innermost first; empty without -k.  Captured
  // at entry (at exit for the command's first execve, to show the new
  // image), printed after the completed line.
  std::vector<StackFrame> stack;

  // Writes argument i anew, after any value written before: write(values)
  // appends its values; returns what write returns.
  template <class Write>
  auto write_arg(int i, Write&& write) {
    Run& run = arg_runs[static_cast<std::size_t>(i)];
    run.first = values.begin_run();
    run.count = 0;
    if constexpr (std::is_void_v<decltype(write(values))>) {
      write(values);
      run.count = values.size() - run.first;
    } else {
      auto result = write(values);
      run.count = values.size() - run.first;
      return result;
    }
  }
  // Argument i's values; none when it was not written for this call.
  ValueSpan arg(int i) const {
    const Run& run = arg_runs[static_cast<std::size_t>(i)];
    if (run.first + run.count > values.size()) return ValueSpan(values, 0, 0);
    return ValueSpan(values, run.first, run.count);
  }
  // Forgets the arguments of the last call (keeps the buffer's capacity).
  void clear_args() {
    values.clear();
    arg_runs = {};
  }
};

struct SignalEvent {
  pid_t tid = 0;
  int sig = 0;
  ValueOut siginfo;                 // {si_signo=SIGCHLD, ...} as values, empty if unknown
  bool group_stop = false;          // the task stopped: "--- stopped by SIGSTOP ---"
  std::optional<std::uint64_t> ip;  // -i: where the task stopped, if it could be read
  std::vector<StackFrame> stack;    // -k: where the task stopped
};

struct ExitEvent {
  pid_t tid = 0;
  bool signaled = false;
  int code = 0;  // exit status, or the signal number
  bool core_dumped = false;
};

}  // namespace xtrace
