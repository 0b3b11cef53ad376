// What -y / -yy add to a file descriptor: its path, socket endpoints,
// device numbers, or the pid of a pidfd, read from /proc of the tracee
// (AF_UNIX sockets from the kernel's sock_diag netlink interface).
#pragma once

#include "xtrace/value.hpp"

#include <sys/types.h>

#include <string>

namespace xtrace::decode {

// The text strace puts between <> after fd (without the brackets), or
// empty when there is nothing to show (fd not open, details not asked).
std::string fd_details_text(pid_t tid, int fd, unsigned details);
// "3</etc/passwd>" or "3", as the options ask.
void print_fd_decorated(pid_t tid, int fd, unsigned details, std::string& out);
void print_fd_decorated(pid_t tid, int fd, unsigned details, ValueOut& out);
// The current directory of the tracee, for AT_FDCWD</cwd> with -y.
std::string cwd_text(pid_t tid);

}  // namespace xtrace::decode
