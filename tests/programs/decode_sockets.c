// Decoding family "sockets": TCP over 127.0.0.1, socket options,
// sendmsg/recvmsg, AF_UNIX socketpair with SCM_RIGHTS.
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

int main(void) {
  int srv = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, IPPROTO_TCP);
  int one = 1;
  setsockopt(srv, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = 0};
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  bind(srv, (struct sockaddr*)&a, sizeof a);
  listen(srv, 4);
  socklen_t len = sizeof a;
  getsockname(srv, (struct sockaddr*)&a, &len);
  int cli = socket(AF_INET, SOCK_STREAM, 0);
  connect(cli, (struct sockaddr*)&a, sizeof a);
  setsockopt(cli, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  struct sockaddr_in peer;
  len = sizeof peer;
  int acc = accept4(srv, (struct sockaddr*)&peer, &len, SOCK_CLOEXEC);
  sendto(cli, "ping", 4, MSG_NOSIGNAL, NULL, 0);
  char buf[16];
  recvfrom(acc, buf, sizeof buf, 0, NULL, NULL);
  int val = 0;
  len = sizeof val;
  getsockopt(acc, SOL_SOCKET, SO_TYPE, &val, &len);
  struct iovec iov = {"pong", 4};
  struct msghdr m = {.msg_iov = &iov, .msg_iovlen = 1};
  sendmsg(acc, &m, 0);
  struct iovec riov = {buf, sizeof buf};
  struct msghdr rm = {.msg_iov = &riov, .msg_iovlen = 1};
  recvmsg(cli, &rm, 0);
  shutdown(cli, SHUT_WR);
  close(acc);
  close(cli);
  close(srv);
  int sv[2];
  socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
  char cbuf[CMSG_SPACE(sizeof(int))];
  memset(cbuf, 0, sizeof cbuf);
  struct iovec xiov = {"x", 1};
  struct msghdr sm = {
      .msg_iov = &xiov, .msg_iovlen = 1, .msg_control = cbuf, .msg_controllen = sizeof cbuf};
  struct cmsghdr* c = CMSG_FIRSTHDR(&sm);
  c->cmsg_level = SOL_SOCKET;
  c->cmsg_type = SCM_RIGHTS;
  c->cmsg_len = CMSG_LEN(sizeof(int));
  int zero = 0;
  memcpy(CMSG_DATA(c), &zero, sizeof zero);
  sendmsg(sv[0], &sm, 0);
  struct sockaddr_un un = {.sun_family = AF_UNIX};
  strcpy(un.sun_path, "/nonexistent/socket");
  int u = socket(AF_UNIX, SOCK_DGRAM, 0);
  connect(u, (struct sockaddr*)&un, sizeof un);
  close(u);
  return 0;
}
