// Kinds that point at bytes: paths, C strings, I/O buffers, string arrays.
#include <linux/limits.h>

#include <array>
#include <vector>

#include "array_printer.hpp"
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
void print_cstring(const ArgContext& c, std::uint64_t addr, std::size_t limit, auto& out) {
  std::string text;
  bool terminated = false;
  if (!c.mem.read_cstring(addr, limit, text, &terminated)) {
    print_addr(addr, out);
    return;
  }
  quote_truncated(text, !terminated, style_of(c), out);
}

// Paths print whole (up to PATH_MAX), whatever -s says, as strace does.
bool format_path(const ArgContext& c, ValueOut& out) {
  print_cstring(c, c.value(), PATH_MAX - 1, out);
  return true;
}

bool format_str(const ArgContext& c, ValueOut& out) {
  print_cstring(c, c.value(), c.opts.string_limit, out);
  return true;
}

void print_buffer(const ArgContext& c, std::uint64_t len, QuoteStyle style, auto& out) {
  // NULL is NULL even when no byte would be read (getrandom(NULL, 0, 0)).
  if (c.value() == 0) {
    print_addr(0, out);
    return;
  }
  std::size_t shown = std::min<std::uint64_t>(len, c.opts.string_limit);
  std::string bytes(shown, '\0');
  if (!c.mem.read(c.value(), bytes.data(), shown)) {
    print_addr(c.value(), out);
    return;
  }
  quote_truncated(bytes, len > shown, style, out);
}

bool format_buf_in(const ArgContext& c, ValueOut& out) {
  print_buffer(c, c.ref_value(), style_of(c), out);
  return true;
}

bool format_buf_out(const ArgContext& c, ValueOut& out) {
  if (c.failed())
    print_addr(c.value(), out);
  else
    print_buffer(c, c.ref_value(), style_of(c), out);
  return true;
}

// Random bytes are never text: strace always shows them in hex.
bool format_hexbuf_out(const ArgContext& c, ValueOut& out) {
  if (c.failed())
    print_addr(c.value(), out);
  else
    print_buffer(c, c.ref_value(), QuoteStyle{c.opts.hex, true}, out);
  return true;
}

// Pointers up to the NULL that ends argv or envp, read in blocks; the count
// stops where the address space does.
ElementReader<std::uint64_t> pointer_reader(const ArgContext& c, std::uint64_t addr) {
  return ElementReader<std::uint64_t>(c.mem, addr, (~std::uint64_t{0} - addr) / 8);
}

// argv (and envp with -v) as strace prints them: the strings up to the
// NULL, "..." past -s of them unless -v, and "... /* ADDR */" where the
// array runs into memory that cannot be read.
void print_string_array(const ArgContext& c, ValueOut& out) {
  std::uint64_t addr = c.value();
  if (addr == 0 || !c.deref) {
    print_addr(addr, out);
    return;
  }
  auto reader = pointer_reader(c, addr);
  if (c.abbrev) reader.limit_block(c.opts.string_limit + 1);
  for (std::uint64_t i = 0;; ++i) {
    const std::uint64_t* p = reader.get(i);
    if (p == nullptr) {
      if (i == 0) {
        print_hex(addr, out);
        return;
      }
      fmt::format_to(std::back_inserter(out), ", ... /* {:#x} */", addr + i * 8);
      break;
    }
    if (i == 0) out += '[';
    if (*p == 0) break;
    if (i != 0) out += ", ";
    if (c.abbrev && i + 1 > c.opts.string_limit) {
      out += "...";
      break;
    }
    print_cstring(c, *p, c.opts.string_limit, out);
  }
  out += ']';
}

bool format_argv(const ArgContext& c, ValueOut& out) {
  print_string_array(c, out);
  return true;
}

// The environment is long and rarely interesting: its address and size
// ("/* 5 vars, unterminated */" when memory ends before its NULL), unless
// -v asks for all of it.
bool format_envp(const ArgContext& c, ValueOut& out) {
  if (!c.abbrev) {
    print_string_array(c, out);
    return true;
  }
  print_addr(c.value(), out);
  if (c.value() == 0 || !c.deref) return true;
  auto reader = pointer_reader(c, c.value());
  std::uint64_t n = 0;
  bool terminated = false;
  for (const std::uint64_t* p; (p = reader.get(n)) != nullptr; ++n) {
    if (*p == 0) {
      terminated = true;
      break;
    }
  }
  if (n == 0 && !terminated) return true;
  fmt::format_to(std::back_inserter(out), " /* {} var{}{} */", n, n == 1 ? "" : "s",
                 terminated ? "" : ", unterminated");
  return true;
}

constexpr std::array kStringKinds{
    KindDecoder{ArgKind::path, Phase::entry, format_path},
    KindDecoder{ArgKind::str, Phase::entry, format_str},
    KindDecoder{ArgKind::buf_in, Phase::entry, format_buf_in},
    KindDecoder{ArgKind::buf_out, Phase::exit, format_buf_out},
    KindDecoder{ArgKind::hexbuf_out, Phase::exit, format_hexbuf_out},
    KindDecoder{ArgKind::argv, Phase::entry, format_argv},
    KindDecoder{ArgKind::envp, Phase::entry, format_envp},
};

}  // namespace

std::span<const KindDecoder> string_kinds() {
  return kStringKinds;
}

}  // namespace xtrace
