// The exceptions are listed by name; every other call of the file class is
// judged by its first argument as a path, and every other desc or network
// call by its first argument as a descriptor, as strace does.  strace's
// choices are kept even where the kernel would say more (rename's second
// path and epoll_ctl's epfd are not looked at), so that the same lines show.
// Only the 64-bit calls of x86_64 and aarch64 are listed; a unit test
// checks that every name is in the syscall table.
#include "xtrace/path_args.hpp"

#include <array>
#include <string_view>
#include <vector>

namespace xtrace::filter {
namespace {

struct Row {
  std::string_view name;
  // One letter per argument: 'f' descriptor, 'p' path, '-' neither.
  std::string_view roles;
  FdSource source = FdSource::args;
};

constexpr std::array kRows{
    // fd, fd
    Row{"dup2", "ff"},
    Row{"dup3", "ff"},
    Row{"kexec_file_load", "ff"},
    Row{"sendfile", "ff"},
    Row{"tee", "ff"},
    // fd, path
    Row{"execveat", "fp"},
    Row{"faccessat", "fp"},
    Row{"faccessat2", "fp"},
    Row{"fchmodat", "fp"},
    Row{"fchmodat2", "fp"},
    Row{"fchownat", "fp"},
    Row{"fspick", "fp"},
    Row{"futimesat", "fp"},
    Row{"getxattrat", "fp"},
    Row{"inotify_add_watch", "fp"},
    Row{"mkdirat", "fp"},
    Row{"mknodat", "fp"},
    Row{"mount_setattr", "fp"},
    Row{"name_to_handle_at", "fp"},
    Row{"newfstatat", "fp"},
    Row{"open_tree", "fp"},
    Row{"openat", "fp"},
    Row{"openat2", "fp"},
    Row{"readlinkat", "fp"},
    Row{"setxattrat", "fp"},
    Row{"statx", "fp"},
    Row{"unlinkat", "fp"},
    Row{"utimensat", "fp"},
    // path, path
    Row{"link", "pp"},
    Row{"mount", "pp"},
    Row{"pivot_root", "pp"},
    // x, path
    Row{"quotactl", "-p"},
    Row{"symlink", "-p"},
    // fd, path, fd, path
    Row{"linkat", "fpfp"},
    Row{"move_mount", "fpfp"},
    Row{"renameat", "fpfp"},
    Row{"renameat2", "fpfp"},
    // the mapped file
    Row{"mmap", "----f"},
    Row{"symlinkat", "-fp"},
    Row{"copy_file_range", "f-f"},
    Row{"splice", "f-f"},
    Row{"epoll_ctl", "--f"},
    // fanotify_mark(fd, flags, mask, dirfd, path): the mask is one register on 64-bit
    Row{"fanotify_mark", "---fp"},
    Row{"select", "", FdSource::fd_sets},
    Row{"pselect6", "", FdSource::fd_sets},
    Row{"poll", "", FdSource::pollfds},
    Row{"ppoll", "", FdSource::pollfds},
    Row{"fsconfig", "", FdSource::fsconfig},
    // They create a descriptor but take none (their first argument is a
    // count, flags or a name).
    Row{"bpf", ""},
    Row{"epoll_create", ""},
    Row{"epoll_create1", ""},
    Row{"eventfd", ""},
    Row{"eventfd2", ""},
    Row{"fanotify_init", ""},
    Row{"fsopen", ""},
    Row{"inotify_init", ""},
    Row{"inotify_init1", ""},
    Row{"io_uring_setup", ""},
    Row{"landlock_create_ruleset", ""},
    Row{"memfd_create", ""},
    Row{"memfd_secret", ""},
    Row{"mq_open", ""},
    Row{"perf_event_open", ""},
    Row{"pidfd_open", ""},
    Row{"pipe", ""},
    Row{"pipe2", ""},
    Row{"socket", ""},
    Row{"socketpair", ""},
    Row{"timerfd_create", ""},
    Row{"userfaultfd", ""},
};

PathArgs from_row(const Row& row) {
  PathArgs a{0, 0, row.source};
  for (std::size_t i = 0; i < row.roles.size(); ++i) {
    if (row.roles[i] == 'f') a.fds |= static_cast<std::uint8_t>(1u << i);
    if (row.roles[i] == 'p') a.paths |= static_cast<std::uint8_t>(1u << i);
  }
  return a;
}

PathArgs by_class(const SyscallDesc& d) {
  if ((d.classes & cls::file) != 0) return {0, 1, FdSource::args};
  if ((d.classes & (cls::desc | cls::network)) != 0) return {1, 0, FdSource::args};
  return {};
}

// Built once: one entry per syscall, so a stop costs one index.
std::vector<PathArgs> build() {
  std::vector<PathArgs> table(kSysCount);
  for (SysId id = 0; id < kSysCount; ++id) {
    const SyscallDesc& d = describe(id);
    if ((d.classes & (cls::file | cls::desc | cls::network)) == 0) continue;
    table[id] = by_class(d);
    for (const Row& row : kRows)
      if (row.name == d.name) table[id] = from_row(row);
  }
  return table;
}

}  // namespace

std::vector<std::string_view> path_arg_names() {
  std::vector<std::string_view> names;
  names.reserve(kRows.size());
  for (const Row& row : kRows) names.push_back(row.name);
  return names;
}

PathArgs path_args(SysId id) {
  static const std::vector<PathArgs> table = build();
  return id < table.size() ? table[id] : PathArgs{};
}

}  // namespace xtrace::filter
