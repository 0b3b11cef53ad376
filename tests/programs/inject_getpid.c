/* For fault injection tests: makes N getpid calls (argv[1], default 6) and
 * prints what each returned as the program saw it, how long it took, and
 * whether a SIGUSR1 arrived:  "3 r=-1 e=5 ms=0 sig=0". */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t got_usr1;

static void on_usr1(int sig) {
  (void)sig;
  got_usr1 = 1;
}

static long now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int main(int argc, char** argv) {
  int n = argc > 1 ? atoi(argv[1]) : 6;
  signal(SIGUSR1, on_usr1);
  /* The pid from gettid (the same in a single-threaded process): a getpid
   * call here would count as one of the N. */
  long pid = syscall(SYS_gettid);
  for (int i = 1; i <= n; ++i) {
    got_usr1 = 0;
    long start = now_ms();
    errno = 0;
    long r = syscall(SYS_getpid);
    int e = r < 0 ? errno : 0;
    long ms = now_ms() - start;
    /* The real pid varies from run to run; print it as "pid". */
    if (r == pid)
      printf("%d r=pid e=%d ms=%ld sig=%d\n", i, e, ms, (int)got_usr1);
    else
      printf("%d r=%ld e=%d ms=%ld sig=%d\n", i, r, e, ms, (int)got_usr1);
  }
  return 0;
}
