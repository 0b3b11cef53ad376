/* Writes bytes that are not UTF-8, valid UTF-8, and a buffer longer than
 * -s, to /dev/null: what --json must keep valid JSON. */
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

int main(void) {
  int fd = open("/dev/null", O_WRONLY);
  if (fd < 0) return 1;
  static const char kLatin1[] = "caf\xe9 \xff\xfe";
  static const char kUtf8[] = "caf\xc3\xa9 \xe2\x82\xac";
  char big[100];
  memset(big, 'x', sizeof big);
  if (write(fd, kLatin1, sizeof kLatin1 - 1) < 0) return 1;
  if (write(fd, kUtf8, sizeof kUtf8 - 1) < 0) return 1;
  if (write(fd, big, sizeof big) < 0) return 1;
  return close(fd) == 0 ? 0 : 1;
}
