#include "xtrace/value_json.hpp"

#include <charconv>
#include <string>

#include "xtrace/value_text.hpp"

namespace xtrace {
namespace {

bool valid_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    auto c = static_cast<unsigned char>(s[i]);
    std::size_t len = c < 0x80           ? 1
                      : (c >> 5) == 0x6  ? 2
                      : (c >> 4) == 0xe  ? 3
                      : (c >> 3) == 0x1e ? 4
                                         : 0;
    if (len == 0 || i + len > s.size()) return false;
    std::uint32_t cp = len == 1 ? c : c & (0x7f >> len);
    for (std::size_t k = 1; k < len; ++k) {
      auto cc = static_cast<unsigned char>(s[i + k]);
      if ((cc >> 6) != 0x2) return false;
      cp = (cp << 6) | (cc & 0x3f);
    }
    // Overlong forms, surrogates and numbers past Unicode are not UTF-8.
    constexpr std::uint32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < kMin[len] || (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff) return false;
    i += len;
  }
  return true;
}

// A flag set's names ("A|B|0x40"): the names, and the bits no name covers.
nlohmann::json flags_json(const Value& v, std::string_view names) {
  nlohmann::json list = nlohmann::json::array();
  std::uint64_t rest = 0;
  while (!names.empty()) {
    std::size_t bar = names.find('|');
    std::string_view name = names.substr(0, bar);
    names = bar == std::string_view::npos ? std::string_view() : names.substr(bar + 1);
    if (name.starts_with("0x")) {
      // An unnamed rest, or an unknown low field ("0x3 /* O_??? */").
      std::uint64_t bits = 0;
      std::from_chars(name.data() + 2, name.data() + name.size(), bits, 16);
      rest |= bits;
    } else {
      list.push_back(name);
    }
  }
  nlohmann::json j{{"value", v.number}, {"flags", std::move(list)}};
  if (rest != 0) j["rest"] = rest;
  return j;
}

nlohmann::json one_json(ValueSpan values, const Value& v) {
  switch (v.kind) {
    case ValueKind::text: return {{"text", values.text_of(v)}};
    case ValueKind::signed_dec: return static_cast<std::int64_t>(v.number);
    case ValueKind::unsigned_dec:
    case ValueKind::hex:
    case ValueKind::octal: return v.number;
    case ValueKind::address:
      return v.number == 0 ? nlohmann::json(nullptr) : nlohmann::json(v.number);
    case ValueKind::symbol: {
      std::string_view names = values.names_of(v);
      if (v.style & symbol_style::flags) return flags_json(v, names);
      // A negative constant (AT_FDCWD) keeps its sign.
      nlohmann::json j{{"value", values.text_of(v).starts_with('-')
                                     ? nlohmann::json(static_cast<std::int64_t>(v.number))
                                     : nlohmann::json(v.number)}};
      if (!names.empty()) j["name"] = names;
      return j;
    }
    case ValueKind::bytes: {
      const char* encoding = nullptr;
      nlohmann::json j{{"str", bytes_json(values.text_of(v), &encoding)}};
      if (encoding != nullptr) j["encoding"] = encoding;
      if (v.style & bytes_style::truncated) j["truncated"] = true;
      return j;
    }
    case ValueKind::fd: {
      nlohmann::json j{{"fd", static_cast<int>(v.number)}};
      if (v.text_len != 0) j["path"] = values.text_of(v);
      if (v.style & fd_style::deleted) j["deleted"] = true;
      return j;
    }
    case ValueKind::pid: {
      nlohmann::json j{{"pid", static_cast<std::int64_t>(v.number)}};
      if (v.text_len != 0) j["decoration"] = values.text_of(v);
      return j;
    }
    default: return nullptr;  // the markers: Tree
  }
  return nullptr;
}

bool ends_container(ValueKind k) {
  return k == ValueKind::struct_end || k == ValueKind::array_end || k == ValueKind::call_end;
}
bool ends_group(ValueKind k) {
  return k == ValueKind::field || k == ValueKind::item || k == ValueKind::more || ends_container(k);
}
bool begins_container(ValueKind k) {
  return k == ValueKind::struct_begin || k == ValueKind::array_begin || k == ValueKind::call_begin;
}

// Reads the markers of structures and arrays back into JSON: a structure
// as {"struct": {NAME: value...}}, an array as {"array": [...]} (with
// "more": true when elements were left out, "complement": true for a
// signal set printed as the signals it lacks), a function-like form as
// {"call": NAME, "args": [...]}.  Each field's or element's
// values form a group: one typed value or one container is that value's
// JSON; anything else (text, or text around values) is {"text": ...}, the
// group's strace text.
class Tree {
 public:
  explicit Tree(ValueSpan values) : values_(values), v_(values.values()) {}

  nlohmann::json group() {
    std::size_t first = i_;
    std::size_t parts = 0;
    bool typed = true;
    while (i_ < v_.size() && !ends_group(v_[i_].kind)) {
      if (begins_container(v_[i_].kind)) {
        skip_container();
      } else {
        typed = typed && v_[i_].kind != ValueKind::text;
        ++i_;
      }
      ++parts;
    }
    if (parts == 1 && typed) {
      std::size_t end = i_;
      i_ = first;
      nlohmann::json j =
          begins_container(v_[first].kind) ? container() : one_json(values_, v_[first]);
      i_ = end;
      return j;
    }
    std::string text;
    render_text(values_.subspan(first, i_ - first), TextStyle{}, text);
    return {{"text", std::move(text)}};
  }

  // The whole span: its one group, and what follows a stray end marker as
  // text.
  nlohmann::json all() {
    nlohmann::json j = group();
    if (i_ == v_.size()) return j;
    std::string text;
    render_text(values_, TextStyle{}, text);
    return {{"text", std::move(text)}};
  }

 private:
  // At a begin marker: the container, up to its end marker (or the span's
  // end, when a printer stopped inside it).
  nlohmann::json container() {
    bool is_struct = v_[i_].kind == ValueKind::struct_begin;
    std::string_view call =
        v_[i_].kind == ValueKind::call_begin ? values_.text_of(v_[i_]) : std::string_view{};
    bool is_call = v_[i_].kind == ValueKind::call_begin;
    bool complement = (v_[i_].style & array_style::complement) != 0 && !is_struct && !is_call;
    ++i_;
    nlohmann::json items = is_struct ? nlohmann::json::object() : nlohmann::json::array();
    bool more = false;
    while (i_ < v_.size()) {
      ValueKind k = v_[i_].kind;
      if (ends_container(k)) {
        ++i_;
        break;
      }
      if (k == ValueKind::more) {
        more = true;
        ++i_;
        continue;
      }
      std::string name = k == ValueKind::field ? std::string(values_.text_of(v_[i_])) : "";
      if (k == ValueKind::field || k == ValueKind::item) ++i_;
      nlohmann::json value = group();
      // A member without a name (inet_pton(...) in a sockaddr_in6) is
      // known by its form's name.
      if (is_struct && name.empty() && value.contains("call")) name = value["call"];
      if (is_struct)
        items[name] = std::move(value);
      else
        items.push_back(std::move(value));
    }
    if (is_call) return {{"call", call}, {"args", std::move(items)}};
    nlohmann::json j{{is_struct ? "struct" : "array", std::move(items)}};
    if (more) j["more"] = true;
    if (complement) j["complement"] = true;
    return j;
  }

  void skip_container() {
    int depth = 0;
    do {
      ValueKind k = v_[i_].kind;
      if (begins_container(k)) ++depth;
      if (ends_container(k)) --depth;
      ++i_;
    } while (i_ < v_.size() && depth > 0);
  }

  ValueSpan values_;
  std::span<const Value> v_;
  std::size_t i_ = 0;
};

}  // namespace

nlohmann::json bytes_json(std::string_view bytes, const char** encoding) {
  *encoding = nullptr;
  if (valid_utf8(bytes)) return std::string(bytes);
  *encoding = "latin1";
  std::string utf8;
  utf8.reserve(bytes.size() * 2);
  for (char ch : bytes) {
    auto c = static_cast<unsigned char>(ch);
    if (c < 0x80) {
      utf8 += ch;
    } else {
      utf8 += static_cast<char>(0xc0 | (c >> 6));
      utf8 += static_cast<char>(0x80 | (c & 0x3f));
    }
  }
  return utf8;
}

nlohmann::json value_json(ValueSpan values) {
  if (values.typed()) return one_json(values, values.values().front());
  // A structure or an array; else text, or text around values: the strace
  // text of the whole argument.
  return Tree(values).all();
}

std::string dump_line(const nlohmann::json& doc) {
  return doc.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace xtrace
