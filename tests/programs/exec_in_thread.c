/* A second thread execs this program again with argument "done"; the new
 * image writes one line and exits 0.  The main thread waits forever: the
 * exec ends it. */
#include <pthread.h>
#include <string.h>
#include <unistd.h>

static char* self;

static void* run(void* arg) {
  (void)arg;
  char* argv[] = {self, "done", NULL};
  execv("/proc/self/exe", argv);
  _exit(1);
}

int main(int argc, char** argv) {
  if (argc > 1 && strcmp(argv[1], "done") == 0) {
    if (write(1, "exec done\n", 10) != 10) return 1;
    return 0;
  }
  self = argv[0];
  pthread_t id;
  if (pthread_create(&id, NULL, run, NULL) != 0) return 1;
  for (;;) pause();
}
