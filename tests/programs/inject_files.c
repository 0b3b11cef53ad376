/* For path= and fd= tests: in directory argv[1], creates "data.txt" and
 * "notes.log", then reads each back; prints what every call returned:
 *   "open data.txt fd=3", "write notes.log n=-1 e=28", "read data.txt n=5" */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static void one(const char* name) {
  int fd = open(name, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  printf("open %s fd=%d e=%d\n", name, fd, fd < 0 ? errno : 0);
  if (fd < 0) return;
  ssize_t n = write(fd, "hello", 5);
  printf("write %s n=%zd e=%d\n", name, n, n < 0 ? errno : 0);
  close(fd);
  fd = open(name, O_RDONLY);
  char buf[16];
  n = fd < 0 ? -1 : read(fd, buf, sizeof buf);
  printf("read %s n=%zd e=%d\n", name, n, n < 0 ? errno : 0);
  if (fd >= 0) close(fd);
}

int main(int argc, char** argv) {
  if (argc < 2 || chdir(argv[1]) != 0) return 2;
  setvbuf(stdout, NULL, _IONBF, 0);
  one("data.txt");
  one("notes.log");
  return 0;
}
