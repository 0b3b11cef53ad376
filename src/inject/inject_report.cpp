// The report on exit about rules that never fired.  A chaos test that
// injects into `open` passes without testing anything on a C library that
// calls `openat`; this is where xtrace says so, and names what did run.
#include <algorithm>
#include <array>
#include <initializer_list>
#include <string_view>

#include <fmt/format.h>

#include "xtrace/injector.hpp"

namespace xtrace {
namespace {

using Group = std::initializer_list<SysId>;

// Syscalls that do one job under several names (old and new, with and
// without a directory fd, vectored or not); names that contain one another
// (open and openat) are related without being listed.
const std::initializer_list<Group> kRelatedGroups = {
    {SysId::open, SysId::openat, SysId::openat2, SysId::creat},
    {SysId::stat, SysId::lstat, SysId::fstat, SysId::newfstatat, SysId::statx},
    {SysId::fork, SysId::vfork, SysId::clone, SysId::clone3},
    {SysId::wait4, SysId::waitid},
    {SysId::select, SysId::pselect6, SysId::poll, SysId::ppoll},
    {SysId::access, SysId::faccessat, SysId::faccessat2},
    {SysId::unlink, SysId::unlinkat, SysId::rmdir},
    {SysId::rename, SysId::renameat, SysId::renameat2},
    {SysId::chmod, SysId::fchmod, SysId::fchmodat, SysId::fchmodat2},
    {SysId::chown, SysId::lchown, SysId::fchown, SysId::fchownat},
    {SysId::read, SysId::pread64, SysId::readv, SysId::preadv, SysId::preadv2},
    {SysId::write, SysId::pwrite64, SysId::writev, SysId::pwritev, SysId::pwritev2},
    {SysId::sendto, SysId::sendmsg, SysId::sendmmsg, SysId::write},
    {SysId::recvfrom, SysId::recvmsg, SysId::recvmmsg, SysId::read},
    {SysId::utime, SysId::utimes, SysId::utimensat, SysId::futimesat},
    {SysId::time, SysId::gettimeofday, SysId::clock_gettime},
    {SysId::nanosleep, SysId::clock_nanosleep},
    {SysId::getrlimit, SysId::setrlimit, SysId::prlimit64},
    {SysId::truncate, SysId::ftruncate},
    {SysId::epoll_wait, SysId::epoll_pwait, SysId::epoll_pwait2},
};

// Classes worth suggesting, most specific to a chaos test first.
constexpr std::array<std::pair<std::uint32_t, std::string_view>, 9> kSuggestedClasses{{
    {cls::file, "%file"},
    {cls::network, "%network"},
    {cls::desc, "%desc"},
    {cls::process, "%process"},
    {cls::signal, "%signal"},
    {cls::ipc, "%ipc"},
    {cls::memory, "%memory"},
    {cls::creds, "%creds"},
    {cls::clock, "%clock"},
}};

bool in_group(const Group& g, SysId id) {
  return std::find(g.begin(), g.end(), id) != g.end();
}

bool related(SysId a_id, SysId b_id) {
  if (a_id == b_id) return false;
  std::string_view a = describe(a_id).name;
  std::string_view b = describe(b_id).name;
  std::string_view shorter = a.size() < b.size() ? a : b;
  std::string_view longer = a.size() < b.size() ? b : a;
  if (shorter.size() >= 4 && longer.find(shorter) != std::string_view::npos) return true;
  for (const auto& g : kRelatedGroups)
    if (in_group(g, a_id) && in_group(g, b_id)) return true;
  return false;
}

struct Suggestion {
  SysId id;
  std::uint64_t calls;
};

// The syscalls a rule names: its set, plus the names in its text that this
// architecture lacks (on aarch64 `open` selects nothing, as in strace, yet
// is what the suggestions start from).
std::vector<SysId> named_calls(const InjectRule& rule) {
  std::vector<SysId> out;
  for (SysId s : all_sys_ids())
    if (rule.syscalls.contains(s)) out.push_back(s);
  std::string_view text = rule.set_text;
  while (!text.empty()) {
    std::size_t comma = text.find(',');
    auto id = find_syscall(text.substr(0, comma));
    if (id && !rule.syscalls.contains(*id)) out.push_back(*id);
    text = comma == std::string_view::npos ? std::string_view{} : text.substr(comma + 1);
  }
  return out;
}

// Syscalls that ran, are not in the rule's set, and are related to one it names.
std::vector<Suggestion> related_calls(const InjectRule& rule,
                                      const std::vector<std::uint64_t>& seen,
                                      std::uint32_t& shared_classes) {
  std::vector<Suggestion> out;
  std::vector<SysId> named = named_calls(rule);
  shared_classes = ~0u;
  for (SysId c : all_sys_ids()) {
    if (seen[c] == 0 || rule.syscalls.contains(c)) continue;
    for (SysId s : named) {
      if (!related(s, c)) continue;
      out.push_back({c, seen[c]});
      shared_classes &= describe(s).classes & describe(c).classes;
      break;
    }
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const Suggestion& a, const Suggestion& b) { return a.calls > b.calls; });
  if (out.size() > 3) out.resize(3);
  return out;
}

std::string never_matched(const InjectRule& rule, std::string_view what,
                          const std::vector<std::uint64_t>& seen) {
  std::string line = fmt::format("{} rule '{}' never matched", what, rule.set_text);
  std::uint32_t classes = 0;
  auto suggestions = related_calls(rule, seen, classes);
  if (suggestions.empty()) return line;
  std::string called;
  std::string names;
  for (const auto& s : suggestions) {
    if (!called.empty()) {
      called += ", ";
      names += ',';
    }
    fmt::format_to(std::back_inserter(called), "{} {} time{}", describe(s.id).name, s.calls,
                   s.calls == 1 ? "" : "s");
    names += describe(s.id).name;
  }
  fmt::format_to(std::back_inserter(line), "; this program called {} (did you mean -e {}={}",
                 called, what, names);
  for (const auto& [bit, name] : kSuggestedClasses) {
    if ((classes & bit) == 0) continue;
    fmt::format_to(std::back_inserter(line), " or {}={}", what, name);
    break;
  }
  line += "?)";
  return line;
}

std::string argument_conditions(const InjectRule& rule) {
  std::string out;
  if (rule.path) out += fmt::format("path={}", *rule.path);
  if (rule.fd) out += fmt::format("{}fd={}", out.empty() ? "" : " and ", *rule.fd);
  return out;
}

// Why a rule saw no call at all, when the command line says it: the trace
// set hides every syscall it names, or later rules replace it for each.
std::string unreachable(const InjectOptions& opts, std::size_t r, const SyscallSet& traced) {
  const InjectRule& rule = opts.rules[r];
  bool any_named = false;
  bool any_traced = false;
  bool all_replaced = true;
  for (SysId s : all_sys_ids()) {
    if (!rule.syscalls.contains(s)) continue;
    any_named = true;
    if (!traced.contains(s)) continue;
    any_traced = true;
    auto later = opts.rules.begin() + static_cast<std::ptrdiff_t>(r) + 1;
    all_replaced = all_replaced && std::any_of(later, opts.rules.end(), [s](const InjectRule& o) {
                     return o.syscalls.contains(s) && !o.matches_arguments() && !o.shorten;
                   });
  }
  // A rule that names only calls this architecture lacks is for the
  // suggestions, not the trace set.
  if (!any_named) return {};
  if (!any_traced) return "-e trace= hides every call it names";
  if (all_replaced) return "later rules replace it for every call it names";
  return {};
}

}  // namespace

std::vector<std::string> inject_report(const InjectOptions& opts,
                                       const std::vector<InjectRuleStats>& stats,
                                       const std::vector<std::uint64_t>& seen,
                                       const SyscallSet& traced) {
  std::vector<std::string> lines;
  for (std::size_t r = 0; r < opts.rules.size(); ++r) {
    const InjectRule& rule = opts.rules[r];
    const InjectRuleStats& st = stats[r];
    std::string_view what = rule.fault ? "fault" : "inject";
    if (st.fired > 0) continue;
    if (st.matched > 0)
      lines.push_back(fmt::format("{} rule '{}' matched {} call{} but never fired", what, rule.text,
                                  st.matched, st.matched == 1 ? "" : "s"));
    else if (st.set_calls > 0)
      lines.push_back(fmt::format(
          "{} rule '{}' never matched: its syscalls ran {} time{}, "
          "never with {}",
          what, rule.set_text, st.set_calls, st.set_calls == 1 ? "" : "s",
          rule.matches_arguments() ? argument_conditions(rule) : "a count short= can lower"));
    else if (std::string why = unreachable(opts, r, traced); !why.empty())
      lines.push_back(fmt::format("{} rule '{}' never matched: {}", what, rule.set_text, why));
    else
      lines.push_back(never_matched(rule, what, seen));
  }
  return lines;
}

}  // namespace xtrace
