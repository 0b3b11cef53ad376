#include "xtrace/standard_fds.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <array>

namespace xtrace::standard_fds {
namespace {

// Which of stdin and stdout ensure_open() filled: those are placeholders
// already and stay.
std::array<bool, 2> g_placeholder{};

// A descriptor that reads EOF and refuses writes (EBADF), gone at exec.
int open_placeholder() {
  int fds[2];
  if (pipe2(fds, O_CLOEXEC) != 0) return -1;
  close(fds[1]);
  return fds[0];
}

}  // namespace

void ensure_open() {
  for (;;) {
    int fd = open_placeholder();
    if (fd < 0) return;
    if (fd > 2) {
      close(fd);
      return;
    }
    if (fd < 2) g_placeholder[static_cast<std::size_t>(fd)] = true;
  }
}

void release_input_output() {
  for (int fd = 0; fd <= 1; ++fd) {
    if (g_placeholder[static_cast<std::size_t>(fd)]) continue;
    close(fd);
    // The lowest free descriptor: fd itself.
    open_placeholder();
  }
}

}  // namespace xtrace::standard_fds
