// The -e inject= / -e fault= parser: every key, every malformed spec.
#include <gtest/gtest.h>

#include <cerrno>
#include <csignal>

#include "xtrace/inject_options.hpp"
#include "xtrace/options.hpp"
#include "xtrace/short_io.hpp"

namespace xtrace {
namespace {

using std::chrono::milliseconds;
using std::chrono::nanoseconds;

SysId id_of(std::string_view name) {
  return *find_syscall(name);
}

TEST(InjectSpec, ErrorByNameAndNumber) {
  InjectRule r = parse_inject_rule("openat:error=ENOSPC", false);
  EXPECT_EQ(r.set_text, "openat");
  EXPECT_TRUE(r.syscalls.contains(id_of("openat")));
  EXPECT_FALSE(r.syscalls.contains(id_of("read")));
  EXPECT_EQ(r.error, ENOSPC);
  EXPECT_EQ(parse_inject_rule("read:error=enoent", false).error, ENOENT);
  EXPECT_EQ(parse_inject_rule("read:error=28", false).error, 28);
  EXPECT_EQ(parse_inject_rule("read:error=4095", false).error, 4095);
  EXPECT_EQ(parse_inject_rule("read:error=EWOULDBLOCK", false).error, EAGAIN);
}

TEST(InjectSpec, Retval) {
  EXPECT_EQ(parse_inject_rule("getpid:retval=42", false).retval, 42);
  EXPECT_EQ(parse_inject_rule("getpid:retval=0x10", false).retval, 16);
  // strace reads the value with strtoull: -5 is 2^64-5, i.e. -5.
  EXPECT_EQ(parse_inject_rule("getpid:retval=-5", false).retval, -5);
}

TEST(InjectSpec, Signal) {
  EXPECT_EQ(parse_inject_rule("getpid:signal=SIGUSR1", false).signal, SIGUSR1);
  EXPECT_EQ(parse_inject_rule("getpid:signal=usr1", false).signal, SIGUSR1);
  EXPECT_EQ(parse_inject_rule("getpid:signal=9", false).signal, 9);
  EXPECT_EQ(parse_inject_rule("getpid:signal=SIGRTMIN", false).signal, 32);
}

TEST(InjectSpec, SyscallReplacement) {
  InjectRule r = parse_inject_rule("getpid:syscall=gettid:error=EPERM", false);
  EXPECT_EQ(r.replacement, id_of("gettid"));
}

TEST(InjectSpec, Delays) {
  EXPECT_EQ(parse_inject_delay("10ms"), milliseconds(10));
  EXPECT_EQ(parse_inject_delay("1s"), milliseconds(1000));
  EXPECT_EQ(parse_inject_delay("1.5ms"), nanoseconds(1'500'000));
  EXPECT_EQ(parse_inject_delay("250us"), nanoseconds(250'000));
  EXPECT_EQ(parse_inject_delay("100ns"), nanoseconds(100));
  EXPECT_EQ(parse_inject_delay("100000"), milliseconds(100));  // strace: microseconds
  EXPECT_FALSE(parse_inject_delay("1x"));
  EXPECT_FALSE(parse_inject_delay("-1ms"));
  EXPECT_FALSE(parse_inject_delay("ms"));
  EXPECT_FALSE(parse_inject_delay(""));
  InjectRule r = parse_inject_rule("nanosleep:delay_enter=10ms:delay_exit=1s", false);
  EXPECT_EQ(r.delay_enter, milliseconds(10));
  EXPECT_EQ(r.delay_exit, milliseconds(1000));
}

TEST(InjectSpec, Pokes) {
  InjectRule r = parse_inject_rule("read:poke_exit=@arg2=41424344,@arg1=00", false);
  ASSERT_EQ(r.poke_exit.size(), 2u);
  EXPECT_EQ(r.poke_exit[0].arg, 1);
  EXPECT_EQ(r.poke_exit[0].data, (std::vector<std::uint8_t>{0x41, 0x42, 0x43, 0x44}));
  EXPECT_EQ(r.poke_exit[1].arg, 0);
}

TEST(InjectSpec, WhenForms) {
  auto when = [](std::string_view w) {
    return parse_inject_rule(std::string("getpid:error=EIO:when=") + std::string(w), false).when;
  };
  InjectWhen w = when("3");
  EXPECT_FALSE(w.fires_on(2));
  EXPECT_TRUE(w.fires_on(3));
  EXPECT_FALSE(w.fires_on(4));
  w = when("3+");
  EXPECT_TRUE(w.fires_on(3));
  EXPECT_TRUE(w.fires_on(4));
  EXPECT_TRUE(w.fires_on(100000));
  w = when("2+3");
  EXPECT_TRUE(w.fires_on(2));
  EXPECT_FALSE(w.fires_on(3));
  EXPECT_TRUE(w.fires_on(5));
  EXPECT_TRUE(w.fires_on(8));
  w = when("2..4");
  EXPECT_FALSE(w.fires_on(1));
  EXPECT_TRUE(w.fires_on(2));
  EXPECT_TRUE(w.fires_on(4));
  EXPECT_FALSE(w.fires_on(5));
  w = when("1..5+2");
  EXPECT_TRUE(w.fires_on(1));
  EXPECT_FALSE(w.fires_on(2));
  EXPECT_TRUE(w.fires_on(5));
  EXPECT_FALSE(w.fires_on(7));
  w = when("65535");
  EXPECT_TRUE(w.fires_on(65535));
  // The default: every call.
  w = parse_inject_rule("getpid:error=EIO", false).when;
  EXPECT_TRUE(w.fires_on(1));
  EXPECT_TRUE(w.fires_on(70000));
}

TEST(InjectSpec, FaultDefaultsToEnosys) {
  InjectRule r = parse_inject_rule("getpid", true);
  EXPECT_TRUE(r.fault);
  EXPECT_EQ(r.error, ENOSYS);
  EXPECT_EQ(parse_inject_rule("getpid:when=3", true).error, ENOSYS);
  EXPECT_EQ(parse_inject_rule("getpid:error=EACCES", true).error, EACCES);
}

TEST(InjectSpec, SetsAsTraceHasThem) {
  InjectRule r = parse_inject_rule("%file:error=EACCES", false);
  EXPECT_TRUE(r.syscalls.contains(id_of("openat")));
  EXPECT_FALSE(r.syscalls.contains(id_of("read")));
  r = parse_inject_rule("!write:error=EIO", false);
  EXPECT_FALSE(r.syscalls.contains(id_of("write")));
  EXPECT_TRUE(r.syscalls.contains(id_of("read")));
  r = parse_inject_rule("open,openat:error=EIO", false);
#if defined(__x86_64__)  // aarch64 has no open: the rule selects openat alone
  EXPECT_TRUE(r.syscalls.contains(id_of("open")));
#endif
  EXPECT_TRUE(r.syscalls.contains(id_of("openat")));
}

TEST(InjectSpec, ChaosKeys) {
  InjectRule r = parse_inject_rule("write:error=EIO:prob=5:seed=42", false);
  EXPECT_DOUBLE_EQ(*r.prob, 5.0);
  EXPECT_EQ(r.seed, 42u);
  EXPECT_DOUBLE_EQ(*parse_inject_rule("write:error=EIO:prob=0.5%", false).prob, 0.5);
  EXPECT_DOUBLE_EQ(*parse_inject_rule("write:error=EIO:prob=100", false).prob, 100.0);
  r = parse_inject_rule("%file:error=EACCES:path=/etc/app/*", false);
  EXPECT_EQ(r.path, "/etc/app/*");
  EXPECT_EQ(parse_inject_rule("write:error=EIO:fd=1", false).fd, 1);
  r = parse_inject_rule("read:short=1", false);
  ASSERT_TRUE(r.shorten);
  EXPECT_EQ(r.shorten->value, 1u);
  EXPECT_FALSE(r.shorten->percent);
  r = parse_inject_rule("read,write:short=50%", false);
  EXPECT_TRUE(r.shorten->percent);
  // prob=, path=, fd= narrow fault= rules too.
  EXPECT_EQ(parse_inject_rule("openat:path=*.txt", true).path, "*.txt");
}

TEST(InjectShort, Apply) {
  InjectShort bytes{10, false};
  EXPECT_EQ(bytes.apply(100), 10u);
  EXPECT_EQ(bytes.apply(5), 5u);
  EXPECT_EQ(bytes.apply(0), 0u);
  InjectShort half{50, true};
  EXPECT_EQ(half.apply(100), 50u);
  EXPECT_EQ(half.apply(3), 1u);
  EXPECT_EQ(half.apply(1), 1u);  // a zero count would read as end of file
  InjectShort one_percent{1, true};
  EXPECT_EQ(one_percent.apply(10), 1u);
  EXPECT_EQ(one_percent.apply(~std::uint64_t{0}), ~std::uint64_t{0} / 100);
}

TEST(InjectShort, CountArguments) {
  EXPECT_EQ(inject::short_count_arg(id_of("read")), 2);
  EXPECT_EQ(inject::short_count_arg(id_of("sendto")), 2);
  EXPECT_EQ(inject::short_count_arg(id_of("getrandom")), 1);
  EXPECT_FALSE(inject::short_count_arg(id_of("openat")));
}

TEST(InjectSpec, Seed) {
  EXPECT_EQ(parse_inject_seed("0"), 0u);
  EXPECT_EQ(parse_inject_seed("18446744073709551615"), ~std::uint64_t{0});
  EXPECT_THROW(parse_inject_seed("18446744073709551616"), UsageError);
  EXPECT_THROW(parse_inject_seed("-1"), UsageError);
  EXPECT_THROW(parse_inject_seed("x"), UsageError);
  EXPECT_THROW(parse_inject_seed(""), UsageError);
}

// Every malformed spec fails with one line that names it.
struct BadSpec {
  const char* spec;
  bool fault;
  const char* message;
};

class InjectSpecErrors : public ::testing::TestWithParam<BadSpec> {};

TEST_P(InjectSpecErrors, OneLineError) {
  const BadSpec& bad = GetParam();
  try {
    parse_inject_rule(bad.spec, bad.fault);
    FAIL() << "accepted: " << bad.spec;
  } catch (const UsageError& e) {
    std::string what = e.what();
    EXPECT_EQ(what, bad.message);
    EXPECT_EQ(what.find('\n'), std::string::npos);
  }
}

INSTANTIATE_TEST_SUITE_P(
    All, InjectSpecErrors,
    ::testing::Values(
        BadSpec{"openat:error=ENOPE", false,
                "invalid inject argument 'openat:error=ENOPE': unknown error 'ENOPE' (an errno "
                "name like ENOSPC, or 1..4095)"},
        BadSpec{"openat:error=0", false,
                "invalid inject argument 'openat:error=0': unknown error '0' (an errno name "
                "like ENOSPC, or 1..4095)"},
        BadSpec{"openat:error=4096", false,
                "invalid inject argument 'openat:error=4096': unknown error '4096' (an errno "
                "name like ENOSPC, or 1..4095)"},
        BadSpec{"openat:error=", false,
                "invalid inject argument 'openat:error=': unknown error '' (an errno name like "
                "ENOSPC, or 1..4095)"},
        BadSpec{"getpid:error=EIO:when=0", false,
                "invalid inject argument 'getpid:error=EIO:when=0': bad when '0' (N, N+, "
                "N+STEP, N..M or N..M+STEP, N from 1 to 65535)"},
        BadSpec{"getpid:error=EIO:when=65536", false,
                "invalid inject argument 'getpid:error=EIO:when=65536': bad when '65536' (N, "
                "N+, N+STEP, N..M or N..M+STEP, N from 1 to 65535)"},
        BadSpec{"getpid:error=EIO:when=3..2", false,
                "invalid inject argument 'getpid:error=EIO:when=3..2': bad when '3..2' (N, N+, "
                "N+STEP, N..M or N..M+STEP, N from 1 to 65535)"},
        BadSpec{"getpid:error=EIO:when=2+0", false,
                "invalid inject argument 'getpid:error=EIO:when=2+0': bad when '2+0' (N, N+, "
                "N+STEP, N..M or N..M+STEP, N from 1 to 65535)"},
        BadSpec{"getpid:error=EIO:when=2.3", false,
                "invalid inject argument 'getpid:error=EIO:when=2.3': bad when '2.3' (N, N+, "
                "N+STEP, N..M or N..M+STEP, N from 1 to 65535)"},
        BadSpec{"getpid:error=EIO:when=x", false,
                "invalid inject argument 'getpid:error=EIO:when=x': bad when 'x' (N, N+, "
                "N+STEP, N..M or N..M+STEP, N from 1 to 65535)"},
        BadSpec{"write:error=EIO:prob=150", false,
                "invalid inject argument 'write:error=EIO:prob=150': bad prob '150' (a "
                "percentage above 0 and at most 100)"},
        BadSpec{"write:error=EIO:prob=0", false,
                "invalid inject argument 'write:error=EIO:prob=0': bad prob '0' (a percentage "
                "above 0 and at most 100)"},
        BadSpec{"write:error=EIO:prob=-1", false,
                "invalid inject argument 'write:error=EIO:prob=-1': bad prob '-1' (a "
                "percentage above 0 and at most 100)"},
        BadSpec{"write:error=EIO:prob=five", false,
                "invalid inject argument 'write:error=EIO:prob=five': bad prob 'five' (a "
                "percentage above 0 and at most 100)"},
        BadSpec{"write:error=EIO:seed=x:prob=5", false,
                "invalid inject argument 'write:error=EIO:seed=x:prob=5': bad seed 'x' (a "
                "number)"},
        BadSpec{"write:error=EIO:seed=3", false,
                "invalid inject argument 'write:error=EIO:seed=3': seed= needs prob="},
        BadSpec{"getpid", false,
                "invalid inject argument 'getpid': no action (error=, retval=, signal=, "
                "delay_enter=, delay_exit=, poke_enter=, poke_exit= or short=)"},
        BadSpec{"getpid:when=2", false,
                "invalid inject argument 'getpid:when=2': no action (error=, retval=, signal=, "
                "delay_enter=, delay_exit=, poke_enter=, poke_exit= or short=)"},
        BadSpec{"getpid:", false, "invalid inject argument 'getpid:': nothing after ':'"},
        BadSpec{"getpid:error=EIO::when=2", false,
                "invalid inject argument 'getpid:error=EIO::when=2': empty KEY=VALUE between "
                "':'"},
        BadSpec{":error=EIO", false,
                "invalid inject argument ':error=EIO': no syscall set before the first ':'"},
        BadSpec{"nosuch:error=EIO", false, "invalid system call 'nosuch'"},
        BadSpec{"getpid:foo=1", false, "invalid inject argument 'getpid:foo=1': unknown key 'foo'"},
        BadSpec{"getpid:error", false,
                "invalid inject argument 'getpid:error': 'error' is not KEY=VALUE"},
        BadSpec{"getpid:error=EIO:error=EIO", false,
                "invalid inject argument 'getpid:error=EIO:error=EIO': error= given twice"},
        BadSpec{"getpid:error=EIO:retval=1", false,
                "invalid inject argument 'getpid:error=EIO:retval=1': error= and retval= "
                "exclude each other"},
        BadSpec{"getpid:retval=x", false,
                "invalid inject argument 'getpid:retval=x': bad retval 'x' (a number)"},
        BadSpec{"getpid:retval=", false,
                "invalid inject argument 'getpid:retval=': bad retval '' (a number)"},
        BadSpec{"getpid:signal=0", false,
                "invalid inject argument 'getpid:signal=0': unknown signal '0'"},
        BadSpec{"getpid:signal=SIGNOPE", false,
                "invalid inject argument 'getpid:signal=SIGNOPE': unknown signal 'SIGNOPE'"},
        BadSpec{"getpid:signal=65", false,
                "invalid inject argument 'getpid:signal=65': unknown signal '65'"},
        BadSpec{"getpid:syscall=gettid", false,
                "invalid inject argument 'getpid:syscall=gettid': syscall= needs error= or "
                "retval="},
        BadSpec{"getpid:syscall=write:retval=1", false,
                "invalid inject argument 'getpid:syscall=write:retval=1': syscall=write is not "
                "a pure syscall (getpid, gettid, getuid, ...)"},
        BadSpec{"getpid:syscall=nosuch:retval=1", false,
                "invalid inject argument 'getpid:syscall=nosuch:retval=1': unknown syscall "
                "'nosuch' in syscall="},
        BadSpec{"getpid:delay_enter=1x", false,
                "invalid inject argument 'getpid:delay_enter=1x': bad delay '1x' (e.g. 10ms, "
                "1s, 500us)"},
        BadSpec{"getpid:delay_exit=", false,
                "invalid inject argument 'getpid:delay_exit=': bad delay '' (e.g. 10ms, 1s, "
                "500us)"},
        BadSpec{"read:poke_enter=@arg8=00", false,
                "invalid inject argument 'read:poke_enter=@arg8=00': bad poke '@arg8=00' "
                "(@argN=HEXBYTES,..., N in 1..7)"},
        BadSpec{"read:poke_enter=@arg1=0", false,
                "invalid inject argument 'read:poke_enter=@arg1=0': bad poke '@arg1=0' "
                "(@argN=HEXBYTES,..., N in 1..7)"},
        BadSpec{"read:poke_exit=@arg1=zz", false,
                "invalid inject argument 'read:poke_exit=@arg1=zz': bad poke '@arg1=zz' "
                "(@argN=HEXBYTES,..., N in 1..7)"},
        BadSpec{"read:poke_exit=", false,
                "invalid inject argument 'read:poke_exit=': bad poke '' (@argN=HEXBYTES,..., N "
                "in 1..7)"},
        BadSpec{"read:short=0", false,
                "invalid inject argument 'read:short=0': bad short '0' (N bytes >= 1, or P% "
                "with P from 1 to 99)"},
        BadSpec{"read:short=100%", false,
                "invalid inject argument 'read:short=100%': bad short '100%' (N bytes >= 1, or "
                "P% with P from 1 to 99)"},
        BadSpec{"read:short=half", false,
                "invalid inject argument 'read:short=half': bad short 'half' (N bytes >= 1, or "
                "P% with P from 1 to 99)"},
        BadSpec{"openat:short=10", false,
                "invalid inject argument 'openat:short=10': short= needs a syscall with a byte "
                "count (read, write, pread64, pwrite64, recvfrom, sendto, ...)"},
        BadSpec{"read:short=10:error=EIO", false,
                "invalid inject argument 'read:short=10:error=EIO': short= runs the call with a "
                "smaller count; it excludes error= and retval="},
        BadSpec{"read:error=EIO:path=", false,
                "invalid inject argument 'read:error=EIO:path=': path= needs a glob"},
        BadSpec{"read:error=EIO:fd=-1", false,
                "invalid inject argument 'read:error=EIO:fd=-1': bad fd '-1' (a descriptor "
                "number)"},
        BadSpec{"getpid:retval=1", true,
                "invalid fault argument 'getpid:retval=1': fault= takes only error= and when=, "
                "not retval="},
        BadSpec{"getpid:signal=USR1", true,
                "invalid fault argument 'getpid:signal=USR1': fault= takes only error= and "
                "when=, not signal="},
        BadSpec{"getpid:delay_enter=1", true,
                "invalid fault argument 'getpid:delay_enter=1': fault= takes only error= and "
                "when=, not delay_enter="},
        BadSpec{"getpid:error=ENOPE", true,
                "invalid fault argument 'getpid:error=ENOPE': unknown error 'ENOPE' (an errno "
                "name like ENOSPC, or 1..4095)"}));

}  // namespace
}  // namespace xtrace
