/* Enters new namespaces for -e namespace=new: clone(CLONE_NEWUSER|SIGCHLD)
 * with a child that waits on a pipe (so its /proc entry is there when the
 * tracer reads it at clone's exit), then unshare(CLONE_NEWUSER|CLONE_NEWNET)
 * and unshare(CLONE_FILES).  Prints "clone=ok|EPERM..." per call on stdout. */
#define _GNU_SOURCE
#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
  int fds[2];
  if (pipe(fds) != 0) return 1;
  long pid = syscall(SYS_clone, CLONE_NEWUSER | SIGCHLD, 0, 0, 0, 0);
  if (pid == 0) {
    char c;
    (void)!read(fds[0], &c, 1);
    _exit(0);
  }
  printf("clone=%s\n", pid > 0 ? "ok" : strerror(errno));
  if (pid > 0) {
    if (write(fds[1], "x", 1) != 1) return 1;
    waitpid((pid_t)pid, NULL, 0);
  }
  printf("unshare=%s\n", unshare(CLONE_NEWUSER | CLONE_NEWNET) == 0 ? "ok" : strerror(errno));
  printf("files=%s\n", unshare(CLONE_FILES) == 0 ? "ok" : strerror(errno));
  return 0;
}
