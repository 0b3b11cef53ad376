// The floor: a tracer that stops at every syscall entry and exit and does
// nothing else.  No tracer built on PTRACE_SYSCALL can be faster.
#include <signal.h>
#include <sys/ptrace.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: bare_ptrace PROG [ARGS]\n");
    return 1;
  }
  pid_t pid = fork();
  if (pid == 0) {
    ptrace(PTRACE_TRACEME, 0, nullptr, nullptr);
    raise(SIGSTOP);
    execvp(argv[1], argv + 1);
    _exit(127);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  ptrace(PTRACE_SETOPTIONS, pid, nullptr,
         PTRACE_O_TRACESYSGOOD | PTRACE_O_TRACEEXEC | PTRACE_O_EXITKILL);
  ptrace(PTRACE_SYSCALL, pid, nullptr, nullptr);
  while (waitpid(pid, &status, 0) == pid && !WIFEXITED(status) && !WIFSIGNALED(status)) {
    // Syscall stops and ptrace events carry no signal to pass on.
    int sig = WSTOPSIG(status);
    bool ours = sig == (SIGTRAP | 0x80) || (status >> 16) != 0;
    ptrace(PTRACE_SYSCALL, pid, nullptr, ours ? 0 : sig);
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : 1;
}
