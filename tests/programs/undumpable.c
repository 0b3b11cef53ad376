/* prctl(PR_SET_DUMPABLE, 0), then goes on: "wait" (argv[1]) writes
 * "ready\n" and blocks reading stdin (a process a tracer may not attach
 * to); a path execs that program (a setuid one); else it writes
 * "dumpable N\n" and exits 0. */
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <unistd.h>

int main(int argc, char** argv) {
  if (prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0) return 1;
  if (argc > 1 && strcmp(argv[1], "wait") == 0) {
    if (write(1, "ready\n", 6) != 6) return 1;
    char c;
    return read(0, &c, 1) >= 0 ? 0 : 1;
  }
  if (argc > 1) {
    execv(argv[1], argv + 1);
    return 127;
  }
  char line[32];
  int n = snprintf(line, sizeof line, "dumpable %d\n", prctl(PR_GET_DUMPABLE, 0, 0, 0, 0));
  return write(1, line, (size_t)n) == n ? 0 : 1;
}
