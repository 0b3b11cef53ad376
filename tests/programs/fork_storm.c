/* Forks N children (argv[1], default 1000) that all block reading one
 * pipe, then closes its end: every child sees EOF and exits 0 at once.
 * Reaps them all and prints "reaped N" on stderr; exits 1 if a child is
 * missing or did not exit 0. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char** argv) {
  long n = argc > 1 ? atol(argv[1]) : 1000;
  int p[2];
  if (pipe(p) != 0) return 1;
  for (long i = 0; i < n; ++i) {
    pid_t pid = fork();
    if (pid < 0) return 1;
    if (pid == 0) {
      close(p[1]);  // the parent's is then the last write end
      char c;
      _exit(read(p[0], &c, 1) == 0 ? 0 : 1);
    }
  }
  close(p[1]);
  long reaped = 0;
  int status;
  while (wait(&status) > 0)
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0) ++reaped;
  fprintf(stderr, "reaped %ld\n", reaped);
  return reaped == n ? 0 : 1;
}
