/* /init of the emulated machines that run xtrace's tests (arm64, and
 * x86_64 for i386 calls; tests/vm/run.sh builds their initramfs).  It
 * mounts what the tests read, runs each line of /suite as a command (words
 * split on spaces), prints each one's exit status, then the first non-zero
 * one as "xtrace-vm: STATUS=N" (the line run.sh looks for) and powers the
 * machine off.  A line "export NAME=VALUE" sets a variable for the lines
 * after it instead (run.sh passes the host's reference strace that way).
 * As process 1 it also reaps the orphans the tests leave. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/reboot.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static void power_off(int status) {
  printf("xtrace-vm: STATUS=%d\n", status);
  fflush(stdout);
  sync();
  reboot(RB_POWER_OFF);
  for (;;) pause();
}

/* Runs one command and waits for it; any other child that ends meanwhile
 * is an orphan reparented to us. */
static int run(char** argv) {
  pid_t pid = fork();
  if (pid < 0) return 126;
  if (pid == 0) {
    execvp(argv[0], argv);
    fprintf(stderr, "init: %s: %s\n", argv[0], strerror(errno));
    _exit(127);
  }
  int status = 0;
  for (;;) {
    pid_t w = waitpid(-1, &status, 0);
    if (w == pid) break;
    if (w < 0 && errno != EINTR) return 126;
  }
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  return WIFSIGNALED(status) ? 128 + WTERMSIG(status) : 126;
}

int main(void) {
  mount("devtmpfs", "/dev", "devtmpfs", 0, NULL);
  mount("proc", "/proc", "proc", 0, NULL);
  mount("sysfs", "/sys", "sysfs", 0, NULL);
  mount("tmpfs", "/tmp", "tmpfs", 0, "mode=1777");
  int fd = open("/dev/console", O_RDWR);
  if (fd >= 0) {
    dup2(fd, 0);
    dup2(fd, 1);
    dup2(fd, 2);
    if (fd > 2) close(fd);
  }
  setenv("PATH", "/bin:/sbin:/usr/bin:/usr/sbin", 1);
  setenv("HOME", "/tmp", 1);
  /* A comparison with strace that is not excluded then fails, not skips. */
  setenv("CI", "1", 1);
  if (chdir("/tmp") != 0) perror("init: /tmp");

  FILE* suite = fopen("/suite", "r");
  if (suite == NULL) {
    perror("init: /suite");
    power_off(125);
  }
  int first_failure = 0;
  double start = now();
  char line[8192];
  while (fgets(line, sizeof line, suite) != NULL) {
    line[strcspn(line, "\n")] = '\0';
    if (line[0] == '\0' || line[0] == '#') continue;
    if (strncmp(line, "export ", 7) == 0) {
      char* eq = strchr(line + 7, '=');
      if (eq != NULL) {
        *eq = '\0';
        setenv(line + 7, eq + 1, 1);
        printf("xtrace-vm: export %s=%s\n", line + 7, eq + 1);
        continue;
      }
    }
    char* argv[64];
    int argc = 0;
    char* copy = strdup(line);
    for (char* w = strtok(copy, " "); w != NULL && argc < 63; w = strtok(NULL, " "))
      argv[argc++] = w;
    argv[argc] = NULL;
    printf("xtrace-vm: RUN %s\n", line);
    fflush(stdout);
    double t0 = now();
    int code = run(argv);
    fflush(stdout);
    printf("xtrace-vm: EXIT %d (%.1f s) %s\n", code, now() - t0, argv[0]);
    if (code != 0 && first_failure == 0) first_failure = code;
    free(copy);
  }
  printf("xtrace-vm: suite took %.1f s\n", now() - start);
  power_off(first_failure);
  return 0;
}
