/* Opens a missing file, then creates, writes, reads back and removes one in
 * the directory given as argv[1]. */
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

int main(int argc, char** argv) {
  if (argc < 2) return 2;
  char path[4096];
  snprintf(path, sizeof path, "%s/file_io.txt", argv[1]);
  if (open("/nonexistent/file", O_RDONLY) != -1) return 1;
  int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0640);
  if (fd < 0) return 1;
  if (write(fd, "0123456789abcdefghijklmnopqrstuvwxyz\n", 37) != 37) return 1;
  close(fd);
  fd = open(path, O_RDONLY);
  char buf[64];
  if (read(fd, buf, sizeof buf) != 37) return 1;
  close(fd);
  unlink(path);
  return 0;
}
