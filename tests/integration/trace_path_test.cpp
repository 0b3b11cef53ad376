// Issue 6: -P PATH, --trace-fds=SET, --syscall-limit=N and -e trace=network,
// as exact lines on tests/programs tracees and against strace 7.2.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "background.hpp"
#include "run_command.hpp"
#include "strace_compare.hpp"
#include "strace_output.hpp"

namespace xtrace::testing {
namespace {

using namespace std::chrono_literals;

// Two small files for path_fds: `a` (its descriptor 4, copied to 9) and
// `b` (descriptor 3).
struct Files {
  std::string dir = make_temp_dir();
  std::string a = dir + "/a";
  std::string b = dir + "/b";
  Files() {
    std::ofstream(a) << "aaaa";
    std::ofstream(b) << "bbbb";
  }
  ~Files() { std::filesystem::remove_all(dir); }
  std::vector<std::string> command() const { return {program("path_fds"), a, b}; }
};

// xtrace's trace of path_fds with these options, normalized (addresses,
// result padding) as in the strace comparisons.
std::vector<std::string> trace(const Files& f, std::vector<std::string> options,
                               RunResult* result = nullptr) {
  options.insert(options.begin(), xtrace_binary());
  auto cmd = f.command();
  options.insert(options.end(), cmd.begin(), cmd.end());
  RunResult r = run_command(options);
  EXPECT_EQ(r.code, 0) << r.err;
  if (result != nullptr) *result = r;
  return normalize(lines_of(r.err));
}

bool x86_64() {
#if defined(__x86_64__)
  return true;
#else
  return false;
#endif
}

TEST(TracePath, EveryKindOfArgument) {
  if (!x86_64()) GTEST_SKIP() << "the expected lines are x86_64's syscalls";
  Files f;
  EXPECT_EQ(trace(f, {"-P", f.a}),
            (std::vector<std::string>{
                "openat(AT_FDCWD, \"" + f.a + "\", O_RDONLY) = 4",
                "read(4, \"aaaa\", 4) = 4",
                "dup2(4, 9) = 9",
                "pread64(9, \"aaaa\", 4, 0) = 4",
                "poll([{fd=3, events=POLLIN}, {fd=9, events=POLLIN}], 2, 0) = 2 ([{fd=3, "
                "revents=POLLIN}, {fd=9, revents=POLLIN}])",
                "pselect6(10, [9], NULL, NULL, {tv_sec=0, tv_nsec=0}, NULL) = 1 (in [9], left "
                "{tv_sec=0, tv_nsec=0})",
                "mmap(NULL, 4096, PROT_READ, MAP_PRIVATE, 4, 0) = 0xADDR",
                "close(9) = 0",
                "close(4) = 0",
                "+++ exited with 0 +++",
            }));
}

TEST(TracePath, ResolvedPathIsReportedAndMatched) {
  if (!x86_64()) GTEST_SKIP() << "the expected lines are x86_64's syscalls";
  Files f;
  std::string link = f.dir + "/link";
  std::filesystem::create_symlink(f.a, link);
  RunResult r;
  auto lines = trace(f,
                     {"-e", "trace=read", "-P", link, "-P",
                      f.dir + "/../" + std::filesystem::path(f.dir).filename().string() + "/b"},
                     &r);
  EXPECT_EQ(lines,
            (std::vector<std::string>{
                xtrace_binary() + ": Requested path \"" + link + "\" resolved into \"" + f.a + "\"",
                xtrace_binary() + ": Requested path \"" + f.dir + "/../" +
                    std::filesystem::path(f.dir).filename().string() + "/b\" resolved into \"" +
                    f.b + "\"",
                "read(4, \"aaaa\", 4) = 4",
                "read(3, \"bbbb\", 4) = 4",
                "+++ exited with 0 +++",
            }));
  // quiet=path-resolution (also after -P) and -qqq drop the note.
  for (auto quiet : {std::vector<std::string>{"-P", link, "-e", "quiet=path-resolution"},
                     std::vector<std::string>{"-qqq", "-P", link}}) {
    quiet.insert(quiet.begin(), {"-e", "trace=read"});
    lines = trace(f, quiet);
    EXPECT_EQ(lines.front(), "read(4, \"aaaa\", 4) = 4") << quiet.back();
  }
}

TEST(TracePath, NothingTouchesAMissingPath) {
  Files f;
  EXPECT_EQ(trace(f, {"-P", f.dir + "/missing"}),
            std::vector<std::string>{"+++ exited with 0 +++"});
}

TEST(TraceFds, ByNumberAndCombinedWithPath) {
  if (!x86_64()) GTEST_SKIP() << "the expected lines are x86_64's syscalls";
  Files f;
  const std::vector<std::string> nine{
      "dup2(4, 9) = 9",
      "pread64(9, \"aaaa\", 4, 0) = 4",
      "poll([{fd=3, events=POLLIN}, {fd=9, events=POLLIN}], 2, 0) = 2 ([{fd=3, "
      "revents=POLLIN}, {fd=9, revents=POLLIN}])",
      "pselect6(10, [9], NULL, NULL, {tv_sec=0, tv_nsec=0}, NULL) = 1 (in [9], left "
      "{tv_sec=0, tv_nsec=0})",
      "close(9) = 0",
      "+++ exited with 0 +++",
  };
  EXPECT_EQ(trace(f, {"--trace-fds=9"}), nine);
  // The -e forms and their aliases; a later set replaces an earlier one.
  for (std::string e : {"trace-fds=9", "trace-fd=9", "fd=9", "fds=9"})
    EXPECT_EQ(trace(f, {"-e", "trace-fds=3", "-e", e}), nine) << e;
  // With -P, a call is shown when either selects it.
  EXPECT_EQ(trace(f, {"--trace-fds=9", "-P", f.b, "-e", "trace=openat,read,dup2,poll,close"}),
            (std::vector<std::string>{
                "openat(AT_FDCWD, \"" + f.b + "\", O_RDONLY) = 3",
                "read(3, \"bbbb\", 4) = 4",
                "dup2(4, 9) = 9",
                "poll([{fd=3, events=POLLIN}, {fd=9, events=POLLIN}], 2, 0) = 2 ([{fd=3, "
                "revents=POLLIN}, {fd=9, revents=POLLIN}])",
                "poll([{fd=3, events=POLLIN}], 1, 0) = 1 ([{fd=3, revents=POLLIN}])",
                "close(9) = 0",
                "close(3) = 0",
                "+++ exited with 0 +++",
            }));
  EXPECT_EQ(trace(f, {"--trace-fds=none"}), std::vector<std::string>{"+++ exited with 0 +++"});
  // "!4": every descriptor but 4 (and no path: AT_FDCWD is none).
  auto not_four = trace(f, {"--trace-fds=!4", "-e", "trace=read,openat"});
  EXPECT_EQ(std::vector<std::string>(not_four.end() - 2, not_four.end()),
            (std::vector<std::string>{"read(3, \"bbbb\", 4) = 4", "+++ exited with 0 +++"}));
}

TEST(TracePath, SameAsStrace) {
  if (reference_strace_7().empty()) GTEST_SKIP() << "no strace 7.x to compare with";
  Files f;
  for (auto options : std::vector<std::vector<std::string>>{
           {"-P", f.a},
           {"-P", f.b, "-P", f.a},
           {"--trace-fds=9"},
           {"--trace-fds=3", "-P", f.a},
           {"--trace-fds=9", "-P", f.b},
           {"--trace-fds=!1,2"},
           {"--trace-fds=all"},
       }) {
    SCOPED_TRACE(options.front());
    expect_same_trace(f.command(), options);
  }
  // Real programs: the loader's files, a directory read by its descriptor.
  expect_same_trace({"cat", "/etc/hostname"}, {"-P", "/etc/ld.so.cache", "-P", "/etc/hostname"});
  expect_same_trace({"ls", "/usr"}, {"-P", "/usr"});
}

TEST(SyscallLimit, DetachesAndTheCommandRunsOn) {
  std::string dir = make_temp_dir();
  std::string marker = dir + "/done";
  // Without -f only sh is traced; after the limit it runs on by itself,
  // and its status is not xtrace's.
  std::string script = program("getpid_n") + " 3; echo done > " + marker + "; exit 7";
  RunResult r = run_command(
      {xtrace_binary(), "--syscall-limit=2", "-e", "trace=execve,brk", "/bin/sh", "-c", script});
  EXPECT_EQ(r.code, 0);
  auto lines = normalize(lines_of(r.err));
  ASSERT_EQ(lines.size(), 4u) << r.err;
  EXPECT_TRUE(lines[0].starts_with("execve(\"/bin/sh\", [\"/bin/sh\", \"-c\", ")) << lines[0];
  EXPECT_EQ(lines[1], "brk(NULL) = 0xADDR");
  EXPECT_EQ(lines[2], xtrace_binary() + ": System call limit has been reached, detaching tracees");
  EXPECT_TRUE(lines[3].starts_with(xtrace_binary() + ": Process ")) << lines[3];
  EXPECT_TRUE(lines[3].ends_with(" detached")) << lines[3];
  EXPECT_TRUE(wait_until([&] { return read_file(marker) == "done\n"; }));
  // -q drops both notes; calls not shown (-Z: only failures) do not count.
  r = run_command({xtrace_binary(), "-q", "-Z", "-e", "trace=getpid,close", "--syscall-limit=1",
                   program("getpid_n"), "5"});
  EXPECT_EQ(r.err, "close(-1)                               = -1 EBADF (Bad file descriptor)\n");
  EXPECT_EQ(r.code, 0);
  // Never reached: the command ends as usual.
  r = run_command(
      {xtrace_binary(), "--syscall-limit=100", "-e", "trace=getpid", program("getpid_n"), "2"});
  EXPECT_EQ(lines_of(r.err).size(), 3u) << r.err;
  std::filesystem::remove_all(dir);
}

TEST(SyscallLimit, SameAsStrace) {
  if (reference_strace_7().empty()) GTEST_SKIP() << "no strace 7.x to compare with";
  Files f;
  expect_same_trace(f.command(), {"--syscall-limit=5"});
  expect_same_trace(f.command(), {"--syscall-limit=3", "-P", f.a});
  expect_same_trace({"sh", "-c", "exit 7"}, {"--syscall-limit=2"});
}

TEST(Network, LoopbackSameAsStrace) {
  if (reference_strace_7().empty()) GTEST_SKIP() << "no strace 7.x to compare with";
  expect_same_trace({program("net_loopback")}, {"-e", "trace=network"});
}

TEST(Network, LoopbackLines) {
  RunResult r = run_command({xtrace_binary(), "-e", "trace=network", program("net_loopback")});
  EXPECT_EQ(r.code, 0) << r.err;
  auto lines = normalize(lines_of(r.err));
  const std::string port =
      "{sa_family=AF_INET, sin_port=htons(PORT), "
      "sin_addr=inet_addr(\"127.0.0.1\")}";
  EXPECT_EQ(lines, (std::vector<std::string>{
                       "socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = 3",
                       "bind(3, {sa_family=AF_INET, sin_port=htons(PORT), "
                       "sin_addr=inet_addr(\"127.0.0.1\")}, 16) = 0",
                       "listen(3, 1) = 0",
                       "getsockname(3, " + port + ", [16]) = 0",
                       "socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = 4",
                       "connect(4, " + port + ", 16) = 0",
                       "accept(3, " + port + ", [16]) = 5",
                       "sendto(4, \"ping\", 4, 0, NULL, 0) = 4",
                       "recvfrom(5, \"ping\", 16, 0, NULL, NULL) = 4",
                       "sendto(5, \"pong\", 4, 0, NULL, 0) = 4",
                       "recvfrom(4, \"pong\", 16, 0, NULL, NULL) = 4",
                       "shutdown(4, SHUT_WR) = 0",
                       "recvfrom(5, \"\", 16, 0, NULL, NULL) = 0",
                       "+++ exited with 0 +++",
                   }));
}

TEST(FilterOptions, BadValuesFailBeforeRunning) {
  for (auto [args, message] : std::vector<std::pair<std::vector<std::string>, std::string>>{
           {{"--trace-fds=foo"}, "invalid descriptor 'foo'"},
           {{"--trace-fds=-1"}, "invalid descriptor '-1'"},
           {{"--trace-fds=2147483648"}, "invalid descriptor '2147483648'"},
           {{"--trace-fds=0x1"}, "invalid descriptor '0x1'"},
           {{"--trace-fds=1,all"}, "invalid descriptor 'all'"},
           {{"-e", "trace-fds=!,"}, "invalid descriptor '!,'"},
           {{"-e", "fd="}, "invalid descriptor ''"},
           {{"--syscall-limit=0"}, with_help("invalid --syscall-limit argument: '0'")},
           {{"--syscall-limit=-1"}, with_help("invalid --syscall-limit argument: '-1'")},
           {{"--syscall-limit=1x"}, with_help("invalid --syscall-limit argument: '1x'")},
           {{"--syscall-limit=9223372036854775808"},
            with_help("invalid --syscall-limit argument: '9223372036854775808'")},
           {{"-e", "signal=,"}, "invalid signal ','"},
       }) {
    args.insert(args.begin(), xtrace_binary());
    args.push_back(program("hello"));
    RunResult r = run_command(args);
    EXPECT_EQ(r.code, 1) << message;
    EXPECT_EQ(r.out, "") << message;  // hello never ran
    EXPECT_EQ(r.err, kDiag + message + "\n");
  }
}

}  // namespace
}  // namespace xtrace::testing
