// i386 calls from a 64-bit process: `int $0x80` runs a call through the
// kernel's 32-bit table (getpid is 20, write 4, exit_group 252), which a
// tracer must decode with that table and announce as strace does
// ("[ Process PID=N runs in 32 bit mode. ]" and back).  Reports on stderr
// what the calls returned, in words that do not change from run to run.
// `int80_calls probe` makes one i386 call and exits 0: a kernel without
// IA32 emulation kills it with SIGSEGV instead, and the tests skip.
// x86_64 only: elsewhere it exits at once with 77 (nothing to test).
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#if defined(__x86_64__)
static long int80(long nr, long a, long b, long c) {
  long ret;
  // The i386 arguments are ebx, ecx, edx; the kernel reads 32 bits of each.
  __asm__ volatile("int $0x80"
                   : "=a"(ret)
                   : "a"(nr), "b"(a), "c"(b), "d"(c)
                   : "r8", "r9", "r10", "r11", "memory");
  return ret;
}

int main(int argc, char** argv) {
  if (argc > 1 && strcmp(argv[1], "probe") == 0) return int80(20, 0, 0, 0) > 0 ? 0 : 1;
  // A pointer an i386 call can carry: below 4 GiB.
  char* buf =
      mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_32BIT, -1, 0);
  if (buf == MAP_FAILED) return 1;
  memcpy(buf, "int80\n", 6);
  long pid32 = int80(20, 0, 0, 0);         // getpid
  long wrote = int80(4, 1, (long)buf, 6);  // write(1, "int80\n", 6)
  long pid64 = syscall(SYS_getpid);        // back in 64 bit mode
  long bad = int80(4, -1, (long)buf, 6);   // write(-1, ...): EBADF
  char line[64];
  int n = snprintf(line, sizeof line, "%s pid, wrote %ld, bad %ld\n",
                   pid32 == pid64 ? "same" : "other", wrote, bad);
  syscall(SYS_write, 2, line, (size_t)n);
  int80(252, 0, 0, 0);  // exit_group(0)
  return 1;             // not reached
}
#else
int main(void) {
  return 77;
}
#endif
