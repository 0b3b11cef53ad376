#include "xtrace/mapping_changes.hpp"

#include <sys/mman.h>
#include <sys/shm.h>

namespace xtrace::unwind {
namespace {

enum class Call : std::uint8_t { other, mmap, mprotect, munmap, mremap, shmat, shm_other, exec };

Call classify(const SyscallDesc* desc) {
  if (desc == nullptr) return Call::other;
  std::string_view n = desc->name;
  if (n == "mmap") return Call::mmap;
  if (n == "mprotect" || n == "pkey_mprotect") return Call::mprotect;
  if (n == "munmap") return Call::munmap;
  if (n == "mremap") return Call::mremap;
  if (n == "shmat") return Call::shmat;
  if (n == "shmdt" || n == "remap_file_pages") return Call::shm_other;
  if (n == "execve" || n == "execveat") return Call::exec;
  return Call::other;
}

}  // namespace

MappingChange mapping_change(const SyscallEvent& ev, const ProcessMaps& maps) {
  if (!ev.exited || ev.is_error) return MappingChange::none;
  Call call = classify(ev.desc);
  const auto& a = ev.args;
  auto code_if = [](bool b) { return b ? MappingChange::code : MappingChange::none; };
  switch (call) {
    case Call::other: return MappingChange::none;
    case Call::exec: return MappingChange::exec;
    case Call::mmap:
      // New code, or anything placed over old code (MAP_FIXED).
      return code_if((a[2] & PROT_EXEC) != 0 || maps.overlaps_code(a[0], a[1]) ||
                     maps.overlaps_code(static_cast<std::uint64_t>(ev.rval), a[1]));
    case Call::mprotect: return code_if((a[2] & PROT_EXEC) != 0 || maps.overlaps_code(a[0], a[1]));
    case Call::munmap: return code_if(maps.overlaps_code(a[0], a[1]));
    case Call::mremap: return code_if(maps.overlaps_code(a[0], a[1]));
    case Call::shmat: return code_if((a[2] & SHM_EXEC) != 0);
    case Call::shm_other: return MappingChange::code;
  }
  return MappingChange::none;
}

}  // namespace xtrace::unwind
