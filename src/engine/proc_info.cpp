#include "proc_info.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <unistd.h>

#include <charconv>
#include <string_view>

#include <fmt/format.h>

namespace xtrace::proc {
namespace {

std::string read_small_file(const std::string& path) {
  int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return {};
  char buf[4096];
  ssize_t n = read(fd, buf, sizeof buf);
  close(fd);
  return n > 0 ? std::string(buf, static_cast<std::size_t>(n)) : std::string();
}

pid_t to_pid(std::string_view text) {
  pid_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  return ec == std::errc() && end != text.data() ? value : 0;
}

}  // namespace

pid_t thread_group(pid_t tid) {
  std::string status = read_small_file(fmt::format("/proc/{}/status", tid));
  constexpr std::string_view kKey = "\nTgid:";
  std::size_t at = status.find(kKey);
  if (at == std::string::npos) return tid;
  std::size_t start = status.find_first_not_of(" \t", at + kKey.size());
  if (start == std::string::npos) return tid;
  pid_t tgid = to_pid(std::string_view(status).substr(start));
  return tgid > 0 ? tgid : tid;
}

std::vector<pid_t> threads_of(pid_t pid) {
  std::vector<pid_t> tids;
  DIR* dir = opendir(fmt::format("/proc/{}/task", pid).c_str());
  if (dir == nullptr) return tids;
  while (dirent* de = readdir(dir)) {
    pid_t tid = to_pid(de->d_name);
    if (tid > 0) tids.push_back(tid);
  }
  closedir(dir);
  return tids;
}

std::string comm(pid_t tid) {
  std::string text = read_small_file(fmt::format("/proc/{}/comm", tid));
  while (!text.empty() && text.back() == '\n') text.pop_back();
  return text;
}

}  // namespace xtrace::proc
