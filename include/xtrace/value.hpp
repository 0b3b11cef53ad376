// The value model: what a decoder produces for one argument.  Decoders
// write typed values (numbers, named constants and flag sets, byte strings,
// file descriptors, pids) through ValueOut; renderers turn them into
// strace's text (value_text.hpp) or JSON (value_json.hpp).  Presentation
// choices (-X, -x/-xx, -N) are the renderers', not the decoders'.
//
// A decoder that has not been converted yet writes strace text through the
// string-like part of the interface (+=, push_back, fmt::format_to); that
// text is kept as a `text` value, which the JSON renderer reports as text.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace xtrace {

enum class ValueKind : std::uint8_t {
  text,          // strace text from a decoder that writes no values yet
  signed_dec,    // -1
  unsigned_dec,  // 4096
  hex,           // 0x1f ("0" for zero, as C's %#x)
  octal,         // 0644 (file modes: a leading 0, at least three digits)
  address,       // 0x7ffd1000, or NULL
  symbol,        // a named constant or a flag set: its number and names
  bytes,         // a string or buffer, quoted by the renderer
  fd,            // a file descriptor and what -y adds
  pid,           // a pid and what -Y / --decode-pids add
  // Structures and arrays (strace's print_fields.h, as data): markers
  // around and between the values of their fields and elements.
  struct_begin,  // "{"
  field,         // ", " but before the first field, then "NAME=" (NAME in text)
  struct_end,    // "}"
  array_begin,   // "[" ("~[" for a complement), see array_style
  item,          // ", " but before the first element
  more,          // as an item, "...": elements left out
  array_end,     // "]"
  // A function-like form (strace's htons(80), inet_addr("1.2.3.4")): its
  // arguments are items, as an array's elements.
  call_begin,  // "NAME(" (NAME in text)
  call_end,    // ")"
};

// How a byte string is quoted, beyond what -x / -xx ask.
namespace bytes_style {
inline constexpr std::uint8_t force_hex = 1u << 0;  // always hex (getrandom's bytes)
inline constexpr std::uint8_t truncated = 1u << 1;  // more bytes existed: "..."
}  // namespace bytes_style

// How an array's elements are printed (strace's signal sets are
// "[INT TERM]", and "~[KILL STOP]" for all signals but these).
namespace array_style {
inline constexpr std::uint8_t spaced = 1u << 0;      // " " between elements, not ", "
inline constexpr std::uint8_t complement = 1u << 1;  // "~": all but the elements
}  // namespace array_style

// What a symbol is: one constant, or a set of bits.
namespace symbol_style {
inline constexpr std::uint8_t flags = 1u << 0;
}  // namespace symbol_style

// What follows an fd's details.
namespace fd_style {
inline constexpr std::uint8_t deleted = 1u << 0;  // the file was unlinked: "(deleted)"
}  // namespace fd_style

// One value.  Its strings live in the ValueOut's arena, as offsets, so
// that a ValueOut reused from call to call allocates nothing once its
// buffers have grown.
struct Value {
  ValueKind kind = ValueKind::text;
  std::uint8_t style = 0;    // bytes_style, symbol_style, fd_style or array_style bits
  std::uint64_t number = 0;  // the register's value, as the kernel reads it
  // text: the text; bytes: the bytes; symbol: the number as printed;
  // fd: the details inside -y's brackets; pid: the decoration.
  std::uint32_t text_at = 0, text_len = 0;
  // symbol: the names ("O_RDONLY|O_CLOEXEC", empty when none is known).
  std::uint32_t names_at = 0, names_len = 0;
  // symbol: the comment strace prints after a number no name covers
  // ("O_???"), empty for none.
  std::uint32_t dflt_at = 0, dflt_len = 0;
};

class ValueOut {
 public:
  // The string-like part, for decoders that still write strace text (and
  // for punctuation): consecutive text becomes one text value.
  using value_type = char;
  void push_back(char c);
  ValueOut& operator+=(char c) {
    push_back(c);
    return *this;
  }
  ValueOut& operator+=(std::string_view text) {
    append(text);
    return *this;
  }
  void append(std::string_view text);

  // For printers that write strace text into a std::string: the returned
  // scope converts to one, whose text becomes a text value when the scope
  // ends (at the end of the full expression of a call).
  class TextScope {
   public:
    explicit TextScope(ValueOut& out);
    ~TextScope();
    TextScope(const TextScope&) = delete;
    TextScope& operator=(const TextScope&) = delete;
    operator std::string&() { return out_.arena_; }  // NOLINT(google-explicit-constructor)

   private:
    ValueOut& out_;
    std::size_t begin_;
  };
  TextScope text() { return TextScope(*this); }

  void signed_number(std::int64_t v) {
    add_number(ValueKind::signed_dec, static_cast<std::uint64_t>(v));
  }
  void unsigned_number(std::uint64_t v) { add_number(ValueKind::unsigned_dec, v); }
  void hex(std::uint64_t v) { add_number(ValueKind::hex, v); }
  void octal(std::uint64_t v) { add_number(ValueKind::octal, v); }
  void address(std::uint64_t v) { add_number(ValueKind::address, v); }
  // number_text: the number as strace prints it for this table (hex,
  // decimal); names: "NAME" or "A|B|0xrest", empty when none; dflt: the
  // comment for a number without a name.
  void symbol(std::uint64_t number, std::string_view number_text, std::string_view names,
              std::string_view dflt, std::uint8_t style);
  void bytes(std::string_view bytes, std::uint8_t style);
  void fd(int fd, std::string_view details, std::uint8_t style);
  void pid(std::int64_t pid, std::string_view decoration);
  // Structures and arrays: begin, then before each field its name (before
  // each element item()), the values, end.  The renderers print the
  // punctuation (text) or build objects and arrays (JSON); use
  // StructPrinter/ArrayPrinter (src/decode/core/field_printer.hpp), which do
  // the same on a std::string.
  void struct_begin() { add_number(ValueKind::struct_begin, 0); }
  void field(std::string_view name);
  void struct_end() { add_number(ValueKind::struct_end, 0); }
  void array_begin(std::uint8_t style = 0);
  void item() { add_number(ValueKind::item, 0); }
  void more() { add_number(ValueKind::more, 0); }
  void array_end() { add_number(ValueKind::array_end, 0); }
  void call_begin(std::string_view name);
  void call_end() { add_number(ValueKind::call_end, 0); }

  void clear() {
    values_.clear();
    arena_.clear();
    fence_ = 0;
  }
  // Starts a new run of values (one argument's, when an event keeps all
  // its arguments in one ValueOut): text written next never joins the text
  // before it.  Returns the index of the run's first value.
  std::uint32_t begin_run() {
    fence_ = values_.size();
    return static_cast<std::uint32_t>(fence_);
  }
  std::uint32_t size() const { return static_cast<std::uint32_t>(values_.size()); }
  // Gives the buffers back when they grew past `bytes` (one huge string
  // must not stay allocated for the rest of a thread's life).
  void release_if_above(std::size_t bytes);
  bool empty() const { return values_.empty(); }
  std::span<const Value> values() const { return values_; }
  std::string_view text_of(const Value& v) const { return piece(v.text_at, v.text_len); }
  std::string_view names_of(const Value& v) const { return piece(v.names_at, v.names_len); }
  std::string_view dflt_of(const Value& v) const { return piece(v.dflt_at, v.dflt_len); }

 private:
  void add_number(ValueKind kind, std::uint64_t v);
  // Copies text into the arena: {offset, length}.
  std::pair<std::uint32_t, std::uint32_t> keep(std::string_view text);
  std::string_view piece(std::uint32_t at, std::uint32_t len) const {
    return std::string_view(arena_).substr(at, len);
  }

  // The last value that text may join, when it is text: none before fence_.
  bool text_joins_last() const {
    return values_.size() > fence_ && values_.back().kind == ValueKind::text;
  }

  std::vector<Value> values_;
  std::string arena_;
  std::size_t fence_ = 0;  // begin_run: values before it are another run's
};

// Some of a ValueOut's values (one argument's), with the arena their texts
// are in; a whole ValueOut converts to one.
class ValueSpan {
 public:
  ValueSpan(const ValueOut& out)  // NOLINT(google-explicit-constructor)
      : out_(&out), values_(out.values()) {}
  ValueSpan(const ValueOut& out, std::uint32_t first, std::uint32_t count)
      : out_(&out), values_(out.values().subspan(first, count)) {}
  std::span<const Value> values() const { return values_; }
  ValueSpan subspan(std::size_t first, std::size_t count) const {
    ValueSpan part = *this;
    part.values_ = values_.subspan(first, count);
    return part;
  }
  std::string_view text_of(const Value& v) const { return out_->text_of(v); }
  std::string_view names_of(const Value& v) const { return out_->names_of(v); }
  std::string_view dflt_of(const Value& v) const { return out_->dflt_of(v); }
  // Whether the span is one typed value (not text, not a structure).
  bool typed() const {
    return values_.size() == 1 && values_.front().kind != ValueKind::text &&
           values_.front().kind < ValueKind::struct_begin;
  }

 private:
  const ValueOut* out_;
  std::span<const Value> values_;
};

// Text for a printer that writes into a std::string, from either kind of
// output: code generic over both passes as_text(out).
inline std::string& as_text(std::string& out) {
  return out;
}
inline ValueOut::TextScope as_text(ValueOut& out) {
  return out.text();
}

}  // namespace xtrace
