/* Workload: N threads (default 2000) alive at once, each blocked on one
 * barrier until the last has started, then all exit: what a tracer keeps
 * per traced thread (its peak RSS grows with N). */
#include <pthread.h>
#include <stdlib.h>

static pthread_barrier_t all_started;

static void* wait_for_all(void* unused) {
  (void)unused;
  pthread_barrier_wait(&all_started);
  return NULL;
}

int main(int argc, char** argv) {
  int n = argc > 1 ? atoi(argv[1]) : 2000;
  if (n < 1) return 1;
  pthread_t* threads = malloc(sizeof *threads * (size_t)n);
  if (threads == NULL) return 1;
  /* Small stacks: 2,000 default ones would be 16 GB of address space. */
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setstacksize(&attr, 64 * 1024);
  pthread_barrier_init(&all_started, NULL, (unsigned)n + 1);
  for (int i = 0; i < n; ++i)
    if (pthread_create(&threads[i], &attr, wait_for_all, NULL) != 0) return 1;
  pthread_barrier_wait(&all_started);
  for (int i = 0; i < n; ++i) pthread_join(threads[i], NULL);
  free(threads);
  return 0;
}
