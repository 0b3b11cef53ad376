/* Every pid-valued argument and result strace decorates with -Y and
 * --decode-pids=pidns: getpid, getppid, gettid, getpgid, getsid, setpgid,
 * tgkill, tkill, kill, prlimit64, sched_getscheduler, pidfd_open,
 * fcntl F_SETOWN/F_GETOWN, getpriority, fork + kill + wait4 (si_pid of the
 * SIGTERM), fork + waitid.  Prints "self=PID first=PID second=PID" as its
 * own namespace numbers them, and exits 0. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
  pid_t self = getpid();
  getppid();
  pid_t tid = (pid_t)syscall(SYS_gettid);
  getpgid(0);
  getpgid(self);
  getsid(self);
  setpgid(0, 0);
  syscall(SYS_tgkill, self, tid, 0);
  syscall(SYS_tkill, tid, 0);
  kill(self, 0);
  struct rlimit limit;
  prlimit(self, RLIMIT_NOFILE, NULL, &limit);
  sched_getscheduler(self);
  int pidfd = (int)syscall(SYS_pidfd_open, self, 0);
  if (pidfd >= 0) close(pidfd);
  /* The raw call: glibc's fcntl turns F_GETOWN into F_GETOWN_EX. */
  syscall(SYS_fcntl, 1, F_SETOWN, self);
  syscall(SYS_fcntl, 1, F_GETOWN);
  getpriority(PRIO_PROCESS, (id_t)self);
  pid_t first = fork();
  if (first == 0) {
    pause();
    _exit(0);
  }
  if (first < 0) return 1;
  kill(first, SIGTERM);
  int status = 0;
  if (wait4(first, &status, 0, NULL) != first) return 1;
  pid_t second = fork();
  if (second == 0) _exit(3);
  if (second < 0) return 1;
  siginfo_t info;
  if (waitid(P_PID, (id_t)second, &info, WEXITED) != 0) return 1;
  printf("self=%d first=%d second=%d\n", self, first, second);
  return 0;
}
