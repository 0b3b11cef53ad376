/* Workload: N getpid calls, the cheapest syscall there is, so that the time
 * measured under a tracer is almost only the tracer's per-stop cost.
 * syscall() because some C libraries once cached getpid(). */
#include <stdlib.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(int argc, char** argv) {
  long n = argc > 1 ? atol(argv[1]) : 100000;
  for (long i = 0; i < n; ++i) syscall(SYS_getpid);
  return 0;
}
