// fcntl commands newer than the C library's headers, with the kernel's
// numbers (include/uapi/linux/fcntl.h, asm-generic/fcntl.h): the same on
// every architecture xtrace supports.  The 64-bit C libraries define
// F_GETLK64 as F_GETLK; the kernel's own F_GETLK64 is 12.
#pragma once

#include <fcntl.h>

namespace xtrace::decode {

inline constexpr int kFcntlGetlk64 = 12;
inline constexpr int kFcntlSetlk64 = 13;
inline constexpr int kFcntlSetlkw64 = 14;
inline constexpr int kFcntlGetownerUids = 17;
inline constexpr int kFcntlLinuxBase = 1024;
inline constexpr int kFcntlDupfdQuery = kFcntlLinuxBase + 3;
inline constexpr int kFcntlCreatedQuery = kFcntlLinuxBase + 4;
inline constexpr int kFcntlCancellk = kFcntlLinuxBase + 5;
inline constexpr int kFcntlGetRwHint = kFcntlLinuxBase + 11;
inline constexpr int kFcntlSetRwHint = kFcntlLinuxBase + 12;
inline constexpr int kFcntlGetFileRwHint = kFcntlLinuxBase + 13;
inline constexpr int kFcntlSetFileRwHint = kFcntlLinuxBase + 14;
inline constexpr int kFcntlGetdeleg = kFcntlLinuxBase + 15;
inline constexpr int kFcntlSetdeleg = kFcntlLinuxBase + 16;

}  // namespace xtrace::decode
