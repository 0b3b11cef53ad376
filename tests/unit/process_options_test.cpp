// The process model's command line: strace's spellings, defaults and errors.
#include <gtest/gtest.h>

#include <initializer_list>
#include <string>
#include <vector>

#include "parse_args.hpp"
#include "xtrace/options.hpp"

namespace xtrace {
namespace {

using testing::error_of;
using testing::parse;

TEST(ProcessOptions, FollowForms) {
  EXPECT_TRUE(parse({"xtrace", "-f", "true"}).process.follow_forks);
  EXPECT_FALSE(parse({"xtrace", "-f", "true"}).process.output_separately);
  Options ff = parse({"xtrace", "-ff", "-o", "x", "true"});
  EXPECT_TRUE(ff.process.follow_forks);
  EXPECT_TRUE(ff.process.output_separately);
  // -ff without -o is -f.
  EXPECT_FALSE(parse({"xtrace", "-ff", "true"}).process.output_separately);
  EXPECT_TRUE(parse({"xtrace", "--follow-forks", "--output-separately", "-o", "x", "true"})
                  .process.output_separately);
  EXPECT_EQ(error_of({"xtrace", "-f", "--follow-forks", "true"}),
            "-f and --follow-forks cannot be provided simultaneously");
}

TEST(ProcessOptions, PidLists) {
  Options o = parse({"xtrace", "-p", "10", "-p", "11,12", "-p13 14\n15", "--attach=16"});
  EXPECT_EQ(o.process.attach, (std::vector<pid_t>{10, 11, 12, 13, 14, 15, 16}));
  EXPECT_TRUE(o.command.empty());
  EXPECT_EQ(error_of({"xtrace", "-p", "1,x"}), "Invalid process id: 'x'");
  EXPECT_EQ(error_of({"xtrace", "-p", "-5"}), "Invalid process id: '-5'");
  EXPECT_EQ(error_of({"xtrace", "-p", "0"}), "Invalid process id: '0'");
  std::string self = std::to_string(getpid());
  EXPECT_EQ(error_of({"xtrace", "-p", self.c_str()}), "I'm sorry, I can't let you do that, Dave.");
  EXPECT_EQ(error_of({"xtrace"}), "must have PROG [ARGS] or -p PID");
}

TEST(ProcessOptions, DaemonizeCounts) {
  EXPECT_EQ(parse({"xtrace", "-D", "true"}).process.daemonize, 1);
  EXPECT_EQ(parse({"xtrace", "-DD", "true"}).process.daemonize, 2);
  EXPECT_EQ(parse({"xtrace", "-DDD", "true"}).process.daemonize, 3);
  EXPECT_EQ(parse({"xtrace", "--daemonize", "true"}).process.daemonize, 1);
  EXPECT_EQ(parse({"xtrace", "--daemonize=pgrp", "true"}).process.daemonize, 2);
  EXPECT_EQ(parse({"xtrace", "--daemonize=session", "true"}).process.daemonize, 3);
  EXPECT_EQ(error_of({"xtrace", "-DDDD", "true"}),
            "Too many -D's (4), maximum supported -D count is 3");
  EXPECT_EQ(error_of({"xtrace", "--daemonize=x", "true"}), "invalid --daemonize argument: 'x'");
  EXPECT_EQ(error_of({"xtrace", "-D", "-p", "1"}),
            "PROG [ARGS] must be specified with -D/--daemonize");
}

TEST(ProcessOptions, InterruptibleDefaultsAndNames) {
  EXPECT_EQ(parse({"xtrace", "true"}).process.interruptible, Interruptible::waiting);
  EXPECT_EQ(parse({"xtrace", "-o", "f", "true"}).process.interruptible, Interruptible::never);
  EXPECT_EQ(parse({"xtrace", "-o", "f", "-p", "1"}).process.interruptible, Interruptible::waiting);
  EXPECT_EQ(parse({"xtrace", "-D", "true"}).process.interruptible, Interruptible::never_tstp);
  EXPECT_EQ(parse({"xtrace", "-I1", "true"}).process.interruptible, Interruptible::anywhere);
  EXPECT_EQ(parse({"xtrace", "--interruptible=never_tstp", "true"}).process.interruptible,
            Interruptible::never_tstp);
  EXPECT_EQ(error_of({"xtrace", "-I", "0", "true"}), "invalid -I argument: '0'");
  EXPECT_EQ(error_of({"xtrace", "-I", "sometimes", "true"}), "invalid -I argument: 'sometimes'");
}

TEST(ProcessOptions, QuietLevels) {
  Options q = parse({"xtrace", "-q", "true"});
  EXPECT_TRUE(q.quiet.attach);
  EXPECT_FALSE(q.quiet.exit);
  Options qq = parse({"xtrace", "-qq", "true"});
  EXPECT_TRUE(qq.quiet.exit);
  EXPECT_FALSE(qq.quiet.thread_execve);
  EXPECT_TRUE(parse({"xtrace", "-qqq", "true"}).quiet.thread_execve);
  // "-o FILE PROG" is quiet about attaching; "-o FILE -p PID" is not.
  EXPECT_TRUE(parse({"xtrace", "-o", "f", "true"}).quiet.attach);
  EXPECT_FALSE(parse({"xtrace", "-o", "f", "-p", "1"}).quiet.attach);
  EXPECT_FALSE(parse({"xtrace", "true"}).quiet.attach);
}

// strace 7.2: -Y, --decode-pids=SET and -e decode-pids=SET each replace
// the set the earlier ones chose.
TEST(ProcessOptions, DecodePidsLastOneWins) {
  auto sets = [](std::vector<std::string> argv) {
    argv.insert(argv.begin(), "xtrace");
    argv.push_back("true");
    ProcessOptions p = parse(argv).process;
    return std::pair{p.decode_pid_comm, p.decode_pid_ns};
  };
  using P = std::pair<bool, bool>;
  EXPECT_EQ(sets({}), P(false, false));
  EXPECT_EQ(sets({"-Y"}), P(true, false));
  EXPECT_EQ(sets({"--decode-pids=pidns"}), P(false, true));
  EXPECT_EQ(sets({"--decode-pids", "comm,pidns"}), P(true, true));
  EXPECT_EQ(sets({"--decode-pids=all"}), P(true, true));
  EXPECT_EQ(sets({"--decode-pids=PIDNS,,Comm,"}), P(true, true));
  EXPECT_EQ(sets({"-Y", "--decode-pids=pidns"}), P(false, true));
  EXPECT_EQ(sets({"--decode-pids=pidns", "-Y"}), P(true, false));
  EXPECT_EQ(sets({"--decode-pids=comm", "-e", "decode-pids=pidns"}), P(false, true));
  EXPECT_EQ(sets({"-e", "decode-pids=pidns", "--decode-pids=comm"}), P(true, false));
  EXPECT_EQ(sets({"-Y", "--decode-pids=none"}), P(false, false));
  EXPECT_EQ(sets({"--decode-pids=!comm"}), P(false, true));
  EXPECT_EQ(sets({"--decode-pids=!none"}), P(true, true));
  EXPECT_EQ(sets({"--decode-pids=!all"}), P(false, false));
}

TEST(ProcessOptions, DecodePidsErrorsAsStrace) {
  EXPECT_EQ(error_of({"xtrace", "--decode-pids=x", "true"}), "invalid decode-pids 'x'");
  EXPECT_EQ(error_of({"xtrace", "--decode-pids=comm,foo", "true"}), "invalid decode-pids 'foo'");
  EXPECT_EQ(error_of({"xtrace", "-e", "decode-pids=", "true"}), "invalid decode-pids ''");
  EXPECT_EQ(error_of({"xtrace", "--decode-pids=all,none", "true"}), "invalid decode-pids 'all'");
  EXPECT_EQ(error_of({"xtrace", "-e", "decode-pids=tid", "true"}), "invalid decode-pids 'tid'");
}

TEST(ProcessOptions, OtherOptions) {
  Options o = parse({"xtrace", "-b", "execve", "--kill-on-exit", "--always-show-pid", "-Y", "-u",
                     "nobody", "true"});
  EXPECT_TRUE(o.process.detach_on_execve);
  EXPECT_TRUE(o.process.kill_on_exit);
  EXPECT_TRUE(o.process.always_show_pid);
  EXPECT_TRUE(o.process.decode_pid_comm);
  EXPECT_EQ(o.process.user, "nobody");
  EXPECT_TRUE(parse({"xtrace", "--decode-pids=comm", "true"}).process.decode_pid_comm);
  EXPECT_TRUE(parse({"xtrace", "--detach-on=execve", "true"}).process.detach_on_execve);
  EXPECT_EQ(error_of({"xtrace", "-b", "exit", "true"}), "Syscall 'exit' for -b isn't supported");
  EXPECT_EQ(error_of({"xtrace", "--kill-on-exit", "-p", "1"}),
            "--kill-on-exit and -p/--attach are mutually exclusive options");
  EXPECT_EQ(error_of({"xtrace", "-ff", "-o", "|cat", "true"}),
            "piping the output and -ff/--output-separately are mutually exclusive");
}

}  // namespace
}  // namespace xtrace
