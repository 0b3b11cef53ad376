#include "background.hpp"

#include "run_command.hpp"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <regex>
#include <stdexcept>
#include <string>
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

std::map<int, int> ticks(const std::string& path) {
  std::map<int, int> last;
  static const std::regex kTick(R"(tick (\d+) (\d+))");
  for (const auto& line : lines_of(read_file(path))) {
    std::smatch m;
    if (std::regex_match(line, m, kTick)) last[std::stoi(m[1])] = std::stoi(m[2]);
  }
  return last;
}

char state_of(pid_t pid) {
  std::string stat = read_file("/proc/" + std::to_string(pid) + "/stat");
  std::size_t paren = stat.rfind(')');
  return paren == std::string::npos || paren + 2 >= stat.size() ? '?' : stat[paren + 2];
}

pid_t traced_child_of(pid_t parent) {
  std::string children = read_file("/proc/" + std::to_string(parent) + "/task/" +
                                   std::to_string(parent) + "/children");
  return children.empty() ? -1 : std::stoi(children);
}

}  // namespace xtrace::testing
