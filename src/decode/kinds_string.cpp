// Kinds that point at bytes: paths, C strings, I/O buffers, string arrays.
#include <linux/limits.h>

#include <array>
#include <vector>

#include "format_helpers.hpp"
#include "xtrace/decode.hpp"
#include "xtrace/quote.hpp"

namespace xtrace {
namespace {

using namespace decode;

QuoteStyle style_of(const ArgContext& c) {
  return QuoteStyle{c.opts.hex};
}

// A NUL-terminated string of at most `limit` bytes; "..." when longer.
void print_cstring(const ArgContext& c, std::uint64_t addr, std::size_t limit, std::string& out) {
  std::string text;
  bool terminated = false;
  if (!c.mem.read_cstring(addr, limit, text, &terminated)) {
    print_addr(addr, out);
    return;
  }
  quote_string(text, style_of(c), out);
  if (!terminated) out += "...";
}

// Paths print whole (up to PATH_MAX), whatever -s says, as strace does.
bool format_path(const ArgContext& c, std::string& out) {
  print_cstring(c, c.value(), PATH_MAX - 1, out);
  return true;
}

bool format_str(const ArgContext& c, std::string& out) {
  print_cstring(c, c.value(), c.opts.string_limit, out);
  return true;
}

void print_buffer(const ArgContext& c, std::uint64_t len, QuoteStyle style, std::string& out) {
  std::size_t shown = std::min<std::uint64_t>(len, c.opts.string_limit);
  std::string bytes(shown, '\0');
  if (!c.mem.read(c.value(), bytes.data(), shown)) {
    print_addr(c.value(), out);
    return;
  }
  quote_string(bytes, style, out);
  if (len > shown) out += "...";
}

bool format_buf_in(const ArgContext& c, std::string& out) {
  print_buffer(c, c.ref_value(), style_of(c), out);
  return true;
}

bool format_buf_out(const ArgContext& c, std::string& out) {
  if (c.failed())
    print_addr(c.value(), out);
  else
    print_buffer(c, c.ref_value(), style_of(c), out);
  return true;
}

// Random bytes are never text: strace always shows them in hex.
bool format_hexbuf_out(const ArgContext& c, std::string& out) {
  if (c.failed())
    print_addr(c.value(), out);
  else
    print_buffer(c, c.ref_value(), QuoteStyle{c.opts.hex, true}, out);
  return true;
}

// Reads a NULL-terminated array of pointers, at most max_count of them.
// Sets *more when the array goes on past max_count.
bool read_pointer_array(const ArgContext& c, std::uint64_t addr, std::size_t max_count,
                        std::vector<std::uint64_t>& out, bool* more) {
  out.clear();
  *more = false;
  for (std::size_t i = 0;; ++i) {
    auto p = c.mem.read_value<std::uint64_t>(addr + i * sizeof(std::uint64_t));
    if (!p) return false;
    if (*p == 0) return true;
    if (i == max_count) {
      *more = true;
      return true;
    }
    out.push_back(*p);
  }
}

void print_string_array(const ArgContext& c, std::string& out) {
  std::vector<std::uint64_t> ptrs;
  bool more = false;
  // -v lifts the limit on the number of elements, as in strace.
  std::size_t max_count = c.abbrev ? c.opts.string_limit : (1u << 16);
  if (!read_pointer_array(c, c.value(), max_count, ptrs, &more)) {
    print_addr(c.value(), out);
    return;
  }
  out += '[';
  for (std::size_t i = 0; i < ptrs.size(); ++i) {
    if (i > 0) out += ", ";
    print_cstring(c, ptrs[i], c.opts.string_limit, out);
  }
  if (more) out += ptrs.empty() ? "..." : ", ...";
  out += ']';
}

bool format_argv(const ArgContext& c, std::string& out) {
  print_string_array(c, out);
  return true;
}

// The environment is long and rarely interesting: its address and size,
// unless -v asks for all of it.
bool format_envp(const ArgContext& c, std::string& out) {
  if (!c.abbrev || c.value() == 0) {
    if (c.value() == 0)
      out += "NULL";
    else
      print_string_array(c, out);
    return true;
  }
  std::vector<std::uint64_t> ptrs;
  bool more = false;
  print_hex(c.value(), out);
  if (read_pointer_array(c, c.value(), 1u << 16, ptrs, &more))
    fmt::format_to(std::back_inserter(out), " /* {} var{} */", ptrs.size(),
                   ptrs.size() == 1 ? "" : "s");
  return true;
}

constexpr std::array kStringKinds{
    KindDecoder{"path", Phase::entry, format_path},
    KindDecoder{"str", Phase::entry, format_str},
    KindDecoder{"buf_in", Phase::entry, format_buf_in},
    KindDecoder{"buf_out", Phase::exit, format_buf_out},
    KindDecoder{"hexbuf_out", Phase::exit, format_hexbuf_out},
    KindDecoder{"argv", Phase::entry, format_argv},
    KindDecoder{"envp", Phase::entry, format_envp},
};

}  // namespace

std::span<const KindDecoder> string_kinds() {
  return kStringKinds;
}

}  // namespace xtrace
