/* The benchmark's workload: N cheap syscalls (getppid) and N small writes
 * to /dev/null, so that the cost measured is the tracer's per-stop cost. */
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

int main(int argc, char** argv) {
  long n = argc > 1 ? atol(argv[1]) : 100000;
  int fd = open("/dev/null", O_WRONLY);
  for (long i = 0; i < n; ++i) {
    getppid();
    if (write(fd, "x", 1) != 1) return 1;
  }
  close(fd);
  return 0;
}
