/* Syscalls whose registers carry garbage in the bits the kernel ignores
 * (an unsigned int, a umode_t, a pid_t reads only the low bits), then one
 * geteuid for the tests to inject a result into. */
#include <stdint.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(void) {
  const uint64_t garbage = 0xdeadbeef00000000ULL;
  long old = syscall(SYS_umask, garbage | 022);
  syscall(SYS_umask, garbage | 077);
  syscall(SYS_umask, (uint64_t)old);
#ifdef SYS_alarm /* x86_64 only, like creat: aarch64 has neither */
  syscall(SYS_alarm, garbage | 42);
  syscall(SYS_alarm, garbage);
  syscall(SYS_creat, ".", 0xffffffffffff0000ULL);
#endif
  syscall(SYS_getdents64, garbage | 0xffffffffULL, 0, 0x0defbeefdeadbeefULL);
  syscall(SYS_geteuid);
  return 0;
}
