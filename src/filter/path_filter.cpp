#include "xtrace/path_filter.hpp"

#include <limits.h>
#include <poll.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <memory>

#include <fmt/format.h>

#include "xtrace/path_args.hpp"

namespace xtrace::filter {
namespace {

// The kernel clips nfds to int and strace reads at most this many entries,
// so that select(INT_MAX, ...) is not a gigabyte read.
constexpr int kMaxFds = 1024 * 1024;
constexpr std::size_t kPollChunk = 512;  // pollfds read per process_vm_readv

std::optional<std::string> real_path(const std::string& path) {
  std::unique_ptr<char, decltype(&std::free)> resolved(realpath(path.c_str(), nullptr), &std::free);
  if (!resolved) return std::nullopt;
  return std::string(resolved.get());
}

// The 64-bit word size of both arches: fd_set sizes are multiples of it.
constexpr std::size_t kWord = 8;

}  // namespace

PathFilter::PathFilter(const std::vector<std::string>& paths, std::optional<DescriptorSet> fds)
    : fds_(std::move(fds)) {
  auto store = [this](const std::string& p) {
    if (!path_selected(p)) paths_.push_back(p);
  };
  for (const std::string& p : paths) {
    store(p);
    auto resolved = real_path(p);
    if (!resolved || *resolved == p) continue;
    // Reported once per -P, even when the same path is given twice (strace).
    resolutions_.emplace_back(p, *resolved);
    store(*resolved);
  }
}

bool PathFilter::path_selected(const std::string& path) const {
  return std::find(paths_.begin(), paths_.end(), path) != paths_.end();
}

bool PathFilter::fd_matches(pid_t tid, int fd) const {
  if (fds_ && fds_->contains(fd)) return true;
  if (fd < 0 || paths_.empty()) return false;
  char target[PATH_MAX + 1];
  std::string link = fmt::format("/proc/{}/fd/{}", tid, fd);
  ssize_t n = readlink(link.c_str(), target, sizeof target - 1);
  return n >= 0 && path_selected(std::string(target, static_cast<std::size_t>(n)));
}

bool PathFilter::path_arg_matches(std::uint64_t addr, TraceeMemory& mem) const {
  if (paths_.empty()) return false;
  std::string path;
  bool terminated = false;
  return mem.read_cstring(addr, PATH_MAX, path, &terminated) && terminated && path_selected(path);
}

bool PathFilter::pollfds_match(const SyscallEvent& ev, TraceeMemory& mem) const {
  std::uint64_t addr = ev.args[0];
  auto count =
      static_cast<std::size_t>(std::min<std::uint64_t>(static_cast<unsigned>(ev.args[1]), kMaxFds));
  pollfd chunk[kPollChunk];
  for (std::size_t done = 0; done < count;) {
    std::size_t n = std::min(kPollChunk, count - done);
    // An unreadable entry ends the search, as in strace.
    if (!mem.read(addr + done * sizeof(pollfd), chunk, n * sizeof(pollfd))) return false;
    for (std::size_t i = 0; i < n; ++i)
      if (fd_matches(ev.tid, chunk[i].fd)) return true;
    done += n;
  }
  return false;
}

bool PathFilter::fd_sets_match(const SyscallEvent& ev, TraceeMemory& mem) const {
  int nfds = static_cast<int>(ev.args[0]);
  if (nfds <= 0) return false;
  nfds = std::min(nfds, kMaxFds);
  std::size_t bytes = ((static_cast<std::size_t>(nfds) + 7) / 8 + kWord - 1) / kWord * kWord;
  std::vector<unsigned char> bits(bytes);
  for (int set = 1; set <= 3; ++set) {
    if (ev.args[set] == 0 || !mem.read(ev.args[set], bits.data(), bytes)) continue;
    for (int fd = 0; fd < nfds; ++fd)
      if ((bits[static_cast<std::size_t>(fd) / 8] >> (fd % 8) & 1) != 0 && fd_matches(ev.tid, fd))
        return true;
  }
  return false;
}

// fsconfig(fd, cmd, key, value, aux): FSCONFIG_SET_PATH(_EMPTY) name a path
// (value) relative to a descriptor (aux); FSCONFIG_SET_FD a descriptor.
bool PathFilter::fsconfig_matches(const SyscallEvent& ev, TraceeMemory& mem) const {
  constexpr unsigned kSetPath = 3, kSetPathEmpty = 4, kSetFd = 5;
  auto cmd = static_cast<unsigned>(ev.args[1]);
  int aux = static_cast<int>(ev.args[4]);
  if (cmd == kSetPath || cmd == kSetPathEmpty)
    return fd_matches(ev.tid, aux) || path_arg_matches(ev.args[3], mem);
  return cmd == kSetFd && fd_matches(ev.tid, aux);
}

bool PathFilter::matches(const SyscallEvent& ev, TraceeMemory& mem) const {
  if (ev.desc == nullptr) return false;
  PathArgs a = path_args(id_of(*ev.desc));
  switch (a.source) {
    case FdSource::pollfds: return pollfds_match(ev, mem);
    case FdSource::fd_sets: return fd_sets_match(ev, mem);
    case FdSource::fsconfig: return fsconfig_matches(ev, mem);
    case FdSource::args: break;
  }
  // Descriptors first: a readlink is cheaper than reading tracee memory.
  for (int i = 0; i < 6; ++i)
    if ((a.fds >> i & 1) != 0 && fd_matches(ev.tid, static_cast<int>(ev.args[i]))) return true;
  for (int i = 0; i < 6; ++i)
    if ((a.paths >> i & 1) != 0 && path_arg_matches(ev.args[i], mem)) return true;
  return false;
}

}  // namespace xtrace::filter
