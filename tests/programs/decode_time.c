// Decoding family "time": clocks, sleeps, timers.  Values that change
// between runs are normalized by the comparison.
#define _GNU_SOURCE
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/timerfd.h>
#include <time.h>
#include <unistd.h>

int main(void) {
  struct timespec ts;
  syscall(SYS_clock_gettime, CLOCK_MONOTONIC, &ts);
  syscall(SYS_clock_getres, CLOCK_REALTIME, &ts);
  struct timespec req = {0, 1000};
  nanosleep(&req, NULL);
  clock_nanosleep(CLOCK_MONOTONIC, 0, &req, NULL);
  struct timeval tv;
  syscall(SYS_gettimeofday, &tv, NULL);
  struct itimerval it = {{0, 0}, {10, 0}};
  setitimer(ITIMER_REAL, &it, NULL);
  struct itimerval zero = {{0, 0}, {0, 0}};
  setitimer(ITIMER_REAL, &zero, &it);
  int tfd = timerfd_create(CLOCK_MONOTONIC, TFD_CLOEXEC | TFD_NONBLOCK);
  struct itimerspec its = {{0, 0}, {5, 0}};
  timerfd_settime(tfd, 0, &its, NULL);
  close(tfd);
  return 0;
}
