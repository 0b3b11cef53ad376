/* Touches the file argv[1] through each kind of argument that -P and
 * --trace-fds look at (a path, a descriptor, both descriptors of dup2, a
 * pollfd array, an fd_set, mmap's fifth argument), and the file argv[2]
 * the same way but less: a filter on argv[1] must show only the former.
 * Descriptors: argv[2] is 3, argv[1] is 4, its copy 9. */
#include <fcntl.h>
#include <poll.h>
#include <sys/mman.h>
#include <sys/select.h>
#include <sys/stat.h>
#include <unistd.h>

int main(int argc, char** argv) {
  if (argc < 3) return 2;
  int other = open(argv[2], O_RDONLY);
  int fd = open(argv[1], O_RDONLY);
  if (other != 3 || fd != 4) return 1;
  char buf[8];
  if (read(fd, buf, 4) != 4 || read(other, buf, 4) != 4) return 1;
  int copy = dup2(fd, 9);
  if (pread(copy, buf, 4, 0) != 4) return 1;
  struct pollfd fds[2] = {{other, POLLIN, 0}, {copy, POLLIN, 0}};
  poll(fds, 2, 0);
  poll(fds, 1, 0); /* only argv[2]: not shown */
  fd_set set;
  FD_ZERO(&set);
  FD_SET(copy, &set);
  struct timeval tv = {0, 0};
  select(copy + 1, &set, NULL, NULL, &tv);
  void* map = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE, fd, 0);
  if (map == MAP_FAILED) return 1;
  munmap(map, 4096);
  struct stat st;
  fstat(other, &st);
  close(copy);
  close(fd);
  close(other);
  return 0;
}
