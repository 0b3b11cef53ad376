/* Writes one line and exits with status 3: the simplest known sequence. */
#include <unistd.h>

int main(void) {
  if (write(1, "hello\n", 6) != 6) return 1;
  return 3;
}
