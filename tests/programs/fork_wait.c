/* Forks a child that writes one line and exits 4; the parent waits for it,
 * writes one line and exits 0.  With argv[1] = "vfork", uses vfork and the
 * child only _exits. */
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char** argv) {
  int use_vfork = argc > 1 && strcmp(argv[1], "vfork") == 0;
  pid_t pid = use_vfork ? vfork() : fork();
  if (pid < 0) return 1;
  if (pid == 0) {
    if (!use_vfork && write(1, "child\n", 6) != 6) _exit(1);
    _exit(4);
  }
  int status = 0;
  if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status) || WEXITSTATUS(status) != 4) return 1;
  if (write(1, "parent\n", 7) != 7) return 1;
  return 0;
}
