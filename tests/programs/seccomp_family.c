/* For the seccomp fast path: reports its own Seccomp mode (2 when a filter
 * is installed), then makes one traced call (getuid) in a thread and in a
 * child, which must never fail with ENOSYS, and sends itself SIGUSR1.  In
 * order: the thread is joined, and gone from /proc/self/task (so its
 * tracer has reaped it and told its exit), before the fork; the child
 * waits until the parent sleeps in wait4 (so its line is out before the child's calls
 * come, however loaded the machine); the child is waited for before the
 * signal: a trace is deterministic. */
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

static long thread_tid;

static void* in_thread(void* arg) {
  (void)arg;
  thread_tid = syscall(SYS_gettid);
  printf("thread getuid %s\n", checked_getuid());
  return NULL;
}

/* Whether `pid` is blocked in wait4: /proc/PID/syscall starts with the
 * number of the call a sleeping task is in. */
static int in_wait4(pid_t pid) {
  char path[64], line[256];
  snprintf(path, sizeof path, "/proc/%d/syscall", (int)pid);
  FILE* f = fopen(path, "r");
  if (f == NULL) return 0;
  long nr = -1;
  if (fgets(line, sizeof line, f) == NULL || sscanf(line, "%ld", &nr) != 1) nr = -1;
  fclose(f);
  return nr == SYS_wait4;
}

/* pthread_join returns once the kernel clears the thread's tid, before a
 * tracer has reaped it; the task leaves /proc only after the tracer's wait. */
static void wait_reaped(long tid) {
  char path[64];
  snprintf(path, sizeof path, "/proc/self/task/%ld", tid);
  for (int i = 0; i < 10000 && access(path, F_OK) == 0; ++i) usleep(1000);
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
  wait_reaped(thread_tid);
  fflush(stdout);
  pid_t pid = fork();
  if (pid < 0) return 1;
  if (pid == 0) {
    /* At most 10 s; then on, whatever the order. */
    for (int i = 0; i < 10000 && !in_wait4(getppid()); ++i) usleep(1000);
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
