/* A TCP client and server over 127.0.0.1 in one process, so that the
 * order of the calls is fixed: socket, bind to an ephemeral port, listen,
 * getsockname, connect, accept, send/recv both ways, shutdown, close. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

int main(void) {
  int server = socket(AF_INET, SOCK_STREAM, 0);
  struct sockaddr_in addr = {.sin_family = AF_INET, .sin_port = 0};
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (bind(server, (struct sockaddr*)&addr, sizeof addr) != 0) return 1;
  if (listen(server, 1) != 0) return 1;
  socklen_t len = sizeof addr;
  getsockname(server, (struct sockaddr*)&addr, &len);
  int client = socket(AF_INET, SOCK_STREAM, 0);
  if (connect(client, (struct sockaddr*)&addr, sizeof addr) != 0) return 1;
  struct sockaddr_in peer;
  len = sizeof peer;
  int conn = accept(server, (struct sockaddr*)&peer, &len);
  if (conn < 0) return 1;
  char buf[16];
  if (send(client, "ping", 4, 0) != 4 || recv(conn, buf, sizeof buf, 0) != 4) return 1;
  if (send(conn, "pong", 4, 0) != 4 || recv(client, buf, sizeof buf, 0) != 4) return 1;
  shutdown(client, SHUT_WR);
  recv(conn, buf, sizeof buf, 0); /* 0: the client is done */
  close(conn);
  close(client);
  close(server);
  return 0;
}
