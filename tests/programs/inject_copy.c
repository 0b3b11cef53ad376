/* For short I/O tests: copies stdin to stdout with read(2) and write(2),
 * looping on short transfers as correct code must (cat would use
 * copy_file_range on files). */
#include <unistd.h>

int main(void) {
  char buf[64];
  for (;;) {
    ssize_t n = read(0, buf, sizeof buf);
    if (n < 0) return 1;
    if (n == 0) return 0;
    for (ssize_t done = 0; done < n;) {
      ssize_t w = write(1, buf + done, (size_t)(n - done));
      if (w <= 0) return 1;
      done += w;
    }
  }
}
