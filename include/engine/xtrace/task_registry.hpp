// Every task (thread) xtrace traces, by tid: one hash lookup per stop, so
// the cost of an event does not grow with the number of tasks.  Sinks read
// it as a TaskView (how many tasks are live, a task's comm); only the
// engine changes it.
#pragma once

#include <sys/types.h>

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "xtrace/task_view.hpp"
#include "xtrace/thread_state.hpp"

namespace xtrace {

class TaskRegistry final : public TaskView {
 public:
  ThreadState* find(pid_t tid);
  const ThreadState* find(pid_t tid) const;
  pid_t process_of(pid_t tid) const override;
  // A new task; not live (counted) until mark_live.
  ThreadState& add(pid_t tid, pid_t pid);
  void mark_live(ThreadState& t);
  void erase(pid_t tid);
  // An exec in a non-leader thread: the thread takes the leader's tid.
  // The leader's own state must have been erased first.
  ThreadState& rename(pid_t from, pid_t to);

  bool empty() const { return tasks_.empty(); }
  std::size_t size() const { return tasks_.size(); }
  std::size_t live() const override { return live_; }
  // Every tid, in order of first appearance (for detaching, not per stop).
  std::vector<pid_t> tids_in_order() const;
  std::string_view comm(pid_t tid) const override;

 private:
  std::unordered_map<pid_t, ThreadState> tasks_;
  std::size_t live_ = 0;
  std::uint64_t next_seq_ = 0;
};

}  // namespace xtrace
