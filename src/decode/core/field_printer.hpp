// strace's print_fields.h for xtrace's printers: a structure "{a=1, b=2}",
// an array "[x, y, ...]" or a function-like form "htons(80)" written the
// same way on either output.  On a ValueOut they are markers
// (ValueKind::struct_begin...), which the text renderer prints as exactly
// this punctuation and the JSON renderer turns into objects, arrays and
// calls; on a std::string (a printer generic over both outputs, writing
// strace text) they are the punctuation itself.
#pragma once

#include <string>
#include <string_view>
#include <type_traits>

#include "xtrace/value.hpp"

namespace xtrace::decode {

// What the three printers share: the output, and ", " (on a ValueOut the
// item marker) before each member but the first.
template <typename Out>
class MemberPrinter {
 public:
  MemberPrinter(const MemberPrinter&) = delete;
  MemberPrinter& operator=(const MemberPrinter&) = delete;

 protected:
  static constexpr bool kValues = std::is_same_v<Out, ValueOut>;
  explicit MemberPrinter(Out& out) : out_(out) {}
  ~MemberPrinter() = default;
  // Begins an unnamed member: its value is what is written to out next.
  Out& next() {
    if constexpr (kValues)
      out_.item();
    else if (!first_)
      out_ += ", ";
    first_ = false;
    return out_;
  }
  Out& out_;
  bool first_ = true;
};

// "{", then before each field ", " (but the first) and "NAME=", then "}"
// when it goes out of scope.
template <typename Out>
class StructPrinter : MemberPrinter<Out> {
  using Base = MemberPrinter<Out>;
  using Base::kValues;
  using Base::out_;

 public:
  explicit StructPrinter(Out& out) : Base(out) {
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
      if (!this->first_) out_ += ", ";
      out_ += name;
      out_ += '=';
    }
    this->first_ = false;
    return out_;
  }
  // A member strace prints without a name (sockaddr_in6's
  // "inet_pton(AF_INET6, ..., &sin6_addr)").
  Out& unnamed() { return this->next(); }
};

// "[", then before each element ", " (but the first), then "]" when it goes
// out of scope; more() prints "..." as an element.
template <typename Out>
class ArrayPrinter : MemberPrinter<Out> {
  using Base = MemberPrinter<Out>;
  using Base::kValues;
  using Base::out_;

 public:
  explicit ArrayPrinter(Out& out) : Base(out) {
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
  Out& item() { return this->next(); }
  void more() {
    if constexpr (kValues) {
      out_.more();
    } else {
      if (!this->first_) out_ += ", ";
      out_ += "...";
    }
    this->first_ = false;
  }
};

// A function-like form, "NAME(" then before each argument ", " (but the
// first), then ")" when it goes out of scope: htons(80), inet_addr("...").
template <typename Out>
class CallPrinter : MemberPrinter<Out> {
  using Base = MemberPrinter<Out>;
  using Base::kValues;
  using Base::out_;

 public:
  CallPrinter(Out& out, std::string_view name) : Base(out) {
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
  Out& arg() { return this->next(); }
};

}  // namespace xtrace::decode
