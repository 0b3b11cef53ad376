// System V IPC constants the ipc files share, with the values of the
// kernel for those older headers lack.
#pragma once

#include <linux/ipc.h>
#include <linux/msg.h>
#include <linux/sem.h>
#include <linux/shm.h>

#include <cstdint>

#ifndef MSG_STAT_ANY
#define MSG_STAT_ANY 13
#endif
#ifndef SEM_STAT_ANY
#define SEM_STAT_ANY 20
#endif
#ifndef SHM_STAT_ANY
#define SHM_STAT_ANY 15
#endif

namespace xtrace::decode::ipc {

// The bit a C library may add to a ctl command for the 64-bit structures.
inline constexpr std::uint32_t kIpc64 = 0x100;

}  // namespace xtrace::decode::ipc
