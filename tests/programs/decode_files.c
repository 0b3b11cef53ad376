// Decoding family "files": open flags and modes, I/O with iovecs, fcntl,
// lseek, dup3, stat family, directories, renames, links, pipes.
#define _GNU_SOURCE
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>

int main(int argc, char** argv) {
  const char* dir = argc > 1 ? argv[1] : "/tmp";
  if (chdir(dir) != 0) return 1;
  int fd = open("f.txt", O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0640);
  char text[] = "hello\n\tworld\x01\xff";
  write(fd, text, sizeof text - 1);
  struct iovec iov[2] = {{text, 5}, {text + 5, 3}};
  writev(fd, iov, 2);
  pwrite(fd, "xy", 2, 100);
  lseek(fd, 0, SEEK_SET);
  char buf[64];
  read(fd, buf, sizeof buf);
  pread(fd, buf, 4, 2);
  struct iovec riov[2] = {{buf, 3}, {buf + 3, 40}};
  preadv(fd, riov, 2, 0);
  fcntl(fd, F_GETFD);
  fcntl(fd, F_SETFD, FD_CLOEXEC);
  fcntl(fd, F_GETFL);
  fcntl(fd, F_SETFL, O_NONBLOCK | O_APPEND);
  int fd2 = fcntl(fd, F_DUPFD_CLOEXEC, 10);
  dup3(fd2, 20, O_CLOEXEC);
  flock(fd, LOCK_EX | LOCK_NB);
  struct stat st;
  fstat(fd, &st);
  syscall(SYS_newfstatat, AT_FDCWD, "f.txt", &st, AT_SYMLINK_NOFOLLOW);
  ftruncate(fd, 10);
  fsync(fd);
  fdatasync(fd);
  faccessat(AT_FDCWD, "f.txt", R_OK | W_OK, 0);
  access("missing", F_OK);
  mkdir("d", 0755);
  mkdirat(AT_FDCWD, "d/e", 0700);
  symlink("f.txt", "l");
  char target[64];
  readlink("l", target, sizeof target);
  rename("l", "l2");
  renameat2(AT_FDCWD, "l2", AT_FDCWD, "l3", RENAME_NOREPLACE);
  link("f.txt", "h");
  unlinkat(AT_FDCWD, "h", 0);
  chmod("f.txt", 0600);
  fchmod(fd, 0644);
  int dfd = open(".", O_RDONLY | O_DIRECTORY);
  char dents[4096];
  syscall(SYS_getdents64, dfd, dents, sizeof dents);
  close(dfd);
  int p[2];
  pipe2(p, O_CLOEXEC | O_NONBLOCK);
  close_range(30, 40, 0);
  umask(022);
  char cwd[256];
  syscall(SYS_getcwd, cwd, sizeof cwd);
  unlink("l3");
  unlinkat(AT_FDCWD, "d/e", AT_REMOVEDIR);
  rmdir("d");
  unlink("f.txt");
  close(fd);
  close(-1);
  return 0;
}
