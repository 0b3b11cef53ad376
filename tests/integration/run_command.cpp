#include "run_command.hpp"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace xtrace::testing {
namespace {

std::string slurp_fd(int fd) {
  std::string text;
  char buf[65536];
  lseek(fd, 0, SEEK_SET);
  ssize_t n;
  while ((n = read(fd, buf, sizeof buf)) > 0) text.append(buf, static_cast<std::size_t>(n));
  return text;
}

int temp_fd() {
  char name[] = "/tmp/xtrace-test-XXXXXX";
  // Close-on-exec: the traced command must see only fds 0, 1 and 2.
  int fd = mkostemp(name, O_CLOEXEC);
  if (fd < 0) throw std::runtime_error("mkstemp failed");
  unlink(name);
  return fd;
}

}  // namespace

RunResult run_command(const std::vector<std::string>& argv, const std::string& stdin_text) {
  int out_fd = temp_fd();
  int err_fd = temp_fd();
  int in_fd = temp_fd();
  if (write(in_fd, stdin_text.data(), stdin_text.size()) < 0) throw std::runtime_error("write");
  lseek(in_fd, 0, SEEK_SET);
  pid_t pid = fork();
  if (pid == 0) {
    dup2(in_fd, 0);
    dup2(out_fd, 1);
    dup2(err_fd, 2);
    // Whatever the test runner left open must not shift the tracee's fds.
    close_range(3, ~0U, 0);
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    execvp(args[0], args.data());
    _exit(126);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  RunResult r;
  r.signaled = WIFSIGNALED(status);
  r.code = r.signaled ? WTERMSIG(status) : WEXITSTATUS(status);
  r.out = slurp_fd(out_fd);
  r.err = slurp_fd(err_fd);
  close(out_fd);
  close(err_fd);
  close(in_fd);
  return r;
}

std::string xtrace_binary() {
  return XTRACE_BINARY;
}

std::string program(const std::string& name) {
  return std::string(XTRACE_PROGRAMS_DIR) + "/" + name;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

std::string make_temp_dir() {
  char name[] = "/tmp/xtrace-dir-XXXXXX";
  if (mkdtemp(name) == nullptr) throw std::runtime_error("mkdtemp failed");
  return name;
}

std::string reference_strace() {
  if (const char* env = std::getenv("XTRACE_REFERENCE_STRACE"); env != nullptr && *env != '\0') {
    if (access(env, X_OK) == 0) return env;
    fail_without_reference_in_ci(env);
    return "";
  }
  for (const char* candidate : {"/usr/bin/strace", "/usr/local/bin/strace", "/bin/strace"})
    if (access(candidate, X_OK) == 0) return candidate;
  fail_without_reference_in_ci("no strace on PATH");
  return "";
}

void fail_without_reference_in_ci(std::string_view what) {
  // Outside CI a missing reference skips the comparison; in CI it must not
  // pass silently (.ci/run sets XTRACE_REFERENCE_STRACE from ../shared and
  // XTRACE_REQUIRE_REFERENCE).
  for (const char* name : {"XTRACE_REQUIRE_REFERENCE", "CI"})
    if (const char* v = std::getenv(name); v != nullptr && *v != '\0') {
      ADD_FAILURE() << "no reference strace 7.x to compare with (" << what << "), and " << name
                    << " requires one";
      return;
    }
}

}  // namespace xtrace::testing
