// strace's syscall set syntax (basic_filters.c: qualify_syscall_tokens and
// friends), over xtrace's arch-neutral table.
#include "xtrace/syscall_set.hpp"

#include <regex.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <climits>
#include <string>

#include <fmt/format.h>

#include "compat_syscalls.hpp"
#include "xtrace/diagnostic.hpp"

namespace xtrace {
namespace {

using filter::Personality;

struct ClassName {
  std::string_view name;
  std::uint32_t bits;  // a syscall is in the class when it has all of them
};

// strace's syscall_class table, with its legacy bare names; "all" is the
// class every named syscall belongs to.
constexpr std::array<ClassName, 26> kClasses{{
    {"%desc", cls::desc},
    {"%file", cls::file},
    {"%memory", cls::memory},
    {"%process", cls::process},
    {"%signal", cls::signal},
    {"%ipc", cls::ipc},
    {"%network", cls::network},
    {"%net", cls::network},
    {"%creds", cls::creds},
    {"%clock", cls::clock},
    {"%stat", cls::stat},
    {"%lstat", cls::lstat},
    {"%fstat", cls::fstat},
    {"%%stat", cls::stat_like},
    {"%statfs", cls::statfs},
    {"%fstatfs", cls::fstatfs},
    {"%%statfs", cls::statfs_like},
    {"%pure", cls::pure},
    {"all", 0},
    {"desc", cls::desc},
    {"file", cls::file},
    {"memory", cls::memory},
    {"process", cls::process},
    {"signal", cls::signal},
    {"ipc", cls::ipc},
    {"network", cls::network},
}};

const ClassName* find_class(std::string_view name) {
  auto it = std::find_if(kClasses.begin(), kClasses.end(),
                         [&](const ClassName& c) { return c.name == name; });
  return it == kClasses.end() ? nullptr : &*it;
}

// RAII for a compiled POSIX regex.
class Regex {
 public:
  explicit Regex(const std::string& pattern) {
    int rc = regcomp(&re_, pattern.c_str(), REG_EXTENDED | REG_NOSUB);
    if (rc != 0) {
      std::array<char, 512> msg{};
      regerror(rc, &re_, msg.data(), msg.size());
      throw UsageError(fmt::format("regcomp: {}: {}", pattern, msg.data()));
    }
  }
  ~Regex() { regfree(&re_); }
  Regex(const Regex&) = delete;
  Regex& operator=(const Regex&) = delete;
  bool matches(std::string_view name) const {
    std::string s(name);
    return regexec(&re_, s.c_str(), 0, nullptr, 0) == 0;
  }

 private:
  regex_t re_{};
};

// Each x32 number of a native-only row, with its syscall: strace's
// NAME#64 entries, which only numbers, classes, regexes and their own
// NAME#64 select.
template <typename Fn>
void for_each_x32_native_only(Fn fn) {
  for (std::size_t i = 0; i < table_size(Arch::x32); ++i) {
    std::int64_t nr = static_cast<std::int64_t>(i) | kX32SyscallBit;
    if (!x32_native_only(nr)) continue;
    if (auto id = lookup(Arch::x32, nr)) fn(nr, *id);
  }
}

// One token, for one personality.  Each returns whether it named something.
class TokenParser {
 public:
  TokenParser(SyscallSet& set, Arch arch) : set_(set), arch_(arch) {}

  bool number(std::string_view text, Personality p) {
    unsigned value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size() || value > INT_MAX) return false;
    if (p != Personality::native) {
      // A compat number is checked, not selected: the set is one per name,
      // and i386's 4 (write) must not select the native write.  x32's
      // native-only rows are the exception, kept apart by number.
      std::int64_t x32_nr = static_cast<std::int64_t>(value) | kX32SyscallBit;
      if (decoded_arch(p) == Arch::x32 && x32_native_only(x32_nr))
        set_.add_number(Arch::x32, x32_nr);
      return value < filter::compat_table_size(p);
    }
    if (value >= table_size(arch_)) return false;
    set_.add_number(arch_, value);
    return true;
  }

  bool regex(const Regex& re, Personality p) {
    if (p != Personality::native && !decoded_arch(p)) {
      bool found = false;
      filter::for_each_compat_name(p, [&](std::string_view n) { found = found || re.matches(n); });
      return found;
    }
    Arch arch = decoded_arch(p).value_or(arch_);
    bool found = false;
    for (SysId id : all_sys_ids()) {
      if (!has_number(arch, id) || !re.matches(describe(id).name)) continue;
      set_.add(id);
      found = true;
    }
    if (arch == Arch::x32) {
      for_each_x32_native_only([&](std::int64_t nr, SysId id) {
        if (!re.matches(native_only_name(id))) return;
        set_.add_number(Arch::x32, nr);
        found = true;
      });
    }
    return found;
  }

  bool syscall_class(std::string_view name, Personality p) {
    const ClassName* c = find_class(name);
    if (c == nullptr) return false;
    if (p != Personality::native && !decoded_arch(p)) return true;
    Arch arch = decoded_arch(p).value_or(arch_);
    auto in_class = [&](SysId id) { return (describe(id).classes & c->bits) == c->bits; };
    for (SysId id : all_sys_ids())
      if (has_number(arch, id) && in_class(id)) set_.add(id);
    if (arch == Arch::x32) {
      for_each_x32_native_only([&](std::int64_t nr, SysId id) {
        if (in_class(id)) set_.add_number(Arch::x32, nr);
      });
    }
    return true;
  }

  bool name(std::string_view name, Personality p) {
    if (p != Personality::native && !decoded_arch(p)) return filter::compat_has_name(p, name);
    Arch arch = decoded_arch(p).value_or(arch_);
    if (arch == Arch::x32 && name.ends_with("#64")) {
      bool found = false;
      for_each_x32_native_only([&](std::int64_t nr, SysId id) {
        if (native_only_name(id) != name) return;
        set_.add_number(Arch::x32, nr);
        found = true;
      });
      return found;
    }
    auto id = find_syscall(name);
    if (!id || !has_number(arch, *id)) return false;
    set_.add(*id);
    return true;
  }

 private:
  // On x86_64, @32 is i386 and @x32 is x32, whose calls xtrace decodes:
  // their names select the calls of that name.  The set is one per name, so
  // `write@64` also selects i386's and x32's write (strace keeps a set per
  // personality).  aarch64's @32 (arm) has no table: its names are only
  // checked.
  std::optional<Arch> decoded_arch(Personality p) const {
    if (arch_ != Arch::x86_64 || p == Personality::native) return std::nullopt;
    return p == Personality::compat32 ? Arch::i386 : Arch::x32;
  }
  static bool has_number(Arch arch, SysId id) { return xtrace::number(arch, id).has_value(); }

  SyscallSet& set_;
  Arch arch_;
};

std::vector<Personality> personalities(Arch arch) {
  if (arch == Arch::x86_64) return {Personality::native, Personality::compat32, Personality::x32};
  return {Personality::native, Personality::compat32};
}

// strace's qualify_syscall: [?]...TOKEN[@PERS].
bool qualify_token(std::string_view token, SyscallSet& set, Arch arch) {
  bool ignore_fail = false;
  while (!token.empty() && token.front() == '?') {
    token.remove_prefix(1);
    ignore_fail = true;
  }
  std::string_view body = token;
  std::vector<Personality> pers = personalities(arch);
  if (auto at = token.rfind('@'); at != std::string_view::npos) {
    std::string_view designator = token.substr(at + 1);
    auto p = filter::personality_by_designator(arch, designator);
    if (!p)
      throw UsageError::with_help(fmt::format(
          "incorrect personality designator '{}' in qualification '{}'", designator, token));
    pers = {*p};
    body = token.substr(0, at);
  }

  TokenParser parser(set, arch);
  bool found = false;
  if (!body.empty() && body.front() >= '0' && body.front() <= '9') {
    for (Personality p : pers) found = parser.number(body, p) || found;
  } else if (!body.empty() && body.front() == '/') {
    Regex re{std::string(body.substr(1))};
    for (Personality p : pers) found = parser.regex(re, p) || found;
  } else {
    for (Personality p : pers)
      found = parser.syscall_class(body, p) || parser.name(body, p) || found;
  }
  return found || ignore_fail;
}

}  // namespace

SyscallSet SyscallSet::everything() {
  SyscallSet set;
  set.invert();
  return set;
}

bool SyscallSet::contains_number(Arch arch, std::int64_t nr) const noexcept {
  if (arch == Arch::x32 && x32_native_only(nr))
    return x32_native_only_.test(static_cast<std::size_t>(nr & ~kX32SyscallBit)) != inverted_;
  if (auto id = lookup(arch, nr)) return contains(*id);
  // Named numbers are native ones: an i386 number no table knows is in the
  // set only when the set is an inversion.
  bool named =
      arch != Arch::i386 && std::find(numbers_.begin(), numbers_.end(), nr) != numbers_.end();
  return named != inverted_;
}

void SyscallSet::add_number(Arch arch, std::int64_t nr) {
  if (arch == Arch::x32 && x32_native_only(nr)) {
    x32_native_only_.set(static_cast<std::size_t>(nr & ~kX32SyscallBit));
  } else if (auto id = lookup(arch, nr)) {
    add(*id);
  } else if (std::find(numbers_.begin(), numbers_.end(), nr) == numbers_.end()) {
    numbers_.push_back(nr);
  }
}

SyscallSet parse_syscall_set(std::string_view spec, Arch arch) {
  SyscallSet set;
  std::string_view rest = spec;
  // Each leading ! inverts the rest of the specification.
  while (!rest.empty() && rest.front() == '!') {
    set.invert();
    rest.remove_prefix(1);
  }
  if (rest == "none") return set;
  if (rest == "all") {
    set.invert();
    return set;
  }
  bool done = false;
  while (!rest.empty()) {
    std::size_t comma = rest.find(',');
    std::string_view token = rest.substr(0, comma);
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
    if (token.empty()) continue;  // strtok: "open,,read" is "open,read"
    done = qualify_token(token, set, arch);
    if (!done) throw UsageError(fmt::format("invalid system call '{}'", token));
  }
  if (!done) throw UsageError(fmt::format("invalid system call '{}'", spec));
  return set;
}

}  // namespace xtrace
