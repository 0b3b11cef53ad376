#include "tracee_write.hpp"

#include <sys/ptrace.h>
#include <sys/uio.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace xtrace::inject {
namespace {

// Word by word; the words at both ends keep the bytes outside the range.
bool poke_write(pid_t tid, std::uint64_t addr, std::span<const std::uint8_t> data) {
  std::size_t done = 0;
  while (done < data.size()) {
    std::uint64_t at = addr + done;
    std::uint64_t aligned = at & ~std::uint64_t{7};
    errno = 0;
    long word = ptrace(PTRACE_PEEKDATA, tid, aligned, nullptr);
    if (errno != 0) return false;
    std::size_t skip = at - aligned;
    std::size_t n = std::min(data.size() - done, sizeof word - skip);
    std::memcpy(reinterpret_cast<unsigned char*>(&word) + skip, data.data() + done, n);
    if (ptrace(PTRACE_POKEDATA, tid, aligned, word) != 0) return false;
    done += n;
  }
  return true;
}

}  // namespace

bool write_tracee(pid_t tid, std::uint64_t addr, std::span<const std::uint8_t> data) {
  if (addr == 0) return false;
  if (data.empty()) return true;
  iovec local{const_cast<std::uint8_t*>(data.data()), data.size()};
  iovec remote{reinterpret_cast<void*>(addr), data.size()};
  if (process_vm_writev(tid, &local, 1, &remote, 1, 0) == static_cast<ssize_t>(data.size()))
    return true;
  return poke_write(tid, addr, data);
}

}  // namespace xtrace::inject
