/* Writes "ready\n", then blocks in read on stdin (argv[1] = "read") or in
 * pause(): a tracee to stop, continue or kill from outside. */
#include <string.h>
#include <unistd.h>

int main(int argc, char** argv) {
  if (write(1, "ready\n", 6) != 6) return 1;
  if (argc > 1 && strcmp(argv[1], "read") == 0) {
    char c;
    return read(0, &c, 1) == 1 ? 0 : 1;
  }
  pause();
  return 0;
}
