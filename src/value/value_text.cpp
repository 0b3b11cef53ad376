#include "xtrace/value_text.hpp"

#include <fmt/format.h>

#include <vector>

#include "xtrace/quote.hpp"

namespace xtrace {
namespace {

// As C's %#x, which strace uses: zero is "0", not "0x0".
void append_hex(std::uint64_t v, std::string& out) {
  if (v == 0)
    out += '0';
  else
    fmt::format_to(std::back_inserter(out), "{:#x}", v);
}

void render_one(ValueSpan values, const Value& v, const TextStyle& style, std::string& out) {
  switch (v.kind) {
    case ValueKind::text: out += values.text_of(v); break;
    case ValueKind::signed_dec:
      fmt::format_to(std::back_inserter(out), "{}", static_cast<std::int64_t>(v.number));
      break;
    case ValueKind::unsigned_dec: fmt::format_to(std::back_inserter(out), "{}", v.number); break;
    case ValueKind::hex: append_hex(v.number, out); break;
    case ValueKind::octal: fmt::format_to(std::back_inserter(out), "0{:02o}", v.number); break;
    case ValueKind::address:
      if (v.number == 0)
        out += "NULL";
      else
        append_hex(v.number, out);
      break;
    case ValueKind::symbol:
      render_symbol(values.text_of(v), values.names_of(v), values.dflt_of(v), style.consts, out);
      break;
    case ValueKind::bytes:
      quote_string(
          values.text_of(v),
          QuoteStyle{.hex = style.hex, .force_hex = (v.style & bytes_style::force_hex) != 0}, out);
      if (v.style & bytes_style::truncated) out += "...";
      break;
    case ValueKind::fd:
      fmt::format_to(std::back_inserter(out), "{}", static_cast<int>(v.number));
      if (v.text_len != 0) {
        out += '<';
        out += values.text_of(v);
        out += '>';
        if (v.style & fd_style::deleted) out += "(deleted)";
      }
      break;
    case ValueKind::pid:
      fmt::format_to(std::back_inserter(out), "{}", static_cast<std::int64_t>(v.number));
      out += values.text_of(v);
      break;
    default: break;  // the markers: render_text
  }
}

// The containers open around a value while rendering: whether each has
// printed a field or element yet, one bit per depth (a vector past 64
// levels, which no decoder nests to, so rendering allocates nothing).
class Nesting {
 public:
  void open(bool spaced = false) {
    ++depth_;
    set(false);
    // Only arrays of symbols are spaced (signal sets), never nested deep.
    if (depth_ < kBits) {
      std::uint64_t bit = std::uint64_t{1} << depth_;
      spaced_ = spaced ? spaced_ | bit : spaced_ & ~bit;
    }
  }
  void close() {
    if (depth_ > 0) --depth_;
  }
  // ", " (" " in a spaced array) before every field or element but a
  // container's first.
  void separate(std::string& out) {
    if (has_items()) out += spaced() ? " " : ", ";
    set(true);
  }

 private:
  static constexpr unsigned kBits = 64;
  bool spaced() const { return depth_ < kBits && (spaced_ >> depth_ & 1u) != 0; }
  bool has_items() const {
    if (depth_ < kBits) return (bits_ >> depth_ & 1u) != 0;
    return depth_ - kBits < deep_.size() && deep_[depth_ - kBits];
  }
  void set(bool on) {
    if (depth_ < kBits) {
      std::uint64_t bit = std::uint64_t{1} << depth_;
      bits_ = on ? bits_ | bit : bits_ & ~bit;
      return;
    }
    if (deep_.size() <= depth_ - kBits) deep_.resize(depth_ - kBits + 1);
    deep_[depth_ - kBits] = on;
  }
  std::uint64_t bits_ = 0;
  std::uint64_t spaced_ = 0;
  std::vector<bool> deep_;
  unsigned depth_ = 0;
};

}  // namespace

void render_symbol(std::string_view number, std::string_view names, std::string_view dflt,
                   ConstStyle style, std::string& out) {
  if (names.empty()) {
    out += number;
    if (style != ConstStyle::raw && !dflt.empty())
      fmt::format_to(std::back_inserter(out), " /* {} */", dflt);
  } else if (style == ConstStyle::abbrev) {
    out += names;
  } else {
    out += number;
    if (style == ConstStyle::verbose) fmt::format_to(std::back_inserter(out), " /* {} */", names);
  }
}

void render_text(ValueSpan values, const TextStyle& style, std::string& out) {
  Nesting nesting;
  for (const Value& v : values.values()) {
    switch (v.kind) {
      case ValueKind::struct_begin:
        out += '{';
        nesting.open();
        break;
      case ValueKind::array_begin:
        if (v.style & array_style::complement) out += '~';
        out += '[';
        nesting.open((v.style & array_style::spaced) != 0);
        break;
      case ValueKind::field:
        nesting.separate(out);
        out += values.text_of(v);
        out += '=';
        break;
      case ValueKind::item: nesting.separate(out); break;
      case ValueKind::more:
        nesting.separate(out);
        out += "...";
        break;
      case ValueKind::struct_end:
        out += '}';
        nesting.close();
        break;
      case ValueKind::array_end:
        out += ']';
        nesting.close();
        break;
      case ValueKind::call_begin:
        out += values.text_of(v);
        out += '(';
        nesting.open();
        break;
      case ValueKind::call_end:
        out += ')';
        nesting.close();
        break;
      default: render_one(values, v, style, out);
    }
  }
}

}  // namespace xtrace
