// What each syscall family of src/decode gives the decoding core: its
// groups of argument kinds (registered by kind_registry.cpp) and the
// results it explains (looked up by syscall_decoder.cpp).  The families
// are leaves: they see the core's headers and their own folder, never
// another family (DESIGN.md, "Decoding by family").
#pragma once

#include <span>
#include <string>

#include "xtrace/decode.hpp"
#include "xtrace/event.hpp"

namespace xtrace {

// Writes the result with what strace explains after it ("= 0x8002 (flags
// O_RDWR|O_LARGEFILE)"); false leaves the plain result.
using ResultHook = bool (*)(const SyscallEvent&, TraceeMemory&, const DecodeOptions&, std::string&);
struct ResultRow {
  SysId syscall;
  ResultHook hook;
};

// The core (src/decode/core/): kinds every family uses.
std::span<const KindDecoder> scalar_kinds();
std::span<const KindDecoder> string_kinds();

// fs/: files, paths, descriptors' flags, fcntl, stat.
std::span<const KindDecoder> fs_flag_kinds();
std::span<const KindDecoder> fcntl_kinds();
std::span<const KindDecoder> stat_kinds();
std::span<const ResultRow> fcntl_results();

// mm/: mappings, memory policy, membarrier.
std::span<const KindDecoder> mm_flag_kinds();
std::span<const KindDecoder> numa_kinds();
std::span<const ResultRow> mm_results();

// process/: clone, wait, prctl, scheduling, ids, capabilities, limits.
std::span<const KindDecoder> process_flag_kinds();
std::span<const KindDecoder> process_kinds();
std::span<const KindDecoder> capability_kinds();
std::span<const KindDecoder> pid_kinds();
std::span<const KindDecoder> resource_kinds();
std::span<const ResultRow> process_results();

// signal/: signal numbers, masks, handlers, siginfo.
std::span<const KindDecoder> signal_flag_kinds();
std::span<const KindDecoder> signal_kinds();
std::span<const ResultRow> signal_results();

// time/: clocks, timers, time values.
std::span<const KindDecoder> time_flag_kinds();
std::span<const KindDecoder> time_kinds();
std::span<const ResultRow> time_results();

// net/: sockets, addresses, messages, socket options.
std::span<const KindDecoder> net_flag_kinds();
std::span<const KindDecoder> net_kinds();

// io/: vectors, poll/select, epoll, ioctl, splice.
std::span<const KindDecoder> io_flag_kinds();
std::span<const KindDecoder> io_kinds();
std::span<const KindDecoder> poll_kinds();
std::span<const KindDecoder> ioctl_kinds();
std::span<const ResultRow> poll_results();

// ipc/: System V message queues, semaphores and shared memory; POSIX
// message queue attributes.
std::span<const KindDecoder> ipc_flag_kinds();
std::span<const KindDecoder> ipc_kinds();
std::span<const KindDecoder> mq_kinds();

}  // namespace xtrace
