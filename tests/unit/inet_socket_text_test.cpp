// -yy's TCP/UDP and netlink socket texts, against what strace 7.2 prints.
#include <gtest/gtest.h>
#include <linux/netlink.h>
#include <sys/socket.h>

#include "decode/core/inet_diag.hpp"
#include "decode/core/netlink_diag.hpp"

namespace xtrace::decode {
namespace {

InetSocketInfo v4(std::array<std::uint8_t, 4> local, unsigned lport,
                  std::array<std::uint8_t, 4> remote, unsigned rport) {
  InetSocketInfo info;
  info.family = AF_INET;
  std::copy(local.begin(), local.end(), info.local.begin());
  std::copy(remote.begin(), remote.end(), info.remote.begin());
  info.local_port = static_cast<std::uint16_t>(lport);
  info.remote_port = static_cast<std::uint16_t>(rport);
  return info;
}

TEST(InetSocketText, LocalAloneWithoutRemote) {
  EXPECT_EQ(inet_socket_text("TCP", v4({127, 0, 0, 1}, 8080, {}, 0)), "TCP:[127.0.0.1:8080]");
  EXPECT_EQ(inet_socket_text("UDP", v4({}, 44645, {}, 0)), "UDP:[0.0.0.0:44645]");
}

TEST(InetSocketText, RemoteWhenItsAddressOrPortIsSet) {
  EXPECT_EQ(inet_socket_text("TCP", v4({127, 0, 0, 1}, 50390, {127, 0, 0, 1}, 47077)),
            "TCP:[127.0.0.1:50390->127.0.0.1:47077]");
  EXPECT_EQ(inet_socket_text("UDP", v4({}, 1, {}, 53)), "UDP:[0.0.0.0:1->0.0.0.0:53]");
  EXPECT_EQ(inet_socket_text("UDP", v4({}, 1, {10, 0, 0, 1}, 0)), "UDP:[0.0.0.0:1->10.0.0.1:0]");
}

TEST(InetSocketText, Ipv6InBrackets) {
  InetSocketInfo info;
  info.family = AF_INET6;
  info.local[15] = 1;  // ::1
  info.local_port = 37031;
  EXPECT_EQ(inet_socket_text("TCPv6", info), "TCPv6:[[::1]:37031]");
  info.remote[15] = 1;
  info.remote_port = 38110;
  EXPECT_EQ(inet_socket_text("TCPv6", info), "TCPv6:[[::1]:37031->[::1]:38110]");
  // Only the family's address length counts: bytes past an IPv4 address do not.
  InetSocketInfo four = v4({127, 0, 0, 1}, 9, {}, 0);
  four.remote[8] = 1;
  EXPECT_EQ(inet_socket_text("UDP", four), "UDP:[127.0.0.1:9]");
}

TEST(NetlinkSocketText, ProtocolWithoutPrefixAndPortId) {
  EXPECT_EQ(netlink_socket_text("NETLINK", {NETLINK_ROUTE, 23426}), "NETLINK:[ROUTE:23426]");
  EXPECT_EQ(netlink_socket_text("NETLINK", {NETLINK_KOBJECT_UEVENT, 0}),
            "NETLINK:[KOBJECT_UEVENT:0]");
  EXPECT_EQ(netlink_socket_text("NETLINK", {NETLINK_SOCK_DIAG, 4294967295u}),
            "NETLINK:[SOCK_DIAG:4294967295]");
  // A protocol without a name: its number.
  EXPECT_EQ(netlink_socket_text("NETLINK", {30, 5}), "NETLINK:[30]");
}

}  // namespace
}  // namespace xtrace::decode
