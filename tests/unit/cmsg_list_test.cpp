// sendmsg/recvmsg's control messages: every cmsg_len is the tracee's.  A
// huge one (~0) once made CMSG_ALIGN wrap to 0, and the list loop printed
// the same message until memory ran out (decoder_fuzz found it); one that
// reaches the end of msg_control now ends the list, as in strace.
#include <sys/socket.h>

#include <cstdint>
#include <cstring>
#include <string>

#include <gtest/gtest.h>

#include "decode_line.hpp"
#include "fake_memory.hpp"

namespace xtrace {
namespace {

using testing::FakeMemory;
using testing::line;

constexpr std::uint64_t kMsg = 0x10000;
constexpr std::uint64_t kControl = 0x20000;

// A msghdr with no name and no iovec, its msg_control at kControl.
void put_msghdr(FakeMemory& mem, std::size_t controllen) {
  msghdr m{};
  m.msg_control = reinterpret_cast<void*>(kControl);
  m.msg_controllen = controllen;
  mem.put_value(kMsg, m);
}

// SCM_RIGHTS with the given cmsg_len and two descriptors, 3 and 4.
std::string rights(std::size_t cmsg_len) {
  cmsghdr h{};
  h.cmsg_len = cmsg_len;
  h.cmsg_level = SOL_SOCKET;
  h.cmsg_type = SCM_RIGHTS;
  std::string bytes(sizeof h + 8, '\0');
  std::memcpy(bytes.data(), &h, sizeof h);
  const std::int32_t fds[2] = {3, 4};
  std::memcpy(bytes.data() + sizeof h, fds, sizeof fds);
  return bytes;
}

TEST(CmsgList, HugeCmsgLenEndsTheList) {
  FakeMemory mem;
  put_msghdr(mem, 2 * rights(0).size());
  // Its data runs to the end of msg_control: the second header is data.
  mem.put(kControl, rights(~std::size_t{0}) + rights(CMSG_LEN(8)));
  EXPECT_EQ(line("sendmsg", {3, kMsg, 0, 0, 0, 0}, 0, mem),
            "sendmsg(3, {msg_name=NULL, msg_namelen=0, msg_iov=NULL, msg_iovlen=0, "
            "msg_control=[{cmsg_len=18446744073709551615, cmsg_level=SOL_SOCKET, "
            "cmsg_type=SCM_RIGHTS, cmsg_data=[3, 4, 24, 0, 1, 1, 3, 4]}], msg_controllen=48, "
            "msg_flags=0}, 0) = 0");
}

TEST(CmsgList, EveryWholeMessagePrints) {
  FakeMemory mem;
  put_msghdr(mem, 2 * rights(0).size());
  mem.put(kControl, rights(CMSG_LEN(8)) + rights(CMSG_LEN(8)));
  EXPECT_EQ(line("sendmsg", {3, kMsg, 0, 0, 0, 0}, 0, mem),
            "sendmsg(3, {msg_name=NULL, msg_namelen=0, msg_iov=NULL, msg_iovlen=0, "
            "msg_control=[{cmsg_len=24, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, "
            "cmsg_data=[3, 4]}, {cmsg_len=24, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, "
            "cmsg_data=[3, 4]}], msg_controllen=48, msg_flags=0}, 0) = 0");
}

}  // namespace
}  // namespace xtrace
