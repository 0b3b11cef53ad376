// I/O kinds: iovecs, epoll events, offsets passed by pointer, pipe pairs.
#include <sys/epoll.h>
#include <sys/uio.h>

#include <array>

#include "array_printer.hpp"
#include "fd_info.hpp"
#include "field_printer.hpp"
#include "format_helpers.hpp"
#include "iovec_printer.hpp"
#include "struct_reader.hpp"
#include "xlat.hpp"
#include "xtrace/decode.hpp"

namespace xtrace {
namespace {

using namespace decode;

constexpr std::array kEpollEvents{
    XLAT(EPOLLIN),        XLAT(EPOLLPRI),    XLAT(EPOLLOUT),
    XLAT(EPOLLERR),       XLAT(EPOLLHUP),    XlatEntry{0x20, "EPOLLNVAL"},
    XLAT(EPOLLRDNORM),    XLAT(EPOLLRDBAND), XLAT(EPOLLWRNORM),
    XLAT(EPOLLWRBAND),    XLAT(EPOLLMSG),    XLAT(EPOLLRDHUP),
    XLAT(EPOLLEXCLUSIVE), XLAT(EPOLLWAKEUP), XLAT(EPOLLONESHOT),
    XLAT(EPOLLET)};
const Xlat kEpollTable{kEpollEvents, "EPOLL???"};

bool format_iovec_in(const ArgContext& c, ValueOut& out) {
  print_iovec_array(c, c.value(), c.ref_value(), ~std::uint64_t{0}, out);
  return true;
}
bool format_iovec_out(const ArgContext& c, ValueOut& out) {
  print_iovec_array(c, c.value(), c.ref_value(), static_cast<std::uint64_t>(c.rval), out);
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

bool format_loff_in(const ArgContext& c, ValueOut& out) {
  if (auto v = read_in<std::int64_t>(c, out)) print_int(*v, ArrayPrinter(out).item());
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
    print_int(before, ArrayPrinter(out).item());
  else
    fmt::format_to(std::back_inserter(out), "[{} => {}]", before, *after);
  return true;
}

// --- pipe ----------------------------------------------------------------

bool format_pipefds(const ArgContext& c, ValueOut& out) {
  std::array<std::int32_t, 2> fds{};
  if (c.failed() || !c.mem.read(c.value(), fds.data(), sizeof fds)) {
    print_addr(c.value(), out);
    return true;
  }
  ArrayPrinter a(out);
  for (std::int32_t fd : fds) print_fd_decorated(c.tid, fd, c.opts.fd_details, a.item());
  return true;
}

constexpr std::array kIoKinds{
    KindDecoder{ArgKind::iovec_in, Phase::entry, format_iovec_in},
    KindDecoder{ArgKind::iovec_out, Phase::exit, format_iovec_out},
    KindDecoder{ArgKind::epoll_event_in, Phase::entry, format_epoll_event_in},
    KindDecoder{ArgKind::epoll_events_out, Phase::exit, format_epoll_events_out},
    KindDecoder{ArgKind::loff_in, Phase::entry, format_loff_in},
    KindDecoder{ArgKind::kernel_off_inout, Phase::exit, format_off_inout, capture_off},
    KindDecoder{ArgKind::pipefds_out, Phase::exit, format_pipefds},
};

}  // namespace

std::span<const KindDecoder> io_kinds() {
  return kIoKinds;
}

}  // namespace xtrace
