// Starting the command: resolve it first (so a typo fails before anything
// runs), fork, stop the child, seize it, and let it exec.
#include <grp.h>
#include <pwd.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/ptrace.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <climits>
#include <cstdlib>
#include <cstring>

#include <fmt/format.h>

#include "proc_info.hpp"
#include "xtrace/diagnostic.hpp"
#include "xtrace/seccomp_filter.hpp"
#include "xtrace/tracer.hpp"

namespace xtrace {
namespace {

bool is_executable_file(const std::string& path) {
  struct stat st {};
  return stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode) && access(path.c_str(), X_OK) == 0;
}

std::string stat_error(const std::string& name, int err) {
  return fmt::format("Cannot stat '{}': {}", name, std::strerror(err));
}

}  // namespace

std::string resolve_program(const std::string& name) {
  // strace's words for a name no path can hold.
  if (name.size() > PATH_MAX - 1)
    throw UsageError(fmt::format("exec: {}", std::strerror(ENAMETOOLONG)));
  if (name.find('/') != std::string::npos) {
    struct stat st {};
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
  throw UsageError(fmt::format("Cannot find executable '{}'", name));
}

RunAs resolve_user(const std::string& spec) {
  if (getuid() != 0 || geteuid() != 0)
    throw UsageError("You must be root to use the -u/--username option");
  RunAs run_as;
  // UID:GID, both numbers: no lookups (strace 7).
  std::size_t colon = spec.find(':');
  if (colon != std::string::npos) {
    unsigned long uid = 0, gid = 0;
    auto [uend, uec] = std::from_chars(spec.data(), spec.data() + colon, uid);
    auto [gend, gec] = std::from_chars(spec.data() + colon + 1, spec.data() + spec.size(), gid);
    if (uec == std::errc() && gec == std::errc() && uend == spec.data() + colon &&
        gend == spec.data() + spec.size() && colon > 0 && colon + 1 < spec.size()) {
      run_as.uid = static_cast<uid_t>(uid);
      run_as.gid = static_cast<gid_t>(gid);
      return run_as;
    }
  }
  const passwd* pw = getpwnam(spec.c_str());
  if (pw == nullptr) throw UsageError(fmt::format("Cannot find user '{}'", spec));
  run_as.uid = pw->pw_uid;
  run_as.gid = pw->pw_gid;
  run_as.name = spec;
  return run_as;
}

namespace {

// In the command's process, before exec: become -u's user, groups first
// (setuid would take the right to change them).
void become(const std::optional<RunAs>& run_as) {
  if (!run_as) return;
  bool ok = run_as->name.empty() ? setgroups(1, &run_as->gid) == 0
                                 : initgroups(run_as->name.c_str(), run_as->gid) == 0;
  ok = ok && setregid(run_as->gid, run_as->gid) == 0 && setreuid(run_as->uid, run_as->uid) == 0;
  if (!ok) {
    diagnose("xtrace", fmt::format("-u: {}", std::strerror(errno)));
    _exit(1);
  }
}

// -E, in the command's process: "VAR=VAL" sets VAR, "VAR" removes it, in
// command-line order, as strace builds the command's environment.
void change_environment(const std::vector<std::string>& changes) {
  for (const auto& change : changes) {
    if (change.find('=') != std::string::npos)
      putenv(strdup(change.c_str()));  // the environment keeps the string
    else
      unsetenv(change.c_str());
  }
}

// In the command's process, once the tracer holds it: the seccomp filter
// first (while still the invoking user: as root, no no_new_privs is
// needed, so -u's setuid programs still work), then -u, -E, and exec.  As
// strace: "NAME: exec: Permission denied", exit status 1.
[[noreturn]] void start_command(const TracerConfig& config, const std::string& path,
                                std::vector<char*>& argv) {
  if (!config.seccomp_program.empty() && !seccomp::install(config.seccomp_program)) {
    diagnose(config.program_name,
             fmt::format("cannot install the seccomp filter: {}", std::strerror(errno)));
    _exit(1);
  }
  become(config.run_as);
  change_environment(config.env_changes);
  execv(path.c_str(), argv.data());
  diagnose(config.program_name, fmt::format("exec: {}", std::strerror(errno)));
  _exit(1);
}

}  // namespace

void Tracer::launch(const std::string& path, const std::vector<std::string>& command) {
  std::vector<char*> argv;
  argv.reserve(command.size() + 1);
  for (const auto& a : command) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);

  if (config_.daemonize > 0) {
    launch_daemonized(path, argv);
    return;
  }
  pid_t pid = fork();
  if (pid < 0) throw std::runtime_error(fmt::format("fork: {}", std::strerror(errno)));
  if (pid == 0) {
    // Wait here until the tracer has seized us, so that exec is traced.
    raise(SIGSTOP);
    start_command(config_, path, argv);
  }
  int status = 0;
  if (waitpid(pid, &status, WSTOPPED) != pid || !WIFSTOPPED(status)) {
    throw std::runtime_error(fmt::format("the command {} did not start", pid));
  }
  if (!seize(pid, false)) {
    int err = errno;
    kill(pid, SIGKILL);
    throw std::runtime_error(
        fmt::format("attach: ptrace(PTRACE_SEIZE, {}): {}", pid, std::strerror(err)));
  }
  try {
    adopt_launched(pid);  // -ff opens FILE.PID here
  } catch (...) {
    kill(pid, SIGKILL);  // it never ran a line of the command
    waitpid(pid, nullptr, 0);
    throw;
  }
  // The child is in a group-stop; SIGCONT wakes it into execv.
  kill(pid, SIGCONT);
}

// Shown from its first execve on; strace counts it from the start.
void Tracer::adopt_launched(pid_t pid) {
  launched_ = pid;
  launched_exists_ = true;
  ThreadState& t = tasks_.add(pid, pid);
  t.hidden = true;
  t.seccomp = !config_.seccomp_program.empty();
  t.before_first_exec = true;
  tasks_.mark_live(t);
  if (config_.keep_comm) t.comm = proc::comm(pid);
  stages_.task_start(pid);
}

// -D: the command keeps xtrace's own pid and its place (parent, process
// group, session); the tracer is a grandchild.  The middle process exists
// only until the grandchild has seized the command: its death is what the
// command waits for before exec.  -DD: the tracer gets its own process
// group, -DDD its own session, so that a signal to the job does not reach it.
void Tracer::launch_daemonized(const std::string& path, std::vector<char*>& argv) {
  pid_t command = getpid();
  prctl(PR_SET_PTRACER, PR_SET_PTRACER_ANY);  // Yama: let the grandchild trace us
  pid_t middle = fork();
  if (middle < 0) throw std::runtime_error(fmt::format("fork: {}", std::strerror(errno)));
  if (middle > 0) {
    alarm(3);  // as strace: never wait forever for a tracer that died
    while (waitpid(middle, nullptr, 0) < 0 && errno == EINTR) {
    }
    alarm(0);
    start_command(config_, path, argv);
  }
  pid_t tracer = fork();
  if (tracer < 0) _exit(1);
  if (tracer > 0) {
    pause();
    _exit(0);
  }
  if (config_.daemonize == 2 && setpgid(0, 0) < 0) {
    diagnose(config_.program_name,
             fmt::format("Cannot create a new process group: {}", std::strerror(errno)));
    _exit(1);
  }
  if (config_.daemonize >= 3 && setsid() < 0) {
    diagnose(config_.program_name,
             fmt::format("Cannot create a new session: {}", std::strerror(errno)));
    _exit(1);
  }
  if (!seize(command, true)) {
    message(fmt::format("attach: ptrace(PTRACE_SEIZE, {}): {}", command, std::strerror(errno)));
    kill(getppid(), SIGKILL);
    _exit(1);
  }
  adopt_launched(command);
  ThreadState& t = *tasks_.find(command);
  t.grabbed = true;
  if (!config_.quiet.attach) message(fmt::format("Process {} attached", command));
  kill(getppid(), SIGKILL);  // the middle process: the command may exec now
}

}  // namespace xtrace
