// -c/-C: counts calls, errors and times per syscall and prints strace's
// table when tracing ends (and every --summary-interval, and per process
// with --summary-by).  Needs no decoding.
#pragma once

#include <sys/types.h>

#include <map>
#include <string>
#include <tuple>
#include <utility>

#include "xtrace/output_file.hpp"
#include "xtrace/sink.hpp"
#include "xtrace/summary_table.hpp"

namespace xtrace {

class SummarySink final : public Sink {
 public:
  SummarySink(OutputFile out, SummaryOptions opts);

  bool needs_decoding() const override { return false; }
  bool needs_cpu_time() const override { return !opts_.wall_clock; }
  bool filtered_by_status() const override { return false; }
  void on_syscall_exit(const SyscallEvent& ev) override;
  void finish() override;

 private:
  // Rows are keyed by (group, personality, syscall number); the group is 0
  // unless --summary-by splits the table per process or thread.  The
  // personality is the call's arch: i386 and x32 calls of a 64-bit process
  // come after the native ones (the enum's order), in tables of their own
  // as strace counts them.
  using Key = std::tuple<pid_t, Arch, std::int64_t>;
  pid_t group_of(pid_t tid);
  void print(const std::string& title);
  void print_json(const std::string& title);

  OutputFile out_;
  SummaryOptions opts_;
  std::map<Key, SyscallStats> rows_;
  std::map<pid_t, std::string> group_names_;  // "1234 (comm)"
  Clock::time_point started_ = Clock::now();
  Clock::time_point interval_start_ = started_;
};

}  // namespace xtrace
