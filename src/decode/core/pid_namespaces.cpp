#include "pid_namespaces.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <linux/nsfs.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <charconv>
#include <string>

#include <fmt/format.h>

namespace xtrace {
namespace {

// The status line of each PidType, in PidType's order.
constexpr std::array<std::string_view, 4> kLines{"\nNSpid:", "\nNStgid:", "\nNSpgid:", "\nNSsid:"};

std::string read_status(const std::string& dir) {
  int fd = open((dir + "/status").c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return {};
  // The NS* lines come early, but the whole file is small: read it all.
  std::string text(8192, '\0');
  ssize_t n = read(fd, text.data(), text.size());
  close(fd);
  text.resize(n > 0 ? static_cast<std::size_t>(n) : 0);
  return text;
}

std::string proc_dir(pid_t pid) {
  return fmt::format("/proc/{}", pid);
}

// The inode of the pid namespace `up` levels above dir's own; 0 when the
// kernel does not say (the task is gone, or NS_GET_PARENT is refused).
std::uint64_t ns_inode(const std::string& dir, std::size_t up) {
  int fd = open((dir + "/ns/pid").c_str(), O_RDONLY | O_CLOEXEC);
  for (std::size_t i = 0; fd >= 0 && i < up; ++i) {
    int parent = ioctl(fd, NS_GET_PARENT);
    close(fd);
    fd = parent;
  }
  if (fd < 0) return 0;
  struct stat st {};
  int rc = fstat(fd, &st);
  close(fd);
  return rc == 0 ? st.st_ino : 0;
}

pid_t to_pid(std::string_view text) {
  pid_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  return ec == std::errc() && end == text.data() + text.size() ? value : 0;
}

// Calls f with every numeric entry of a /proc directory.
template <typename F>
void for_each_pid(const std::string& dir, F&& f) {
  DIR* d = opendir(dir.c_str());
  if (d == nullptr) return;
  while (dirent* de = readdir(d)) {
    pid_t pid = to_pid(de->d_name);
    if (pid > 0 && f(pid)) break;
  }
  closedir(d);
}

}  // namespace

std::vector<pid_t> parse_ns_ids(std::string_view status, PidType type) {
  std::vector<pid_t> ids;
  std::string_view key = kLines[static_cast<std::size_t>(type)];
  std::size_t at = status.find(key);
  if (at == std::string_view::npos) return ids;
  std::string_view rest = status.substr(at + key.size());
  rest = rest.substr(0, rest.find('\n'));
  while (!rest.empty()) {
    std::size_t start = rest.find_first_not_of(" \t");
    if (start == std::string_view::npos) break;
    rest = rest.substr(start);
    std::size_t end = rest.find_first_of(" \t");
    // 0: the group or session lies outside that namespace.
    std::string_view digits = rest.substr(0, end);
    pid_t id = digits == "0" ? 0 : to_pid(digits);
    if (id == 0 && digits != "0") return {};
    ids.push_back(id);
    rest = end == std::string_view::npos ? std::string_view() : rest.substr(end);
  }
  return ids;
}

std::size_t PidNamespaces::KeyHash::operator()(const Key& k) const {
  return std::hash<std::uint64_t>()(k.inode * 31 + static_cast<std::uint64_t>(k.pid) * 4 +
                                    static_cast<std::uint64_t>(k.type));
}

PidNamespaces::PidNamespaces() {
  std::vector<pid_t> ids = parse_ns_ids(read_status("/proc/self"), PidType::tid);
  own_.level = ids.empty() ? 0 : ids.size() - 1;
  own_.inode = ns_inode("/proc/self", 0);
}

const PidNamespaces::Ns* PidNamespaces::tracee_ns(pid_t tracee) {
  auto it = tracees_.find(tracee);
  if (it != tracees_.end()) return &it->second;
  std::string dir = proc_dir(tracee);
  std::vector<pid_t> ids = parse_ns_ids(read_status(dir), PidType::tid);
  Ns ns{ns_inode(dir, 0), ids.empty() ? 0 : ids.size() - 1};
  if (ids.empty() || ns.inode == 0) return nullptr;
  return &tracees_.emplace(tracee, ns).first->second;
}

pid_t PidNamespaces::match(pid_t entry, const Ns& ns, pid_t pid, PidType type) const {
  std::string dir = proc_dir(entry);
  std::vector<pid_t> ids = parse_ns_ids(read_status(dir), type);
  if (ids.size() <= ns.level || ids.size() <= own_.level || ids[ns.level] != pid) return 0;
  // The same number at the same depth may belong to a sibling namespace.
  if (ns_inode(dir, ids.size() - 1 - ns.level) != ns.inode) return 0;
  return ids[own_.level];
}

pid_t PidNamespaces::scan(const Ns& ns, pid_t pid, PidType type) {
  pid_t ours = 0;
  pid_t where = 0;
  auto try_entry = [&](pid_t entry) {
    ours = match(entry, ns, pid, type);
    if (ours != 0) where = entry;
    return ours != 0;
  };
  for_each_pid("/proc", [&](pid_t entry) {
    // Threads other than leaders are only listed under their process.
    if (type == PidType::tid && ours == 0) for_each_pid(proc_dir(entry) + "/task", try_entry);
    return ours != 0 || try_entry(entry);
  });
  if (ours != 0) found_[Key{ns.inode, pid, type}] = where;
  return ours;
}

pid_t PidNamespaces::to_ours(pid_t tracee, pid_t pid, PidType type) {
  if (pid <= 0) return 0;
  const Ns* ns = tracee_ns(tracee);
  if (ns == nullptr) return 0;
  if (ns->inode == own_.inode) return pid;
  auto it = found_.find(Key{ns->inode, pid, type});
  if (it != found_.end()) {
    if (pid_t ours = match(it->second, *ns, pid, type); ours != 0) return ours;
    found_.erase(it);
  }
  return scan(*ns, pid, type);
}

}  // namespace xtrace
