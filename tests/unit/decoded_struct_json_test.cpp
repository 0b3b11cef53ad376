// Structures decoders write as values: the JSON of the argument is an
// object with one typed value per field (numbers as numbers, constants and
// flags with their names), while the text stays strace's.
#include <arpa/inet.h>
#include <dirent.h>
#include <linux/capability.h>
#include <linux/sched.h>
#include <netinet/in.h>
#include <sched.h>
#include <signal.h>
#include <sys/utsname.h>

#include <gtest/gtest.h>

#include <cstring>
#include <string>

#include "decode_line.hpp"
#include "fake_memory.hpp"
#include "xtrace/syscall_decoder.hpp"
#include "xtrace/value_json.hpp"

namespace xtrace {
namespace {

using testing::FakeMemory;

constexpr std::uint64_t kA = 0x1000;

// The event of one call, decoded at entry and exit.
SyscallEvent decoded(std::string_view name, std::array<std::uint64_t, 6> args, std::int64_t rval,
                     FakeMemory& mem) {
  SyscallEvent ev;
  ev.desc = &describe(*find_syscall(name));
  ev.nargs = ev.desc->nargs;
  ev.args = args;
  ev.arch = Arch::x86_64;
  DecodeOptions opts;
  decode_entry(ev, mem, opts);
  ev.rval = rval;
  ev.exited = true;
  decode_exit(ev, mem, opts);
  return ev;
}

// True when some part of the JSON is strace text rather than a value.
bool has_text(const nlohmann::json& j) {
  if (j.is_object() && j.contains("text")) return true;
  if (j.is_structured())
    for (const auto& item : j)
      if (has_text(item)) return true;
  return false;
}

TEST(DecodedStructJson, SigactionFieldsAreValues) {
  FakeMemory mem;
  std::uint64_t act[4] = {0x401000, 0x04000000 | SA_RESTART, 0x7f00, 1u << (SIGCHLD - 1)};
  mem.put_value(kA, act);
  SyscallEvent ev = decoded("rt_sigaction", {SIGCHLD, kA, 0, 8}, 0, mem);
  nlohmann::json j = value_json(ev.arg(1));
  ASSERT_TRUE(j.contains("struct")) << j;
  const auto& s = j["struct"];
  EXPECT_EQ(s["sa_handler"], 0x401000);
  EXPECT_EQ(s["sa_flags"]["flags"], nlohmann::json({"SA_RESTORER", "SA_RESTART"})) << s;
  EXPECT_EQ(s["sa_restorer"], 0x7f00);
  // A signal set is an array of signals, each its number and short name.
  EXPECT_EQ(s["sa_mask"], nlohmann::json::parse(R"({"array": [{"name": "CHLD", "value": 17}]})"));
  EXPECT_FALSE(has_text(j)) << j;
}

// strace prints a set with two thirds or more of its signals as the
// complement, "~[...]"; JSON keeps the same elements and says so.
TEST(DecodedStructJson, SignalSetsAndTheirComplement) {
  FakeMemory mem;
  std::uint64_t most = ~std::uint64_t{0} & ~(std::uint64_t{1} << (SIGKILL - 1));
  mem.put_value(kA, most);
  EXPECT_EQ(testing::line("rt_sigprocmask", {SIG_SETMASK, kA, 0, 8}, 0, mem),
            "rt_sigprocmask(SIG_SETMASK, ~[KILL], NULL, 8) = 0");
  SyscallEvent ev = decoded("rt_sigprocmask", {SIG_SETMASK, kA, 0, 8}, 0, mem);
  EXPECT_EQ(
      value_json(ev.arg(1)),
      nlohmann::json::parse(R"({"array": [{"name": "KILL", "value": 9}], "complement": true})"));

  // 41 of 64 is under two thirds: the signals themselves.
  std::uint64_t many = (std::uint64_t{1} << 41) - 1;
  mem.put_value(kA, many);
  std::string text = testing::line("rt_sigprocmask", {SIG_BLOCK, kA, 0, 8}, 0, mem);
  EXPECT_EQ(text.rfind("rt_sigprocmask(SIG_BLOCK, [HUP INT QUIT ", 0), 0u) << text;
  EXPECT_NE(text.find(" RT_9], NULL, 8) = 0"), std::string::npos) << text;

  // -X: each signal is a constant.
  DecodeOptions verbose;
  verbose.const_style = ConstStyle::verbose;
  std::uint64_t two = (std::uint64_t{1} << (SIGINT - 1)) | (std::uint64_t{1} << (SIGTERM - 1));
  mem.put_value(kA, two);
  EXPECT_EQ(testing::line("rt_sigprocmask", {SIG_BLOCK, kA, 0, 8}, 0, mem, verbose),
            "rt_sigprocmask(0 /* SIG_BLOCK */, [2 /* INT */ 15 /* TERM */], NULL, 8) = 0");
  DecodeOptions raw;
  raw.const_style = ConstStyle::raw;
  EXPECT_EQ(testing::line("rt_sigprocmask", {SIG_BLOCK, kA, 0, 8}, 0, mem, raw),
            "rt_sigprocmask(0, [2 15], NULL, 8) = 0");
}

// Each 32-bit word of a capability set is a flag set named "1<<CAP_X", as
// strace's cap_mask0/cap_mask1: -X styles it, JSON lists the names.
TEST(DecodedStructJson, CapabilitySetsAreFlagsPerWord) {
  FakeMemory mem;
  __user_cap_header_struct h{_LINUX_CAPABILITY_VERSION_3, 0};
  mem.put_value(kA, h);
  __user_cap_data_struct d[2]{};
  d[0].effective = (1u << CAP_CHOWN) | (1u << CAP_KILL);
  d[1].effective = 1u << (CAP_SYSLOG - 32);
  mem.put_value(0x2000, d);
  EXPECT_EQ(testing::line("capset", {kA, 0x2000}, 0, mem),
            "capset({version=_LINUX_CAPABILITY_VERSION_3, pid=0}, "
            "{effective=1<<CAP_CHOWN|1<<CAP_KILL|1<<CAP_SYSLOG, permitted=0, inheritable=0}) = 0");
  EXPECT_EQ(testing::line("capset", {kA, 0x2000}, 0, mem, testing::style(ConstStyle::raw)),
            "capset({version=0x20080522, pid=0}, {effective=0x21|0x4, permitted=0, "
            "inheritable=0}) = 0");
  SyscallEvent ev = decoded("capset", {kA, 0x2000}, 0, mem);
  nlohmann::json j = value_json(ev.arg(1));
  EXPECT_EQ(j["struct"]["permitted"], nlohmann::json::parse(R"({"flags": [], "value": 0})")) << j;
  EXPECT_EQ(value_json(ev.arg(0))["struct"]["version"]["name"], "_LINUX_CAPABILITY_VERSION_3");
}

// getdents64 with -v: an array of entries, each a structure of values.
TEST(DecodedStructJson, DirectoryEntriesWithVerbose) {
  FakeMemory mem;
  std::string rec(24, '\0');  // linux_dirent64: ino, off, reclen, type, "a\0", padding
  std::uint64_t ino = 42, off = 7;
  std::uint16_t reclen = 24;
  std::memcpy(rec.data(), &ino, 8);
  std::memcpy(rec.data() + 8, &off, 8);
  std::memcpy(rec.data() + 16, &reclen, 2);
  rec[18] = DT_REG;
  rec[19] = 'a';
  mem.put(kA, rec);
  DecodeOptions verbose;
  verbose.verbose = true;
  verbose.abbrev = SyscallSet();
  EXPECT_EQ(testing::line("getdents64", {3, kA, 4096}, 24, mem, verbose),
            "getdents64(3, [{d_ino=42, d_off=7, d_reclen=24, d_type=DT_REG, d_name=\"a\"}], 4096) "
            "= 24");
  SyscallEvent ev;
  ev.desc = &describe(*find_syscall("getdents64"));
  ev.nargs = ev.desc->nargs;
  ev.args = {3, kA, 4096};
  ev.arch = Arch::x86_64;
  decode_entry(ev, mem, verbose);
  ev.rval = 24;
  ev.exited = true;
  decode_exit(ev, mem, verbose);
  nlohmann::json j = value_json(ev.arg(1));
  EXPECT_FALSE(has_text(j)) << j;
  EXPECT_EQ(j["array"][0]["struct"]["d_name"]["str"], "a") << j;
  EXPECT_EQ(j["array"][0]["struct"]["d_type"]["name"], "DT_REG") << j;
}

TEST(DecodedStructJson, UtsnameStringsAndSchedParam) {
  FakeMemory mem;
  utsname u{};
  std::strcpy(u.sysname, "Linux");
  std::strcpy(u.nodename, "host");
  mem.put_value(kA, u);
  SyscallEvent ev = decoded("uname", {kA}, 0, mem);
  nlohmann::json j = value_json(ev.arg(0));
  EXPECT_FALSE(has_text(j)) << j;
  EXPECT_EQ(j["struct"]["sysname"]["str"], "Linux") << j;
  EXPECT_EQ(j["more"], true) << j;

  sched_param p{7};
  mem.put_value(kA, p);
  ev = decoded("sched_getparam", {0, kA}, 0, mem);
  EXPECT_EQ(value_json(ev.arg(1)), nlohmann::json::parse(R"({"struct": {"sched_priority": 7}})"));
}

TEST(DecodedStructJson, Clone3ArgsAreAllValues) {
  FakeMemory mem;
  clone_args a{};
  a.flags = CLONE_VM | CLONE_SETTLS;
  a.exit_signal = SIGCHLD;
  a.stack = 0x7000;
  a.stack_size = 0x1000;
  a.tls = 0x9000;
  mem.put_value(kA, a);
  SyscallEvent ev = decoded("clone3", {kA, sizeof a}, 5, mem);
  nlohmann::json j = value_json(ev.arg(0));
  ASSERT_TRUE(j.contains("struct")) << j;
  EXPECT_EQ(j["struct"]["stack_size"], 0x1000);
  EXPECT_EQ(j["struct"]["tls"], 0x9000);
  EXPECT_EQ(j["struct"]["flags"]["flags"], nlohmann::json({"CLONE_VM", "CLONE_SETTLS"}));
}

TEST(DecodedStructJson, PipeFdsAreAnArray) {
  FakeMemory mem;
  std::int32_t fds[2] = {3, 4};
  mem.put_value(kA, fds);
  SyscallEvent ev = decoded("pipe2", {kA, 0}, 0, mem);
  nlohmann::json j = value_json(ev.arg(0));
  EXPECT_FALSE(has_text(j)) << j;
  ASSERT_TRUE(j.contains("array")) << j;
  EXPECT_EQ(j["array"].size(), 2u);
}

TEST(DecodedStructJson, SockaddrFormsAreCalls) {
  FakeMemory mem;
  sockaddr_in in{};
  in.sin_family = AF_INET;
  in.sin_port = htons(80);
  inet_pton(AF_INET, "127.0.0.1", &in.sin_addr);
  mem.put_value(kA, in);
  SyscallEvent ev = decoded("connect", {3, kA, sizeof in}, 0, mem);
  nlohmann::json j = value_json(ev.arg(1));
  EXPECT_FALSE(has_text(j)) << j;
  EXPECT_EQ(j["struct"]["sin_port"], nlohmann::json::parse(R"({"call": "htons", "args": [80]})"));
  EXPECT_EQ(j["struct"]["sin_addr"]["args"][0]["str"], "127.0.0.1") << j;
  EXPECT_EQ(testing::line("connect", {3, kA, sizeof in}, 0, mem),
            "connect(3, {sa_family=AF_INET, sin_port=htons(80), "
            "sin_addr=inet_addr(\"127.0.0.1\")}, 16) = 0");

  sockaddr_in6 in6{};
  in6.sin6_family = AF_INET6;
  in6.sin6_port = htons(443);
  inet_pton(AF_INET6, "::1", &in6.sin6_addr);
  mem.put_value(kA, in6);
  ev = decoded("connect", {3, kA, sizeof in6}, 0, mem);
  j = value_json(ev.arg(1));
  EXPECT_EQ(j["struct"]["inet_pton"]["args"][1]["str"], "::1") << j;
  EXPECT_EQ(testing::line("connect", {3, kA, sizeof in6}, 0, mem),
            "connect(3, {sa_family=AF_INET6, sin6_port=htons(443), sin6_flowinfo=htonl(0), "
            "inet_pton(AF_INET6, \"::1\", &sin6_addr), sin6_scope_id=0}, 28) = 0");
}

}  // namespace
}  // namespace xtrace
