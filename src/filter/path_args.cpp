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
  SysId id;
  // One letter per argument: 'f' descriptor, 'p' path, '-' neither.
  std::string_view roles;
  FdSource source = FdSource::args;
};

constexpr std::array kRows{
    // fd, fd
    Row{SysId::dup2, "ff"},
    Row{SysId::dup3, "ff"},
    Row{SysId::kexec_file_load, "ff"},
    Row{SysId::sendfile, "ff"},
    Row{SysId::tee, "ff"},
    // fd, path
    Row{SysId::execveat, "fp"},
    Row{SysId::faccessat, "fp"},
    Row{SysId::faccessat2, "fp"},
    Row{SysId::fchmodat, "fp"},
    Row{SysId::fchmodat2, "fp"},
    Row{SysId::fchownat, "fp"},
    Row{SysId::fspick, "fp"},
    Row{SysId::futimesat, "fp"},
    Row{SysId::getxattrat, "fp"},
    Row{SysId::inotify_add_watch, "fp"},
    Row{SysId::mkdirat, "fp"},
    Row{SysId::mknodat, "fp"},
    Row{SysId::mount_setattr, "fp"},
    Row{SysId::name_to_handle_at, "fp"},
    Row{SysId::newfstatat, "fp"},
    Row{SysId::open_tree, "fp"},
    Row{SysId::openat, "fp"},
    Row{SysId::openat2, "fp"},
    Row{SysId::readlinkat, "fp"},
    Row{SysId::setxattrat, "fp"},
    Row{SysId::statx, "fp"},
    Row{SysId::unlinkat, "fp"},
    Row{SysId::utimensat, "fp"},
    // path, path
    Row{SysId::link, "pp"},
    Row{SysId::mount, "pp"},
    Row{SysId::pivot_root, "pp"},
    // x, path
    Row{SysId::quotactl, "-p"},
    Row{SysId::symlink, "-p"},
    // fd, path, fd, path
    Row{SysId::linkat, "fpfp"},
    Row{SysId::move_mount, "fpfp"},
    Row{SysId::renameat, "fpfp"},
    Row{SysId::renameat2, "fpfp"},
    // the mapped file
    Row{SysId::mmap, "----f"},
    Row{SysId::symlinkat, "-fp"},
    Row{SysId::copy_file_range, "f-f"},
    Row{SysId::splice, "f-f"},
    Row{SysId::epoll_ctl, "--f"},
    // fanotify_mark(fd, flags, mask, dirfd, path): the mask is one register on 64-bit
    Row{SysId::fanotify_mark, "---fp"},
    Row{SysId::select, "", FdSource::fd_sets},
    Row{SysId::pselect6, "", FdSource::fd_sets},
    Row{SysId::poll, "", FdSource::pollfds},
    Row{SysId::ppoll, "", FdSource::pollfds},
    Row{SysId::fsconfig, "", FdSource::fsconfig},
    // They create a descriptor but take none (their first argument is a
    // count, flags or a name).
    Row{SysId::bpf, ""},
    Row{SysId::epoll_create, ""},
    Row{SysId::epoll_create1, ""},
    Row{SysId::eventfd, ""},
    Row{SysId::eventfd2, ""},
    Row{SysId::fanotify_init, ""},
    Row{SysId::fsopen, ""},
    Row{SysId::inotify_init, ""},
    Row{SysId::inotify_init1, ""},
    Row{SysId::io_uring_setup, ""},
    Row{SysId::landlock_create_ruleset, ""},
    Row{SysId::memfd_create, ""},
    Row{SysId::memfd_secret, ""},
    Row{SysId::mq_open, ""},
    Row{SysId::perf_event_open, ""},
    Row{SysId::pidfd_open, ""},
    Row{SysId::pipe, ""},
    Row{SysId::pipe2, ""},
    Row{SysId::socket, ""},
    Row{SysId::socketpair, ""},
    Row{SysId::timerfd_create, ""},
    Row{SysId::userfaultfd, ""},
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
  for (SysId id : all_sys_ids()) {
    const SyscallDesc& d = describe(id);
    if ((d.classes & (cls::file | cls::desc | cls::network)) == 0) continue;
    table[id] = by_class(d);
    for (const Row& row : kRows)
      if (row.id == id) table[id] = from_row(row);
  }
  return table;
}

}  // namespace

std::vector<std::string_view> path_arg_names() {
  std::vector<std::string_view> names;
  names.reserve(kRows.size());
  for (const Row& row : kRows) names.push_back(describe(row.id).name);
  return names;
}

PathArgs path_args(SysId id) {
  static const std::vector<PathArgs> table = build();
  return id < table.size() ? table[id] : PathArgs{};
}

}  // namespace xtrace::filter
