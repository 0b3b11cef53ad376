// The seccomp-bpf fast path's filter: a classic BPF program that returns
// SECCOMP_RET_TRACE for the syscalls xtrace must see and SECCOMP_RET_ALLOW
// for the rest, so that a traced command stops only at the calls that are
// shown.  Installed in the launched command just before its execve, it is
// inherited by every thread and child.
#pragma once

#include <linux/filter.h>

#include <string>
#include <vector>

#include "xtrace/arch.hpp"
#include "xtrace/report_options.hpp"

namespace xtrace::seccomp {

// traced[nr] for each native syscall number below table_size(arch): whether
// the filter must stop there.  The calls -e trace= selects (with -P or
// --trace-fds, only those that can name a path or descriptor), execve and
// execveat (the command's first exec is where tracing starts), and every
// number no table names (strace shows those whatever -e trace= says).
std::vector<bool> traced_numbers(const FilterOptions& filter, Arch arch);

// The program for `arch`: another audit arch (i386 or arm32 compat calls),
// a number at or past traced.size() (x32 calls among them) trace; below
// it, a binary search over 32-call words of the bitmap.  Empty if the
// program could not be encoded (a jump too long for BPF's 8-bit offsets).
std::vector<sock_filter> build_program(Arch arch, const std::vector<bool>& traced);

// Whether this kernel takes seccomp filters (strace's probe: a NULL
// program fails with EFAULT, not EINVAL).
bool available();

// In the command's process, before its execve: installs the program.
// Without CAP_SYS_ADMIN the kernel demands no_new_privs first; with it,
// setuid programs keep working under -u as they would without the filter.
// False with errno set when the kernel refuses.
bool install(const std::vector<sock_filter>& program);

}  // namespace xtrace::seccomp
