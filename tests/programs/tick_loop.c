/* Writes "tick N\n" to stdout every 10 ms, from THREADS threads (argv[1],
 * default 1), until SECONDS (argv[2], default 20) have passed: a helper to
 * attach to.  Each write is one syscall, so ticks never interleave. */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

static long seconds = 20;

static void* run(void* arg) {
  long thread = (long)(intptr_t)arg;
  struct timespec pause = {0, 10 * 1000 * 1000};
  for (long n = 0; n < seconds * 100; ++n) {
    char line[64];
    int len = snprintf(line, sizeof line, "tick %ld %ld\n", thread, n);
    if (write(1, line, (size_t)len) != len) exit(1);
    nanosleep(&pause, NULL);
  }
  return NULL;
}

int main(int argc, char** argv) {
  long threads = argc > 1 ? atol(argv[1]) : 1;
  if (argc > 2) seconds = atol(argv[2]);
  pthread_t ids[64];
  if (threads < 1 || threads > 64) return 2;
  for (long t = 1; t < threads; ++t)
    if (pthread_create(&ids[t], NULL, run, (void*)(intptr_t)t) != 0) return 1;
  run((void*)0);
  return 0;
}
