// strace 7.2's options that scripts pass: each is accepted with strace's
// spellings, or refused with a line that names it.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "parse_args.hpp"
#include "xtrace/options.hpp"

namespace xtrace {
namespace {

using testing::error_of;
using testing::parse;

TEST(StraceOptions, ResultColumn) {
  EXPECT_EQ(parse({"xtrace", "true"}).report.result_column, 40u);
  EXPECT_EQ(parse({"xtrace", "-a", "35", "true"}).report.result_column, 35u);
  EXPECT_EQ(parse({"xtrace", "-a0", "true"}).report.result_column, 0u);
  EXPECT_EQ(parse({"xtrace", "--columns=11", "true"}).report.result_column, 11u);
  EXPECT_EQ(error_of({"xtrace", "-a", "-1", "true"}), "invalid -a argument: '-1'");
  EXPECT_EQ(error_of({"xtrace", "-ax", "true"}), "invalid -a argument: 'x'");
}

TEST(StraceOptions, EnvironmentChangesInOrder) {
  Options o = parse({"xtrace", "-E", "A=1", "--env=B", "-EC=x=y", "true"});
  EXPECT_EQ(o.process.env_changes, (std::vector<std::string>{"A=1", "B", "C=x=y"}));
  EXPECT_EQ(o.command, (std::vector<std::string>{"true"}));
}

TEST(StraceOptions, Argv0NeedsACommand) {
  EXPECT_EQ(parse({"xtrace", "--argv0=name", "true"}).process.argv0, "name");
  EXPECT_FALSE(parse({"xtrace", "true"}).process.argv0);
  EXPECT_EQ(error_of({"xtrace", "--argv0=x", "-p", "1"}),
            "PROG [ARGS] must be specified with --argv0");
}

TEST(StraceOptions, InstructionPointerAppendDebugTips) {
  EXPECT_TRUE(parse({"xtrace", "-i", "true"}).report.instruction_pointer);
  EXPECT_TRUE(parse({"xtrace", "--instruction-pointer", "true"}).report.instruction_pointer);
  EXPECT_FALSE(parse({"xtrace", "true"}).report.instruction_pointer);
  EXPECT_TRUE(parse({"xtrace", "-o", "f", "--output-append-mode", "true"}).report.append);
  EXPECT_TRUE(parse({"xtrace", "-dfA", "-o", "f", "true"}).debug);
  EXPECT_TRUE(parse({"xtrace", "--debug", "true"}).debug);
  Options tips = parse({"xtrace", "--tips", "true"});
  EXPECT_TRUE(tips.tips);
  EXPECT_EQ(tips.command, (std::vector<std::string>{"true"}));
  EXPECT_TRUE(parse({"xtrace", "--tips=id:1", "true"}).tips);
  EXPECT_TRUE(parse({"xtrace", "--tips=id:random,23,format:full,none", "true"}).tips);
  for (const char* bad : {"id", "id:", "-1", "2147483648", "id:randomm", "format:", "id:format"})
    EXPECT_EQ(error_of({"xtrace", (std::string("--tips=") + bad).c_str(), "true"}),
              std::string("invalid --tips argument: '") + bad + "'");
}

TEST(StraceOptions, SilenceKeywordsAndAliases) {
  Options o = parse({"xtrace", "--silence=exits,personality", "true"});
  EXPECT_TRUE(o.quiet.exit);
  EXPECT_TRUE(o.quiet.personality);
  EXPECT_FALSE(o.quiet.attach);
  EXPECT_TRUE(parse({"xtrace", "-e", "silence=superseded", "true"}).quiet.thread_execve);
  EXPECT_TRUE(parse({"xtrace", "--silent=path-resolution", "true"}).quiet.path_resolution);
  EXPECT_TRUE(parse({"xtrace", "-e", "q=exit", "true"}).quiet.exit);
  EXPECT_EQ(error_of({"xtrace", "--quiet=exited", "true"}), "invalid quiet 'exited'");
}

TEST(StraceOptions, OptionalValuesOnlyAfterEquals) {
  // getopt's optional_argument: the next word is the command.
  Options quiet = parse({"xtrace", "--quiet", "true"});
  EXPECT_TRUE(quiet.quiet.attach);
  EXPECT_TRUE(quiet.quiet.personality);
  EXPECT_FALSE(quiet.quiet.exit);
  EXPECT_EQ(quiet.command, (std::vector<std::string>{"true"}));
  Options fds = parse({"xtrace", "--decode-fds", "ls", "-l"});
  EXPECT_EQ(fds.decode.fd_details, fd_detail::path);
  EXPECT_EQ(fds.command, (std::vector<std::string>{"ls", "-l"}));
  EXPECT_EQ(parse({"xtrace", "--decode-fds=all", "ls"}).decode.fd_details, fd_detail::all);
  Options hex = parse({"xtrace", "--strings-in-hex", "ls"});
  EXPECT_EQ(hex.decode.hex, HexStrings::all);
  EXPECT_EQ(hex.command, (std::vector<std::string>{"ls"}));
  EXPECT_EQ(parse({"xtrace", "--strings-in-hex=non-ascii", "ls"}).decode.hex,
            HexStrings::non_ascii);
  EXPECT_EQ(parse({"xtrace", "--absolute-timestamps", "ls"}).command,
            (std::vector<std::string>{"ls"}));
  EXPECT_EQ(error_of({"xtrace", "--strings-in-hex=al", "ls"}),
            "invalid --strings-in-hex argument: 'al'");
}

TEST(StraceOptions, QualifierAliases) {
  Options o = parse({"xtrace", "-e", "reads=3", "-e", "writes=4", "-e", "decode-fd=path", "true"});
  EXPECT_TRUE(o.decode.dump_read.test(3));
  EXPECT_TRUE(o.decode.dump_write.test(4));
  EXPECT_EQ(o.decode.fd_details, fd_detail::path);
  EXPECT_TRUE(parse({"xtrace", "-e", "decode-pid=comm", "true"}).process.decode_pid_comm);
  EXPECT_TRUE(parse({"xtrace", "--signals=none", "true"}).report.filter.signals.none());
}

TEST(StraceOptions, UnsupportedQualifiersAreNamed) {
  EXPECT_EQ(error_of({"xtrace", "-e", "kvm=vcpu", "true"}),
            "-e kvm=vcpu is not supported: xtrace does not decode KVM_RUN exit reasons");
  EXPECT_EQ(error_of({"xtrace", "--kvm=x", "true"}), "invalid -e kvm= argument: 'x'");
  EXPECT_TRUE(parse({"xtrace", "-e", "namespace=new", "true"}).decode.new_namespaces);
  EXPECT_TRUE(parse({"xtrace", "--namespace", "true"}).decode.new_namespaces);
  EXPECT_TRUE(parse({"xtrace", "--namespace=new", "true"}).decode.new_namespaces);
  EXPECT_FALSE(parse({"xtrace", "true"}).decode.new_namespaces);
  EXPECT_EQ(error_of({"xtrace", "-e", "namespace=old", "true"}),
            "invalid -e namespace= argument: 'old'");
  EXPECT_EQ(
      error_of({"xtrace", "--secontext", "true"}),
      "SELinux context printing (--secontext option) is not supported by this build of xtrace");
}

TEST(StraceOptions, SummaryColumnSpellings) {
  using C = SummaryColumn;
  auto columns = [](const char* spec) {
    return parse({"xtrace", "-c", "-U", spec, "true"}).report.summary.columns;
  };
  // strace's count.c aliases; the name column is added when missing.
  EXPECT_EQ(columns("time-total,wall_min"), (std::vector<C>{C::total_time, C::wall_min, C::name}));
  EXPECT_EQ(columns("total_time,time_min,time-max,time_avg,count,error,syscall_name"),
            (std::vector<C>{C::total_time, C::min_time, C::max_time, C::avg_time, C::calls,
                            C::errors, C::name}));
  EXPECT_EQ(columns("name,time_percent,total-wall,avg_wall"),
            (std::vector<C>{C::name, C::time_percent, C::wall_total, C::wall_avg}));
  EXPECT_EQ(error_of({"xtrace", "-c", "-U", "time,time_percent", "true"}),
            "call summary column has been provided more than once: 'time_percent' (-U option "
            "residual: 'time_percent')");
  EXPECT_EQ(error_of({"xtrace", "-c", "-U", "calls,none", "true"}), "unknown column name: 'none'");
}

TEST(StraceOptions, SummarySortSpellings) {
  auto sort = [](const char* key) {
    return parse({"xtrace", "-c", "-S", key, "true"}).report.summary.sort;
  };
  EXPECT_EQ(sort("time_total"), SummarySort::time);
  EXPECT_EQ(sort("time-total"), SummarySort::time);
  EXPECT_EQ(sort("total_time"), SummarySort::time);
  EXPECT_EQ(sort("time_min"), SummarySort::min_time);
  EXPECT_EQ(sort("longest"), SummarySort::max_time);
  EXPECT_EQ(sort("min_wall"), SummarySort::wall_min);
  EXPECT_EQ(sort("total-wall"), SummarySort::wall_total);
  EXPECT_EQ(sort("none"), SummarySort::nothing);
  EXPECT_EQ(sort("syscall_name"), SummarySort::name);
  EXPECT_EQ(error_of({"xtrace", "-c", "-S", "p50", "true"}), "invalid sortby: 'p50'");
}

}  // namespace
}  // namespace xtrace

namespace xtrace::testing {
namespace {

// As strace 7.2: -S without -c/-C only warns (on stderr) and -O is accepted.
TEST(StraceOptions, SummaryOptionsWithoutSummary) {
  EXPECT_EQ(error_of({"xtrace", "-S", "calls", "true"}), "");
  EXPECT_EQ(error_of({"xtrace", "-O", "1", "true"}), "");
  EXPECT_EQ(error_of({"xtrace", "-w", "true"}),
            "-w/--summary-wall-clock must be given with (-c/--summary-only or -C/--summary)");
}

}  // namespace
}  // namespace xtrace::testing
