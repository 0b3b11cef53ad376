// The constant tables several fs decoders share (the open flags, fcntl's
// commands, the file types...).  Values come from the system headers (see
// XLAT); names and order follow strace's xlat files, because order decides
// how overlapping flags print.
#pragma once

#include "xlat.hpp"

namespace xtrace::decode::tables {

extern const Xlat open_access;  // O_RDONLY O_WRONLY O_RDWR
extern const Xlat open_flags;
extern const Xlat fd_flags;    // FD_CLOEXEC
extern const Xlat seal_flags;  // F_SEAL_*
extern const Xlat lock_type;   // F_RDLCK F_WRLCK F_UNLCK
extern const Xlat at_flags;
extern const Xlat statx_flags;
extern const Xlat statx_mask;
extern const Xlat access_mode;
extern const Xlat whence;
extern const Xlat fadvise_advice;
extern const Xlat fcntl_cmd;
extern const Xlat file_type;       // S_IFREG...
extern const Xlat file_mode_bits;  // S_ISUID S_ISGID S_ISVTX

}  // namespace xtrace::decode::tables
