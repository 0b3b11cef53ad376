#include "engine/task_cpu_clock.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <array>
#include <charconv>
#include <string>

namespace xtrace {
namespace {

int open_schedstat(pid_t tid) {
  std::string path = "/proc/" + std::to_string(tid) + "/schedstat";
  return ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
}

std::int64_t read_first_number(int fd) {
  std::array<char, 96> buf{};
  ssize_t n = ::pread(fd, buf.data(), buf.size() - 1, 0);
  if (n <= 0) return -1;
  std::int64_t value = -1;
  auto [end, ec] = std::from_chars(buf.data(), buf.data() + n, value);
  return ec == std::errc() ? value : -1;
}

}  // namespace

TaskCpuClock::~TaskCpuClock() {
  for (auto [tid, fd] : fds_) ::close(fd);
}

std::int64_t TaskCpuClock::read(pid_t tid) {
  auto it = fds_.find(tid);
  if (it == fds_.end()) {
    int fd = open_schedstat(tid);
    if (fd < 0) return -1;
    it = fds_.emplace(tid, fd).first;
  }
  std::int64_t ns = read_first_number(it->second);
  if (ns < 0) forget(tid);  // a new task may reuse the number: reopen next time
  return ns;
}

void TaskCpuClock::forget(pid_t tid) {
  auto it = fds_.find(tid);
  if (it == fds_.end()) return;
  ::close(it->second);
  fds_.erase(it);
}

}  // namespace xtrace
