/* Calls syscall number 999, which no kernel table has, twice: strace shows
 * and counts such a call whatever -e trace= selects. */
#include <unistd.h>

int main(void) {
  syscall(999, 1, 2);
  syscall(999, 1, 2);
  return 0;
}
