/* Forks COUNT (argv[1], default 1000) children one after another; each
 * exits at once and is reaped before the next: a tracer's memory must
 * stay flat over them. */
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char** argv) {
  long count = argc > 1 ? atol(argv[1]) : 1000;
  for (long i = 0; i < count; ++i) {
    pid_t pid = fork();
    if (pid < 0) return 1;
    if (pid == 0) _exit(0);
    if (waitpid(pid, NULL, 0) != pid) return 1;
  }
  return 0;
}
