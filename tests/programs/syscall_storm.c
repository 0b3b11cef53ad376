/* THREADS threads (argv[1], default 16) each make CALLS getppid calls
 * (argv[2], default 6250), all starting together; prints "calls N" on
 * stderr, N the calls that returned. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <unistd.h>

static long calls = 6250;
static pthread_barrier_t start;

static void* run(void* arg) {
  long* done = arg;
  pthread_barrier_wait(&start);
  for (long i = 0; i < calls; ++i)
    if (syscall(SYS_getppid) > 0) ++*done;
  return NULL;
}

int main(int argc, char** argv) {
  long threads = argc > 1 ? atol(argv[1]) : 16;
  if (argc > 2) calls = atol(argv[2]);
  if (threads < 1 || threads > 64) return 2;
  pthread_t ids[64];
  long done[64] = {0};
  pthread_barrier_init(&start, NULL, (unsigned)threads);
  for (long t = 0; t < threads; ++t)
    if (pthread_create(&ids[t], NULL, run, &done[t]) != 0) return 1;
  long total = 0;
  for (long t = 0; t < threads; ++t) {
    pthread_join(ids[t], NULL);
    total += done[t];
  }
  fprintf(stderr, "calls %ld\n", total);
  return 0;
}
