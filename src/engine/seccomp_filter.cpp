#include "xtrace/seccomp_filter.hpp"

#include <linux/audit.h>
#include <linux/seccomp.h>
#include <sys/prctl.h>

#include <cerrno>
#include <climits>
#include <cstddef>
#include <cstdint>

#include "xtrace/path_args.hpp"
#include "xtrace/syscall_table.hpp"

namespace xtrace::seccomp {
namespace {

constexpr std::uint32_t kArchOffset = offsetof(seccomp_data, arch);
constexpr std::uint32_t kNrOffset = offsetof(seccomp_data, nr);

std::uint32_t audit_arch(Arch arch) {
  return arch == Arch::aarch64 ? AUDIT_ARCH_AARCH64 : AUDIT_ARCH_X86_64;
}

// -P and --trace-fds show only calls that name a file (path_args.hpp).
bool can_name_a_file(SysId id) {
  filter::PathArgs a = filter::path_args(id);
  return a.fds != 0 || a.paths != 0 || a.source != filter::FdSource::args;
}

bool is_exec(SysId id) {
  return id == SysId::execve || id == SysId::execveat;
}

// Builds the program front to back.  BPF jumps only go forward, by at most
// 255 instructions; jumps to the two verdicts at the end are patched once
// the end is known.
class Emitter {
 public:
  enum class Verdict { allow, trace };

  void statement(std::uint16_t code, std::uint32_t k) { code_.push_back(BPF_STMT(code, k)); }
  // A conditional jump; its targets are set later (patch_true) or are verdicts.
  std::size_t jump(std::uint16_t op, std::uint32_t k) {
    code_.push_back(BPF_JUMP(BPF_JMP | op | BPF_K, k, 0, 0));
    return code_.size() - 1;
  }
  void on_true(std::size_t at, Verdict v) { fixups_.push_back({at, Branch::on_true, v}); }
  void on_false(std::size_t at, Verdict v) { fixups_.push_back({at, Branch::on_false, v}); }
  void always(Verdict v) {
    statement(BPF_JMP | BPF_JA, 0);
    fixups_.push_back({code_.size() - 1, Branch::always, v});
  }
  // The true branch of the jump at `at` goes to the next instruction emitted.
  bool true_to_here(std::size_t at) { return set_offset(code_[at].jt, code_.size() - at - 1); }
  std::size_t size() const { return code_.size(); }

  // Appends the verdicts and resolves every jump to them; empty when some
  // offset does not fit.
  std::vector<sock_filter> finish() {
    std::size_t allow = code_.size();
    statement(BPF_RET | BPF_K, SECCOMP_RET_ALLOW);
    statement(BPF_RET | BPF_K, SECCOMP_RET_TRACE);
    for (const Fixup& f : fixups_) {
      std::size_t target = f.verdict == Verdict::allow ? allow : allow + 1;
      std::size_t offset = target - f.at - 1;
      sock_filter& insn = code_[f.at];
      bool ok = f.branch == Branch::always    ? (insn.k = static_cast<std::uint32_t>(offset), true)
                : f.branch == Branch::on_true ? set_offset(insn.jt, offset)
                                              : set_offset(insn.jf, offset);
      if (!ok) return {};
    }
    return code_;
  }
  bool overflowed() const { return overflow_; }

 private:
  enum class Branch { on_true, on_false, always };
  struct Fixup {
    std::size_t at;
    Branch branch;
    Verdict verdict;
  };
  bool set_offset(std::uint8_t& field, std::size_t offset) {
    if (offset > UCHAR_MAX) {
      overflow_ = true;
      return false;
    }
    field = static_cast<std::uint8_t>(offset);
    return true;
  }

  std::vector<sock_filter> code_;
  std::vector<Fixup> fixups_;
  bool overflow_ = false;
};

// A holds the word index nr / 32 and X the bit 1 << nr % 32: a binary
// search on A over words [lo, hi) ends in a test of X against that word.
void search_words(Emitter& e, const std::vector<std::uint32_t>& words, std::size_t lo,
                  std::size_t hi) {
  using V = Emitter::Verdict;
  if (hi - lo == 1) {
    std::uint32_t mask = words[lo];
    if (mask == 0) {
      e.always(V::allow);
    } else if (mask == UINT32_MAX) {
      e.always(V::trace);
    } else {
      e.statement(BPF_MISC | BPF_TXA, 0);
      std::size_t test = e.jump(BPF_JSET, mask);
      e.on_true(test, V::trace);
      e.on_false(test, V::allow);
    }
    return;
  }
  std::size_t mid = lo + (hi - lo) / 2;
  std::size_t node = e.jump(BPF_JGE, static_cast<std::uint32_t>(mid));
  search_words(e, words, lo, mid);  // false: fall through to the lower half
  e.true_to_here(node);
  search_words(e, words, mid, hi);
}

}  // namespace

std::vector<bool> traced_numbers(const FilterOptions& filter, Arch arch) {
  std::vector<bool> traced(table_size(arch));
  for (std::size_t nr = 0; nr < traced.size(); ++nr) {
    auto id = lookup(arch, static_cast<std::int64_t>(nr));
    if (!id) {
      traced[nr] = true;
      continue;
    }
    bool shown = filter.trace.contains_number(arch, static_cast<std::int64_t>(nr)) &&
                 (!filter.traces_paths() || can_name_a_file(*id));
    traced[nr] = shown || is_exec(*id);
  }
  return traced;
}

std::vector<sock_filter> build_program(Arch arch, const std::vector<bool>& traced) {
  using V = Emitter::Verdict;
  std::vector<std::uint32_t> words((traced.size() + 31) / 32);
  for (std::size_t nr = 0; nr < traced.size(); ++nr)
    if (traced[nr]) words[nr / 32] |= 1u << (nr % 32);
  Emitter e;
  e.statement(BPF_LD | BPF_W | BPF_ABS, kArchOffset);
  e.on_false(e.jump(BPF_JEQ, audit_arch(arch)), V::trace);  // compat calls
  e.statement(BPF_LD | BPF_W | BPF_ABS, kNrOffset);
  // Past the table: unknown numbers, x32's (bit 30 set) and -1.
  e.on_true(e.jump(BPF_JGE, static_cast<std::uint32_t>(traced.size())), V::trace);
  e.statement(BPF_ALU | BPF_AND | BPF_K, 31);
  e.statement(BPF_MISC | BPF_TAX, 0);
  e.statement(BPF_LD | BPF_IMM, 1);
  e.statement(BPF_ALU | BPF_LSH | BPF_X, 0);
  e.statement(BPF_MISC | BPF_TAX, 0);
  e.statement(BPF_LD | BPF_W | BPF_ABS, kNrOffset);
  e.statement(BPF_ALU | BPF_RSH | BPF_K, 5);
  if (words.empty())
    e.always(V::allow);
  else
    search_words(e, words, 0, words.size());
  if (e.overflowed()) return {};
  return e.finish();
}

bool available() {
  return prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, nullptr, 0, 0) < 0 && errno != EINVAL;
}

bool install(const std::vector<sock_filter>& program) {
  sock_fprog prog{static_cast<unsigned short>(program.size()),
                  const_cast<sock_filter*>(program.data())};
  if (prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog, 0, 0) == 0) return true;
  if (errno != EACCES) return false;
  if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0) return false;
  return prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog, 0, 0) == 0;
}

}  // namespace xtrace::seccomp
