#include "qualifiers.hpp"

#include <array>

#include <fmt/format.h>

#include "decode_options.hpp"
#include "inject_options.hpp"
#include "process_options.hpp"
#include "report_options.hpp"

namespace xtrace::cli {
namespace {

// Qualifiers of strace that xtrace does not implement: refused by name,
// before anything runs, rather than read as a syscall set.
void qualify_kvm(std::string_view value, Options&) {
  if (value == "vcpu" || value == "vcpu+")
    throw UsageError(fmt::format(
        "-e kvm={} is not supported: xtrace does not decode KVM_RUN exit reasons", value));
  throw UsageError(fmt::format("invalid -e kvm= argument: '{}'", value));
}

void qualify_namespace(std::string_view value, Options& opts) {
  if (value != "new") throw UsageError(fmt::format("invalid -e namespace= argument: '{}'", value));
  opts.decode.new_namespaces = true;
}

void qualify_secontext(std::string_view, Options&) {
  throw UsageError(
      "SELinux context printing (--secontext option) is not supported by this build of xtrace");
}

// One row per qualifier; aliases are rows of their own (strace accepts
// "t" for trace, "s" for signal, ...).  The handlers are added by the
// parts of xtrace they configure.
constexpr std::array kQualifiers{
    Qualifier{"trace", qualify_trace},
    Qualifier{"t", qualify_trace},
    Qualifier{"status", qualify_status},
    Qualifier{"signal", qualify_signal},
    Qualifier{"signals", qualify_signal},
    Qualifier{"s", qualify_signal},
    Qualifier{"trace-fds", qualify_trace_fds},
    Qualifier{"trace-fd", qualify_trace_fds},
    Qualifier{"fds", qualify_trace_fds},
    Qualifier{"fd", qualify_trace_fds},
    Qualifier{"quiet", qualify_quiet},
    Qualifier{"silent", qualify_quiet},
    Qualifier{"silence", qualify_quiet},
    Qualifier{"q", qualify_quiet},
    Qualifier{"inject", qualify_inject},
    Qualifier{"fault", qualify_fault},
    Qualifier{"abbrev", qualify_abbrev},
    Qualifier{"a", qualify_abbrev},
    Qualifier{"verbose", qualify_verbose},
    Qualifier{"v", qualify_verbose},
    Qualifier{"raw", qualify_raw},
    Qualifier{"x", qualify_raw},
    Qualifier{"read", qualify_read},
    Qualifier{"reads", qualify_read},
    Qualifier{"r", qualify_read},
    Qualifier{"write", qualify_write},
    Qualifier{"writes", qualify_write},
    Qualifier{"w", qualify_write},
    Qualifier{"decode-fd", qualify_decode_fds},
    Qualifier{"decode-fds", qualify_decode_fds},
    Qualifier{"decode-pid", qualify_decode_pids},
    Qualifier{"decode-pids", qualify_decode_pids},
    Qualifier{"kvm", qualify_kvm},
    Qualifier{"namespace", qualify_namespace},
    Qualifier{"secontext", qualify_secontext},
};

const Qualifier* find_qualifier(std::string_view name) {
  for (const auto& q : kQualifiers)
    if (q.name == name) return &q;
  return nullptr;
}

}  // namespace

void apply_qualifier(std::string_view expression, Options& opts) {
  std::size_t eq = expression.find('=');
  std::string_view name = eq == std::string_view::npos ? "trace" : expression.substr(0, eq);
  std::string_view value = eq == std::string_view::npos ? expression : expression.substr(eq + 1);
  const Qualifier* q = find_qualifier(name);
  // strace reads an unknown NAME=... as a syscall set (and so rejects
  // "-e tarce=open" as "invalid system call 'tarce=open'").
  if (q == nullptr) {
    q = find_qualifier("trace");
    value = expression;
  }
  q->apply(value, opts);
}

}  // namespace xtrace::cli
