// The floor: a tracer that follows every fork, vfork, clone and exec like
// `strace -f`, stops at every syscall entry and exit, and per stop does
// exactly waitpid + PTRACE_GET_SYSCALL_INFO + PTRACE_SYSCALL.  That is the
// least any PTRACE_SYSCALL tracer has to do to see each call, so no such
// tracer can be faster.  Usage: bare_ptrace PROG [ARGS]; exits with PROG's
// status (128 + signal if it was killed).
#include <signal.h>
#include <sys/ptrace.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>

namespace {

constexpr long kOptions = PTRACE_O_TRACESYSGOOD | PTRACE_O_TRACEEXEC | PTRACE_O_TRACEFORK |
                          PTRACE_O_TRACEVFORK | PTRACE_O_TRACECLONE | PTRACE_O_EXITKILL;

// The child waits on a pipe until it is seized, so that the exec is the
// first thing the tracer sees and nothing before it is traced.
pid_t start_seized(char** argv) {
  int gate[2];
  if (pipe(gate) != 0) return -1;
  pid_t pid = fork();
  if (pid == 0) {
    close(gate[1]);
    char byte;
    while (read(gate[0], &byte, 1) < 0 && errno == EINTR) {
    }
    close(gate[0]);
    execvp(argv[0], argv);
    std::perror(argv[0]);
    _exit(127);
  }
  close(gate[0]);
  // Seized children report their start and group-stops as PTRACE_EVENT_STOP
  // (status >> 16 != 0), so the loop below needs no per-pid bookkeeping.
  if (pid > 0 && ptrace(PTRACE_SEIZE, pid, nullptr, kOptions) != 0) {
    std::perror("PTRACE_SEIZE");
    kill(pid, SIGKILL);
    pid = -1;
  }
  close(gate[1]);  // the child's read returns 0: it execs, and stops there
  return pid;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: bare_ptrace PROG [ARGS]\n");
    return 1;
  }
  pid_t child = start_seized(argv + 1);
  if (child < 0) return 1;
  int exit_code = 1;
  int status = 0;
  __ptrace_syscall_info info;
  // Until the last tracee is gone (ECHILD), as strace -f.
  for (pid_t pid; (pid = waitpid(-1, &status, __WALL)) > 0;) {
    if (WIFEXITED(status) || WIFSIGNALED(status)) {
      if (pid == child)
        exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
      continue;
    }
    // What every tracer does at a stop: learn the call and its arguments or
    // result.  The answer is ignored; the cost is what is measured.
    ptrace(static_cast<__ptrace_request>(PTRACE_GET_SYSCALL_INFO), pid, sizeof info, &info);
    // Syscall stops (SIGTRAP | 0x80) and ptrace events (status >> 16) carry
    // no signal; any other stop is a real signal, passed on.
    int sig = WSTOPSIG(status);
    bool ours = sig == (SIGTRAP | 0x80) || (status >> 16) != 0;
    ptrace(PTRACE_SYSCALL, pid, nullptr, ours ? 0 : sig);
  }
  return exit_code;
}
