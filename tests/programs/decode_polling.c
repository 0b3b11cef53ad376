// Decoding family "polling": poll, ppoll, select, pselect6, epoll.
#define _GNU_SOURCE
#include <poll.h>
#include <signal.h>
#include <sys/epoll.h>
#include <sys/select.h>
#include <unistd.h>

int main(void) {
  int p[2];
  pipe(p);
  write(p[1], "x", 1);
  struct pollfd fds[2] = {{p[0], POLLIN, 0}, {p[1], POLLOUT | POLLIN, 0}};
  poll(fds, 2, 100);
  struct timespec ts = {0, 1000};
  ppoll(fds, 1, &ts, NULL);
  fd_set r;
  FD_ZERO(&r);
  FD_SET(p[0], &r);
  struct timeval tv = {0, 500};
  select(p[0] + 1, &r, NULL, NULL, &tv);
  int ep = epoll_create1(EPOLL_CLOEXEC);
  struct epoll_event ev = {.events = EPOLLIN | EPOLLET, .data.u64 = 7};
  epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev);
  struct epoll_event out[4];
  epoll_wait(ep, out, 4, 10);
  epoll_ctl(ep, EPOLL_CTL_DEL, p[0], NULL);
  epoll_wait(ep, out, 4, 0);
  close(ep);
  return 0;
}
