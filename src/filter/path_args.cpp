// The exceptions are the files column of syscall_tables/facts.tsv; every
// other call of the file class is
// judged by its first argument as a path, and every other desc or network
// call by its first argument as a descriptor, as strace does.  strace's
// choices are kept even where the kernel would say more (rename's second
// path and epoll_ctl's epfd are not looked at), so that the same lines show.
// Only the 64-bit calls of x86_64 and aarch64 are listed; the generator
// checks every name, and that each listed call is one -P looks at.
#include "xtrace/path_args.hpp"

#include <array>
#include <string_view>
#include <vector>

namespace xtrace::filter {
namespace {

PathArgs from_facts(const SyscallFacts& f) {
  switch (f.files) {
    case FileArgs::pollfds: return {0, 0, FdSource::pollfds};
    case FileArgs::fd_sets: return {0, 0, FdSource::fd_sets};
    case FileArgs::fsconfig: return {0, 0, FdSource::fsconfig};
    default: return {f.file_fds, f.file_paths, FdSource::args};
  }
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
    const SyscallFacts& f = facts(id);
    table[id] = f.files == FileArgs::by_class ? by_class(d) : from_facts(f);
  }
  return table;
}

}  // namespace

PathArgs path_args(SysId id) {
  static const std::vector<PathArgs> table = build();
  return id < table.size() ? table[id] : PathArgs{};
}

}  // namespace xtrace::filter
