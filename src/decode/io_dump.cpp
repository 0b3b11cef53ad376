#include "io_dump.hpp"

#include <sys/socket.h>
#include <sys/uio.h>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <vector>

namespace xtrace::decode {
namespace {

enum class Form : std::uint8_t { buffer, iovec, msghdr };
enum class Direction : std::uint8_t { read, write };

struct IoCall {
  std::string_view syscall;
  Direction direction;
  Form form;
  int buf_arg;    // the buffer, iovec array or msghdr
  int count_arg;  // iovcnt for Form::iovec
};

// The fd is argument 0 of every one of them.
constexpr std::array kIoCalls{
    IoCall{"read", Direction::read, Form::buffer, 1, -1},
    IoCall{"pread64", Direction::read, Form::buffer, 1, -1},
    IoCall{"recvfrom", Direction::read, Form::buffer, 1, -1},
    IoCall{"readv", Direction::read, Form::iovec, 1, 2},
    IoCall{"preadv", Direction::read, Form::iovec, 1, 2},
    IoCall{"preadv2", Direction::read, Form::iovec, 1, 2},
    IoCall{"recvmsg", Direction::read, Form::msghdr, 1, -1},
    IoCall{"write", Direction::write, Form::buffer, 1, -1},
    IoCall{"pwrite64", Direction::write, Form::buffer, 1, -1},
    IoCall{"sendto", Direction::write, Form::buffer, 1, -1},
    IoCall{"writev", Direction::write, Form::iovec, 1, 2},
    IoCall{"pwritev", Direction::write, Form::iovec, 1, 2},
    IoCall{"pwritev2", Direction::write, Form::iovec, 1, 2},
    IoCall{"sendmsg", Direction::write, Form::msghdr, 1, -1},
};

// strace caps what it reads of one buffer for a dump.
constexpr std::size_t kMaxDump = 1u << 20;

void dump_iovecs(TraceeMemory& mem, std::uint64_t addr, std::uint64_t count, std::uint64_t total,
                 std::string& out) {
  std::vector<iovec> iov(std::min<std::uint64_t>(count, 1024));
  if (iov.empty() || !mem.read(addr, iov.data(), iov.size() * sizeof(iovec))) return;
  for (std::size_t i = 0; i < iov.size() && total > 0; ++i) {
    std::size_t len =
        std::min<std::uint64_t>(std::min<std::uint64_t>(iov[i].iov_len, total), kMaxDump);
    total -= len;
    std::string bytes(len, '\0');
    if (!mem.read(reinterpret_cast<std::uint64_t>(iov[i].iov_base), bytes.data(), len)) return;
    fmt::format_to(std::back_inserter(out), " * {} bytes in buffer {}\n", len, i);
    hex_dump(bytes, out);
  }
}

}  // namespace

void hex_dump(std::string_view bytes, std::string& out) {
  static constexpr char kDigits[] = "0123456789abcdef";
  for (std::size_t off = 0; off < bytes.size(); off += 16) {
    fmt::format_to(std::back_inserter(out), " | {:05x}  ", off);
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

void dump_io(SyscallEvent& ev, TraceeMemory& mem, const DecodeOptions& opts) {
  if (ev.desc == nullptr || ev.is_error || ev.rval <= 0) return;
  if (opts.dump_read.none() && opts.dump_write.none()) return;
  for (const auto& call : kIoCalls) {
    if (call.syscall != ev.desc->name) continue;
    auto fd = static_cast<std::int32_t>(ev.args[0]);
    const FdSet& set = call.direction == Direction::read ? opts.dump_read : opts.dump_write;
    if (fd < 0 || static_cast<std::size_t>(fd) >= set.size() || !set[fd]) return;
    auto total = static_cast<std::uint64_t>(ev.rval);
    std::uint64_t addr = ev.args[call.buf_arg];
    switch (call.form) {
      case Form::buffer: {
        std::string bytes(std::min<std::uint64_t>(total, kMaxDump), '\0');
        if (mem.read(addr, bytes.data(), bytes.size())) hex_dump(bytes, ev.trailer);
        break;
      }
      case Form::iovec: dump_iovecs(mem, addr, ev.args[call.count_arg], total, ev.trailer); break;
      case Form::msghdr: {
        auto msg = mem.read_value<msghdr>(addr);
        if (msg)
          dump_iovecs(mem, reinterpret_cast<std::uint64_t>(msg->msg_iov), msg->msg_iovlen, total,
                      ev.trailer);
        break;
      }
    }
    return;
  }
}

}  // namespace xtrace::decode
