// Issue 11 (strace's own test suite), compared with strace 7.2's text:
// the sockaddr families of sockaddr_families.cpp: AF_IPX, AF_X25,
// AF_PACKET, AF_AX25 (also shorter than their structure).
#include <fcntl.h>
#include <linux/stat.h>
#include <sched.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <cstdlib>
#include <cstring>
#include <string>

#include "decode_line.hpp"
#include "fake_memory.hpp"

namespace xtrace {
namespace {

using testing::FakeMemory;
using testing::line;

constexpr std::uint64_t kA = 0x1000;
constexpr std::uint64_t kMinus1 = ~std::uint64_t{0};
constexpr std::int64_t kEbadf = -9;

std::string bytes(std::initializer_list<unsigned> values) {
  std::string s;
  for (unsigned v : values) s += static_cast<char>(v);
  return s;
}

TEST(SockaddrFamilies, SockaddrIpx) {
  FakeMemory mem;
  mem.put(kA, bytes({AF_IPX, 0, 0x30, 0x39, 0xfa, 0xce, 0xfe, 0xed, 'A', 'B', 'C', 'D', 'E', 'F',
                     0xff, 0x42}));
  EXPECT_EQ(
      line("connect", {kMinus1, kA, 16}, kEbadf, mem),
      "connect(-1, {sa_family=AF_IPX, sipx_port=htons(12345), sipx_network=htonl(0xfacefeed), "
      "sipx_node=[0x41, 0x42, 0x43, 0x44, 0x45, 0x46], sipx_type=0xff, sipx_zero=0x42}, 16) = "
      "-1 EBADF (Bad file descriptor)");
  // Shorter than the structure: the bytes after the family.
  EXPECT_EQ(line("connect", {kMinus1, kA, 4}, kEbadf, mem),
            "connect(-1, {sa_family=AF_IPX, sa_data=\"09\"}, 4) = -1 EBADF (Bad file descriptor)");
}

TEST(SockaddrFamilies, SockaddrX25) {
  FakeMemory mem;
  std::string x25 = bytes({AF_X25, 0}) + "0123456789abcdef";
  mem.put(kA, x25);
  EXPECT_EQ(line("connect", {kMinus1, kA, 18}, kEbadf, mem),
            "connect(-1, {sa_family=AF_X25, sx25_addr={x25_addr=\"0123456789abcde\"...}}, 18) = -1 "
            "EBADF (Bad file descriptor)");
  x25[12] = '\0';
  mem.put(kA, x25);
  EXPECT_EQ(line("connect", {kMinus1, kA, 18}, kEbadf, mem),
            "connect(-1, {sa_family=AF_X25, sx25_addr={x25_addr=\"0123456789\"}}, 18) = -1 EBADF "
            "(Bad file descriptor)");
}

TEST(SockaddrFamilies, SockaddrPacket) {
  FakeMemory mem;
  // ETH_P_ALL, ifindex 0xfacefeed, ARPHRD_ETHER, PACKET_HOST, 9 bytes
  // claimed in 8.
  mem.put(kA, bytes({AF_PACKET, 0, 0,   3,   0xed, 0xfe, 0xce, 0xfa, 1,   0,
                     0,         9, 'a', 'b', 'c',  'd',  'e',  'f',  'g', 'h'}));
  EXPECT_EQ(line("connect", {kMinus1, kA, 20}, kEbadf, mem),
            "connect(-1, {sa_family=AF_PACKET, sll_protocol=htons(ETH_P_ALL), "
            "sll_ifindex=4207869677, sll_hatype=ARPHRD_ETHER, sll_pkttype=PACKET_HOST, "
            "sll_halen=9, sll_addr=[0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, ...]}, 20) = "
            "-1 EBADF (Bad file descriptor)");
  mem.put(kA, bytes({AF_PACKET, 0, 0x12, 0x34, 1, 0, 0, 0, 0xff, 0xff, 9, 0}));
  EXPECT_EQ(line("connect", {kMinus1, kA, 20}, kEbadf, mem),
            "connect(-1, 0x1000, 20) = -1 EBADF (Bad file descriptor)");
}

// AX.25 callsigns are ASCII shifted left by one bit, the SSID in the last.
std::string ax25(const char* call, unsigned ssid) {
  std::string s;
  for (int i = 0; i < 6; ++i) s += static_cast<char>(static_cast<unsigned char>(call[i]) << 1);
  s += static_cast<char>(ssid << 1);
  return s;
}

TEST(SockaddrFamilies, SockaddrAx25) {
  FakeMemory mem;
  std::string head = bytes({AF_AX25, 0}) + ax25("VALID ", 13) + bytes({0, 0, 0});
  mem.put(kA, head + bytes({0, 0, 0, 0}));
  EXPECT_EQ(line("connect", {kMinus1, kA, 16}, kEbadf, mem),
            "connect(-1, {sa_family=AF_AX25, sax25_call=VALID-13, sax25_ndigis=0}, 16) = -1 EBADF "
            "(Bad file descriptor)");
  std::string full = head + bytes({8, 0, 0, 0}) + ax25("SPA CE", 0) + ax25("SSID  ", 16) +
                     ax25("      ", 0) + ax25("OK    ", 15) + bytes({0});
  mem.put(kA, full);
  EXPECT_EQ(line("connect", {kMinus1, kA, 16}, kEbadf, mem),
            "connect(-1, {sa_family=AF_AX25, fsa_ax25={sax25_call=VALID-13, sax25_ndigis=8}, "
            "fsa_digipeater=[...]}, 16) = -1 EBADF (Bad file descriptor)");
  EXPECT_EQ(line("connect", {kMinus1, kA, 16 + 4 * 7 + 1}, kEbadf, mem),
            "connect(-1, {sa_family=AF_AX25, fsa_ax25={sax25_call=VALID-13, sax25_ndigis=8}, "
            "fsa_digipeater=[{ax25_call=\"\\xa6\\xa0\\x82\\x40\\x86\\x8a\\x00\"} /* SPA CE-0 */, "
            "{ax25_call=\"\\xa6\\xa6\\x92\\x88\\x40\\x40\\x20\"} /* SSID-0 */, *, OK-15, ...], "
            "...}, 45) = -1 EBADF (Bad file descriptor)");
}

}  // namespace
}  // namespace xtrace
