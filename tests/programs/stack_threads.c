// -k -f: two threads, each writing from its own call chain, one after the
// other (joined in order), so each write's stack is known.
#include <pthread.h>
#include <unistd.h>

volatile int after_calls;

__attribute__((noinline)) static void alpha_inner(void) {
  write(1, "alpha\n", 6);
  after_calls++;
}
__attribute__((noinline)) static void* alpha_thread(void* arg) {
  alpha_inner();
  after_calls++;
  return arg;
}
__attribute__((noinline)) static void beta_inner(void) {
  write(1, "beta\n", 5);
  after_calls++;
}
__attribute__((noinline)) static void* beta_thread(void* arg) {
  beta_inner();
  after_calls++;
  return arg;
}

int main(void) {
  pthread_t a, b;
  pthread_create(&a, NULL, alpha_thread, NULL);
  pthread_create(&b, NULL, beta_thread, NULL);
  pthread_join(a, NULL);
  pthread_join(b, NULL);
  return 0;
}
