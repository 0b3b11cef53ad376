/* Workload: N open + close of one path (default /dev/null): a path string
 * to read per open, and the call that `-e trace=openat` keeps. */
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

int main(int argc, char** argv) {
  long n = argc > 1 ? atol(argv[1]) : 100000;
  const char* path = argc > 2 ? argv[2] : "/dev/null";
  for (long i = 0; i < n; ++i) {
    int fd = open(path, O_RDONLY);
    if (fd < 0 || close(fd) != 0) return 1;
  }
  return 0;
}
