// The fault injector: at each syscall entry it decides whether a rule fires
// (per-task, per-syscall counters as strace keeps them, then prob=), and
// tampers with the stop through the arch layer; at exit it fakes the result.
// As in strace, it sees only the calls that are traced (-e trace=, -P):
// a call that is not shown is never tampered with.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "xtrace/inject_options.hpp"
#include "xtrace/syscall_set.hpp"
#include "xtrace/thread_state.hpp"
#include "xtrace/tracee_memory.hpp"

namespace xtrace {

// What happened to each rule, for the report on exit.
struct InjectRuleStats {
  std::uint64_t set_calls = 0;  // calls of a syscall in the rule's set
  std::uint64_t matched = 0;    // ... whose arguments also matched (path=, fd=)
  std::uint64_t fired = 0;
};

class Injector {
 public:
  // `seed` is used by prob= rules without a seed= of their own.
  Injector(InjectOptions opts, std::uint64_t seed, std::string program_name);

  // Null when there are no rules.  Prints "PROG: inject seed N" to `diag`
  // when some prob= rule has no seed and --seed was not given, so that a
  // failing run can be replayed.
  static std::unique_ptr<Injector> create(const InjectOptions& opts,
                                          const std::string& program_name, std::FILE* diag);

  // At syscall entry; t.event holds the call's number and arguments.  May
  // skip or rewrite the call, write the tracee's memory, set the event's
  // inject flags and t.resume_signal / t.resume_delay.
  void on_entry(ThreadState& t);
  // At syscall exit, after t.event.rval / is_error hold the kernel's
  // result: fakes it when the entry said so.
  void on_exit(ThreadState& t);
  // The task vanished inside the call.
  void on_unfinished(ThreadState& t);
  // The task is gone: its counters go too.
  void forget(pid_t tid);
  // Tracing is over: warns on `diag` about rules that never matched or
  // never fired, naming related syscalls that did run.
  void report(std::FILE* diag) const;

  const std::vector<InjectRuleStats>& stats() const { return stats_; }
  // What -e trace= selects: the report says when it hides a rule's calls.
  void set_traced(const SyscallSet& traced) { traced_ = traced; }

 private:
  struct Task {
    std::uint32_t ordinal = 0;  // order of first appearance: stable across runs
    // Matching calls so far, by (rule, syscall): strace's per-task counters.
    std::unordered_map<std::uint32_t, std::uint32_t> counts;
    int firing = -1;  // the rule that fired on the call in flight
  };

  Task& task(pid_t tid);
  bool arguments_match(const InjectRule& rule, const SyscallEvent& ev);
  bool draw(std::size_t rule, const Task& task, SysId id, std::uint64_t index) const;
  void fire_at_entry(ThreadState& t, const InjectRule& rule);
  void poke(ThreadState& t, const std::vector<InjectPoke>& pokes);
  void warn(const std::string& message);

  InjectOptions opts_;
  std::uint64_t seed_;
  std::string program_name_;
  std::unordered_map<pid_t, Task> tasks_;
  std::uint32_t next_ordinal_ = 0;
  std::vector<InjectRuleStats> stats_;
  std::vector<std::uint64_t> seen_;  // calls per syscall, for the report
  std::unique_ptr<ProcessMemory> memory_;
  std::vector<std::string> warned_;  // warnings already given (each once)
  SyscallSet traced_ = SyscallSet::everything();
};

// The report's lines, one per rule that never fired ("inject rule 'open'
// never matched; this program called openat 14 times (did you mean ...?)").
// `seen` counts the calls per SysId; `traced` is what -e trace= selects.
std::vector<std::string> inject_report(const InjectOptions& opts,
                                       const std::vector<InjectRuleStats>& stats,
                                       const std::vector<std::uint64_t>& seen,
                                       const SyscallSet& traced);

}  // namespace xtrace
