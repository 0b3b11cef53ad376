#include "xtrace/value.hpp"

#include <tuple>

namespace xtrace {

void ValueOut::push_back(char c) {
  if (!text_joins_last()) {
    Value v;
    v.text_at = static_cast<std::uint32_t>(arena_.size());
    values_.push_back(v);
  }
  arena_ += c;
  ++values_.back().text_len;
}

void ValueOut::append(std::string_view text) {
  if (text.empty()) return;
  if (!text_joins_last()) {
    Value v;
    v.text_at = static_cast<std::uint32_t>(arena_.size());
    values_.push_back(v);
  }
  arena_ += text;
  values_.back().text_len += static_cast<std::uint32_t>(text.size());
}

ValueOut::TextScope::TextScope(ValueOut& out) : out_(out), begin_(out.arena_.size()) {}

// The printer appended to the arena: that text joins the last text value,
// or becomes a new one.
ValueOut::TextScope::~TextScope() {
  auto added = static_cast<std::uint32_t>(out_.arena_.size() - begin_);
  if (added == 0) return;
  std::vector<Value>& values = out_.values_;
  bool joins = out_.text_joins_last() && values.back().text_at + values.back().text_len == begin_;
  if (!joins) {
    Value v;
    v.text_at = static_cast<std::uint32_t>(begin_);
    values.push_back(v);
  }
  values.back().text_len += added;
}

std::pair<std::uint32_t, std::uint32_t> ValueOut::keep(std::string_view text) {
  auto at = static_cast<std::uint32_t>(arena_.size());
  arena_ += text;
  return {at, static_cast<std::uint32_t>(text.size())};
}

void ValueOut::add_number(ValueKind kind, std::uint64_t v) {
  Value value;
  value.kind = kind;
  value.number = v;
  values_.push_back(value);
}

void ValueOut::field(std::string_view name) {
  Value v;
  v.kind = ValueKind::field;
  std::tie(v.text_at, v.text_len) = keep(name);
  values_.push_back(v);
}

void ValueOut::array_begin(std::uint8_t style) {
  Value v;
  v.kind = ValueKind::array_begin;
  v.style = style;
  values_.push_back(v);
}

void ValueOut::call_begin(std::string_view name) {
  Value v;
  v.kind = ValueKind::call_begin;
  std::tie(v.text_at, v.text_len) = keep(name);
  values_.push_back(v);
}

void ValueOut::symbol(std::uint64_t number, std::string_view number_text, std::string_view names,
                      std::string_view dflt, std::uint8_t style) {
  Value v;
  v.kind = ValueKind::symbol;
  v.style = style;
  v.number = number;
  std::tie(v.text_at, v.text_len) = keep(number_text);
  std::tie(v.names_at, v.names_len) = keep(names);
  std::tie(v.dflt_at, v.dflt_len) = keep(dflt);
  values_.push_back(v);
}

void ValueOut::bytes(std::string_view bytes, std::uint8_t style) {
  Value v;
  v.kind = ValueKind::bytes;
  v.style = style;
  v.number = bytes.size();
  std::tie(v.text_at, v.text_len) = keep(bytes);
  values_.push_back(v);
}

void ValueOut::fd(int fd, std::string_view details, std::uint8_t style) {
  Value v;
  v.kind = ValueKind::fd;
  v.style = style;
  v.number = static_cast<std::uint64_t>(static_cast<std::int64_t>(fd));
  std::tie(v.text_at, v.text_len) = keep(details);
  values_.push_back(v);
}

void ValueOut::pid(std::int64_t pid, std::string_view decoration) {
  Value v;
  v.kind = ValueKind::pid;
  v.number = static_cast<std::uint64_t>(pid);
  std::tie(v.text_at, v.text_len) = keep(decoration);
  values_.push_back(v);
}

void ValueOut::release_if_above(std::size_t bytes) {
  if (values_.capacity() * sizeof(Value) + arena_.capacity() <= bytes) return;
  clear();
  values_.shrink_to_fit();
  arena_.shrink_to_fit();
}

}  // namespace xtrace
