// x32 calls from a 64-bit process: a syscall number with bit 30 set
// (__X32_SYSCALL_BIT) runs through the kernel's x32 view of syscall_64.tbl,
// which a tracer must decode with that view and announce as strace does
// ("[ Process PID=N runs in x32 mode. ]" and back).  Most kernels build x32
// but leave it off (syscall.x32=n), and then every call fails with ENOSYS
// after the tracer has seen it: the decoding is the same either way.  The
// last line on stderr says which: "x32 calls: ENOSYS" or "x32 calls: run".
// x86_64 only: elsewhere it exits at once with 77 (nothing to test).
#define _GNU_SOURCE
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#if defined(__x86_64__)
#define X32 0x40000000L

int main(void) {
  // A pointer an x32 call can carry (below 4 GiB), and one it cannot.
  char* low =
      mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_32BIT, -1, 0);
  char* high = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (low == MAP_FAILED || high == MAP_FAILED || (unsigned long)high >> 32 == 0) return 1;
  memcpy(low, "x32\n", 4);
  memcpy(high, "x32\n", 4);
  strcpy(low + 64, "/nonexistent/x32");
  syscall(X32 | 1, 1, high, 4, 0, 0, 0);                      // write: not read
  long wrote = syscall(X32 | 1, 1, low, 4, 0, 0, 0);          // write
  syscall(X32 | 257, AT_FDCWD, low + 64, O_RDONLY, 0, 0, 0);  // openat
  syscall(X32 | 39, 0, 0, 0, 0, 0, 0);                        // getpid
  syscall(X32 | 512, SIGINT, 0, 0, 8, 0, 0);                  // rt_sigaction, x32's own
  syscall(X32 | 13, SIGINT, 0, 0, 8, 0, 0);                   // rt_sigaction#64
  syscall(X32 | 547, 0, 0, 0, 0, 0, 0);                       // pwritev2, x32's own
  syscall(X32 | 548, 1, 2, 3, 4, 5, 6);                       // past x32's table
  char line[32];
  int n = snprintf(line, sizeof line, "x32 calls: %s\n", wrote < 0 ? "ENOSYS" : "run");
  syscall(SYS_write, 2, line, (size_t)n);
  return 0;
}
#else
int main(void) {
  return 77;
}
#endif
