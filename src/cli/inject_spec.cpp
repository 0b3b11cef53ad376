// The -e inject= / -e fault= parser.  strace's grammar and rules (each key at
// most once, error= and retval= exclusive, inject= needs an action, fault=
// takes only error= and when=), with a message that names the bad part.
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <string>

#include <fmt/format.h>

#include "duration.hpp"
#include "kernel_names.hpp"
#include "xtrace/decode.hpp"
#include "xtrace/inject_options.hpp"
#include "xtrace/options.hpp"
#include "xtrace/short_io.hpp"

namespace xtrace {
namespace {

constexpr int kMaxInjectSignal = 64;
constexpr std::size_t kMaxPokeBytes = 1024;  // strace's limit: 2048 hex digits
constexpr std::uint32_t kMaxWhen = 0xffff;

template <typename T>
std::optional<T> parse_unsigned(std::string_view text, int base = 10) {
  T value{};
  if (text.empty() || text.front() == '+' || text.front() == '-') return std::nullopt;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value, base);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

// Digits up to the first character of `stops`: strace's string_to_uint_ex.
std::optional<std::uint32_t> parse_when_number(std::string_view& text) {
  std::size_t n = 0;
  while (n < text.size() && text[n] >= '0' && text[n] <= '9') ++n;
  auto value = parse_unsigned<std::uint32_t>(text.substr(0, n));
  if (!value || *value < 1 || *value > kMaxWhen) return std::nullopt;
  text.remove_prefix(n);
  return value;
}

// F, F+, F+S, F..L, F..L+, F..L+S
std::optional<InjectWhen> parse_when(std::string_view text) {
  InjectWhen when;
  auto first = parse_when_number(text);
  if (!first) return std::nullopt;
  when.first = *first;
  bool has_last = text.starts_with("..");
  if (has_last) {
    text.remove_prefix(2);
    auto last = parse_when_number(text);
    if (!last || *last < when.first || *last == InjectWhen::kNoLast) return std::nullopt;
    when.last = *last;
  }
  if (text.empty()) {
    when.step = has_last ? 1 : 0;
    return when;
  }
  if (text.front() != '+') return std::nullopt;
  text.remove_prefix(1);
  if (text.empty()) {
    when.step = 1;
    return when;
  }
  auto step = parse_when_number(text);
  if (!step || !text.empty()) return std::nullopt;
  when.step = *step;
  return when;
}

std::optional<std::int64_t> parse_retval(std::string_view text) {
  std::string s(text);
  if (s.empty()) return std::nullopt;
  errno = 0;
  char* end = nullptr;
  // strace takes the value with strtoull: "-5" wraps to 2^64-5.
  unsigned long long v = std::strtoull(s.c_str(), &end, 0);
  if (end == s.c_str() || *end != '\0' || errno == ERANGE) return std::nullopt;
  return static_cast<std::int64_t>(v);
}

std::optional<double> parse_percent(std::string_view text) {
  if (text.ends_with('%')) text.remove_suffix(1);
  if (text.empty() || text.front() == '+' || text.front() == '-') return std::nullopt;
  std::string s(text);
  char* end = nullptr;
  double v = std::strtod(s.c_str(), &end);
  if (end == s.c_str() || *end != '\0' || !std::isfinite(v)) return std::nullopt;
  return v;
}

std::optional<std::vector<InjectPoke>> parse_pokes(std::string_view text) {
  std::vector<InjectPoke> pokes;
  if (text.empty()) return std::nullopt;
  while (true) {
    std::size_t comma = text.find(',');
    std::string_view item = text.substr(0, comma);
    if (!item.starts_with("@arg") || item.size() < 6 || item[4] < '1' || item[4] > '7' ||
        item[5] != '=')
      return std::nullopt;
    std::string_view hex = item.substr(6);
    if (hex.empty() || hex.size() % 2 != 0 || hex.size() / 2 > kMaxPokeBytes) return std::nullopt;
    InjectPoke poke;
    poke.arg = item[4] - '1';
    for (std::size_t i = 0; i < hex.size(); i += 2) {
      auto byte = parse_unsigned<std::uint8_t>(hex.substr(i, 2), 16);
      if (!byte) return std::nullopt;
      poke.data.push_back(*byte);
    }
    pokes.push_back(std::move(poke));
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
  return pokes;
}

std::optional<InjectShort> parse_short(std::string_view text) {
  InjectShort s;
  s.percent = text.ends_with('%');
  if (s.percent) text.remove_suffix(1);
  auto value = parse_unsigned<std::uint64_t>(text);
  if (!value || *value == 0 || (s.percent && *value >= 100)) return std::nullopt;
  s.value = *value;
  return s;
}

// One KEY=VALUE token.  Returns the reason it is bad, or empty when good.
class RuleParser {
 public:
  RuleParser(InjectRule& rule) : rule_(rule) {}

  std::string apply(std::string_view token) {
    std::size_t eq = token.find('=');
    if (eq == std::string_view::npos) return fmt::format("'{}' is not KEY=VALUE", token);
    std::string_view key = token.substr(0, eq);
    std::string_view value = token.substr(eq + 1);
    if (rule_.fault && key != "error" && key != "when" && !is_xtrace_key(key))
      return fmt::format("fault= takes only error= and when=, not {}=", key);
    for (const auto& k : kKeys) {
      if (k.name != key) continue;
      if (seen_.find(std::string(key)) != std::string::npos)
        return fmt::format("{}= given twice", key);
      seen_ += std::string(key) + ' ';
      return (this->*k.handler)(value);
    }
    return fmt::format("unknown key '{}'", key);
  }

 private:
  using Handler = std::string (RuleParser::*)(std::string_view);
  struct Key {
    std::string_view name;
    Handler handler;
  };
  static bool is_xtrace_key(std::string_view key) {
    return key == "prob" || key == "seed" || key == "path" || key == "fd";
  }

  std::string error(std::string_view v) {
    if (rule_.retval) return "error= and retval= exclude each other";
    auto err = parse_errno(v);
    if (!err) return fmt::format("unknown error '{}' (an errno name like ENOSPC, or 1..4095)", v);
    rule_.error = *err;
    return {};
  }
  std::string retval(std::string_view v) {
    if (rule_.error) return "error= and retval= exclude each other";
    auto r = parse_retval(v);
    if (!r) return fmt::format("bad retval '{}' (a number)", v);
    rule_.retval = *r;
    return {};
  }
  std::string signal(std::string_view v) {
    auto sig = parse_signal(v);
    if (!sig) return fmt::format("unknown signal '{}'", v);
    rule_.signal = *sig;
    return {};
  }
  std::string syscall(std::string_view v) {
    auto id = find_syscall(v);
    if (!id || !number(arch::native(), *id))
      return fmt::format("unknown syscall '{}' in syscall=", v);
    // As in strace: only calls without side effects may stand in.
    if ((describe(*id).classes & cls::pure) == 0)
      return fmt::format("syscall={} is not a pure syscall (getpid, gettid, getuid, ...)", v);
    rule_.replacement = *id;
    return {};
  }
  std::string delay(std::string_view v, std::optional<std::chrono::nanoseconds>& out) {
    out = parse_inject_delay(v);
    if (!out) return fmt::format("bad delay '{}' (e.g. 10ms, 1s, 500us)", v);
    return {};
  }
  std::string delay_enter(std::string_view v) { return delay(v, rule_.delay_enter); }
  std::string delay_exit(std::string_view v) { return delay(v, rule_.delay_exit); }
  std::string pokes(std::string_view v, std::vector<InjectPoke>& out) {
    auto p = parse_pokes(v);
    if (!p) return fmt::format("bad poke '{}' (@argN=HEXBYTES,..., N in 1..7)", v);
    out = std::move(*p);
    return {};
  }
  std::string poke_enter(std::string_view v) { return pokes(v, rule_.poke_enter); }
  std::string poke_exit(std::string_view v) { return pokes(v, rule_.poke_exit); }
  std::string when(std::string_view v) {
    auto w = parse_when(v);
    if (!w)
      return fmt::format("bad when '{}' (N, N+, N+STEP, N..M or N..M+STEP, N from 1 to 65535)", v);
    rule_.when = *w;
    return {};
  }
  std::string prob(std::string_view v) {
    auto p = parse_percent(v);
    if (!p || *p <= 0 || *p > 100)
      return fmt::format("bad prob '{}' (a percentage above 0 and at most 100)", v);
    rule_.prob = *p;
    return {};
  }
  std::string seed(std::string_view v) {
    auto s = parse_unsigned<std::uint64_t>(v);
    if (!s) return fmt::format("bad seed '{}' (a number)", v);
    rule_.seed = *s;
    return {};
  }
  std::string path(std::string_view v) {
    if (v.empty()) return "path= needs a glob";
    rule_.path = std::string(v);
    return {};
  }
  std::string fd(std::string_view v) {
    auto n = parse_unsigned<std::uint32_t>(v);
    if (!n || *n > static_cast<std::uint32_t>(std::numeric_limits<int>::max()))
      return fmt::format("bad fd '{}' (a descriptor number)", v);
    rule_.fd = static_cast<int>(*n);
    return {};
  }
  std::string shorten(std::string_view v) {
    auto s = parse_short(v);
    if (!s) return fmt::format("bad short '{}' (N bytes >= 1, or P% with P from 1 to 99)", v);
    rule_.shorten = *s;
    return {};
  }

  static constexpr Key kKeys[] = {
      {"error", &RuleParser::error},
      {"retval", &RuleParser::retval},
      {"signal", &RuleParser::signal},
      {"syscall", &RuleParser::syscall},
      {"delay_enter", &RuleParser::delay_enter},
      {"delay_exit", &RuleParser::delay_exit},
      {"poke_enter", &RuleParser::poke_enter},
      {"poke_exit", &RuleParser::poke_exit},
      {"when", &RuleParser::when},
      {"prob", &RuleParser::prob},
      {"seed", &RuleParser::seed},
      {"path", &RuleParser::path},
      {"fd", &RuleParser::fd},
      {"short", &RuleParser::shorten},
  };

  InjectRule& rule_;
  std::string seen_;  // "key key ..." of the keys already given
};

bool has_action(const InjectRule& r) {
  return r.fakes_result() || r.signal != 0 || r.delay_enter || r.delay_exit ||
         !r.poke_enter.empty() || !r.poke_exit.empty() || r.shorten;
}

// Checks that need the whole rule.  Returns the reason it is bad, or empty.
std::string check_rule(const InjectRule& r) {
  if (r.replacement && !r.fakes_result()) return "syscall= needs error= or retval=";
  if (!has_action(r))
    return "no action (error=, retval=, signal=, delay_enter=, delay_exit=, poke_enter=, "
           "poke_exit= or short=)";
  if (r.shorten && r.fakes_result())
    return "short= runs the call with a smaller count; it excludes error= and retval=";
  if (r.shorten && !inject::any_shortable(r.syscalls))
    return "short= needs a syscall with a byte count (read, write, pread64, pwrite64, "
           "recvfrom, sendto, ...)";
  if (r.seed && !r.prob) return "seed= needs prob=";
  return {};
}

}  // namespace

bool InjectWhen::fires_on(std::uint64_t index) const noexcept {
  if (index < first) return false;
  if (last != kNoLast && index > last) return false;
  if (step == 0) return index == first;
  return (index - first) % step == 0;
}

std::uint64_t InjectShort::apply(std::uint64_t count) const noexcept {
  // A zero count would read as end of file, which is not a short transfer.
  if (count <= 1) return count;
  std::uint64_t lowered = percent ? count / 100 * value + count % 100 * value / 100 : value;
  if (lowered < 1) lowered = 1;
  return lowered < count ? lowered : count;
}

bool InjectOptions::any_random() const noexcept {
  for (const auto& r : rules)
    if (r.prob && !r.seed) return true;
  return false;
}

// The command line's shared readers (src/cli): the same names and numbers
// as -e signal= and -O.
std::optional<int> parse_errno(std::string_view text) {
  int err = cli::errno_token(text);
  return err > 0 ? std::optional<int>(err) : std::nullopt;
}

std::optional<int> parse_signal(std::string_view text) {
  int sig = cli::signal_token(text);
  if (sig < 1 || sig > kMaxInjectSignal) return std::nullopt;
  return sig;
}

std::optional<std::chrono::nanoseconds> parse_inject_delay(std::string_view text) {
  return cli::parse_duration(text);
}

std::uint64_t parse_inject_seed(std::string_view text) {
  auto s = parse_unsigned<std::uint64_t>(text);
  if (!s)
    throw UsageError::with_help(fmt::format("invalid --seed '{}' (a number up to 2^64-1)", text));
  return *s;
}

InjectRule parse_inject_rule(std::string_view spec, bool fault) {
  const char* what = fault ? "fault" : "inject";
  auto fail = [&](const std::string& why) {
    throw UsageError(fmt::format("invalid {} argument '{}': {}", what, spec, why));
  };
  InjectRule rule;
  rule.text = std::string(spec);
  rule.fault = fault;
  std::size_t colon = spec.find(':');
  rule.set_text = std::string(spec.substr(0, colon));
  if (rule.set_text.empty()) fail("no syscall set before the first ':'");
  // The set's own errors ("invalid system call 'opn'") are strace's messages.
  rule.syscalls = parse_syscall_set(rule.set_text);
  RuleParser parser(rule);
  if (colon != std::string_view::npos) {
    std::string_view rest = spec.substr(colon + 1);
    if (rest.empty()) fail("nothing after ':'");
    while (true) {
      std::size_t next = rest.find(':');
      std::string_view token = rest.substr(0, next);
      if (token.empty()) fail("empty KEY=VALUE between ':'");
      if (std::string why = parser.apply(token); !why.empty()) fail(why);
      if (next == std::string_view::npos) break;
      rest.remove_prefix(next + 1);
    }
  }
  if (fault && !rule.fakes_result()) rule.error = ENOSYS;  // strace's default for fault=
  if (std::string why = check_rule(rule); !why.empty()) fail(why);
  return rule;
}

}  // namespace xtrace
