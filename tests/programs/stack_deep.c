// -k under fire: a child recurses deep (stacks of thousands of frames take
// long to unwind) and makes calls there until its parent SIGKILLs it,
// most likely in the middle of an unwind.
#include <signal.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

volatile int after_calls;

__attribute__((noinline)) static void dive(int depth) {
  if (depth == 0) {
    while (getppid() != 0) continue;  // until killed (the parent is never pid 0)
    return;
  }
  dive(depth - 1);
  after_calls++;
}

int main(void) {
  pid_t child = fork();
  if (child == 0) {
    dive(3000);
    return 0;
  }
  struct timespec pause = {0, 300 * 1000 * 1000};
  nanosleep(&pause, NULL);
  kill(child, SIGKILL);
  int status = 0;
  waitpid(child, &status, 0);
  return WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL ? 0 : 1;
}
