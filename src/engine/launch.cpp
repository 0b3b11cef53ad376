// Starting the command: resolve it first (so a typo fails before anything
// runs), fork, stop the child, seize it, and let it exec.
#include <signal.h>
#include <sys/ptrace.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

#include <fmt/format.h>

#include "ptrace_options.hpp"
#include "xtrace/options.hpp"
#include "xtrace/tracer.hpp"

namespace xtrace {
namespace {

bool is_executable_file(const std::string& path) {
  struct stat st{};
  return stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode) && access(path.c_str(), X_OK) == 0;
}

std::string stat_error(const std::string& name, int err) {
  return fmt::format("Can't stat '{}': {}", name, std::strerror(err));
}

}  // namespace

std::string resolve_program(const std::string& name) {
  if (name.find('/') != std::string::npos) {
    struct stat st{};
    if (stat(name.c_str(), &st) != 0) throw UsageError(stat_error(name, errno));
    return name;
  }
  const char* path_env = std::getenv("PATH");
  std::string search = path_env != nullptr ? path_env : "/usr/local/bin:/usr/bin:/bin";
  std::size_t start = 0;
  while (start <= search.size()) {
    std::size_t end = search.find(':', start);
    if (end == std::string::npos) end = search.size();
    std::string dir = search.substr(start, end - start);
    std::string candidate = (dir.empty() ? std::string(".") : dir) + "/" + name;
    if (is_executable_file(candidate)) return candidate;
    start = end + 1;
  }
  throw UsageError(stat_error(name, ENOENT));
}

void Tracer::launch(const std::string& path, const std::vector<std::string>& command) {
  std::vector<char*> argv;
  for (const auto& a : command) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);

  pid_t pid = fork();
  if (pid < 0) throw std::runtime_error(fmt::format("fork: {}", std::strerror(errno)));
  if (pid == 0) {
    // Wait here until the tracer has seized us, so that exec is traced.
    raise(SIGSTOP);
    execv(path.c_str(), argv.data());
    fmt::print(stderr, "xtrace: exec '{}': {}\n", path, std::strerror(errno));
    _exit(127);
  }
  int status = 0;
  if (waitpid(pid, &status, WSTOPPED) != pid || !WIFSTOPPED(status)) {
    throw std::runtime_error(fmt::format("the command {} did not start", pid));
  }
  if (ptrace(PTRACE_SEIZE, pid, nullptr, kLaunchOptions) != 0) {
    int err = errno;
    kill(pid, SIGKILL);
    throw std::runtime_error(fmt::format("PTRACE_SEIZE {}: {}", pid, std::strerror(err)));
  }
  launched_ = pid;
  ThreadState& t = thread(pid);
  t.hidden = true;
  // The child is in a group-stop; SIGCONT wakes it into execv.
  kill(pid, SIGCONT);
}

}  // namespace xtrace
