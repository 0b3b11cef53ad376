/* A program that writes a file the way production code should: it loops on
 * short writes, retries EINTR, checks fsync and close, and on any other
 * error says so, removes the partial file and exits 1.  It must never exit 0
 * with a file that is not exactly what it meant to write.
 *
 *   safe_write OUT [BYTES]      (default 65536 bytes)
 *
 * run_chaos.sh runs it under xtrace's fault injection to prove exactly that.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void fail(const char* what, const char* out) {
  int err = errno;
  unlink(out);
  fprintf(stderr, "safe_write: %s %s: %s\n", what, out, strerror(err));
  exit(1);
}

static char pattern(size_t i) {
  return (char)('a' + i % 26);
}

/* Writes all of buf, or returns -1 with errno set. */
static int write_all(int fd, const char* buf, size_t len) {
  while (len > 0) {
    ssize_t n = write(fd, buf, len);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return -1;
    if (n == 0) {
      errno = EIO;
      return -1;
    }
    buf += n;
    len -= (size_t)n;
  }
  return 0;
}

int main(int argc, char** argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: safe_write OUT [BYTES]\n");
    return 2;
  }
  const char* out = argv[1];
  size_t total = argc > 2 ? strtoul(argv[2], NULL, 10) : 65536;
  int fd = open(out, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (fd < 0) fail("cannot create", out);
  char chunk[4096];
  for (size_t done = 0; done < total;) {
    size_t n = total - done < sizeof chunk ? total - done : sizeof chunk;
    for (size_t i = 0; i < n; ++i) chunk[i] = pattern(done + i);
    if (write_all(fd, chunk, n) != 0) fail("cannot write", out);
    done += n;
  }
  if (fsync(fd) != 0) fail("cannot sync", out);
  if (close(fd) != 0) fail("cannot close", out);
  printf("safe_write: wrote %zu bytes to %s\n", total, out);
  return 0;
}
