#include "background.hpp"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <stdexcept>
#include <thread>

namespace xtrace::testing {

using Clock = std::chrono::steady_clock;
using namespace std::chrono_literals;

Background spawn(const std::vector<std::string>& argv, const std::string& out,
                 const std::string& err, bool stdin_pipe) {
  int in[2] = {-1, -1};
  if (stdin_pipe && pipe(in) != 0) throw std::runtime_error("pipe");
  Background b;
  b.pid = fork();
  if (b.pid == 0) {
    setpgid(0, 0);
    if (stdin_pipe) dup2(in[0], 0);
    FILE* o = std::fopen(out.c_str(), "w");
    FILE* e = std::fopen(err.c_str(), "w");
    if (o == nullptr || e == nullptr) _exit(125);
    dup2(fileno(o), 1);
    dup2(fileno(e), 2);
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    execv(args[0], args.data());
    _exit(126);
  }
  return b;
}

bool wait_exit(Background& b, std::chrono::milliseconds limit) {
  auto deadline = Clock::now() + limit;
  while (Clock::now() < deadline) {
    if (waitpid(b.pid, &b.status, WNOHANG) == b.pid) return true;
    std::this_thread::sleep_for(5ms);
  }
  kill(b.pid, SIGKILL);
  waitpid(b.pid, &b.status, 0);
  return false;
}

bool wait_until(const std::function<bool()>& condition, std::chrono::milliseconds limit) {
  auto deadline = Clock::now() + limit;
  while (Clock::now() < deadline) {
    if (condition()) return true;
    std::this_thread::sleep_for(5ms);
  }
  return condition();
}

}  // namespace xtrace::testing
