#include "sockaddr_families.hpp"

#include <arpa/inet.h>
#include <net/if.h>
#include <sys/socket.h>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <string_view>

#include "format_helpers.hpp"
#include "xlat.hpp"
#include "xtrace/quote.hpp"

namespace xtrace::decode {
namespace {

// The kernel's structures, declared here: the C library ships few of them.
struct SockaddrIpx {
  std::uint16_t family;
  std::uint16_t port;     // network order
  std::uint32_t network;  // network order
  unsigned char node[6];
  std::uint8_t type;
  unsigned char zero;
};
static_assert(sizeof(SockaddrIpx) == 16);

struct Ax25Address {
  unsigned char call[7];
};
struct SockaddrAx25 {
  std::uint16_t family;
  Ax25Address call;
  std::int32_t ndigis;
};
static_assert(sizeof(SockaddrAx25) == 16);
constexpr std::size_t kAx25MaxDigis = 8;
struct FullSockaddrAx25 {
  SockaddrAx25 ax25;
  Ax25Address digipeater[kAx25MaxDigis];
};

struct SockaddrX25 {
  std::uint16_t family;
  char addr[16];
};
static_assert(sizeof(SockaddrX25) == 18);

struct SockaddrLl {
  std::uint16_t family;
  std::uint16_t protocol;  // network order
  std::int32_t ifindex;
  std::uint16_t hatype;
  std::uint8_t pkttype;
  std::uint8_t halen;
  unsigned char addr[8];
};
static_assert(sizeof(SockaddrLl) == 20);

constexpr std::array kEthernetProtocols{
    XlatEntry{0x0001, "ETH_P_802_3"},      XlatEntry{0x0002, "ETH_P_AX25"},
    XlatEntry{0x0003, "ETH_P_ALL"},        XlatEntry{0x0004, "ETH_P_802_2"},
    XlatEntry{0x0005, "ETH_P_SNAP"},       XlatEntry{0x0006, "ETH_P_DDCMP"},
    XlatEntry{0x0007, "ETH_P_WAN_PPP"},    XlatEntry{0x0008, "ETH_P_PPP_MP"},
    XlatEntry{0x0009, "ETH_P_LOCALTALK"},  XlatEntry{0x000C, "ETH_P_CAN"},
    XlatEntry{0x000D, "ETH_P_CANFD"},      XlatEntry{0x000E, "ETH_P_CANXL"},
    XlatEntry{0x0010, "ETH_P_PPPTALK"},    XlatEntry{0x0011, "ETH_P_TR_802_2"},
    XlatEntry{0x0015, "ETH_P_MOBITEX"},    XlatEntry{0x0016, "ETH_P_CONTROL"},
    XlatEntry{0x0017, "ETH_P_IRDA"},       XlatEntry{0x0018, "ETH_P_ECONET"},
    XlatEntry{0x0019, "ETH_P_HDLC"},       XlatEntry{0x001A, "ETH_P_ARCNET"},
    XlatEntry{0x001B, "ETH_P_DSA"},        XlatEntry{0x001C, "ETH_P_TRAILER"},
    XlatEntry{0x0060, "ETH_P_LOOP"},       XlatEntry{0x00F5, "ETH_P_PHONET"},
    XlatEntry{0x00F6, "ETH_P_IEEE802154"}, XlatEntry{0x00F7, "ETH_P_CAIF"},
    XlatEntry{0x00F8, "ETH_P_XDSA"},       XlatEntry{0x00F9, "ETH_P_MAP"},
    XlatEntry{0x00FA, "ETH_P_MCTP"},       XlatEntry{0x00FE, "ETH_P_GRE_OSI"},
    XlatEntry{0x0200, "ETH_P_PUP"},        XlatEntry{0x0201, "ETH_P_PUPAT"},
    XlatEntry{0x0600, "ETH_P_802_3_MIN"},  XlatEntry{0x0800, "ETH_P_IP"},
    XlatEntry{0x0805, "ETH_P_X25"},        XlatEntry{0x0806, "ETH_P_ARP"},
    XlatEntry{0x08FF, "ETH_P_BPQ"},        XlatEntry{0x0a00, "ETH_P_IEEEPUP"},
    XlatEntry{0x0a01, "ETH_P_IEEEPUPAT"},  XlatEntry{0x22EB, "ETH_P_ERSPAN2"},
    XlatEntry{0x22F0, "ETH_P_TSN"},        XlatEntry{0x4305, "ETH_P_BATMAN"},
    XlatEntry{0x6000, "ETH_P_DEC"},        XlatEntry{0x6001, "ETH_P_DNA_DL"},
    XlatEntry{0x6002, "ETH_P_DNA_RC"},     XlatEntry{0x6003, "ETH_P_DNA_RT"},
    XlatEntry{0x6004, "ETH_P_LAT"},        XlatEntry{0x6005, "ETH_P_DIAG"},
    XlatEntry{0x6006, "ETH_P_CUST"},       XlatEntry{0x6007, "ETH_P_SCA"},
    XlatEntry{0x6558, "ETH_P_TEB"},        XlatEntry{0x8035, "ETH_P_RARP"},
    XlatEntry{0x809B, "ETH_P_ATALK"},      XlatEntry{0x80F3, "ETH_P_AARP"},
    XlatEntry{0x8100, "ETH_P_8021Q"},      XlatEntry{0x8137, "ETH_P_IPX"},
    XlatEntry{0x86DD, "ETH_P_IPV6"},       XlatEntry{0x8808, "ETH_P_PAUSE"},
    XlatEntry{0x8809, "ETH_P_SLOW"},       XlatEntry{0x883E, "ETH_P_WCCP"},
    XlatEntry{0x8847, "ETH_P_MPLS_UC"},    XlatEntry{0x8848, "ETH_P_MPLS_MC"},
    XlatEntry{0x884c, "ETH_P_ATMMPOA"},    XlatEntry{0x8863, "ETH_P_PPP_DISC"},
    XlatEntry{0x8864, "ETH_P_PPP_SES"},    XlatEntry{0x886c, "ETH_P_LINK_CTL"},
    XlatEntry{0x8870, "ETH_P_8021AC"},     XlatEntry{0x8884, "ETH_P_ATMFATE"},
    XlatEntry{0x888E, "ETH_P_PAE"},        XlatEntry{0x8899, "ETH_P_REALTEK"},
    XlatEntry{0x88A2, "ETH_P_AOE"},        XlatEntry{0x88A8, "ETH_P_8021AD"},
    XlatEntry{0x88B5, "ETH_P_802_EX1"},    XlatEntry{0x88BE, "ETH_P_ERSPAN"},
    XlatEntry{0x88C3, "ETH_P_MXLGSW"},     XlatEntry{0x88C7, "ETH_P_PREAUTH"},
    XlatEntry{0x88CA, "ETH_P_TIPC"},       XlatEntry{0x88CC, "ETH_P_LLDP"},
    XlatEntry{0x88E3, "ETH_P_MRP"},        XlatEntry{0x88E5, "ETH_P_MACSEC"},
    XlatEntry{0x88E7, "ETH_P_8021AH"},     XlatEntry{0x88F5, "ETH_P_MVRP"},
    XlatEntry{0x88F7, "ETH_P_1588"},       XlatEntry{0x88F8, "ETH_P_NCSI"},
    XlatEntry{0x88FB, "ETH_P_PRP"},        XlatEntry{0x8902, "ETH_P_CFM"},
    XlatEntry{0x8906, "ETH_P_FCOE"},       XlatEntry{0x890D, "ETH_P_TDLS"},
    XlatEntry{0x8914, "ETH_P_FIP"},        XlatEntry{0x8915, "ETH_P_IBOE"},
    XlatEntry{0x8917, "ETH_P_80221"},      XlatEntry{0x892F, "ETH_P_HSR"},
    XlatEntry{0x894F, "ETH_P_NSH"},        XlatEntry{0x9000, "ETH_P_LOOPBACK"},
    XlatEntry{0x9100, "ETH_P_QINQ1"},      XlatEntry{0x9200, "ETH_P_QINQ2"},
    XlatEntry{0x9300, "ETH_P_QINQ3"},      XlatEntry{0x9988, "ETH_P_YT921X"},
    XlatEntry{0xDADA, "ETH_P_EDSA"},       XlatEntry{0xDADB, "ETH_P_DSA_8021Q"},
    XlatEntry{0xE001, "ETH_P_DSA_A5PSW"},  XlatEntry{0xED3E, "ETH_P_IFE"},
    XlatEntry{0xFBFB, "ETH_P_AF_IUCV"},    XlatEntry{0xFD3A, "ETH_P_NXP_NETC"}};
constexpr std::array kArpHardwareTypes{XlatEntry{0, "ARPHRD_NETROM"},
                                       XlatEntry{1, "ARPHRD_ETHER"},
                                       XlatEntry{2, "ARPHRD_EETHER"},
                                       XlatEntry{3, "ARPHRD_AX25"},
                                       XlatEntry{4, "ARPHRD_PRONET"},
                                       XlatEntry{5, "ARPHRD_CHAOS"},
                                       XlatEntry{6, "ARPHRD_IEEE802"},
                                       XlatEntry{7, "ARPHRD_ARCNET"},
                                       XlatEntry{8, "ARPHRD_APPLETLK"},
                                       XlatEntry{15, "ARPHRD_DLCI"},
                                       XlatEntry{19, "ARPHRD_ATM"},
                                       XlatEntry{23, "ARPHRD_METRICOM"},
                                       XlatEntry{24, "ARPHRD_IEEE1394"},
                                       XlatEntry{27, "ARPHRD_EUI64"},
                                       XlatEntry{32, "ARPHRD_INFINIBAND"},
                                       XlatEntry{256, "ARPHRD_SLIP"},
                                       XlatEntry{257, "ARPHRD_CSLIP"},
                                       XlatEntry{258, "ARPHRD_SLIP6"},
                                       XlatEntry{259, "ARPHRD_CSLIP6"},
                                       XlatEntry{260, "ARPHRD_RSRVD"},
                                       XlatEntry{264, "ARPHRD_ADAPT"},
                                       XlatEntry{270, "ARPHRD_ROSE"},
                                       XlatEntry{271, "ARPHRD_X25"},
                                       XlatEntry{272, "ARPHRD_HWX25"},
                                       XlatEntry{280, "ARPHRD_CAN"},
                                       XlatEntry{290, "ARPHRD_MCTP"},
                                       XlatEntry{512, "ARPHRD_PPP"},
                                       XlatEntry{513, "ARPHRD_CISCO"},
                                       XlatEntry{516, "ARPHRD_LAPB"},
                                       XlatEntry{517, "ARPHRD_DDCMP"},
                                       XlatEntry{518, "ARPHRD_RAWHDLC"},
                                       XlatEntry{519, "ARPHRD_RAWIP"},
                                       XlatEntry{768, "ARPHRD_TUNNEL"},
                                       XlatEntry{769, "ARPHRD_TUNNEL6"},
                                       XlatEntry{770, "ARPHRD_FRAD"},
                                       XlatEntry{771, "ARPHRD_SKIP"},
                                       XlatEntry{772, "ARPHRD_LOOPBACK"},
                                       XlatEntry{773, "ARPHRD_LOCALTLK"},
                                       XlatEntry{774, "ARPHRD_FDDI"},
                                       XlatEntry{775, "ARPHRD_BIF"},
                                       XlatEntry{776, "ARPHRD_SIT"},
                                       XlatEntry{777, "ARPHRD_IPDDP"},
                                       XlatEntry{778, "ARPHRD_IPGRE"},
                                       XlatEntry{779, "ARPHRD_PIMREG"},
                                       XlatEntry{780, "ARPHRD_HIPPI"},
                                       XlatEntry{781, "ARPHRD_ASH"},
                                       XlatEntry{782, "ARPHRD_ECONET"},
                                       XlatEntry{783, "ARPHRD_IRDA"},
                                       XlatEntry{784, "ARPHRD_FCPP"},
                                       XlatEntry{785, "ARPHRD_FCAL"},
                                       XlatEntry{786, "ARPHRD_FCPL"},
                                       XlatEntry{787, "ARPHRD_FCFABRIC"},
                                       XlatEntry{800, "ARPHRD_IEEE802_TR"},
                                       XlatEntry{801, "ARPHRD_IEEE80211"},
                                       XlatEntry{802, "ARPHRD_IEEE80211_PRISM"},
                                       XlatEntry{803, "ARPHRD_IEEE80211_RADIOTAP"},
                                       XlatEntry{804, "ARPHRD_IEEE802154"},
                                       XlatEntry{805, "ARPHRD_IEEE802154_MONITOR"},
                                       XlatEntry{820, "ARPHRD_PHONET"},
                                       XlatEntry{821, "ARPHRD_PHONET_PIPE"},
                                       XlatEntry{822, "ARPHRD_CAIF"},
                                       XlatEntry{823, "ARPHRD_IP6GRE"},
                                       XlatEntry{824, "ARPHRD_NETLINK"},
                                       XlatEntry{825, "ARPHRD_6LOWPAN"},
                                       XlatEntry{826, "ARPHRD_VSOCKMON"},
                                       XlatEntry{0xFFFE, "ARPHRD_NONE"},
                                       XlatEntry{0xFFFF, "ARPHRD_VOID"}};
constexpr std::array kPacketTypes{
    XlatEntry{0, "PACKET_HOST"},      XlatEntry{1, "PACKET_BROADCAST"},
    XlatEntry{2, "PACKET_MULTICAST"}, XlatEntry{3, "PACKET_OTHERHOST"},
    XlatEntry{4, "PACKET_OUTGOING"},  XlatEntry{5, "PACKET_LOOPBACK"},
    XlatEntry{6, "PACKET_USER"},      XlatEntry{7, "PACKET_KERNEL"}};

const Xlat kEthernetProtocolsTable{kEthernetProtocols, "ETH_P_???"};
const Xlat kArpHardwareTypesTable{kArpHardwareTypes, "ARPHRD_???"};
const Xlat kPacketTypesTable{kPacketTypes, "PACKET_???"};

// C's "%#0Nx": zero-padded to N characters with the 0x prefix, which zero
// does not get ("00").
void print_0x(std::uint64_t v, int width, std::string& out) {
  if (v == 0)
    out.append(static_cast<std::size_t>(width), '0');
  else
    fmt::format_to(std::back_inserter(out), "{:#0{}x}", v, width);
}

void print_ipx(const SockaddrIpx& ipx, std::string& out) {
  fmt::format_to(std::back_inserter(out), ", sipx_port=htons({}), sipx_network=htonl(",
                 ntohs(ipx.port));
  print_hex(ntohl(ipx.network), out);
  out += "), sipx_node=[";
  for (std::size_t i = 0; i < sizeof ipx.node; ++i) {
    if (i != 0) out += ", ";
    print_0x(ipx.node[i], 2, out);
  }
  out += "], sipx_type=";
  print_0x(ipx.type, 2, out);
  if (ipx.zero != 0) {
    out += ", sipx_zero=";
    print_hex(ipx.zero, out);
  }
}

// --- AX.25 -------------------------------------------------------------

// How an AX.25 address can show (strace's check_ax25_address): as its
// callsign, as the raw bytes with the callsign in a comment (odd bits,
// lower case, a space inside), or raw only (unprintable, '*' or '/').
enum class Ax25Style : std::uint8_t { callsign, both, raw };

Ax25Style ax25_style(const Ax25Address& a) {
  Ax25Style style = Ax25Style::callsign;
  bool space_seen = false;
  bool char_seen = false;
  for (std::size_t i = 0; i + 1 < sizeof a.call; ++i) {
    unsigned char c = a.call[i];
    if (c & 1) style = Ax25Style::both;
    c >>= 1;
    if (c == ' ')
      space_seen = true;
    else
      char_seen = true;
    bool sane = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || c == ' ';
    if (!sane || (c != ' ' && space_seen)) style = Ax25Style::both;
    if (c < ' ' || c > 0x7e || c == '*' || c == '/') return Ax25Style::raw;
  }
  const unsigned char ssid_byte = a.call[sizeof a.call - 1];
  if ((ssid_byte & ~0x1eU) != 0) style = Ax25Style::both;
  if (!char_seen && ssid_byte != 0) style = Ax25Style::both;
  return style;
}

// "CALL-SSID" with the trailing spaces of the callsign dropped; "*" for
// an empty callsign with SSID 0.
std::string ax25_callsign(const Ax25Address& a) {
  std::size_t end = sizeof a.call - 1;
  while (end > 0 && (a.call[end - 1] >> 1) == ' ') --end;
  std::string s;
  for (std::size_t i = 0; i < end; ++i) s += static_cast<char>(a.call[i] >> 1);
  unsigned ssid = (a.call[sizeof a.call - 1] >> 1) & 0xfU;
  s += fmt::format("-{}", ssid);
  if (s == "-0") return "*";
  return s;
}

void print_ax25_address(const Ax25Address& a, std::string& out) {
  Ax25Style style = ax25_style(a);
  if (style == Ax25Style::callsign) {
    switch (const_style()) {
      case ConstStyle::abbrev: break;
      case ConstStyle::raw: style = Ax25Style::raw; break;
      case ConstStyle::verbose: style = Ax25Style::both; break;
    }
  }
  if (style != Ax25Style::callsign) {
    out += "{ax25_call=";
    QuoteStyle hex;
    hex.force_hex = true;
    quote_string(std::string_view(reinterpret_cast<const char*>(a.call), sizeof a.call), hex, out);
    out += '}';
  }
  if (style == Ax25Style::raw) return;
  if (style == Ax25Style::both)
    fmt::format_to(std::back_inserter(out), " /* {} */", ax25_callsign(a));
  else
    out += ax25_callsign(a);
}

void print_ax25(const unsigned char* sa, std::size_t len, std::string& out) {
  FullSockaddrAx25 ax{};
  std::memcpy(&ax, sa, std::min(len, sizeof ax));
  const bool full = ax.ax25.ndigis != 0 || len > sizeof(SockaddrAx25);
  out += full ? ", fsa_ax25={sax25_call=" : ", sax25_call=";
  print_ax25_address(ax.ax25.call, out);
  fmt::format_to(std::back_inserter(out), ", sax25_ndigis={}", ax.ax25.ndigis);
  if (!full) return;
  out += '}';
  const std::size_t has =
      std::min((len - sizeof(SockaddrAx25)) / sizeof(Ax25Address), kAx25MaxDigis);
  const std::size_t want =
      std::min(static_cast<std::size_t>(std::max(ax.ax25.ndigis, 0)), kAx25MaxDigis);
  const std::size_t shown = std::min(has, want);
  if (want != 0) {
    out += ", fsa_digipeater=[";
    for (std::size_t i = 0; i < shown; ++i) {
      if (i != 0) out += ", ";
      print_ax25_address(ax.digipeater[i], out);
    }
    if (want > has) out += shown != 0 ? ", ..." : "...";
    out += ']';
  }
  if (len > has * sizeof(Ax25Address) + sizeof(SockaddrAx25)) out += ", ...";
}

// --- X.25 and packet -----------------------------------------------------

void print_x25(const SockaddrX25& x25, std::string& out) {
  // A C string in a fixed array: without its NUL, the array less one
  // byte and "...".
  std::size_t n = strnlen(x25.addr, sizeof x25.addr);
  out += ", sx25_addr={x25_addr=";
  quote_string(std::string_view(x25.addr, std::min(n, sizeof x25.addr - 1)), {}, out);
  if (n == sizeof x25.addr) out += "...";
  out += '}';
}

// `sa` is the whole buffer: sll_halen may run past sll_addr's 8 bytes.
void print_ll(const unsigned char* sa, std::size_t len, std::string& out) {
  SockaddrLl ll;
  std::memcpy(&ll, sa, sizeof ll);
  out += ", sll_protocol=";
  // The protocol is a network-order number: its bytes, then htons(NAME).
  std::string symbol = "htons(";
  std::uint16_t proto = ntohs(ll.protocol);
  if (std::string_view name = lookup(kEthernetProtocolsTable, proto); !name.empty())
    symbol += name;
  else
    symbol += fmt::format("{:#x} /* ETH_P_??? */", proto);
  symbol += ')';
  QuoteStyle hex;
  hex.force_hex = true;
  std::string bytes;
  quote_string(std::string_view(reinterpret_cast<const char*>(&ll.protocol), 2), hex, bytes);
  print_styled(bytes, symbol, out);
  out += ", sll_ifindex=";
  print_ifindex(static_cast<std::uint32_t>(ll.ifindex), out);
  out += ", sll_hatype=";
  print_enum(kArpHardwareTypesTable, ll.hatype, out);
  out += ", sll_pkttype=";
  print_enum(kPacketTypesTable, ll.pkttype, out);
  fmt::format_to(std::back_inserter(out), ", sll_halen={}", ll.halen);
  if (ll.halen == 0) return;
  // Bytes past the caller's length are "...".
  const std::size_t in_len = len - offsetof(SockaddrLl, addr);
  out += ", sll_addr=[";
  for (std::size_t i = 0; i < ll.halen; ++i) {
    if (i != 0) out += ", ";
    if (i >= in_len) {
      out += "...";
      break;
    }
    print_0x(sa[offsetof(SockaddrLl, addr) + i], 2, out);
  }
  out += ']';
}

}  // namespace

void print_ifindex(std::uint32_t index, std::string& out) {
  char name[IF_NAMESIZE];
  if (if_indextoname(index, name) == nullptr) {
    print_uint(index, out);
    return;
  }
  std::string symbol = "if_nametoindex(";
  quote_string(name, {}, symbol);
  symbol += ')';
  print_styled(std::to_string(index), symbol, out);
}

std::size_t family_fields_min_len(unsigned family) {
  switch (family) {
    case AF_AX25: return sizeof(SockaddrAx25);
    case AF_IPX: return sizeof(SockaddrIpx);
    case AF_X25: return sizeof(SockaddrX25);
    case AF_PACKET: return sizeof(SockaddrLl);
    default: return 0;
  }
}

void print_family_fields(unsigned family, const unsigned char* sa, std::size_t len,
                         const DecodeOptions&, std::string& out) {
  switch (family) {
    case AF_AX25: print_ax25(sa, len, out); break;
    case AF_IPX: {
      SockaddrIpx ipx;
      std::memcpy(&ipx, sa, sizeof ipx);
      print_ipx(ipx, out);
      break;
    }
    case AF_X25: {
      SockaddrX25 x25;
      std::memcpy(&x25, sa, sizeof x25);
      print_x25(x25, out);
      break;
    }
    case AF_PACKET: print_ll(sa, len, out); break;
    default: break;
  }
}

}  // namespace xtrace::decode
