// Decoding family "signals": sigaction, masks, kill, sigaltstack,
// sigtimedwait, a delivered signal.
#define _GNU_SOURCE
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

static void on_usr1(int sig) {
  (void)sig;
}

int main(void) {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_usr1;
  sigaddset(&sa.sa_mask, SIGTERM);
  sa.sa_flags = SA_RESTART;
  sigaction(SIGUSR1, &sa, NULL);
  struct sigaction old;
  sigaction(SIGUSR1, NULL, &old);
  signal(SIGPIPE, SIG_IGN);
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGRTMIN + 1);
  sigprocmask(SIG_BLOCK, &set, NULL);
  sigset_t full;
  sigfillset(&full);
  sigset_t prev;
  sigprocmask(SIG_SETMASK, &full, &prev);
  sigprocmask(SIG_SETMASK, &prev, NULL);
  stack_t ss = {.ss_sp = malloc(65536), .ss_size = 65536, .ss_flags = 0};
  sigaltstack(&ss, NULL);
  kill(getpid(), SIGUSR1);
  sigset_t w;
  sigemptyset(&w);
  sigaddset(&w, SIGINT);
  struct timespec ts = {0, 1000};
  sigtimedwait(&w, NULL, &ts);
  syscall(SYS_tgkill, getpid(), getpid(), 0);
  return 0;
}
