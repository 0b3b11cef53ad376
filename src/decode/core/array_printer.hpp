// Arrays in tracee memory as strace prints them: "[a, b]"; past -s
// elements (unless -v) "[a, b, ...]"; and when the memory ends before the
// array does, the elements read so far then "... /* ADDR */" (ADDR: the
// first unreadable element), or the address alone when not even the first
// element could be read.  Every array printer goes through this, so a bad or
// partly mapped pointer prints the same way for every system call.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string>
#include <type_traits>
#include <vector>

#include "field_printer.hpp"
#include "format_helpers.hpp"
#include "xtrace/decode.hpp"

namespace xtrace::decode {

// Reads an array's elements in blocks (one read for a whole array that is
// mapped); when a block fails, element by element, to find the first
// element that cannot be read.
template <typename T>
class ElementReader {
 public:
  ElementReader(TraceeMemory& mem, std::uint64_t addr, std::uint64_t count)
      : mem_(mem), addr_(addr), count_(count) {}

  // Element i, or nullptr when it (or an element before it in its block)
  // cannot be read.
  const T* get(std::uint64_t i) {
    if (i >= count_) return nullptr;
    if (i < first_ || i >= first_ + block_.size()) fill(i);
    return i - first_ < block_.size() ? &block_[i - first_] : nullptr;
  }
  // How many elements to read at once at most: a caller that prints only
  // the first few says so, so that no more is read than shown.
  void limit_block(std::uint64_t n) { max_block_ = n == 0 ? 1 : n; }

 private:
  void fill(std::uint64_t i) {
    first_ = i;
    std::uint64_t n = std::min<std::uint64_t>({count_ - i, max_block_, kBlock});
    block_.resize(n);
    if (mem_.read(addr_ + i * sizeof(T), block_.data(), n * sizeof(T))) return;
    // Memory is mapped in pages: read page by page, then element by element
    // in the page where reading fails.
    std::size_t ok = 0;
    while (ok < n) {
      std::uint64_t at = addr_ + (i + ok) * sizeof(T);
      std::uint64_t in_page = (kPage - at % kPage) / sizeof(T);
      std::size_t k = std::max<std::uint64_t>(1, std::min<std::uint64_t>(in_page, n - ok));
      if (!mem_.read(at, &block_[ok], k * sizeof(T))) {
        while (ok < n && mem_.read(addr_ + (i + ok) * sizeof(T), &block_[ok], sizeof(T))) ++ok;
        break;
      }
      ok += k;
    }
    block_.resize(ok);
  }

  static constexpr std::uint64_t kBlock = 256;
  static constexpr std::uint64_t kPage = 4096;
  TraceeMemory& mem_;
  std::uint64_t addr_;
  std::uint64_t count_;
  std::uint64_t max_block_ = kBlock;
  std::uint64_t first_ = 0;
  std::vector<T> block_;
};

struct ArrayStyle {
  bool truncate = true;  // at most -s elements, then "..."
};

// One element through its printer, which writes values (it takes the
// output's own type: a generic lambda, `auto& o`) or strace text (it takes
// a std::string&: on a ValueOut, as a text value).  False ends the array
// (a printer that returns bool found a terminator).
template <typename T, typename Print, typename Out>
bool print_element(Print& print, const T& e, Out& out) {
  if constexpr (std::is_invocable_v<Print&, const T&, Out&>) {
    if constexpr (std::is_same_v<std::invoke_result_t<Print&, const T&, Out&>, bool>) {
      return print(e, out);
    } else {
      print(e, out);
      return true;
    }
  } else {
    // The text scope lives to the end of this statement, the printer's call.
    return print_element<T>(print, e, static_cast<std::string&>(as_text(out)));
  }
}

// Prints `count` elements of type T at addr with print(const T&, out),
// which may return false to end the array there (a terminator).  On a
// ValueOut the array is values (ArrayPrinter's markers): JSON gets an
// array, each element typed as far as its printer writes values.
template <typename T, typename Print, typename Out>
void print_array(const ArgContext& c, std::uint64_t addr, std::uint64_t count, Print&& print,
                 Out& out, ArrayStyle style = {}) {
  if (addr == 0) {
    print_addr(0, out);
    return;
  }
  if (count == 0) {
    ArrayPrinter<Out> empty(out);
    return;
  }
  std::uint64_t size = count * sizeof(T);
  if (size / sizeof(T) != count || addr + size <= addr) {
    print_hex(addr, out);
    return;
  }
  std::uint64_t shown = count;
  if (style.truncate && c.abbrev && count > c.opts.string_limit) shown = c.opts.string_limit;
  ElementReader<T> reader(c.mem, addr, count);
  // The element after the last one shown is read too, as strace reads it:
  // when it is unreadable the array ends with its address, not "...".
  reader.limit_block(shown + 1);
  const T* first = reader.get(0);
  if (first == nullptr) {
    print_hex(addr, out);
    return;
  }
  ArrayPrinter<Out> array(out);
  for (std::uint64_t i = 0; i < count; ++i) {
    const T* e = reader.get(i);
    if (e == nullptr) {
      array.more();
      fmt::format_to(std::back_inserter(out), " /* {:#x} */", addr + i * sizeof(T));
      break;
    }
    if (i == shown) {
      array.more();
      break;
    }
    if (!print_element<T>(print, *e, array.item())) break;
  }
}

}  // namespace xtrace::decode
