/* For the delay test: the main thread makes one getuid call while a second
 * thread keeps calling getppid.  Prints how long getuid took and how many
 * getppid calls the other thread made meanwhile:
 *   "getuid_ms=105 other_calls=8123" */
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

static atomic_long calls;
static atomic_int done;

static void* spin(void* arg) {
  (void)arg;
  while (!atomic_load(&done)) {
    syscall(SYS_getppid);
    atomic_fetch_add(&calls, 1);
  }
  return NULL;
}

static long now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int main(void) {
  pthread_t other;
  if (pthread_create(&other, NULL, spin, NULL) != 0) return 1;
  while (atomic_load(&calls) == 0) usleep(1000); /* the other thread runs */
  long before = atomic_load(&calls);
  long start = now_ms();
  syscall(SYS_getuid);
  long ms = now_ms() - start;
  long during = atomic_load(&calls) - before;
  atomic_store(&done, 1);
  pthread_join(other, NULL);
  printf("getuid_ms=%ld other_calls=%ld\n", ms, during);
  return 0;
}
