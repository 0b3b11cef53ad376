#include "arg_match.hpp"

#include <fcntl.h>
#include <fnmatch.h>
#include <limits.h>
#include <unistd.h>

#include <fmt/format.h>

namespace xtrace::inject {
namespace {

enum class ArgRole : std::uint8_t { other, path, fd, dirfd };

ArgRole role_of(ArgKind kind) {
  std::string_view name = arg_kind_name(kind);
  if (name == "path") return ArgRole::path;
  if (name == "fd") return ArgRole::fd;
  if (name == "dirfd") return ArgRole::dirfd;
  return ArgRole::other;
}

std::string read_link(const std::string& link) {
  char buf[PATH_MAX];
  ssize_t n = readlink(link.c_str(), buf, sizeof buf);
  return n > 0 ? std::string(buf, static_cast<std::size_t>(n)) : std::string();
}

bool is_at_fdcwd(std::uint64_t value) {
  return static_cast<int>(value) == AT_FDCWD;
}

// The directory a relative path of argument i is resolved against.
std::string base_directory(const SyscallEvent& ev, int i) {
  if (i > 0 && role_of(ev.desc->args[i - 1].kind) == ArgRole::dirfd && !is_at_fdcwd(ev.args[i - 1]))
    return fd_path(ev.tid, static_cast<int>(ev.args[i - 1]));
  return read_link(fmt::format("/proc/{}/cwd", ev.tid));
}

bool path_arg_matches(const SyscallEvent& ev, int i, const std::string& glob, TraceeMemory& mem) {
  std::string path;
  bool terminated = false;
  if (!mem.read_cstring(ev.args[i], PATH_MAX, path, &terminated) || !terminated) return false;
  if (glob_matches(glob, path)) return true;
  if (path.empty() || path.front() == '/') return false;
  std::string base = base_directory(ev, i);
  return !base.empty() && glob_matches(glob, base + "/" + path);
}

}  // namespace

bool glob_matches(const std::string& glob, const std::string& path) {
  return fnmatch(glob.c_str(), path.c_str(), 0) == 0;
}

std::string fd_path(pid_t tid, int fd) {
  if (fd < 0) return {};
  return read_link(fmt::format("/proc/{}/fd/{}", tid, fd));
}

bool path_argument_matches(const SyscallEvent& ev, const std::string& glob, TraceeMemory& mem) {
  if (ev.desc == nullptr) return false;
  for (int i = 0; i < ev.desc->nargs; ++i) {
    switch (role_of(ev.desc->args[i].kind)) {
      case ArgRole::path:
        if (path_arg_matches(ev, i, glob, mem)) return true;
        break;
      case ArgRole::fd:
      case ArgRole::dirfd: {
        if (is_at_fdcwd(ev.args[i])) break;
        std::string target = fd_path(ev.tid, static_cast<int>(ev.args[i]));
        if (!target.empty() && glob_matches(glob, target)) return true;
        break;
      }
      case ArgRole::other: break;
    }
  }
  return false;
}

bool fd_argument_matches(const SyscallEvent& ev, int fd) {
  if (ev.desc == nullptr) return false;
  for (int i = 0; i < ev.desc->nargs; ++i) {
    ArgRole role = role_of(ev.desc->args[i].kind);
    if ((role == ArgRole::fd || role == ArgRole::dirfd) && static_cast<int>(ev.args[i]) == fd)
      return true;
  }
  return false;
}

}  // namespace xtrace::inject
