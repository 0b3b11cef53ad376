#include "xtrace/mapping_changes.hpp"

#include <sys/mman.h>
#include <sys/shm.h>

namespace xtrace::unwind {
namespace {

enum class Call : std::uint8_t { other, mmap, mprotect, munmap, mremap, shmat, shm_other, exec };

Call classify(const SyscallDesc* desc) {
  if (desc == nullptr) return Call::other;
  switch (id_of(*desc)) {
    case SysId::mmap: return Call::mmap;
    case SysId::mprotect:
    case SysId::pkey_mprotect: return Call::mprotect;
    case SysId::munmap: return Call::munmap;
    case SysId::mremap: return Call::mremap;
    case SysId::shmat: return Call::shmat;
    case SysId::shmdt:
    case SysId::remap_file_pages: return Call::shm_other;
    case SysId::execve:
    case SysId::execveat: return Call::exec;
    default: return Call::other;
  }
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
