#include <gtest/gtest.h>

#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

#include "parse_args.hpp"
#include "xtrace/options.hpp"

namespace xtrace {
namespace {

using testing::parse;

TEST(CommandLine, CommandAndItsArgumentsAreLeftUntouched) {
  Options o = parse({"xtrace", "ls", "-l", "-s", "5", "--", "x"});
  EXPECT_EQ(o.command, (std::vector<std::string>{"ls", "-l", "-s", "5", "--", "x"}));
  EXPECT_EQ(o.decode.string_limit, 32u);
}

TEST(CommandLine, StringLimitForms) {
  EXPECT_EQ(parse({"xtrace", "-s", "100", "true"}).decode.string_limit, 100u);
  EXPECT_EQ(parse({"xtrace", "-s2000", "true"}).decode.string_limit, 2000u);
  EXPECT_EQ(parse({"xtrace", "--string-limit=7", "true"}).decode.string_limit, 7u);
  EXPECT_EQ(parse({"xtrace", "-s", "0", "true"}).decode.string_limit, 0u);
}

TEST(CommandLine, OutputForms) {
  EXPECT_EQ(parse({"xtrace", "-o", "f", "true"}).output_path, "f");
  EXPECT_EQ(parse({"xtrace", "-ofile", "true"}).output_path, "file");
  EXPECT_EQ(parse({"xtrace", "--output=g", "true"}).output_path, "g");
  EXPECT_FALSE(parse({"xtrace", "true"}).output_path);
}

TEST(CommandLine, DoubleDashEndsOptions) {
  Options o = parse({"xtrace", "-s", "3", "--", "-weird-name", "a"});
  EXPECT_EQ(o.command, (std::vector<std::string>{"-weird-name", "a"}));
}

TEST(CommandLine, ProgramNameIsArgv0) {
  EXPECT_EQ(parse({"./my-xtrace", "true"}).program_name, "./my-xtrace");
}

TEST(CommandLine, HelpAndVersionNeedNoCommand) {
  EXPECT_TRUE(parse({"xtrace", "-h"}).show_help);
  EXPECT_TRUE(parse({"xtrace", "-V"}).show_version);
  EXPECT_TRUE(parse({"xtrace", "--version"}).show_version);
}

TEST(CommandLine, Errors) {
  EXPECT_THROW(parse({"xtrace"}), UsageError);
  EXPECT_THROW(parse({"xtrace", "-s", "abc", "true"}), UsageError);
  EXPECT_THROW(parse({"xtrace", "-s", "-1", "true"}), UsageError);
  EXPECT_THROW(parse({"xtrace", "-Q", "true"}), UsageError);
  EXPECT_THROW(parse({"xtrace", "--no-such-option", "true"}), UsageError);
  EXPECT_THROW(parse({"xtrace", "-s"}), UsageError);
}

TEST(CommandLine, ErrorMessagesNameTheProblem) {
  try {
    parse({"xtrace"});
    FAIL();
  } catch (const UsageError& e) {
    EXPECT_STREQ(e.what(), "must have PROG [ARGS] or -p PID");
  }
  try {
    parse({"xtrace", "-s", "abc", "true"});
    FAIL();
  } catch (const UsageError& e) {
    EXPECT_STREQ(e.what(), "invalid -s argument: 'abc'");
  }
}

TEST(CommandLine, InjectRulesAddTheInjectedColumn) {
  EXPECT_FALSE(parse({"xtrace", "-c", "true"}).report.summary.injecting);
  EXPECT_TRUE(
      parse({"xtrace", "-c", "-e", "inject=getpid:error=EPERM", "true"}).report.summary.injecting);
  EXPECT_TRUE(parse({"xtrace", "-c", "--fault=getpid", "true"}).report.summary.injecting);
  EXPECT_EQ(parse({"xtrace", "-c", "-U", "name,injected", "true"}).report.summary.columns,
            (std::vector<SummaryColumn>{SummaryColumn::name, SummaryColumn::injected}));
}

}  // namespace
}  // namespace xtrace

namespace xtrace::testing {
namespace {

// "--NAME=" is NAME with an empty value, as with getopt: never the next
// word, so "--output= PROG" cannot truncate PROG.
TEST(CommandLine, EmptyValueAfterEqualsIsEmpty) {
  EXPECT_EQ(parse({"xtrace", "--output=", "true"}).output_path, std::optional<std::string>(""));
  EXPECT_EQ(parse({"xtrace", "--output=", "true"}).command, std::vector<std::string>{"true"});
  EXPECT_EQ(error_of({"xtrace", "--string-limit=", "true"}), "invalid -s argument: ''");
  EXPECT_EQ(error_of({"xtrace", "--trace=", "true"}), "invalid system call ''");
  EXPECT_EQ(error_of({"xtrace", "--signal=", "true"}), "invalid signal ''");
  EXPECT_EQ(error_of({"xtrace", "--decode-fds=", "true"}), "invalid decode-fds ''");
  // As strace, empty items of -p are skipped: nothing to attach to.
  EXPECT_EQ(parse({"xtrace", "--attach=", "true"}).process.attach, std::vector<pid_t>{});
  // The command's own words are the command's.
  Options o = parse({"xtrace", "prog", "--output=", "--trace="});
  EXPECT_EQ(o.command, (std::vector<std::string>{"prog", "--output=", "--trace="}));
  EXPECT_FALSE(o.output_path.has_value());
}

// strace 7.2 accepts these; each once went through a parser of its own.
TEST(CommandLine, SetsFollowStracesOneSyntax) {
  Options o = parse({"xtrace", "-e", "read=1,,2", "-e", "write=!3", "true"});
  EXPECT_TRUE(o.decode.dump_read.test(1) && o.decode.dump_read.test(2));
  EXPECT_FALSE(o.decode.dump_read.test(0));
  EXPECT_TRUE(o.decode.dump_write.test(4) && !o.decode.dump_write.test(3));
  o = parse({"xtrace", "-e", "status=FAILED", "true"});
  EXPECT_EQ(o.report.filter.status.to_ulong(), 1u << static_cast<int>(SyscallStatus::failed));
  EXPECT_EQ(parse({"xtrace", "-e", "decode-fds=PATH", "true"}).decode.fd_details, fd_detail::path);
  EXPECT_EQ(parse({"xtrace", "-e", "decode-fds=!none", "true"}).decode.fd_details, fd_detail::all);
  o = parse({"xtrace", "-e", "decode-pids=!!comm", "true"});
  EXPECT_TRUE(o.process.decode_pid_comm);
  EXPECT_FALSE(o.process.decode_pid_ns);
  o = parse({"xtrace", "-e", "quiet=EXIT,,attach", "true"});
  EXPECT_TRUE(o.quiet.exit && o.quiet.attach);
  EXPECT_TRUE(parse({"xtrace", "-e", "signal=sigkill", "true"}).report.filter.signals.test(9));
  EXPECT_EQ(parse({"xtrace", "-I", "NEVER", "true"}).process.interruptible, Interruptible::never);
  EXPECT_EQ(parse({"xtrace", "-I", "+2", "true"}).process.interruptible, Interruptible::waiting);
  EXPECT_EQ(parse({"xtrace", "--daemonize=PGRP", "true"}).process.daemonize, 2);
  EXPECT_EQ(parse({"xtrace", "-p", "1,,2"}).process.attach, (std::vector<pid_t>{1, 2}));
}

// Case matters where strace compares exactly.
TEST(CommandLine, ExactWordsStayExact) {
  EXPECT_EQ(error_of({"xtrace", "-e", "status=ALL", "true"}), "invalid status 'ALL'");
  EXPECT_EQ(error_of({"xtrace", "-c", "-S", "CALLS", "true"}), "invalid sortby: 'CALLS'");
  EXPECT_EQ(error_of({"xtrace", "-X", "RAW", "true"}), "invalid -X argument: 'RAW'");
  EXPECT_EQ(error_of({"xtrace", "-c", "-O", "1MS", "true"}), "invalid -O argument: '1MS'");
}

// getopt_long's reading: prefixes, optional values, flags without values.
TEST(CommandLine, LongOptionsAsGetopt) {
  EXPECT_TRUE(parse({"xtrace", "--follow-fork", "true"}).process.follow_forks);
  EXPECT_EQ(parse({"xtrace", "--string-lim=7", "true"}).decode.string_limit, 7u);
  EXPECT_TRUE(parse({"xtrace", "--sil", "true"}).quiet.attach);  // --silent, --silence: one option
  Options o = parse({"xtrace", "--decode-fds", "true"});
  EXPECT_EQ(o.decode.fd_details, fd_detail::path);
  EXPECT_EQ(o.command, std::vector<std::string>{"true"});
  EXPECT_EQ(parse({"xtrace", "--failing-only", "true"}).report.filter.status.to_ulong(),
            1u << static_cast<int>(SyscallStatus::failed));
  EXPECT_EQ(error_of({"xtrace", "--follow-forks=0", "true"}),
            "option '--follow-forks' doesn't allow an argument");
  EXPECT_EQ(error_of({"xtrace", "--help=all"}), "option '--help' doesn't allow an argument");
  EXPECT_EQ(error_of({"xtrace", "-o"}), "option requires an argument -- 'o'");
  EXPECT_EQ(error_of({"xtrace", "--trace"}), "option '--trace' requires an argument");
}

TEST(CommandLine, UsageErrorsSuggestHelpAsStrace) {
  auto hint = [](std::initializer_list<const char*> words) {
    try {
      testing::parse(words);
    } catch (const UsageError& e) {
      return e.suggests_help();
    }
    ADD_FAILURE() << "parsed";
    return false;
  };
  EXPECT_TRUE(hint({"xtrace", "--bogus"}));
  EXPECT_TRUE(hint({"xtrace"}));
  EXPECT_TRUE(hint({"xtrace", "-s", "x", "true"}));
  EXPECT_FALSE(hint({"xtrace", "-e", "trace=opn", "true"}));
  EXPECT_FALSE(hint({"xtrace", "-f", "--follow-forks", "true"}));
}

}  // namespace
}  // namespace xtrace::testing
