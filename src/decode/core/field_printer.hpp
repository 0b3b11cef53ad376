// strace's print_fields.h for xtrace's printers: a structure "{a=1, b=2}"
// or an array "[x, y, ...]" written the same way on either output.  On a
// ValueOut they are markers (ValueKind::struct_begin...), which the text
// renderer prints as exactly this punctuation and the JSON renderer turns
// into objects and arrays; on a std::string (a printer generic over both
// outputs, writing strace text) they are the punctuation itself.
#pragma once

#include <string>
#include <string_view>
#include <type_traits>

#include "xtrace/value.hpp"

namespace xtrace::decode {

// "{", then before each field ", " (but the first) and "NAME=", then "}"
// when it goes out of scope.
template <typename Out>
class StructPrinter {
 public:
  explicit StructPrinter(Out& out) : out_(out) {
    if constexpr (kValues)
      out_.struct_begin();
    else
      out_ += '{';
  }
  ~StructPrinter() {
    if constexpr (kValues)
      out_.struct_end();
    else
      out_ += '}';
  }
  StructPrinter(const StructPrinter&) = delete;
  StructPrinter& operator=(const StructPrinter&) = delete;

  // Begins a field: its value is what is written to out() next.
  Out& field(std::string_view name) {
    if constexpr (kValues) {
      out_.field(name);
    } else {
      if (!first_) out_ += ", ";
      out_ += name;
      out_ += '=';
    }
    first_ = false;
    return out_;
  }
  // A member strace prints without a name (sockaddr_in6's
  // "inet_pton(AF_INET6, ..., &sin6_addr)").
  Out& unnamed() {
    if constexpr (kValues)
      out_.item();
    else if (!first_)
      out_ += ", ";
    first_ = false;
    return out_;
  }

 private:
  static constexpr bool kValues = std::is_same_v<Out, ValueOut>;
  Out& out_;
  bool first_ = true;
};

// "[", then before each element ", " (but the first), then "]" when it goes
// out of scope; more() prints "..." as an element.
template <typename Out>
class ArrayPrinter {
 public:
  explicit ArrayPrinter(Out& out) : out_(out) {
    if constexpr (kValues)
      out_.array_begin();
    else
      out_ += '[';
  }
  ~ArrayPrinter() {
    if constexpr (kValues)
      out_.array_end();
    else
      out_ += ']';
  }
  ArrayPrinter(const ArrayPrinter&) = delete;
  ArrayPrinter& operator=(const ArrayPrinter&) = delete;

  Out& item() {
    if constexpr (kValues)
      out_.item();
    else if (!first_)
      out_ += ", ";
    first_ = false;
    return out_;
  }
  void more() {
    if constexpr (kValues) {
      out_.more();
    } else {
      if (!first_) out_ += ", ";
      out_ += "...";
    }
    first_ = false;
  }

 private:
  static constexpr bool kValues = std::is_same_v<Out, ValueOut>;
  Out& out_;
  bool first_ = true;
};

// A function-like form, "NAME(" then before each argument ", " (but the
// first), then ")" when it goes out of scope: htons(80), makedev(0x1, 0x3).
template <typename Out>
class CallPrinter {
 public:
  CallPrinter(Out& out, std::string_view name) : out_(out) {
    if constexpr (kValues) {
      out_.call_begin(name);
    } else {
      out_ += name;
      out_ += '(';
    }
  }
  ~CallPrinter() {
    if constexpr (kValues)
      out_.call_end();
    else
      out_ += ')';
  }
  CallPrinter(const CallPrinter&) = delete;
  CallPrinter& operator=(const CallPrinter&) = delete;
  Out& arg() {
    if constexpr (kValues)
      out_.item();
    else if (!first_)
      out_ += ", ";
    first_ = false;
    return out_;
  }

 private:
  static constexpr bool kValues = std::is_same_v<Out, ValueOut>;
  Out& out_;
  bool first_ = true;
};

}  // namespace xtrace::decode
