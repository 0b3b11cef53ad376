/* Workload: N one-byte writes into a pipe, each read back at once: calls
 * with a buffer argument, which a tracer reads from the tracee to print. */
#include <stdlib.h>
#include <unistd.h>

int main(int argc, char** argv) {
  long n = argc > 1 ? atol(argv[1]) : 100000;
  int fds[2];
  if (pipe(fds) != 0) return 1;
  char byte = 'x';
  for (long i = 0; i < n; ++i) {
    if (write(fds[1], &byte, 1) != 1 || read(fds[0], &byte, 1) != 1) return 1;
  }
  return 0;
}
