#include "xtrace/injector.hpp"

#include <algorithm>
#include <random>

#include <fmt/format.h>

#include "arg_match.hpp"
#include "tracee_write.hpp"
#include "xtrace/diagnostic.hpp"
#include "xtrace/short_io.hpp"

namespace xtrace {
namespace {

// splitmix64's finalizer: a well-mixed 64-bit hash of a 64-bit value.
std::uint64_t mix(std::uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

std::uint32_t counter_key(std::size_t rule, SysId id) {
  return static_cast<std::uint32_t>(rule) << 16 | id;
}

std::uint64_t random_seed() {
  std::random_device rd;
  // Small enough to copy from a CI log by eye.
  return std::uniform_int_distribution<std::uint64_t>(1, 0xffffffffULL)(rd);
}

}  // namespace

Injector::Injector(InjectOptions opts, std::uint64_t seed, std::string program_name)
    : opts_(std::move(opts)),
      seed_(seed),
      program_name_(std::move(program_name)),
      stats_(opts_.rules.size()),
      seen_(kSysCount),
      memory_(std::make_unique<ProcessMemory>(0)) {}

std::unique_ptr<Injector> Injector::create(const InjectOptions& opts,
                                           const std::string& program_name, std::FILE* diag) {
  if (opts.rules.empty()) return nullptr;
  std::uint64_t seed = opts.seed.value_or(0);
  if (!opts.seed && opts.any_random()) {
    seed = random_seed();
    diagnose(program_name, fmt::format("inject seed {}", seed), diag);
  }
  return std::make_unique<Injector>(opts, seed, program_name);
}

Injector::Task& Injector::task(pid_t tid) {
  auto [it, inserted] = tasks_.try_emplace(tid);
  if (inserted) it->second.ordinal = next_ordinal_++;
  return it->second;
}

void Injector::forget(pid_t tid) {
  tasks_.erase(tid);
}

bool Injector::arguments_match(const InjectRule& rule, const SyscallEvent& ev) {
  if (rule.fd && !inject::fd_argument_matches(ev, *rule.fd)) return false;
  if (rule.path) {
    memory_->set_pid(ev.tid);
    if (!inject::path_argument_matches(ev, *rule.path, *memory_)) return false;
  }
  return true;
}

// The n-th matching call of a task is a pure function of the seed, the rule,
// the task's ordinal, the syscall and n: another thread's timing cannot
// change which calls fail.
bool Injector::draw(std::size_t rule, const Task& task, SysId id, std::uint64_t index) const {
  const InjectRule& r = opts_.rules[rule];
  std::uint64_t h = mix(r.seed.value_or(seed_));
  h = mix(h ^ rule);
  h = mix(h ^ task.ordinal);
  h = mix(h ^ id);
  h = mix(h ^ index);
  double uniform = static_cast<double>(h >> 11) * 0x1.0p-53;  // [0, 1)
  return uniform * 100.0 < *r.prob;
}

void Injector::on_entry(ThreadState& t) {
  SyscallEvent& ev = t.event;
  ev.injected = ev.injected_result = ev.injected_args = ev.delayed = false;
  auto id = lookup(ev.arch, ev.nr);
  if (!id) return;
  ++seen_[*id];
  Task& task = this->task(t.tid);
  task.firing = -1;
  // As in strace, the last rule given that names a syscall replaces the
  // earlier ones for it.  A rule that also tests arguments (path=, fd=) or
  // shortens (short=) covers only the calls it applies to: for the others,
  // the rules before it still stand.
  for (std::size_t r = opts_.rules.size(); r-- > 0;) {
    const InjectRule& rule = opts_.rules[r];
    if (!rule.syscalls.contains_number(ev.arch, ev.nr)) continue;
    ++stats_[r].set_calls;
    if (rule.shorten && !inject::short_count_arg(*id)) continue;
    if (rule.matches_arguments() && !arguments_match(rule, ev)) continue;
    ++stats_[r].matched;
    std::uint32_t& n = task.counts[counter_key(r, *id)];
    if (n < UINT32_MAX) ++n;
    if (rule.when.fires_on(n) && (!rule.prob || draw(r, task, *id, n)))
      task.firing = static_cast<int>(r);
    break;
  }
  if (task.firing < 0) return;
  ++stats_[static_cast<std::size_t>(task.firing)].fired;
  fire_at_entry(t, opts_.rules[static_cast<std::size_t>(task.firing)]);
}

void Injector::fire_at_entry(ThreadState& t, const InjectRule& rule) {
  SyscallEvent& ev = t.event;
  ev.injected = true;
  if (rule.fakes_result()) {
    // A replacement the call's personality does not number (an i386 or
    // x32 call) runs nothing, as -1 would.
    auto replacement = rule.replacement ? number(ev.arch, *rule.replacement) : std::nullopt;
    bool ok =
        replacement ? arch::set_syscall_number(t.tid, *replacement) : arch::skip_syscall(t.tid);
    if (ok)
      ev.injected_result = true;
    else
      warn(fmt::format("cannot tamper with the syscall of process {}", t.tid));
  }
  if (rule.shorten) {
    int arg = *inject::short_count_arg(*lookup(ev.arch, ev.nr));
    std::uint64_t count = ev.args[static_cast<std::size_t>(arg)];
    std::uint64_t lowered = rule.shorten->apply(count);
    if (lowered < count && arch::set_argument(t.tid, arg, lowered)) ev.injected_args = true;
  }
  poke(t, rule.poke_enter);
  if (rule.signal != 0) t.resume_signal = rule.signal;
  if (rule.delay_enter) {
    t.resume_delay = std::chrono::duration_cast<Clock::duration>(*rule.delay_enter);
    ev.delayed = true;
  }
}

void Injector::on_exit(ThreadState& t) {
  auto it = tasks_.find(t.tid);
  if (it == tasks_.end() || it->second.firing < 0) return;
  const InjectRule& rule = opts_.rules[static_cast<std::size_t>(it->second.firing)];
  it->second.firing = -1;
  SyscallEvent& ev = t.event;
  if (ev.injected_result) {
    std::int64_t value = rule.error ? -static_cast<std::int64_t>(*rule.error) : *rule.retval;
    if (arch::set_return(t.tid, value)) {
      ev.rval = value;
      ev.is_error = rule.error.has_value();
    } else {
      ev.injected_result = false;
      warn(fmt::format("cannot set the result of process {}", t.tid));
    }
  }
  poke(t, rule.poke_exit);
  if (rule.delay_exit) {
    t.resume_delay = std::chrono::duration_cast<Clock::duration>(*rule.delay_exit);
    ev.delayed = true;
  }
}

void Injector::on_unfinished(ThreadState& t) {
  if (auto it = tasks_.find(t.tid); it != tasks_.end()) it->second.firing = -1;
}

void Injector::poke(ThreadState& t, const std::vector<InjectPoke>& pokes) {
  SyscallEvent& ev = t.event;
  for (const auto& p : pokes) {
    if (ev.desc == nullptr || p.arg >= ev.desc->nargs) {
      warn(fmt::format("cannot poke argument #{} of {}: it has only {} arguments", p.arg + 1,
                       ev.desc != nullptr ? ev.desc->name : "?",
                       ev.desc != nullptr ? ev.desc->nargs : 0));
      continue;
    }
    if (inject::write_tracee(t.tid, ev.args[static_cast<std::size_t>(p.arg)], p.data))
      ev.injected_args = true;
    else
      warn(fmt::format("cannot poke argument #{} of {} in process {}", p.arg + 1, ev.desc->name,
                       t.tid));
  }
}

void Injector::warn(const std::string& message) {
  if (std::find(warned_.begin(), warned_.end(), message) != warned_.end()) return;
  warned_.push_back(message);
  diagnose(program_name_, message);
}

void Injector::report(std::FILE* diag) const {
  for (const auto& line : inject_report(opts_, stats_, seen_, traced_))
    diagnose(program_name_, line, diag);
  std::fflush(diag);
}

}  // namespace xtrace
