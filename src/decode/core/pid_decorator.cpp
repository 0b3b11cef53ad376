#include "xtrace/pid_decorator.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <climits>

#include <fmt/format.h>

#include "pid_namespaces.hpp"

namespace xtrace {
namespace {

// /proc/PID/comm without its newline; empty when the task is gone.  Read
// each time: an exec changes it.
std::string comm_of(pid_t pid) {
  int fd = open(fmt::format("/proc/{}/comm", pid).c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return {};
  char buf[64];
  ssize_t n = read(fd, buf, sizeof buf);
  close(fd);
  std::string text(buf, n > 0 ? static_cast<std::size_t>(n) : 0);
  while (!text.empty() && text.back() == '\n') text.pop_back();
  return text;
}

}  // namespace

PidDecorator::PidDecorator(bool comm, bool pidns)
    : comm_(comm), pidns_(pidns), namespaces_(std::make_unique<PidNamespaces>()) {}

PidDecorator::~PidDecorator() = default;

void PidDecorator::append(pid_t tracee, std::int64_t pid, PidType type, std::string& out) {
  // strace decorates neither 0, -1 nor the negated process groups.
  if (pid <= 0 || pid > INT_MAX) return;
  // A group or a session has no command name of its own.
  bool comm = comm_ && (type == PidType::tid || type == PidType::tgid);
  if (!comm && !pidns_) return;
  // Even -Y alone translates: the comm is read from xtrace's /proc.
  pid_t ours = namespaces_->to_ours(tracee, static_cast<pid_t>(pid), type);
  if (ours == 0) return;
  if (comm) {
    std::string name = comm_of(ours);
    if (!name.empty()) fmt::format_to(std::back_inserter(out), "<{}>", name);
  }
  // strace's own words, so that tools reading strace output read ours.
  if (pidns_ && ours != pid)
    fmt::format_to(std::back_inserter(out), " /* {} in strace's PID NS */", ours);
}

void PidDecorator::forget(pid_t tracee) {
  namespaces_->forget(tracee);
}

}  // namespace xtrace
