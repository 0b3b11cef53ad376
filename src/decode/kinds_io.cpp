// I/O kinds: iovecs, pollfd arrays, fd_sets, epoll events, directory
// entries, offsets passed by pointer, ints and ids returned through memory,
// statfs.
#include <dirent.h>
#include <poll.h>
#include <sys/epoll.h>
#include <sys/select.h>
#include <sys/statfs.h>
#include <sys/uio.h>

#include <array>
#include <vector>

#include "array_printer.hpp"
#include "fd_info.hpp"
#include "field_printer.hpp"
#include "format_helpers.hpp"
#include "iovec_printer.hpp"
#include "struct_reader.hpp"
#include "table_kinds.hpp"
#include "xlat.hpp"
#include "xlat_tables.hpp"
#include "xtrace/decode.hpp"
#include "xtrace/quote.hpp"

namespace xtrace {

namespace decode {

namespace {

template <typename Out>
void print_iovecs(const ArgContext& c, std::uint64_t addr, std::uint64_t count,
                  std::uint64_t data_len, Out& out) {
  if (!c.deref) {
    print_addr(addr, out);
    return;
  }
  // A failed read still shows its iovecs, with the buffers as addresses.
  bool contents = !c.failed();
  print_array<iovec>(
      c, addr, count,
      [&](const iovec& v, auto& o) {
        StructPrinter s(o);
        auto& base_out = s.field("iov_base");
        auto base = reinterpret_cast<std::uint64_t>(v.iov_base);
        std::uint64_t len = std::min<std::uint64_t>(v.iov_len, data_len);
        data_len -= len;
        std::size_t n = std::min<std::uint64_t>(len, c.opts.string_limit);
        std::string bytes(n, '\0');
        if (base == 0)
          print_addr(0, base_out);
        else if (!contents || !c.mem.read(base, bytes.data(), n))
          print_hex(base, base_out);
        else
          quote_truncated(bytes, len > n, {c.opts.hex}, base_out);
        print_uint(v.iov_len, s.field("iov_len"));
      },
      out);
}

}  // namespace

void print_iovec_array(const ArgContext& c, std::uint64_t addr, std::uint64_t count,
                       std::uint64_t data_len, std::string& out) {
  print_iovecs(c, addr, count, data_len, out);
}

void print_iovec_array(const ArgContext& c, std::uint64_t addr, std::uint64_t count,
                       std::uint64_t data_len, ValueOut& out) {
  print_iovecs(c, addr, count, data_len, out);
}

}  // namespace decode

namespace {

using namespace decode;

const Xlat& kPollTable = tables::poll_events;
constexpr std::array kEpollEvents{
    XLAT(EPOLLIN),        XLAT(EPOLLPRI),    XLAT(EPOLLOUT),
    XLAT(EPOLLERR),       XLAT(EPOLLHUP),    XlatEntry{0x20, "EPOLLNVAL"},
    XLAT(EPOLLRDNORM),    XLAT(EPOLLRDBAND), XLAT(EPOLLWRNORM),
    XLAT(EPOLLWRBAND),    XLAT(EPOLLMSG),    XLAT(EPOLLRDHUP),
    XLAT(EPOLLEXCLUSIVE), XLAT(EPOLLWAKEUP), XLAT(EPOLLONESHOT),
    XLAT(EPOLLET)};
const Xlat kEpollTable{kEpollEvents, "EPOLL???"};
constexpr std::array kEpollOps{XLAT(EPOLL_CTL_ADD), XLAT(EPOLL_CTL_DEL), XLAT(EPOLL_CTL_MOD)};
const Xlat kEpollOpTable{kEpollOps, "EPOLL_CTL_???"};
constexpr std::array kDirentTypes{XLAT(DT_UNKNOWN), XLAT(DT_FIFO), XLAT(DT_CHR),
                                  XLAT(DT_DIR),     XLAT(DT_BLK),  XLAT(DT_REG),
                                  XLAT(DT_LNK),     XLAT(DT_SOCK), XLAT(DT_WHT)};
const Xlat kDirentTable{kDirentTypes, "DT_???"};

bool format_iovec_in(const ArgContext& c, ValueOut& out) {
  print_iovec_array(c, c.value(), c.ref_value(), ~std::uint64_t{0}, out);
  return true;
}
bool format_iovec_out(const ArgContext& c, ValueOut& out) {
  print_iovec_array(c, c.value(), c.ref_value(), static_cast<std::uint64_t>(c.rval), out);
  return true;
}

// pollfd: the request at entry, what came back at exit: "[{fd=3, events=POLLIN}], 1, 0)
// = 1 ([{fd=3, revents=POLLIN}])" is strace's; the returned part goes in
// the argument itself here, printed at exit.
// strace leaves events out for a negative fd: the kernel ignores the entry.
void print_pollfd(pid_t tid, const pollfd& p, unsigned fd_details, auto& out) {
  StructPrinter s(out);
  print_fd_decorated(tid, p.fd, fd_details, s.field("fd"));
  if (p.fd >= 0) print_flags(kPollTable, static_cast<std::uint16_t>(p.events), s.field("events"));
}

bool format_pollfds(const ArgContext& c, ValueOut& out) {
  if (!c.deref) {
    print_addr(c.value(), out);
    return true;
  }
  print_array<pollfd>(
      c, c.value(), static_cast<std::uint32_t>(c.ref_value()),
      [&](const pollfd& p, auto& o) { print_pollfd(c.tid, p, c.opts.fd_details, o); }, out);
  return true;
}

void print_fdset(const ArgContext& c, std::uint64_t addr, int nfds, auto& out) {
  if (addr == 0) {
    out += "NULL";
    return;
  }
  if (nfds < 0 || nfds > 65536 || !c.deref) {
    print_hex(addr, out);
    return;
  }
  std::size_t bytes = (static_cast<std::size_t>(nfds) + 63) / 64 * 8;
  std::vector<std::uint64_t> words(bytes / 8);
  if (!words.empty() && !c.mem.read(addr, words.data(), bytes)) {
    print_hex(addr, out);
    return;
  }
  out += '[';
  bool first = true;
  for (int fd = 0; fd < nfds; ++fd) {
    if (!(words[fd / 64] & (std::uint64_t{1} << (fd % 64)))) continue;
    if (!first) out += ' ';
    first = false;
    print_fd_decorated(c.tid, fd, c.opts.fd_details, out);
  }
  out += ']';
}

bool format_fdset(const ArgContext& c, ValueOut& out) {
  print_fdset(c, c.value(), static_cast<int>(c.ref_value()), out);
  return true;
}

void print_epoll_event(const epoll_event& e, auto& out) {
  StructPrinter s(out);
  print_flags(kEpollTable, e.events, s.field("events"));
  print_hex(e.data.u64, s.field("data"));
}

bool format_epoll_event_in(const ArgContext& c, ValueOut& out) {
  if (auto e = read_in<epoll_event>(c, out)) print_epoll_event(*e, out);
  return true;
}

bool format_epoll_events_out(const ArgContext& c, ValueOut& out) {
  if (c.failed() || !c.deref) {
    print_addr(c.value(), out);
    return true;
  }
  print_array<epoll_event>(
      c, c.value(), static_cast<std::uint64_t>(c.rval),
      [](const epoll_event& e, auto& o) { print_epoll_event(e, o); }, out);
  return true;
}

// getdents/getdents64: the entry count, the entries themselves with -v.
bool format_dirents(const ArgContext& c, ValueOut& out) {
  if (c.failed() || c.value() == 0 || !c.deref) {
    print_addr(c.value(), out);
    return true;
  }
  auto len = static_cast<std::uint64_t>(c.rval);
  std::string buf(std::min<std::uint64_t>(len, 1u << 20), '\0');
  if (!c.mem.read(c.value(), buf.data(), buf.size())) {
    print_hex(c.value(), out);
    return true;
  }
  bool legacy = id_of(c.desc) == SysId::getdents;
  std::size_t count = 0;
  std::string entries;
  for (std::size_t off = 0; off + 19 <= buf.size();) {
    std::uint64_t ino, doff;
    std::uint16_t reclen;
    std::memcpy(&ino, buf.data() + off, 8);
    std::memcpy(&doff, buf.data() + off + 8, 8);
    std::memcpy(&reclen, buf.data() + off + 16, 2);
    if (reclen == 0 || off + reclen > buf.size()) break;
    if (!c.abbrev) {
      if (count) entries += ", ";
      std::size_t name_at = legacy ? 18 : 19;
      unsigned char type = legacy ? static_cast<unsigned char>(buf[off + reclen - 1])
                                  : static_cast<unsigned char>(buf[off + 18]);
      std::string_view name(buf.data() + off + name_at, reclen - name_at);
      name = name.substr(0, name.find('\0'));
      fmt::format_to(std::back_inserter(entries), "{{d_ino={}, d_off={}, d_reclen={}, ", ino, doff,
                     reclen);
      // Fields in the order of the kernel's structure: the old linux_dirent
      // keeps d_type after the name, in its last byte.
      if (legacy) {
        entries += "d_name=";
        quote_string(name, {c.opts.hex}, entries);
        entries += ", d_type=";
        print_enum(kDirentTable, type, entries);
      } else {
        entries += "d_type=";
        print_enum(kDirentTable, type, entries);
        entries += ", d_name=";
        quote_string(name, {c.opts.hex}, entries);
      }
      entries += '}';
    }
    ++count;
    off += reclen;
  }
  if (c.abbrev) {
    print_hex(c.value(), out);
    fmt::format_to(std::back_inserter(out), " /* {} entries */", count);
  } else {
    out += '[' + entries + ']';
  }
  return true;
}

bool format_loff_in(const ArgContext& c, ValueOut& out) {
  if (auto v = read_in<std::int64_t>(c, out)) fmt::format_to(std::back_inserter(out), "[{}]", *v);
  return true;
}

// sendfile's offset: the value before, and after when it moved.
void capture_off(ArgContext& c) {
  auto v = c.value() != 0 ? c.mem.read_value<std::int64_t>(c.value()) : std::nullopt;
  c.saved = v ? static_cast<std::uint64_t>(*v) : 0;
}
bool format_off_inout(const ArgContext& c, ValueOut& out) {
  if (c.value() == 0) {
    out += "NULL";
    return true;
  }
  auto before = static_cast<std::int64_t>(c.saved);
  auto after = c.failed() ? std::nullopt : c.mem.read_value<std::int64_t>(c.value());
  if (!after || *after == before)
    fmt::format_to(std::back_inserter(out), "[{}]", before);
  else
    fmt::format_to(std::back_inserter(out), "[{} => {}]", before, *after);
  return true;
}

bool format_int_out(const ArgContext& c, ValueOut& out) {
  if (auto v = read_out<std::int32_t>(c, out)) fmt::format_to(std::back_inserter(out), "[{}]", *v);
  return true;
}
bool format_uint_out(const ArgContext& c, ValueOut& out) {
  if (auto v = read_out<std::uint32_t>(c, out)) fmt::format_to(std::back_inserter(out), "[{}]", *v);
  return true;
}
bool format_hex_out(const ArgContext& c, ValueOut& out) {
  if (auto v = read_out<std::uint64_t>(c, out)) {
    out += '[';
    print_hex(*v, out);
    out += ']';
  }
  return true;
}
void capture_int(ArgContext& c) {
  auto v = c.value() != 0 ? c.mem.read_value<std::int32_t>(c.value()) : std::nullopt;
  c.saved = v ? (std::uint64_t{1} << 32) | static_cast<std::uint32_t>(*v) : 0;
}
bool format_int_inout(const ArgContext& c, ValueOut& out) {
  if (c.value() == 0) {
    out += "NULL";
    return true;
  }
  auto before = static_cast<std::int32_t>(c.saved);
  auto after = c.failed() ? std::nullopt : c.mem.read_value<std::int32_t>(c.value());
  if (!after || *after == before)
    fmt::format_to(std::back_inserter(out), "[{}]", before);
  else
    fmt::format_to(std::back_inserter(out), "[{} => {}]", before, *after);
  return true;
}

// getgroups/setgroups: strace prints the address for more entries than
// NGROUPS_MAX (getgroups' -1 on failure among them).
bool format_gid_array(const ArgContext& c, ValueOut& out) {
  constexpr std::uint32_t kNgroupsMax = 65536;
  bool out_arg = id_of(c.desc) == SysId::getgroups;
  // getgroups: strace shows as many entries as the result says, even when
  // the size was 0 and the kernel wrote none (getgroups(0, [0, 0]) = 2).
  auto n = static_cast<std::uint32_t>(out_arg ? static_cast<std::uint64_t>(c.rval) : c.ref_value());
  if (n > kNgroupsMax || !c.deref) {
    print_addr(c.value(), out);
    return true;
  }
  print_array<std::uint32_t>(
      c, c.value(), n,
      [](std::uint32_t id, auto& o) {
        if (id == ~std::uint32_t{0})
          print_int(-1, o);
        else
          print_uint(id, o);
      },
      out);
  return true;
}

// getcwd: the path the kernel wrote, its length is the result.
bool format_path_out(const ArgContext& c, ValueOut& out) {
  if (c.failed() || c.value() == 0) {
    print_addr(c.value(), out);
    return true;
  }
  std::string text;
  bool term = false;
  if (!c.mem.read_cstring(c.value(), 4096, text, &term)) {
    print_hex(c.value(), out);
    return true;
  }
  quote_string(text, {c.opts.hex}, out);
  return true;
}

constexpr std::array kFsMagics{
    XlatEntry{0xef53, "EXT2_SUPER_MAGIC"},          XlatEntry{0x01021994, "TMPFS_MAGIC"},
    XlatEntry{0x9fa0, "PROC_SUPER_MAGIC"},          XlatEntry{0x62656572, "SYSFS_MAGIC"},
    XlatEntry{0x794c7630, "OVERLAYFS_SUPER_MAGIC"}, XlatEntry{0x9123683e, "BTRFS_SUPER_MAGIC"},
    XlatEntry{0x58465342, "XFS_SUPER_MAGIC"},       XlatEntry{0x1cd1, "DEVPTS_SUPER_MAGIC"},
    XlatEntry{0x27e0eb, "CGROUP_SUPER_MAGIC"},      XlatEntry{0x63677270, "CGROUP2_SUPER_MAGIC"},
    XlatEntry{0x6969, "NFS_SUPER_MAGIC"},           XlatEntry{0x65735546, "FUSE_SUPER_MAGIC"},
    XlatEntry{0x2fc12fc1, "ZFS_SUPER_MAGIC"},       XlatEntry{0x01021997, "V9FS_MAGIC"},
    XlatEntry{0x73717368, "SQUASHFS_MAGIC"},        XlatEntry{0x4d44, "MSDOS_SUPER_MAGIC"},
    XlatEntry{0x858458f6, "RAMFS_MAGIC"},           XlatEntry{0x64626720, "DEBUGFS_MAGIC"}};
const Xlat kFsMagicTable{kFsMagics};
constexpr std::array kStFlags{XlatEntry{0x20, "ST_VALID"},    XlatEntry{1, "ST_RDONLY"},
                              XlatEntry{2, "ST_NOSUID"},      XlatEntry{4, "ST_NODEV"},
                              XlatEntry{8, "ST_NOEXEC"},      XlatEntry{16, "ST_SYNCHRONOUS"},
                              XlatEntry{64, "ST_MANDLOCK"},   XlatEntry{128, "ST_WRITE"},
                              XlatEntry{256, "ST_APPEND"},    XlatEntry{512, "ST_IMMUTABLE"},
                              XlatEntry{1024, "ST_NOATIME"},  XlatEntry{2048, "ST_NODIRATIME"},
                              XlatEntry{4096, "ST_RELATIME"}, XlatEntry{0x2000, "ST_NOSYMFOLLOW"}};
const Xlat kStFlagsTable{kStFlags, "ST_???"};

bool format_statfs(const ArgContext& c, ValueOut& out) {
  auto s = read_out<struct statfs>(c, out);
  if (!s) return true;
  StructPrinter fields(out);
  print_enum(kFsMagicTable, static_cast<std::uint64_t>(s->f_type), fields.field("f_type"));
  print_int(s->f_bsize, fields.field("f_bsize"));
  print_uint(s->f_blocks, fields.field("f_blocks"));
  print_uint(s->f_bfree, fields.field("f_bfree"));
  print_uint(s->f_bavail, fields.field("f_bavail"));
  print_uint(s->f_files, fields.field("f_files"));
  print_uint(s->f_ffree, fields.field("f_ffree"));
  int fsid[2];
  std::memcpy(fsid, &s->f_fsid, sizeof fsid);
  {
    StructPrinter fsid_fields(fields.field("f_fsid"));
    ArrayPrinter val(fsid_fields.field("val"));
    for (int half : fsid) print_hex(static_cast<unsigned>(half), val.item());
  }
  print_int(s->f_namelen, fields.field("f_namelen"));
  print_int(s->f_frsize, fields.field("f_frsize"));
  print_flags(kStFlagsTable, static_cast<std::uint64_t>(s->f_flags), fields.field("f_flags"));
  return true;
}

constexpr std::array kIoKinds{
    KindDecoder{ArgKind::iovec_in, Phase::entry, format_iovec_in},
    KindDecoder{ArgKind::iovec_out, Phase::exit, format_iovec_out},
    KindDecoder{ArgKind::pollfd_inout, Phase::entry, format_pollfds},
    KindDecoder{ArgKind::fdset_inout, Phase::entry, format_fdset},
    KindDecoder{ArgKind::epoll_event_in, Phase::entry, format_epoll_event_in},
    KindDecoder{ArgKind::epoll_events_out, Phase::exit, format_epoll_events_out},
    KindDecoder{ArgKind::epoll_ctl_op, Phase::entry, enum32<kEpollOpTable>},
    KindDecoder{ArgKind::dirents_out, Phase::exit, format_dirents},
    KindDecoder{ArgKind::loff_in, Phase::entry, format_loff_in},
    KindDecoder{ArgKind::kernel_off_inout, Phase::exit, format_off_inout, capture_off},
    KindDecoder{ArgKind::int_out, Phase::exit, format_int_out},
    KindDecoder{ArgKind::uid_out, Phase::exit, format_uint_out},
    KindDecoder{ArgKind::gid_out, Phase::exit, format_uint_out},
    KindDecoder{ArgKind::hex_out, Phase::exit, format_hex_out},
    KindDecoder{ArgKind::int_inout, Phase::exit, format_int_inout, capture_int},
    KindDecoder{ArgKind::gid_array_in, Phase::entry, format_gid_array},
    KindDecoder{ArgKind::gid_array_out, Phase::exit, format_gid_array},
    KindDecoder{ArgKind::path_out, Phase::exit, format_path_out},
    KindDecoder{ArgKind::statfs_out, Phase::exit, format_statfs},
};

}  // namespace

std::span<const KindDecoder> io_kinds() {
  return kIoKinds;
}

}  // namespace xtrace
