// Issue 5: -yy on AF_UNIX sockets, `3<UNIX-STREAM:[INODE->PEER,"PATH"]>`,
// on tests/programs/unix_sockets against exact lines and strace 7.2.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <regex>

#include "run_command.hpp"
#include "strace_compare.hpp"
#include "strace_output.hpp"

namespace xtrace::testing {
namespace {

// Inode numbers differ from run to run; who is whose peer must not.  Each
// socket inode becomes I1, I2, ... in order of first appearance.
std::vector<std::string> name_inodes(const std::vector<std::string>& lines) {
  static const std::regex inode(R"((UNIX(-STREAM)?:\[|->)([0-9]+))");
  std::map<std::string, std::string> names;
  std::vector<std::string> out;
  for (const auto& line : lines) {
    std::string renamed;
    auto last = line.cbegin();
    for (std::sregex_iterator it(line.begin(), line.end(), inode), end; it != end; ++it) {
      const std::smatch& m = *it;
      renamed.append(last, m[3].first);
      auto [entry, added] = names.try_emplace(m[3].str(), "I" + std::to_string(names.size() + 1));
      renamed += entry->second;
      last = m[3].second;
    }
    renamed.append(last, line.cend());
    out.push_back(renamed);
  }
  return out;
}

class UnixSockets : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = make_temp_dir(); }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  // The socket part of the trace (from the first socketpair on), with
  // inodes named and the directory written DIR.
  std::vector<std::string> trace(const std::string& tracer) {
    std::string out = dir_ + "/trace";
    RunResult r = run_command({tracer, "-yy", "-e", "trace=%network,read,write,close", "-o", out,
                               program("unix_sockets"), dir_});
    EXPECT_EQ(r.code, 0) << r.err;
    std::vector<std::string> lines;
    bool started = false;
    for (auto line : lines_of(read_file(out))) {
      started = started || line.starts_with("socketpair(");
      if (!started) continue;
      for (std::size_t at; (at = line.find(dir_)) != std::string::npos;)
        line.replace(at, dir_.size(), "DIR");
      lines.push_back(normalize_line(line));
    }
    std::filesystem::remove(out);
    return name_inodes(lines);
  }

  std::string dir_;
};

TEST_F(UnixSockets, PeerAndPathLines) {
  // Fd numbers depend on what the tracee inherited: FD.
  std::vector<std::string> lines;
  for (const auto& line : trace(xtrace_binary()))
    lines.push_back(std::regex_replace(line, std::regex(R"(\b[0-9]+<)"), "FD<"));
  for (const char* expected : {
           "socketpair(AF_UNIX, SOCK_STREAM, 0, [FD<UNIX-STREAM:[I1->I2]>, "
           "FD<UNIX-STREAM:[I2->I1]>]) = 0",
           "write(FD<UNIX-STREAM:[I1->I2]>, \"a\", 1) = 1",
           // Bound, listening: the path; not yet bound: the inode alone.
           "bind(FD<UNIX-STREAM:[I3]>, {sa_family=AF_UNIX, sun_path=\"DIR/listen.sock\"}, 110) = 0",
           "listen(FD<UNIX-STREAM:[I3,\"DIR/listen.sock\"]>, 1) = 0",
           // The accepted socket has the listener's name and the client as peer.
           "accept(FD<UNIX-STREAM:[I3,\"DIR/listen.sock\"]>, NULL, NULL) = "
           "FD<UNIX-STREAM:[I5->I4,\"DIR/listen.sock\"]>",
           "write(FD<UNIX-STREAM:[I4->I5]>, \"b\", 1) = 1",
           // Datagram and seqpacket sockets are "UNIX", as the kernel names them.
           "write(FD<UNIX:[I6->I7]>, \"c\", 1) = 1",
           "write(FD<UNIX:[I8->I9]>, \"d\", 1) = 1",
           "write(FD<UNIX:[I10,@\"DIR/abstract\"]>, \"e\", 1) = -1 ENOTCONN (Transport endpoint "
           "is not connected)",
           // Connected since, but shown as first seen: strace's cache.
           "write(FD<UNIX:[I10,@\"DIR/abstract\"]>, \"f\", 1) = 1",
           "write(FD<UNIX:[I12]>, \"g\", 1) = -1 ENOTCONN (Transport endpoint is not connected)",
           "sendto(FD<UNIX-STREAM:[I2->I1]>, \"h\", 1, MSG_NOSIGNAL, NULL, 0) = -1 EPIPE (Broken "
           "pipe)",
       }) {
    EXPECT_NE(std::find(lines.begin(), lines.end(), expected), lines.end())
        << expected << "\nin:\n"
        << ::testing::PrintToString(lines);
  }
}

TEST_F(UnixSockets, SameAsStrace) {
  std::string reference = reference_strace_7();
  if (reference.empty()) GTEST_SKIP() << "no reference strace 7.x";
  auto theirs = trace(reference);
  auto ours = trace(xtrace_binary());
  ASSERT_FALSE(theirs.empty());
  EXPECT_EQ(ours, theirs);
}

}  // namespace
}  // namespace xtrace::testing
