/* Writes a 16 KiB printable buffer to /dev/null, then one "." to stdout,
 * over and over (at most argv[1] times, default 100000): a tracee that is
 * killed while its tracer reads long string arguments (-s 16384).  The
 * dots in stdout tell the test how far it got. */
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char** argv) {
  long times = argc > 1 ? atol(argv[1]) : 100000;
  static char buf[16384];
  memset(buf, 'a', sizeof buf);
  int fd = open("/dev/null", O_WRONLY);
  if (fd < 0) return 1;
  for (long i = 0; i < times; ++i) {
    if (write(fd, buf, sizeof buf) != (ssize_t)sizeof buf) return 1;
    if (write(1, ".", 1) != 1) return 1;
  }
  return 0;
}
