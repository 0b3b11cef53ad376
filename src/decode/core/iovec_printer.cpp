#include "iovec_printer.hpp"

#include <sys/uio.h>

#include <algorithm>

#include "array_printer.hpp"
#include "field_printer.hpp"
#include "format_helpers.hpp"
#include "xtrace/quote.hpp"

namespace xtrace::decode {
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

}  // namespace xtrace::decode
