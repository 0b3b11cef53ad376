/* For the seccomp fast path: reports its own Seccomp mode (2 when a filter
 * is installed), then makes one traced call (getuid) in a thread and in a
 * child, which must never fail with ENOSYS, and sends itself SIGUSR1.  In
 * order: the thread is joined before the fork; the child sleeps first, so
 * that the parent is blocked in wait4 when the child's calls come; the
 * child is waited for before the signal: a trace is deterministic. */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

static int seccomp_mode(void) {
  FILE* f = fopen("/proc/self/status", "r");
  char line[256];
  int mode = -1;
  while (f != NULL && fgets(line, sizeof line, f) != NULL)
    if (sscanf(line, "Seccomp: %d", &mode) == 1) break;
  if (f != NULL) fclose(f);
  return mode;
}

/* Raw getuid: -1 and errno ENOSYS if a filter nobody serves stopped it. */
static const char* checked_getuid(void) {
  errno = 0;
  return syscall(SYS_getuid) == -1 && errno == ENOSYS ? "ENOSYS" : "ok";
}

static void* in_thread(void* arg) {
  (void)arg;
  printf("thread getuid %s\n", checked_getuid());
  return NULL;
}

static void on_usr1(int sig) {
  (void)sig;
}

int main(void) {
  printf("seccomp=%d\n", seccomp_mode());
  fflush(stdout);
  pthread_t thread;
  if (pthread_create(&thread, NULL, in_thread, NULL) != 0 || pthread_join(thread, NULL) != 0)
    return 1;
  fflush(stdout);
  pid_t pid = fork();
  if (pid < 0) return 1;
  if (pid == 0) {
    usleep(100000);
    printf("child getuid %s\n", checked_getuid());
    fflush(stdout);
    _exit(3);
  }
  int status = 0;
  if (waitpid(pid, &status, 0) != pid) return 1;
  printf("child exit=%d\n", WIFEXITED(status) ? WEXITSTATUS(status) : -1);
  signal(SIGUSR1, on_usr1);
  kill(getpid(), SIGUSR1);
  return 0;
}
