#include "xtrace/output_target.hpp"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

#include "xtrace/own_children.hpp"

namespace xtrace {
namespace {

// popen(3) without its bookkeeping, so that the command's pid is known:
// the stop loop's wait4(-1) may reap it first.  The write end is
// close-on-exec: the tracee must not inherit it, or the command would wait
// for the tracee's end too.
std::FILE* start_command(const std::string& command, pid_t& pid) {
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) return nullptr;
  pid = ::fork();
  if (pid < 0) {
    int err = errno;
    ::close(fds[0]);
    ::close(fds[1]);
    errno = err;
    return nullptr;
  }
  if (pid == 0) {
    ::dup2(fds[0], STDIN_FILENO);  // dup2 clears close-on-exec
    ::execl("/bin/sh", "sh", "-c", command.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  ::close(fds[0]);
  own_children::add(pid);
  return ::fdopen(fds[1], "w");
}

}  // namespace

std::unique_ptr<OutputTarget> OutputTarget::open(const std::optional<std::string>& path,
                                                 bool append) {
  if (!path)
    return std::unique_ptr<OutputTarget>(new OutputTarget(stderr, Kind::standard_error, "stderr"));
  const std::string& name = *path;
  std::FILE* f = nullptr;
  Kind kind = Kind::file;
  pid_t command = 0;
  if (!name.empty() && (name.front() == '|' || name.front() == '!')) {
    f = start_command(name.substr(1), command);
    kind = Kind::pipe;
    if (f == nullptr)
      throw std::runtime_error("Can't popen '" + name.substr(1) + "': " + std::strerror(errno));
  } else {
    f = std::fopen(name.c_str(), append ? "ae" : "we");
    if (f == nullptr)
      throw std::runtime_error("Can't fopen '" + name + "': " + std::strerror(errno));
  }
  std::setvbuf(f, nullptr, _IOFBF, 1 << 16);
  return std::unique_ptr<OutputTarget>(new OutputTarget(f, kind, name, command));
}

OutputTarget::~OutputTarget() {
  errno = 0;
  bool ok = kind_ == Kind::standard_error ? std::fflush(file_) == 0 : std::fclose(file_) == 0;
  // A write error was already reported (once per output): this repeats it.
  if (!ok && !OutputFile::trace_incomplete()) OutputFile::report_error(name_, errno);
  if (kind_ == Kind::pipe) {
    // Unless the stop loop reaped it already (ECHILD), wait for the command
    // to read everything, as pclose would.
    while (::waitpid(command_, nullptr, 0) < 0 && errno == EINTR) {
    }
  }
}

}  // namespace xtrace
