// Errno names and messages come from the C library; only the kernel's
// internal restart codes, which no C library knows, are listed here.
#include <string.h>

#include <array>

#include "xtrace/decode.hpp"

namespace xtrace {
namespace {

struct KernelErrno {
  int value;
  std::string_view name;
  std::string_view message;
};

// include/linux/errno.h: never seen by programs, but seen by a tracer when a
// signal interrupts a call.
constexpr std::array kKernelErrnos{
    KernelErrno{512, "ERESTARTSYS", "To be restarted if SA_RESTART is set"},
    KernelErrno{513, "ERESTARTNOINTR", "To be restarted"},
    KernelErrno{514, "ERESTARTNOHAND", "To be restarted if no handler"},
    KernelErrno{515, "ENOIOCTLCMD", "No ioctl command"},
    KernelErrno{516, "ERESTART_RESTARTBLOCK", "Interrupted by signal"},
    KernelErrno{517, "EPROBE_DEFER", "Driver requests probe retry"},
    KernelErrno{518, "EOPENSTALE", "Open found a stale dentry"},
    KernelErrno{519, "ENOPARAM", "Parameter not supported"},
    KernelErrno{521, "EBADHANDLE", "Illegal NFS file handle"},
    KernelErrno{522, "ENOTSYNC", "Update synchronization mismatch"},
    KernelErrno{523, "EBADCOOKIE", "Cookie is stale"},
    KernelErrno{524, "ENOTSUPP", "Operation is not supported"},
    KernelErrno{525, "ETOOSMALL", "Buffer or request is too small"},
    KernelErrno{526, "ESERVERFAULT", "An untranslatable error occurred"},
    KernelErrno{527, "EBADTYPE", "Type not supported by server"},
    KernelErrno{528, "EJUKEBOX", "Request initiated, but will not complete before timeout"},
    KernelErrno{529, "EIOCBQUEUED", "iocb queued, will get completion event"},
    KernelErrno{530, "ERECALLCONFLICT", "Conflict with recalled state"},
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
  if (const auto* k = kernel_errno(err)) return std::string(k->message);
  return strerror(err);
}

bool is_restart_errno(int err) {
  return err >= 512 && err <= 516;
}

}  // namespace xtrace
