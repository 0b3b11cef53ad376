#include "sock_diag.hpp"

#include <linux/sock_diag.h>
#include <sys/socket.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstdint>

namespace xtrace::decode {
namespace {

// One netlink socket for the whole run, opened at the first query: a
// query is then one sendto and a recv or a few.
int diag_socket() {
  static const int fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_SOCK_DIAG);
  return fd;
}

bool send_request(int fd, const nlmsghdr& request, std::size_t size) {
  sockaddr_nl kernel{};
  kernel.nl_family = AF_NETLINK;
  while (sendto(fd, &request, size, 0, reinterpret_cast<sockaddr*>(&kernel), sizeof kernel) < 0)
    if (errno != EINTR) return false;
  return true;
}

enum class Step { more, done };

// The messages of one recv: those of an earlier, abandoned request (another
// sequence number) are skipped.  The size is signed and wider than
// nlmsg_len: NLMSG_OK compares the two, and NLMSG_NEXT takes it below zero
// to end the loop.
Step read_messages(const char* data, std::int64_t size, std::uint32_t seq, bool dump,
                   const SockDiagVisitor& visit, bool& found) {
  for (auto* h = reinterpret_cast<const nlmsghdr*>(data); NLMSG_OK(h, size);
       h = NLMSG_NEXT(h, size)) {
    if (h->nlmsg_seq != seq) continue;
    if (h->nlmsg_type == NLMSG_DONE || h->nlmsg_type == NLMSG_ERROR) return Step::done;
    if (!found && h->nlmsg_type == SOCK_DIAG_BY_FAMILY) found = visit(*h);
    if (found && !dump) return Step::done;
  }
  return Step::more;
}

}  // namespace

bool sock_diag_request(nlmsghdr& request, std::size_t size, const SockDiagVisitor& visit) {
  static std::uint32_t seq = 0;
  int fd = diag_socket();
  request.nlmsg_seq = ++seq;
  if (fd < 0 || !send_request(fd, request, size)) return false;
  const bool dump = (request.nlmsg_flags & NLM_F_DUMP) == NLM_F_DUMP;
  bool found = false;
  alignas(nlmsghdr) std::array<char, 32768> buf;
  // The kernel answers inside sendto and queues a dump's next part inside
  // the recv that empties the queue, so what is due is always queued: a
  // recv that would block means the answer is over, and must not hang
  // tracing.
  for (;;) {
    ssize_t n = recv(fd, buf.data(), buf.size(), MSG_DONTWAIT);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return true;
    if (read_messages(buf.data(), n, seq, dump, visit, found) == Step::done) return true;
  }
}

}  // namespace xtrace::decode
