// Errno names and messages come from the C library; only the kernel's
// internal codes, which no C library knows, are listed here.  strace names
// them from its own table but still takes their message from strerror()
// ("Unknown error 529"), except for the four restart codes, which it prints
// as "= ? ERESTARTSYS (To be restarted if SA_RESTART is set)".
#include <string.h>

#include <array>

#include <fmt/format.h>

#include "xtrace/decode.hpp"

namespace xtrace {
namespace {

struct KernelErrno {
  int value;
  std::string_view name;
  std::string_view restart_message;  // empty: not a restart code
};

// include/linux/errno.h as strace 7.2 knows it (519 ENOPARAM, 520 and 531
// and up are nameless there): never seen by programs, but seen by a tracer when a
// signal interrupts a call, or injected with error=.
constexpr std::array kKernelErrnos{
    KernelErrno{512, "ERESTARTSYS", "To be restarted if SA_RESTART is set"},
    KernelErrno{513, "ERESTARTNOINTR", "To be restarted"},
    KernelErrno{514, "ERESTARTNOHAND", "To be restarted if no handler"},
    KernelErrno{515, "ENOIOCTLCMD", ""},
    KernelErrno{516, "ERESTART_RESTARTBLOCK", "Interrupted by signal"},
    KernelErrno{517, "EPROBE_DEFER", ""},
    KernelErrno{518, "EOPENSTALE", ""},
    KernelErrno{521, "EBADHANDLE", ""},
    KernelErrno{522, "ENOTSYNC", ""},
    KernelErrno{523, "EBADCOOKIE", ""},
    KernelErrno{524, "ENOTSUPP", ""},
    KernelErrno{525, "ETOOSMALL", ""},
    KernelErrno{526, "ESERVERFAULT", ""},
    KernelErrno{527, "EBADTYPE", ""},
    KernelErrno{528, "EJUKEBOX", ""},
    KernelErrno{529, "EIOCBQUEUED", ""},
    KernelErrno{530, "ERECALLCONFLICT", ""},
};

const KernelErrno* kernel_errno(int err) {
  for (const auto& e : kKernelErrnos)
    if (e.value == err) return &e;
  return nullptr;
}

}  // namespace

std::string_view errno_name(int err) {
  if (const auto* k = kernel_errno(err)) return k->name;
  const char* name = strerrorname_np(err);
  return name != nullptr ? std::string_view(name) : std::string_view();
}

std::string errno_message(int err) {
  if (const auto* k = kernel_errno(err); k != nullptr && !k->restart_message.empty())
    return std::string(k->restart_message);
  return strerror(err);
}

bool is_restart_errno(int err) {
  const auto* k = kernel_errno(err);
  return k != nullptr && !k->restart_message.empty();
}

std::string format_errno_result(int err) {
  std::string_view name = errno_name(err);
  // strace prints the return value as -1 and, for a value it cannot name,
  // only the number: no "Unknown error N" message.
  if (name.empty()) return fmt::format("-1 (errno {})", err);
  return fmt::format("{} {} ({})", is_restart_errno(err) ? "?" : "-1", name, errno_message(err));
}

}  // namespace xtrace
