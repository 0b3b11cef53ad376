/* Starts THREADS threads (argv[1], default 8) that each make CALLS
 * (argv[2], default 1000) failing lseek(-1, OFFSET, SEEK_SET) calls, with
 * OFFSET = thread * 100000 + call: a trace must show each offset exactly
 * once. */
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>

static long calls = 1000;

static void* run(void* arg) {
  long thread = (long)(intptr_t)arg;
  for (long i = 0; i < calls; ++i) lseek(-1, thread * 100000 + i, SEEK_SET);
  return NULL;
}

int main(int argc, char** argv) {
  long threads = argc > 1 ? atol(argv[1]) : 8;
  if (argc > 2) calls = atol(argv[2]);
  pthread_t ids[64];
  if (threads < 1 || threads > 64) return 2;
  for (long t = 0; t < threads; ++t)
    if (pthread_create(&ids[t], NULL, run, (void*)(intptr_t)t) != 0) return 1;
  for (long t = 0; t < threads; ++t) pthread_join(ids[t], NULL);
  return 0;
}
