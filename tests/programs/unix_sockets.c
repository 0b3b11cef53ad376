/* -yy on AF_UNIX sockets (argv[1]: an empty directory for the socket
 * files): a pair of each type, a listening socket bound to a path and a
 * connection to it, an abstract-named datagram socket connected only after
 * it was printed with its name (strace's cache keeps showing the name
 * alone), a socket never bound nor connected, and a send on a pair whose
 * other end is closed. */
#define _GNU_SOURCE
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

static socklen_t path_address(struct sockaddr_un* a, const char* dir, const char* name) {
  memset(a, 0, sizeof *a);
  a->sun_family = AF_UNIX;
  snprintf(a->sun_path, sizeof a->sun_path, "%s/%s", dir, name);
  return sizeof *a;
}

/* "@DIR/abstract": unique per directory, so parallel runs do not clash. */
static socklen_t abstract_address(struct sockaddr_un* a, const char* dir) {
  memset(a, 0, sizeof *a);
  a->sun_family = AF_UNIX;
  snprintf(a->sun_path + 1, sizeof a->sun_path - 1, "%s/abstract", dir);
  return (socklen_t)(offsetof(struct sockaddr_un, sun_path) + 1 + strlen(a->sun_path + 1));
}

int main(int argc, char** argv) {
  const char* dir = argc > 1 ? argv[1] : "/tmp";
  char buf[4];
  int sv[2];
  socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
  write(sv[0], "a", 1);
  read(sv[1], buf, 1);

  struct sockaddr_un listen_addr;
  socklen_t len = path_address(&listen_addr, dir, "listen.sock");
  int srv = socket(AF_UNIX, SOCK_STREAM, 0);
  bind(srv, (struct sockaddr*)&listen_addr, len);
  listen(srv, 1);
  int cli = socket(AF_UNIX, SOCK_STREAM, 0);
  connect(cli, (struct sockaddr*)&listen_addr, len);
  int acc = accept(srv, NULL, NULL);
  write(cli, "b", 1);
  read(acc, buf, 1);

  int dg[2], sp[2];
  socketpair(AF_UNIX, SOCK_DGRAM, 0, dg);
  write(dg[0], "c", 1);
  socketpair(AF_UNIX, SOCK_SEQPACKET, 0, sp);
  write(sp[0], "d", 1);

  struct sockaddr_un abstract, target;
  socklen_t alen = abstract_address(&abstract, dir);
  socklen_t tlen = path_address(&target, dir, "dgram.sock");
  int named = socket(AF_UNIX, SOCK_DGRAM, 0);
  bind(named, (struct sockaddr*)&abstract, alen);
  write(named, "e", 1); /* ENOTCONN, printed with its name */
  int sink = socket(AF_UNIX, SOCK_DGRAM, 0);
  bind(sink, (struct sockaddr*)&target, tlen);
  connect(named, (struct sockaddr*)&target, tlen);
  write(named, "f", 1);

  int lone = socket(AF_UNIX, SOCK_DGRAM, 0);
  write(lone, "g", 1);

  close(sv[0]);
  send(sv[1], "h", 1, MSG_NOSIGNAL);

  close(lone);
  close(sink);
  close(named);
  close(sp[0]);
  close(sp[1]);
  close(dg[0]);
  close(dg[1]);
  close(acc);
  close(cli);
  close(srv);
  close(sv[1]);
  unlink(listen_addr.sun_path);
  unlink(target.sun_path);
  return 0;
}
