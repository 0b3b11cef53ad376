// Issue 5: -yy on TCP, UDP and netlink sockets from sock_diag
// (`3<TCP:[127.0.0.1:8080]>`, `4<NETLINK:[ROUTE:PID]>`), on
// tests/programs/inet_sockets against exact lines and strace 7.2, and the
// decode_sockets tracee under -yy line for line as strace 7.2.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <regex>

#include "run_command.hpp"
#include "strace_compare.hpp"
#include "strace_output.hpp"

namespace xtrace::testing {
namespace {

// Inodes, ports (normalize_line names those of sockaddrs PORT) and the tracee's pid (a netlink port
// id) differ from run to run; which socket has which of them must not.  Each becomes a name (I1,
// P1, ...) in order of first appearance.
class Renamer {
 public:
  std::string rename(const std::string& line) {
    static const std::regex number(
        R"(((?:TCP|UDP|TCPv6|UDPv6|NETLINK|UNIX|UNIX-STREAM):\[|->)([0-9]+)(?=[\],]|->)|(?:[0-9]|\]):([0-9]+)(?:\]|->)|(?:ROUTE|GENERIC):([0-9]+))");
    std::string out;
    auto last = line.cbegin();
    for (std::sregex_iterator it(line.begin(), line.end(), number), end; it != end; ++it) {
      const std::smatch& m = *it;
      int group = m[2].matched ? 2 : m[3].matched ? 3 : 4;
      out.append(last, m[group].first);
      out += name(group == 2 ? "I" : group == 4 ? "PID" : "P", m[group].str());
      last = m[group].second;
    }
    out.append(last, line.cend());
    return out;
  }

 private:
  std::string name(const std::string& prefix, const std::string& number) {
    auto& names = names_[prefix];
    auto [entry, added] = names.try_emplace(number, prefix + std::to_string(names.size() + 1));
    return entry->second;
  }
  std::map<std::string, std::map<std::string, std::string>> names_;
};

// The trace of `program` under -yy, from its first socket call on, with
// run-dependent numbers named.
std::vector<std::string> socket_trace(const std::string& tracer, const std::string& program,
                                      const std::string& dir) {
  std::string out = dir + "/trace";
  RunResult r =
      run_command({tracer, "-yy", "-e", "trace=%network,read,write,close", "-o", out, program});
  EXPECT_EQ(r.code, 0) << r.err;
  std::vector<std::string> lines;
  Renamer renamer;
  bool started = false;
  for (const auto& line : lines_of(read_file(out))) {
    started = started || line.starts_with("socket(");
    // Each run's stdin is a deleted temporary file of its own name.
    static const std::regex stdin_file("/tmp/xtrace-test-[A-Za-z0-9]+");
    if (started)
      lines.push_back(renamer.rename(normalize_line(std::regex_replace(line, stdin_file, "TMP"))));
  }
  std::filesystem::remove(out);
  return lines;
}

std::string joined(const std::vector<std::string>& lines) {
  std::string text;
  for (const auto& line : lines) text += line + '\n';
  return text;
}

class InetSockets : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = make_temp_dir(); }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  bool have_strace_7() { return !reference_strace_7().empty(); }

  std::string dir_;
};

TEST_F(InetSockets, EndpointLines) {
  auto lines = socket_trace(xtrace_binary(), program("inet_sockets"), dir_);
  for (const char* expected : {
           // Not bound: the inode alone; bound, not yet listening: the address.
           "write(3<TCP:[I1]>, \"\", 0) = -1 EPIPE (Broken pipe)",
           "listen(3<TCP:[127.0.0.1:P1]>, 1) = 0",
           "accept(3<TCP:[127.0.0.1:P1]>, NULL, NULL) = 5<TCP:[127.0.0.1:P1->127.0.0.1:P2]>",
           // After shutdown the endpoints are still listed.
           "write(4<TCP:[127.0.0.1:P2->127.0.0.1:P1]>, \"b\", 1) = -1 EPIPE (Broken pipe)",
           "bind(3<TCP:[127.0.0.1:P1]>, {sa_family=AF_INET, sin_port=htons(PORT), "
           "sin_addr=inet_addr(\"127.0.0.1\")}, 16) = -1 EINVAL (Invalid argument)",
           "shutdown(3<TCP:[127.0.0.1:P1]>, SHUT_RDWR) = -1 ENOTCONN (Transport endpoint is not "
           "connected)",
           // The failed send bound it to any address; connected since, but
           // shown as first seen: strace's cache.
           "write(4<UDP:[0.0.0.0:P4]>, \"d\", 1) = 1",
           "write(4<TCPv6:[[::1]:P6->[::1]:P5]>, \"e\", 1) = 1",
           "write(3<UDPv6:[[::1]:P7]>, \"f\", 1) = -1 EDESTADDRREQ (Destination address "
           "required)",
           "write(3<NETLINK:[I9]>, \"\", 0) = -1 ENODATA (No data available)",
           "write(3<NETLINK:[ROUTE:PID1]>, \"\", 0) = -1 ENODATA (No data available)",
           "close(4<NETLINK:[GENERIC:PID1]>) = 0",
       }) {
    EXPECT_NE(std::find(lines.begin(), lines.end(), expected), lines.end()) << expected << "\nin:\n"
                                                                            << joined(lines);
  }
}

TEST_F(InetSockets, SameAsStrace) {
  if (!have_strace_7()) GTEST_SKIP() << "no reference strace 7.x";
  auto theirs = socket_trace(reference_strace(), program("inet_sockets"), dir_);
  ASSERT_FALSE(theirs.empty());
  EXPECT_EQ(socket_trace(xtrace_binary(), program("inet_sockets"), dir_), theirs);
}

TEST_F(InetSockets, DecodeSocketsTraceeSameAsStrace) {
  if (!have_strace_7()) GTEST_SKIP() << "no reference strace 7.x";
  auto theirs = socket_trace(reference_strace(), program("decode_sockets"), dir_);
  ASSERT_FALSE(theirs.empty());
  EXPECT_EQ(socket_trace(xtrace_binary(), program("decode_sockets"), dir_), theirs);
}

}  // namespace
}  // namespace xtrace::testing
