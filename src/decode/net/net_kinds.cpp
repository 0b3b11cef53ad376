// Network kinds: sockaddr (AF_UNIX, AF_INET, AF_INET6, AF_NETLINK here, the
// other families in sockaddr_families.cpp), socklen
// in/out, msghdr with iovecs and control messages, socket options, and the
// constants of the socket calls.
#include <arpa/inet.h>
#include <linux/netlink.h>
#include <net/if.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <sys/un.h>

#include <array>
#include <cstring>

#include "fd_info.hpp"
#include "field_printer.hpp"
#include "format_helpers.hpp"
#include "iovec_printer.hpp"
#include "net_tables.hpp"
#include "sockaddr_families.hpp"
#include "struct_reader.hpp"
#include "table_kinds.hpp"
#include "xlat.hpp"
#include "xlat_tables.hpp"
#include "xtrace/decode.hpp"
#include "xtrace/quote.hpp"

namespace xtrace {
namespace {

using namespace decode;

constexpr std::array kMsgFlags{XLAT(MSG_OOB),
                               XLAT(MSG_PEEK),
                               XLAT(MSG_DONTROUTE),
                               XLAT(MSG_CTRUNC),
                               XlatEntry{0x10, "MSG_PROBE"},
                               XLAT(MSG_TRUNC),
                               XLAT(MSG_DONTWAIT),
                               XLAT(MSG_EOR),
                               XLAT(MSG_WAITALL),
                               XLAT(MSG_FIN),
                               XLAT(MSG_SYN),
                               XLAT(MSG_CONFIRM),
                               XLAT(MSG_RST),
                               XLAT(MSG_ERRQUEUE),
                               XLAT(MSG_NOSIGNAL),
                               XLAT(MSG_MORE),
                               XLAT(MSG_WAITFORONE),
                               XlatEntry{0x20000, "MSG_SENDPAGE_NOTLAST"},
                               XLAT(MSG_BATCH),
                               XlatEntry{0x80000, "MSG_NO_SHARED_FRAGS"},
                               XlatEntry{0x2000000, "MSG_SOCK_DEVMEM"},
                               XLAT(MSG_ZEROCOPY),
                               XLAT(MSG_FASTOPEN),
                               XLAT(MSG_CMSG_CLOEXEC),
                               XlatEntry{0x80000000, "MSG_CMSG_COMPAT"}};
const Xlat kMsgFlagsTable{kMsgFlags, "MSG_???"};
constexpr std::array kShutdown{XLAT(SHUT_RD), XLAT(SHUT_WR), XLAT(SHUT_RDWR)};
const Xlat kShutdownTable{kShutdown, "SHUT_???"};
constexpr std::array kSocketFlags{XLAT(SOCK_CLOEXEC), XLAT(SOCK_NONBLOCK)};
const Xlat kSocketFlagsTable{kSocketFlags, "SOCK_???"};
constexpr std::array kIpProtocols{
    XLAT(IPPROTO_IP),     XLAT(IPPROTO_ICMP), XLAT(IPPROTO_IGMP),    XLAT(IPPROTO_IPIP),
    XLAT(IPPROTO_TCP),    XLAT(IPPROTO_EGP),  XLAT(IPPROTO_PUP),     XLAT(IPPROTO_UDP),
    XLAT(IPPROTO_IDP),    XLAT(IPPROTO_TP),   XLAT(IPPROTO_DCCP),    XLAT(IPPROTO_IPV6),
    XLAT(IPPROTO_RSVP),   XLAT(IPPROTO_GRE),  XLAT(IPPROTO_ESP),     XLAT(IPPROTO_AH),
    XLAT(IPPROTO_ICMPV6), XLAT(IPPROTO_MTP),  XLAT(IPPROTO_ENCAP),   XLAT(IPPROTO_PIM),
    XLAT(IPPROTO_COMP),   XLAT(IPPROTO_SCTP), XLAT(IPPROTO_UDPLITE), XLAT(IPPROTO_MPLS),
    XLAT(IPPROTO_RAW),    XLAT(IPPROTO_MPTCP)};
const Xlat kIpProtoTable{kIpProtocols, "IPPROTO_???"};

constexpr std::array kSockoptLevels{
    XLAT(SOL_IP),     XLAT(SOL_SOCKET), XLAT(SOL_TCP),    XlatEntry{17, "SOL_UDP"}, XLAT(SOL_IPV6),
    XLAT(SOL_ICMPV6), XLAT(SOL_RAW),    XLAT(SOL_PACKET), XLAT(SOL_NETLINK)};
const Xlat kSockoptLevelTable{kSockoptLevels, "SOL_???"};
// getsockopt and setsockopt name an unknown level "SOL_??" (strace 7.2).
const Xlat kSockoptLevelArgTable = kSockoptLevelTable.with_dflt("SOL_??");
constexpr std::array kSolSocket{
    XLAT(SO_DEBUG),        XLAT(SO_REUSEADDR),     XLAT(SO_TYPE),          XLAT(SO_ERROR),
    XLAT(SO_DONTROUTE),    XLAT(SO_BROADCAST),     XLAT(SO_SNDBUF),        XLAT(SO_RCVBUF),
    XLAT(SO_KEEPALIVE),    XLAT(SO_OOBINLINE),     XLAT(SO_NO_CHECK),      XLAT(SO_PRIORITY),
    XLAT(SO_LINGER),       XLAT(SO_BSDCOMPAT),     XLAT(SO_REUSEPORT),     XLAT(SO_PASSCRED),
    XLAT(SO_PEERCRED),     XLAT(SO_RCVLOWAT),      XLAT(SO_SNDLOWAT),      XLAT(SO_RCVTIMEO_OLD),
    XLAT(SO_SNDTIMEO_OLD), XLAT(SO_BINDTODEVICE),  XLAT(SO_ATTACH_FILTER), XLAT(SO_DETACH_FILTER),
    XLAT(SO_PEERNAME),     XLAT(SO_TIMESTAMP_OLD), XLAT(SO_ACCEPTCONN),    XLAT(SO_PEERSEC),
    XLAT(SO_SNDBUFFORCE),  XLAT(SO_RCVBUFFORCE),   XLAT(SO_PASSSEC),       XLAT(SO_TIMESTAMPNS_OLD),
    XLAT(SO_MARK),         XLAT(SO_PROTOCOL),      XLAT(SO_DOMAIN),        XLAT(SO_RXQ_OVFL),
    XLAT(SO_PEEK_OFF),     XLAT(SO_BUSY_POLL),     XLAT(SO_INCOMING_CPU),  XLAT(SO_COOKIE),
    XLAT(SO_PEERGROUPS),   XLAT(SO_ZEROCOPY)};
const Xlat kSolSocketTable{kSolSocket, "SO_???"};
constexpr std::array kSolTcp{
    XLAT(TCP_NODELAY),      XLAT(TCP_MAXSEG),       XLAT(TCP_CORK),     XLAT(TCP_KEEPIDLE),
    XLAT(TCP_KEEPINTVL),    XLAT(TCP_KEEPCNT),      XLAT(TCP_SYNCNT),   XLAT(TCP_LINGER2),
    XLAT(TCP_DEFER_ACCEPT), XLAT(TCP_WINDOW_CLAMP), XLAT(TCP_INFO),     XLAT(TCP_QUICKACK),
    XLAT(TCP_CONGESTION),   XLAT(TCP_USER_TIMEOUT), XLAT(TCP_FASTOPEN), XLAT(TCP_NOTSENT_LOWAT)};
const Xlat kSolTcpTable{kSolTcp, "TCP_???"};
constexpr std::array kSolIp{XLAT(IP_TOS),
                            XLAT(IP_TTL),
                            XLAT(IP_HDRINCL),
                            XLAT(IP_OPTIONS),
                            XLAT(IP_RECVERR),
                            XLAT(IP_MTU_DISCOVER),
                            XLAT(IP_MTU),
                            XLAT(IP_FREEBIND),
                            XLAT(IP_MULTICAST_IF),
                            XLAT(IP_MULTICAST_TTL),
                            XLAT(IP_MULTICAST_LOOP),
                            XLAT(IP_ADD_MEMBERSHIP),
                            XLAT(IP_DROP_MEMBERSHIP),
                            XLAT(IP_PKTINFO),
                            XLAT(IP_RECVTOS)};
const Xlat kSolIpTable{kSolIp, "IP_???"};
constexpr std::array kSolIpv6{
    XLAT(IPV6_V6ONLY),         XLAT(IPV6_UNICAST_HOPS),   XLAT(IPV6_MULTICAST_IF),
    XLAT(IPV6_MULTICAST_HOPS), XLAT(IPV6_MULTICAST_LOOP), XLAT(IPV6_RECVERR),
    XLAT(IPV6_MTU_DISCOVER),   XLAT(IPV6_RECVPKTINFO),    XLAT(IPV6_TCLASS)};
const Xlat kSolIpv6Table{kSolIpv6, "IPV6_???"};
constexpr std::array kScmTypes{XLAT(SCM_RIGHTS), XLAT(SCM_CREDENTIALS)};
const Xlat kScmTable{kScmTypes, "SCM_???"};

// --- sockaddr --------------------------------------------------------------

// The smallest length each family's fields are printed for: shorter, the
// bytes after sa_family print raw as sa_data (strace's sa_printers).
std::size_t family_min_len(unsigned family) {
  switch (family) {
    case AF_UNIX: return offsetof(sockaddr_un, sun_path) + 1;
    case AF_INET: return sizeof(sockaddr_in);
    case AF_INET6: return offsetof(sockaddr_in6, sin6_scope_id);
    case AF_NETLINK: return sizeof(sockaddr_nl);
    default: return family_fields_min_len(family);
  }
}

// `bytes` holds the address as long as the caller said it is (at most
// sockaddr_storage); fields past it are not shown.
void print_sockaddr_bytes(const ArgContext& c, const std::string& bytes, auto& out) {
  // One zero byte past the end, as the kernel pads a sun_path it copies.
  sockaddr_storage sa[2]{};
  std::memcpy(&sa, bytes.data(), std::min(bytes.size(), sizeof sa[0]));
  std::size_t len = std::min(bytes.size(), sizeof sa[0]);
  StructPrinter s(out);
  print_enum(tables::socket_family, sa[0].ss_family, s.field("sa_family"));
  if (len <= sizeof(sa_family_t)) return;
  std::size_t min_len = family_min_len(sa[0].ss_family);
  if (min_len == 0 || len < min_len) {
    quote_string(std::string_view(bytes.data() + 2, len - 2), {c.opts.hex}, s.field("sa_data"));
    return;
  }
  switch (sa[0].ss_family) {
    case AF_UNIX: {
      auto* un = reinterpret_cast<const sockaddr_un*>(&sa);
      std::size_t path_len = std::min(len, sizeof(sockaddr_un)) - offsetof(sockaddr_un, sun_path);
      auto& path = s.field("sun_path");
      // An abstract name: "@" and the bytes after the leading NUL.
      if (un->sun_path[0] == '\0') {
        path += '@';
        quote_string(std::string_view(un->sun_path + 1, path_len - 1), {c.opts.hex}, path);
      } else {
        quote_string(std::string_view(un->sun_path, strnlen(un->sun_path, path_len)), {c.opts.hex},
                     path);
      }
      break;
    }
    case AF_INET: {
      auto* in = reinterpret_cast<const sockaddr_in*>(&sa);
      char text[INET_ADDRSTRLEN];
      inet_ntop(AF_INET, &in->sin_addr, text, sizeof text);
      print_uint(ntohs(in->sin_port), CallPrinter(s.field("sin_port"), "htons").arg());
      // strace quotes the address like any string (-xx prints it in hex).
      quote_string(text, {c.opts.hex}, CallPrinter(s.field("sin_addr"), "inet_addr").arg());
      break;
    }
    case AF_INET6: {
      auto* in6 = reinterpret_cast<const sockaddr_in6*>(&sa);
      char text[INET6_ADDRSTRLEN];
      inet_ntop(AF_INET6, &in6->sin6_addr, text, sizeof text);
      print_uint(ntohs(in6->sin6_port), CallPrinter(s.field("sin6_port"), "htons").arg());
      print_uint(ntohl(in6->sin6_flowinfo), CallPrinter(s.field("sin6_flowinfo"), "htonl").arg());
      {
        // strace's form for the address: inet_pton(AF_INET6, "::1", &sin6_addr).
        CallPrinter pton(s.unnamed(), "inet_pton");
        pton.arg() += "AF_INET6";
        quote_string(text, {c.opts.hex}, pton.arg());
        pton.arg() += "&sin6_addr";
      }
      // The scope id only when the length covers it.
      if (len <= offsetof(sockaddr_in6, sin6_scope_id)) break;
      auto& scope = s.field("sin6_scope_id");
      if (IN6_IS_ADDR_LINKLOCAL(&in6->sin6_addr) || IN6_IS_ADDR_MC_LINKLOCAL(&in6->sin6_addr))
        print_ifindex(in6->sin6_scope_id, as_text(scope));
      else
        print_uint(in6->sin6_scope_id, scope);
      break;
    }
    case AF_NETLINK: {
      auto* nl = reinterpret_cast<const sockaddr_nl*>(&sa);
      if (nl->nl_pad != 0) print_hex(nl->nl_pad, s.field("nl_pad"));
      print_uint(nl->nl_pid, s.field("nl_pid"));
      // C's %#08x: "0x" counts in the width, and zero has none.
      auto& groups = s.field("nl_groups");
      if (nl->nl_groups == 0)
        groups += "00000000";
      else
        fmt::format_to(std::back_inserter(groups), "{:#08x}", nl->nl_groups);
      break;
    }
    default:
      print_family_fields(sa[0].ss_family, reinterpret_cast<const unsigned char*>(&sa), len, c.opts,
                          as_text(out));
      break;
  }
}

// strace's rules: a length below 2 prints the address; a longer one than
// sockaddr_storage is cut to it; then exactly `len` bytes are read.
void print_sockaddr_at(const ArgContext& c, std::uint64_t addr, std::int64_t len, auto& out) {
  if (addr == 0 || len < 2 || !c.deref) {
    print_addr(addr, out);
    return;
  }
  std::string bytes(std::min<std::uint64_t>(len, sizeof(sockaddr_storage)), '\0');
  if (!c.mem.read(addr, bytes.data(), bytes.size())) {
    print_hex(addr, out);
    return;
  }
  print_sockaddr_bytes(c, bytes, out);
}

bool format_sockaddr_in(const ArgContext& c, ValueOut& out) {
  print_sockaddr_at(c, c.value(), static_cast<std::int32_t>(c.ref_value()), out);
  return true;
}

// The length the caller passed in (an int in strace's eyes), kept from
// entry; "unknown" when the pointer was NULL or unreadable.
void capture_len_at(ArgContext& c, std::uint64_t len_addr) {
  auto len = len_addr != 0 ? c.mem.read_value<std::uint32_t>(len_addr) : std::nullopt;
  c.saved = len ? (std::uint64_t{1} << 32) | *len : 0;
}
bool len_known(const ArgContext& c) {
  return (c.saved >> 32) != 0;
}
std::int32_t saved_len(const ArgContext& c) {
  return static_cast<std::int32_t>(c.saved);
}

void capture_socklen(ArgContext& c) {
  capture_len_at(c, c.value());
}

// An address buffer that refers to this length (accept's addr for its
// addrlen) and is NULL: strace then prints the length's address too.
bool sockaddr_buffer_null(const ArgContext& c) {
  for (int i = 0; i < c.desc.nargs; ++i)
    if (c.desc.args[i].ref == c.index && c.desc.args[i].kind == ArgKind::sockaddr_out &&
        c.arg(i) == 0)
      return true;
  return false;
}

// "[in]", or "[in => out]" when the kernel changed it, as signed ints.
bool format_socklen(const ArgContext& c, ValueOut& out) {
  if (c.value() == 0 || !c.deref || !len_known(c) || sockaddr_buffer_null(c)) {
    print_addr(c.value(), out);
    return true;
  }
  std::int32_t in = saved_len(c);
  auto now = c.failed() ? std::nullopt : c.mem.read_value<std::int32_t>(c.value());
  if (!now || *now == in)
    fmt::format_to(std::back_inserter(out), "[{}]", in);
  else
    fmt::format_to(std::back_inserter(out), "[{} => {}]", in, *now);
  return true;
}

// accept, getsockname, recvfrom...: the address the kernel wrote, as long
// as the smaller of the caller's length and the one the kernel reports.
void capture_sockaddr_len(ArgContext& c) {
  capture_len_at(c, c.ref_value());
}
bool format_sockaddr_out(const ArgContext& c, ValueOut& out) {
  std::uint64_t len_addr = c.ref_value();
  if (c.failed() || c.value() == 0 || len_addr == 0 || !c.deref || !len_known(c)) {
    print_addr(c.value(), out);
    return true;
  }
  auto now = c.mem.read_value<std::int32_t>(len_addr);
  if (!now) {
    print_hex(c.value(), out);
    return true;
  }
  print_sockaddr_at(c, c.value(), std::min(saved_len(c), *now), out);
  return true;
}

// --- socket constants -----------------------------------------------------

bool format_socket_protocol(const ArgContext& c, ValueOut& out) {
  auto family = static_cast<int>(c.arg(0));
  auto v = static_cast<std::uint32_t>(c.value());
  if (family == AF_INET || family == AF_INET6)
    print_enum(kIpProtoTable, v, out);
  else if (family == AF_NETLINK)
    print_enum(tables::netlink_protocol, v, out);
  else
    print_uint(v, out);
  return true;
}

const Xlat* sockopt_table(int level) {
  switch (level) {
    case SOL_SOCKET: return &kSolSocketTable;
    case SOL_TCP: return &kSolTcpTable;
    case SOL_IP: return &kSolIpTable;
    case SOL_IPV6: return &kSolIpv6Table;
    default: return nullptr;
  }
}

bool format_sockopt_name(const ArgContext& c, ValueOut& out) {
  auto v = static_cast<std::uint32_t>(c.value());
  if (const Xlat* t = sockopt_table(static_cast<int>(c.arg(1))))
    print_enum(*t, v, out);
  else
    print_uint(v, out);
  return true;
}

void print_sockopt_value(const ArgContext& c, std::uint64_t len, auto& out) {
  if (c.value() == 0) {
    out += "NULL";
    return;
  }
  if (len == 4) {
    if (auto v = c.mem.read_value<std::int32_t>(c.value())) {
      fmt::format_to(std::back_inserter(out), "[{}]", *v);
      return;
    }
  }
  std::size_t shown = std::min<std::uint64_t>(len, c.opts.string_limit);
  std::string bytes(shown, '\0');
  if (len > 4096 || !c.mem.read(c.value(), bytes.data(), shown)) {
    print_hex(c.value(), out);
    return;
  }
  quote_string(bytes, {c.opts.hex}, out);
  if (len > shown) out += "...";
}

bool format_sockopt_in(const ArgContext& c, ValueOut& out) {
  print_sockopt_value(c, static_cast<std::uint32_t>(c.ref_value()), out);
  return true;
}
bool format_sockopt_out(const ArgContext& c, ValueOut& out) {
  if (c.failed()) {
    print_addr(c.value(), out);
    return true;
  }
  auto len = c.mem.read_value<std::uint32_t>(c.ref_value());
  print_sockopt_value(c, len ? *len : 0, out);
  return true;
}

// --- msghdr -----------------------------------------------------------------

void print_cmsgs(const ArgContext& c, std::uint64_t addr, std::uint64_t len, auto& out) {
  if (addr == 0 || len == 0) {
    print_addr(addr, out);
    return;
  }
  std::string bytes(std::min<std::uint64_t>(len, 4096), '\0');
  if (!c.mem.read(addr, bytes.data(), bytes.size())) {
    print_hex(addr, out);
    return;
  }
  out += '[';
  std::size_t off = 0;
  bool first = true;
  while (off + sizeof(cmsghdr) <= bytes.size()) {
    cmsghdr h{};
    std::memcpy(&h, bytes.data() + off, sizeof h);
    if (h.cmsg_len < sizeof h) break;
    if (!first) out += ", ";
    first = false;
    fmt::format_to(std::back_inserter(out), "{{cmsg_len={}, cmsg_level=", h.cmsg_len);
    print_enum(kSockoptLevelTable, static_cast<std::uint32_t>(h.cmsg_level), out);
    out += ", cmsg_type=";
    std::size_t data_len = std::min<std::size_t>(h.cmsg_len, bytes.size() - off) - sizeof h;
    const char* data = bytes.data() + off + sizeof h;
    if (h.cmsg_level == SOL_SOCKET) {
      print_enum(kScmTable, static_cast<std::uint32_t>(h.cmsg_type), out);
      if (h.cmsg_type == SCM_RIGHTS) {
        out += ", cmsg_data=[";
        for (std::size_t i = 0; i + 4 <= data_len; i += 4) {
          std::int32_t fd;
          std::memcpy(&fd, data + i, 4);
          if (i) out += ", ";
          print_fd_decorated(c.tid, fd, c.opts.fd_details, out);
        }
        out += "]}";
      } else if (h.cmsg_type == SCM_CREDENTIALS && data_len >= sizeof(ucred)) {
        ucred cr{};
        std::memcpy(&cr, data, sizeof cr);
        fmt::format_to(std::back_inserter(out), ", cmsg_data={{pid={}, uid={}, gid={}}}}}", cr.pid,
                       cr.uid, cr.gid);
      } else {
        out += '}';
      }
    } else {
      fmt::format_to(std::back_inserter(out), "{:#x}}}", h.cmsg_type);
    }
    // cmsg_len is the tracee's: one that reaches the end of what was read
    // ends the list, as in strace, before CMSG_ALIGN could wrap a huge one
    // to 0 and never move on.
    if (h.cmsg_len >= bytes.size() - off) break;
    off += CMSG_ALIGN(h.cmsg_len);
  }
  out += ']';
}

void print_msghdr(const ArgContext& c, std::uint64_t addr, bool out_arg, std::uint64_t data_len,
                  auto& out) {
  auto m = read_at<msghdr>(c, addr, out_arg, out);
  if (!m) return;
  out += "{msg_name=";
  print_sockaddr_at(c, reinterpret_cast<std::uint64_t>(m->msg_name), m->msg_namelen, out);
  fmt::format_to(std::back_inserter(out), ", msg_namelen={}, msg_iov=", m->msg_namelen);
  print_iovec_array(c, reinterpret_cast<std::uint64_t>(m->msg_iov), m->msg_iovlen, data_len,
                    as_text(out));
  fmt::format_to(std::back_inserter(out), ", msg_iovlen={}", m->msg_iovlen);
  // strace leaves msg_control out when there is none.
  if (m->msg_controllen != 0) {
    out += ", msg_control=";
    print_cmsgs(c, reinterpret_cast<std::uint64_t>(m->msg_control), m->msg_controllen, out);
  }
  fmt::format_to(std::back_inserter(out), ", msg_controllen={}, msg_flags=", m->msg_controllen);
  print_flags(kMsgFlagsTable, static_cast<std::uint32_t>(m->msg_flags), out);
  out += '}';
}

bool format_msghdr_in(const ArgContext& c, ValueOut& out) {
  print_msghdr(c, c.value(), false, ~std::uint64_t{0}, out);
  return true;
}
bool format_msghdr_out(const ArgContext& c, ValueOut& out) {
  print_msghdr(c, c.value(), true, static_cast<std::uint64_t>(c.rval), out);
  return true;
}

// sendmmsg/recvmmsg: an array of {msg_hdr, msg_len}.
bool format_mmsghdr(const ArgContext& c, ValueOut& out) {
  bool receiving = id_of(c.desc) == SysId::recvmmsg;
  if (c.value() == 0 || c.failed() || !c.deref) {
    print_addr(c.value(), out);
    return true;
  }
  std::uint64_t n = std::min<std::uint64_t>(static_cast<std::uint64_t>(c.rval), c.ref_value());
  out += '[';
  for (std::uint64_t i = 0; i < n && i < 64; ++i) {
    std::uint64_t addr = c.value() + i * sizeof(mmsghdr);
    auto len = c.mem.read_value<std::uint32_t>(addr + sizeof(msghdr));
    if (i) out += ", ";
    out += "{msg_hdr=";
    print_msghdr(c, addr, false, receiving && len ? *len : ~std::uint64_t{0}, out);
    fmt::format_to(std::back_inserter(out), ", msg_len={}}}", len ? *len : 0);
  }
  out += ']';
  return true;
}

constexpr std::array kNetKinds{
    KindDecoder{ArgKind::sockaddr_in, Phase::entry, format_sockaddr_in},
    KindDecoder{ArgKind::sockaddr_out, Phase::exit, format_sockaddr_out, capture_sockaddr_len},
    KindDecoder{ArgKind::socklen_inout, Phase::exit, format_socklen, capture_socklen},
    KindDecoder{ArgKind::socket_protocol, Phase::entry, format_socket_protocol},
    KindDecoder{ArgKind::socket_flags, Phase::entry, flags32<kSocketFlagsTable>},
    KindDecoder{ArgKind::msg_flags, Phase::entry, flags32<kMsgFlagsTable>},
    KindDecoder{ArgKind::shutdown_how, Phase::entry, enum32<kShutdownTable>},
    KindDecoder{ArgKind::sockopt_level, Phase::entry, enum32<kSockoptLevelArgTable>},
    KindDecoder{ArgKind::sockopt_name, Phase::entry, format_sockopt_name},
    KindDecoder{ArgKind::sockopt_val_in, Phase::entry, format_sockopt_in},
    KindDecoder{ArgKind::sockopt_val_out, Phase::exit, format_sockopt_out},
    KindDecoder{ArgKind::msghdr_in, Phase::entry, format_msghdr_in},
    KindDecoder{ArgKind::msghdr_out, Phase::exit, format_msghdr_out},
    KindDecoder{ArgKind::mmsghdr_inout, Phase::exit, format_mmsghdr},
};

}  // namespace

std::span<const KindDecoder> net_kinds() {
  return kNetKinds;
}

}  // namespace xtrace
