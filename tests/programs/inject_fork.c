/* For per-task counters under -f: parent and child each make three getpid
 * calls; each prints what its calls returned ("parent 2 e=5"). */
#include <errno.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

static void calls(const char* who) {
  for (int i = 1; i <= 3; ++i) {
    errno = 0;
    long r = syscall(SYS_getpid);
    printf("%s %d e=%d\n", who, i, r < 0 ? errno : 0);
  }
  fflush(stdout);
}

int main(void) {
  setvbuf(stdout, NULL, _IOLBF, 0);
  pid_t child = fork();
  if (child < 0) return 1;
  if (child == 0) {
    calls("child");
    _exit(0);
  }
  int status = 0;
  waitpid(child, &status, 0);
  calls("parent");
  return 0;
}
