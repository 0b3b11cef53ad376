/* A chain of processes DEPTH deep (argv[1], default 3): each forks the
 * next, waits for it, and exits with its own depth. */
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char** argv) {
  int depth = argc > 1 ? atoi(argv[1]) : 3;
  while (depth > 1) {
    pid_t pid = fork();
    if (pid < 0) return 100;
    if (pid == 0) {
      --depth;
      continue;
    }
    int status = 0;
    if (waitpid(pid, &status, 0) != pid) return 101;
    break;
  }
  getpid();
  return depth;
}
