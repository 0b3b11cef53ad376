/* Writes "euid N\n": copied setuid by the fault tests, to see whether an
 * exec under a tracer took the new identity. */
#include <stdio.h>
#include <unistd.h>

int main(void) {
  char line[32];
  int n = snprintf(line, sizeof line, "euid %u\n", (unsigned)geteuid());
  return write(1, line, (size_t)n) == n ? 0 : 1;
}
