#include "xtrace/separate_sink.hpp"

#include <fmt/format.h>

namespace xtrace {

Sink& SeparateSink::sink_for(pid_t tid) {
  auto it = sinks_.find(tid);
  if (it == sinks_.end()) {
    // The first task's file is opened before its command runs: failing
    // there stops everything, as in strace ("Can't fopen ..."); a later
    // task's failure costs only that task's lines.
    std::string path = fmt::format("{}.{}", prefix_, tid);
    OutputFile out =
        first_opened_ ? OutputFile::open_or_report(path, append_) : OutputFile::open(path, append_);
    first_opened_ = true;
    it = sinks_.emplace(tid, make_(std::move(out))).first;
  }
  return *it->second;
}

void SeparateSink::close(pid_t tid) {
  auto it = sinks_.find(tid);
  if (it == sinks_.end()) return;
  it->second->finish();
  sinks_.erase(it);
}

void SeparateSink::on_exit(const ExitEvent& ev) {
  sink_for(ev.tid).on_exit(ev);
  close(ev.tid);
}

void SeparateSink::on_detach(pid_t tid) {
  if (auto it = sinks_.find(tid); it != sinks_.end()) it->second->on_detach(tid);
  close(tid);
}

// The exec'ing thread's file ends with "<pid changed to N ...>" and is
// closed; the leader's file goes on with the superseded line and the
// execve's result.
void SeparateSink::on_superseded(pid_t leader, pid_t exec_tid) {
  if (auto it = sinks_.find(exec_tid); it != sinks_.end()) {
    it->second->on_pid_changed(leader);
    close(exec_tid);
  }
  sink_for(leader).on_superseded(leader, exec_tid);
}

void SeparateSink::finish() {
  for (auto& [tid, sink] : sinks_) sink->finish();
}

}  // namespace xtrace
