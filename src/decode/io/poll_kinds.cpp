// poll and select: the descriptor sets they take, and the results that
// say which descriptors are ready ("= 1 ([{fd=3, revents=POLLIN}])").
#include <poll.h>
#include <time.h>

#include <fmt/format.h>

#include <array>
#include <string_view>
#include <vector>

#include "array_printer.hpp"
#include "families.hpp"
#include "fd_info.hpp"
#include "field_printer.hpp"
#include "format_helpers.hpp"
#include "struct_reader.hpp"
#include "xlat.hpp"
#include "xtrace/decode.hpp"
#include "xtrace/syscall_decoder.hpp"

namespace xtrace {
namespace {

using namespace decode;

SysId id_of(const SyscallEvent& ev) {
  return id_of(*ev.desc);
}

constexpr std::array kPollEvents{
    XLAT(POLLIN),     XLAT(POLLPRI),    XLAT(POLLOUT),    XLAT(POLLERR),
    XLAT(POLLHUP),    XLAT(POLLNVAL),   XLAT(POLLRDNORM), XLAT(POLLRDBAND),
    XLAT(POLLWRNORM), XLAT(POLLWRBAND), XLAT(POLLMSG),    XlatEntry{0x1000, "POLLREMOVE"},
    XLAT(POLLRDHUP)};
const Xlat kPollEventsTable{kPollEvents, "POLL???"};
const Xlat& kPollTable = kPollEventsTable;

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

// ppoll and pselect6 report the time left: "left {tv_sec=0, tv_nsec=999}".
void append_time_left(const SyscallEvent& ev, TraceeMemory& mem, int arg, std::string& out) {
  if (id_of(ev) != SysId::ppoll && id_of(ev) != SysId::pselect6) return;
  if (ev.args[arg] == 0) return;
  out += "left ";
  if (auto ts = mem.read_value<timespec>(ev.args[arg]))
    print_timespec(ts->tv_sec, ts->tv_nsec, out);
  else
    print_hex(ev.args[arg], out);
}

// poll/ppoll: "= 1 ([{fd=3, revents=POLLIN}])", or "= 0 (Timeout)".  As
// strace: the entries with revents, at most -s of them unless -v, fds bare;
// an unreadable entry ends the list with its address.
bool poll_result(const SyscallEvent& ev, TraceeMemory& mem, const DecodeOptions& opts,
                 std::string& out) {
  print_int(ev.rval, out);
  if (ev.rval == 0) {
    out += " (Timeout)";
    return true;
  }
  SysId id = id_of(ev);
  bool abbrev = opts.abbrev.contains(id) && !opts.verbose;
  std::uint64_t addr = ev.args[0];
  auto n = static_cast<std::uint32_t>(kernel_args(*ev.desc, ev.args)[1]);
  std::string parts;
  if (opts.deref.contains(id) && addr != 0 && n != 0 && addr + n * sizeof(pollfd) > addr) {
    ElementReader<pollfd> reader(mem, addr, n);
    std::size_t printed = 0;
    for (std::uint64_t i = 0; i < n; ++i) {
      const pollfd* p = reader.get(i);
      if (p != nullptr && p->revents == 0) continue;
      parts += parts.empty() ? "[" : ", ";
      if (p == nullptr) {
        print_hex(addr + i * sizeof(pollfd), parts);
        break;
      }
      if (abbrev && printed >= opts.string_limit) {
        parts += "...";
        break;
      }
      fmt::format_to(std::back_inserter(parts), "{{fd={}, revents=", p->fd);
      print_flags(kPollEventsTable, static_cast<std::uint16_t>(p->revents), parts);
      parts += '}';
      ++printed;
    }
    if (!parts.empty()) parts += ']';
  }
  std::string left;
  append_time_left(ev, mem, 2, left);
  if (!left.empty()) parts += (parts.empty() ? "" : ", ") + left;
  if (!parts.empty()) out += " (" + parts + ")";
  return true;
}

// select/pselect6: "= 1 (in [3], out [4])" from the sets the kernel wrote.
bool select_result(const SyscallEvent& ev, TraceeMemory& mem, const DecodeOptions& opts,
                   std::string& out) {
  print_int(ev.rval, out);
  if (ev.rval == 0) {
    out += " (Timeout)";
    return true;
  }
  auto nfds = static_cast<int>(ev.args[0]);
  if (nfds < 0 || nfds > 65536) return true;
  std::size_t bytes = (static_cast<std::size_t>(nfds) + 63) / 64 * 8;
  constexpr std::array<std::string_view, 3> kNames{"in", "out", "except"};
  std::string parts;
  for (int s = 0; s < 3; ++s) {
    if (ev.args[1 + s] == 0 || bytes == 0) continue;
    std::vector<std::uint64_t> words(bytes / 8);
    if (!mem.read(ev.args[1 + s], words.data(), bytes)) continue;
    std::string fds;
    for (int fd = 0; fd < nfds; ++fd) {
      if (!(words[fd / 64] & (std::uint64_t{1} << (fd % 64)))) continue;
      if (!fds.empty()) fds += ' ';
      print_fd_decorated(ev.tid, fd, opts.fd_details, fds);
    }
    if (fds.empty()) continue;
    if (!parts.empty()) parts += ", ";
    parts += fmt::format("{} [{}]", kNames[s], fds);
  }
  std::string left;
  append_time_left(ev, mem, 4, left);
  if (!left.empty()) parts += (parts.empty() ? "" : ", ") + left;
  if (!parts.empty()) out += " (" + parts + ")";
  return true;
}

constexpr std::array kPollKinds{
    KindDecoder{ArgKind::pollfd_inout, Phase::entry, format_pollfds},
    KindDecoder{ArgKind::fdset_inout, Phase::entry, format_fdset},
};
constexpr std::array kPollResults{
    ResultRow{SysId::poll, poll_result}, ResultRow{SysId::ppoll, poll_result},
    ResultRow{SysId::select, select_result}, ResultRow{SysId::pselect6, select_result}};

}  // namespace

std::span<const KindDecoder> poll_kinds() {
  return kPollKinds;
}

std::span<const ResultRow> poll_results() {
  return kPollResults;
}

}  // namespace xtrace
