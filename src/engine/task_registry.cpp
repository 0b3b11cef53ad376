#include "xtrace/task_registry.hpp"

#include <algorithm>
#include <utility>

namespace xtrace {

ThreadState* TaskRegistry::find(pid_t tid) {
  auto it = tasks_.find(tid);
  return it == tasks_.end() ? nullptr : &it->second;
}

const ThreadState* TaskRegistry::find(pid_t tid) const {
  auto it = tasks_.find(tid);
  return it == tasks_.end() ? nullptr : &it->second;
}

pid_t TaskRegistry::process_of(pid_t tid) const {
  const ThreadState* t = find(tid);
  return t != nullptr && t->pid != 0 ? t->pid : tid;
}

ThreadState& TaskRegistry::add(pid_t tid, pid_t pid) {
  auto [it, inserted] = tasks_.try_emplace(tid);
  ThreadState& t = it->second;
  if (inserted) {
    t.tid = tid;
    t.pid = pid;
    t.event.tid = tid;
    t.seq = next_seq_++;
  }
  return t;
}

void TaskRegistry::mark_live(ThreadState& t) {
  if (t.live) return;
  t.live = true;
  ++live_;
}

void TaskRegistry::erase(pid_t tid) {
  auto it = tasks_.find(tid);
  if (it == tasks_.end()) return;
  if (it->second.live) --live_;
  tasks_.erase(it);
}

ThreadState& TaskRegistry::rename(pid_t from, pid_t to) {
  auto node = tasks_.extract(from);
  node.key() = to;
  ThreadState& t = node.mapped();
  t.tid = to;
  t.pid = to;
  t.event.tid = to;
  auto result = tasks_.insert(std::move(node));
  return result.position->second;
}

std::vector<pid_t> TaskRegistry::tids_in_order() const {
  std::vector<std::pair<std::uint64_t, pid_t>> order;
  order.reserve(tasks_.size());
  for (const auto& [tid, t] : tasks_) order.emplace_back(t.seq, tid);
  std::sort(order.begin(), order.end());
  std::vector<pid_t> tids;
  tids.reserve(order.size());
  for (const auto& [seq, tid] : order) tids.push_back(tid);
  return tids;
}

std::string_view TaskRegistry::comm(pid_t tid) const {
  const ThreadState* t = find(tid);
  return t == nullptr ? std::string_view() : std::string_view(t->comm);
}

}  // namespace xtrace
