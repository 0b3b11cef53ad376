#include "xtrace/mapping_changes.hpp"

#include <sys/mman.h>
#include <sys/shm.h>

namespace xtrace::unwind {

MappingChange mapping_change(const SyscallEvent& ev, const ProcessMaps& maps) {
  if (!ev.exited || ev.is_error) return MappingChange::none;
  // facts.tsv's maps column.
  MapCall call = ev.desc != nullptr ? facts(id_of(*ev.desc)).maps : MapCall::none;
  const auto& a = ev.args;
  auto code_if = [](bool b) { return b ? MappingChange::code : MappingChange::none; };
  switch (call) {
    case MapCall::none: return MappingChange::none;
    case MapCall::exec: return MappingChange::exec;
    case MapCall::mmap:
      // New code, or anything placed over old code (MAP_FIXED).
      return code_if((a[2] & PROT_EXEC) != 0 || maps.overlaps_code(a[0], a[1]) ||
                     maps.overlaps_code(static_cast<std::uint64_t>(ev.rval), a[1]));
    case MapCall::mprotect:
      return code_if((a[2] & PROT_EXEC) != 0 || maps.overlaps_code(a[0], a[1]));
    case MapCall::munmap: return code_if(maps.overlaps_code(a[0], a[1]));
    case MapCall::mremap: return code_if(maps.overlaps_code(a[0], a[1]));
    case MapCall::shmat: return code_if((a[2] & SHM_EXEC) != 0);
    case MapCall::shm_other: return MappingChange::code;
  }
  return MappingChange::none;
}

}  // namespace xtrace::unwind
