/* Makes exactly N getpid calls (N = argv[1]), then one failing close. */
#include <stdlib.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(int argc, char** argv) {
  int n = argc > 1 ? atoi(argv[1]) : 0;
  for (int i = 0; i < n; ++i) syscall(SYS_getpid);
  close(-1);
  return 0;
}
