/* Workload: 4 threads, each N getpid calls: stops from several threads at
 * once, which a single-threaded tracer has to serialize. */
#include <pthread.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <unistd.h>

enum { kThreads = 4 };

static void* loop(void* arg) {
  long n = *(const long*)arg;
  for (long i = 0; i < n; ++i) syscall(SYS_getpid);
  return NULL;
}

int main(int argc, char** argv) {
  long n = argc > 1 ? atol(argv[1]) : 100000;
  pthread_t threads[kThreads];
  for (int i = 0; i < kThreads; ++i)
    if (pthread_create(&threads[i], NULL, loop, &n) != 0) return 1;
  for (int i = 0; i < kThreads; ++i) pthread_join(threads[i], NULL);
  return 0;
}
