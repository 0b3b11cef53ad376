// -k's known call chain: main -> outer -> inner -> write, built without
// frame pointers (tests/CMakeLists.txt).  inner is static: only .symtab
// names it.  Each caller does work after its call, so no call is a jump.
#include <unistd.h>

volatile int after_calls;

__attribute__((noinline)) static void inner(void) {
  write(1, "inner\n", 6);
  after_calls++;
}

__attribute__((noinline)) void outer(void) {
  inner();
  after_calls++;
}

int main(void) {
  outer();
  after_calls++;
  return 0;
}
