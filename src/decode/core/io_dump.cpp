#include "io_dump.hpp"

#include <sys/socket.h>
#include <sys/uio.h>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <bit>
#include <vector>

namespace xtrace::decode {
namespace {

// strace reads what it dumps in pieces of 64 KiB: a piece that cannot be
// read ends the dump, with a note when some of it was printed already.
constexpr std::size_t kFetchSize = 1u << 16;
// Lines have at least five hex digits of offset, more for longer dumps.
constexpr std::uint64_t kFiveDigits = 1u << 20;
// An iovec dump of written data is limited by the vectors alone.
constexpr std::uint64_t kUnlimited = ~std::uint64_t{0};

void hex_lines(std::string_view bytes, std::uint64_t base, int width, std::string& out) {
  static constexpr char kDigits[] = "0123456789abcdef";
  for (std::size_t off = 0; off < bytes.size(); off += 16) {
    fmt::format_to(std::back_inserter(out), " | {:0{}x}  ", base + off, width);
    std::string ascii;
    for (std::size_t i = 0; i < 16; ++i) {
      if (off + i < bytes.size()) {
        auto c = static_cast<unsigned char>(bytes[off + i]);
        out += kDigits[c >> 4];
        out += kDigits[c & 15];
        out += ' ';
        ascii += (c >= ' ' && c <= '~') ? static_cast<char>(c) : '.';
      } else {
        out += "   ";
        ascii += ' ';
      }
      if (i == 7 || i == 15) out += ' ';
    }
    out += ascii;
    out += " |\n";
  }
}

void dump_memory(TraceeMemory& mem, pid_t tid, std::uint64_t addr, std::uint64_t len,
                 std::string& out) {
  if (len == 0 || addr + len < addr || len + 16 < len) return;
  int width = len > kFiveDigits ? 1 + (63 - std::countl_zero(len - 1)) / 4 : 5;
  std::string chunk;
  for (std::uint64_t done = 0; done < len; done += chunk.size()) {
    chunk.resize(std::min<std::uint64_t>(len - done, kFetchSize));
    if (!mem.read(addr + done, chunk.data(), chunk.size())) {
      if (done != 0)
        fmt::format_to(std::back_inserter(out), " | <Cannot fetch {} byte{} from pid {} @{:#x}>\n",
                       chunk.size(), chunk.size() == 1 ? "" : "s", tid, addr + done);
      return;
    }
    hex_lines(chunk, done, width, out);
  }
}

// Each vector up to `total` bytes in all; an empty one ends the dump.
void dump_iovecs(TraceeMemory& mem, pid_t tid, std::uint64_t addr, std::uint64_t count,
                 std::uint64_t total, std::string& out) {
  std::vector<iovec> iov(std::min<std::uint64_t>(count, 1024));
  if (iov.empty() || !mem.read(addr, iov.data(), iov.size() * sizeof(iovec))) return;
  for (std::size_t i = 0; i < iov.size(); ++i) {
    std::uint64_t len = std::min<std::uint64_t>(iov[i].iov_len, total);
    if (len == 0) return;
    total -= len;
    fmt::format_to(std::back_inserter(out), " * {} bytes in buffer {}\n", len, i);
    dump_memory(mem, tid, reinterpret_cast<std::uint64_t>(iov[i].iov_base), len, out);
  }
}

}  // namespace

void hex_dump(std::string_view bytes, std::string& out) {
  hex_lines(bytes, 0, 5, out);
}

// As strace: written data is dumped as the caller passed it, even when the
// call failed; read data only after a success, as much as was read.
void dump_io(SyscallEvent& ev, TraceeMemory& mem, const DecodeOptions& opts) {
  if (ev.desc == nullptr) return;
  if (opts.dump_read.none() && opts.dump_write.none()) return;
  // facts.tsv's io column; the fd is argument 0 of every such call.
  const SyscallFacts& call = facts(id_of(*ev.desc));
  if (call.io == IoDump::none) return;
  auto fd = static_cast<std::int32_t>(ev.args[0]);
  bool writes = call.io == IoDump::write;
  const FdSet& set = writes ? opts.dump_write : opts.dump_read;
  if (fd < 0 || static_cast<std::size_t>(fd) >= set.size() || !set[fd]) return;
  if (!writes && ev.is_error) return;
  std::uint64_t addr = ev.args[call.io_buffer];
  std::uint64_t total = writes ? kUnlimited : static_cast<std::uint64_t>(ev.rval);
  switch (call.io_form) {
    case IoForm::buffer:
      dump_memory(mem, ev.tid, addr, writes ? ev.args[2] : total, ev.trailer);
      break;
    case IoForm::iovec:
      dump_iovecs(mem, ev.tid, addr, ev.args[call.io_count], total, ev.trailer);
      break;
    case IoForm::msghdr: {
      auto msg = mem.read_value<msghdr>(addr);
      if (msg)
        dump_iovecs(mem, ev.tid, reinterpret_cast<std::uint64_t>(msg->msg_iov), msg->msg_iovlen,
                    total, ev.trailer);
      break;
    }
  }
}

}  // namespace xtrace::decode
