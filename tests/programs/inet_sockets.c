/* -yy on TCP, UDP (IPv4 and IPv6) and netlink sockets: a TCP socket before
 * and after bind (the kernel lists it bound, before it listens), a
 * connection and a shutdown, a socket bound to a port then bound again (its
 * first details stay: strace's cache), UDP bound and connected, and netlink
 * sockets before and after they get a port id.  Ports are the kernel's
 * choice, so parallel runs do not clash. */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <linux/netlink.h>
#include <netinet/in.h>
#include <signal.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static void tcp4(void) {
  struct sockaddr_in a = {.sin_family = AF_INET};
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  int srv = socket(AF_INET, SOCK_STREAM, 0);
  write(srv, "", 0);
  bind(srv, (struct sockaddr*)&a, sizeof a);
  listen(srv, 1);
  socklen_t len = sizeof a;
  getsockname(srv, (struct sockaddr*)&a, &len);
  int cli = socket(AF_INET, SOCK_STREAM, 0);
  connect(cli, (struct sockaddr*)&a, sizeof a);
  int acc = accept(srv, NULL, NULL);
  write(acc, "a", 1);
  shutdown(cli, SHUT_RDWR);
  write(cli, "b", 1);
  close(acc);
  close(cli);
  close(srv);
  int again = socket(AF_INET, SOCK_STREAM, 0);
  bind(again, (struct sockaddr*)&a, sizeof a);
  a.sin_port = 0;
  bind(again, (struct sockaddr*)&a, sizeof a);
  shutdown(again, SHUT_RDWR);
  close(again);
}

static void udp4(void) {
  struct sockaddr_in a = {.sin_family = AF_INET};
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  int srv = socket(AF_INET, SOCK_DGRAM, 0);
  bind(srv, (struct sockaddr*)&a, sizeof a);
  socklen_t len = sizeof a;
  getsockname(srv, (struct sockaddr*)&a, &len);
  int cli = socket(AF_INET, SOCK_DGRAM, 0);
  write(cli, "c", 1);
  connect(cli, (struct sockaddr*)&a, sizeof a);
  write(cli, "d", 1);
  shutdown(cli, SHUT_RDWR);
  close(cli);
  close(srv);
}

static void inet6(void) {
  struct sockaddr_in6 b = {.sin6_family = AF_INET6, .sin6_addr = IN6ADDR_LOOPBACK_INIT};
  int srv = socket(AF_INET6, SOCK_STREAM, 0);
  bind(srv, (struct sockaddr*)&b, sizeof b);
  listen(srv, 1);
  socklen_t len = sizeof b;
  getsockname(srv, (struct sockaddr*)&b, &len);
  int cli = socket(AF_INET6, SOCK_STREAM, 0);
  connect(cli, (struct sockaddr*)&b, sizeof b);
  write(cli, "e", 1);
  close(cli);
  close(srv);
  int udp = socket(AF_INET6, SOCK_DGRAM, 0);
  b.sin6_port = 0;
  bind(udp, (struct sockaddr*)&b, sizeof b);
  write(udp, "f", 1);
  close(udp);
}

static void netlink(void) {
  struct sockaddr_nl nl = {.nl_family = AF_NETLINK};
  int route = socket(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE);
  write(route, "", 0);
  bind(route, (struct sockaddr*)&nl, sizeof nl);
  write(route, "", 0);
  int generic = socket(AF_NETLINK, SOCK_DGRAM, NETLINK_GENERIC);
  connect(generic, (struct sockaddr*)&nl, sizeof nl);
  write(generic, "", 0);
  close(generic);
  close(route);
}

int main(void) {
  signal(SIGPIPE, SIG_IGN);
  tcp4();
  udp4();
  inet6();
  netlink();
  return 0;
}
