// Decoders added for what ps, id and runtimes call: capabilities, NUMA
// policies, membarrier, sigevent, pidfd and setns flags, clock ticks.  The
// expected texts are strace 7.2's for the same values.
#include <linux/capability.h>
#include <signal.h>
#include <sys/prctl.h>

#include <gtest/gtest.h>

#include "decode/core/format_helpers.hpp"
#include "decode_line.hpp"
#include "fake_memory.hpp"

namespace xtrace {
namespace {

using testing::FakeMemory;
using testing::line;

constexpr std::uint64_t kHeader = 0x1000;
constexpr std::uint64_t kData = 0x2000;

TEST(DecodeCapabilities, HeaderAndSetsByVersion) {
  FakeMemory mem;
  mem.put_value(kHeader, __user_cap_header_struct{_LINUX_CAPABILITY_VERSION_3, 0});
  std::array<__user_cap_data_struct, 2> data{};
  data[0].effective = (1u << CAP_CHOWN) | (1u << CAP_KILL);
  data[0].permitted = data[0].effective;
  data[1].permitted = 1u << (CAP_CHECKPOINT_RESTORE - 32);
  mem.put_value(kData, data);
  EXPECT_EQ(line("capget", {kHeader, kData}, 0, mem),
            "capget({version=_LINUX_CAPABILITY_VERSION_3, pid=0}, {effective=1<<CAP_CHOWN|"
            "1<<CAP_KILL, permitted=1<<CAP_CHOWN|1<<CAP_KILL|1<<CAP_CHECKPOINT_RESTORE, "
            "inheritable=0}) = 0");
  EXPECT_EQ(line("capget", {kHeader, 0}, 0, mem),
            "capget({version=_LINUX_CAPABILITY_VERSION_3, pid=0}, NULL) = 0");

  // Version 1 has one word per set: the second one is not read.
  mem.put_value(kHeader, __user_cap_header_struct{_LINUX_CAPABILITY_VERSION_1, 42});
  EXPECT_EQ(line("capset", {kHeader, kData}, 0, mem),
            "capset({version=_LINUX_CAPABILITY_VERSION_1, pid=42}, {effective=1<<CAP_CHOWN|"
            "1<<CAP_KILL, permitted=1<<CAP_CHOWN|1<<CAP_KILL, inheritable=0}) = 0");

  mem.put_value(kHeader, __user_cap_header_struct{0x1234, 0});
  EXPECT_EQ(line("capget", {kHeader, kData}, -EINVAL, mem),
            "capget({version=0x1234 /* _LINUX_CAPABILITY_VERSION_??? */, pid=0}, 0x2000) = -1 "
            "EINVAL (Invalid argument)");
}

TEST(DecodeCapabilities, PrctlCapabilityArguments) {
  FakeMemory mem;
  EXPECT_EQ(line("prctl", {PR_CAPBSET_READ, CAP_MAC_OVERRIDE}, 1, mem),
            "prctl(PR_CAPBSET_READ, CAP_MAC_OVERRIDE) = 1");
  EXPECT_EQ(line("prctl", {PR_CAPBSET_DROP, 0x63}, -EINVAL, mem),
            "prctl(PR_CAPBSET_DROP, 0x63 /* CAP_??? */) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(line("prctl", {PR_CAP_AMBIENT, PR_CAP_AMBIENT_IS_SET, CAP_SYS_ADMIN}, 0, mem),
            "prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_IS_SET, CAP_SYS_ADMIN, 0, 0) = 0");
  EXPECT_EQ(line("prctl", {PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL}, 0, mem),
            "prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0) = 0");
  EXPECT_EQ(line("prctl", {PR_CAP_AMBIENT, 9, 0x32, 1, 2}, -EINVAL, mem),
            "prctl(PR_CAP_AMBIENT, 0x9 /* PR_CAP_AMBIENT_??? */, 0x32, 0x1, 0x2) = -1 EINVAL "
            "(Invalid argument)");
}

TEST(DecodeNuma, ModesAndNodeMasks) {
  FakeMemory mem;
  mem.put_value(kData, std::array<std::uint64_t, 3>{1, 0, 3});
  EXPECT_EQ(line("set_mempolicy", {2 | (1 << 15), kData, 65}, 0, mem),
            "set_mempolicy(MPOL_BIND|MPOL_F_STATIC_NODES, [0x00000000000001], 65) = 0");
  // The kernel reads maxnode - 1 bits: 130 bits are three words.
  EXPECT_EQ(line("set_mempolicy", {3, kData, 130}, 0, mem),
            "set_mempolicy(MPOL_INTERLEAVE, [0x00000000000001, 0000000000000000, "
            "0x00000000000003], 130) = 0");
  EXPECT_EQ(line("set_mempolicy", {9, kData, 0}, -EINVAL, mem),
            "set_mempolicy(0x9 /* MPOL_??? */, [], 0) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(line("set_mempolicy", {2, kData, 1}, -EINVAL, mem),
            "set_mempolicy(MPOL_BIND, 0x2000, 1) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(line("set_mempolicy", {4 | (1 << 13), 0, 0}, -EINVAL, mem),
            "set_mempolicy(MPOL_LOCAL|MPOL_F_NUMA_BALANCING, NULL, 0) = -1 EINVAL (Invalid "
            "argument)");
  mem.put_value(kHeader, 0);
  EXPECT_EQ(line("get_mempolicy", {kHeader, kData, 65, 0, 0}, 0, mem),
            "get_mempolicy([MPOL_DEFAULT], [0x00000000000001], 65, NULL, 0) = 0");
  EXPECT_EQ(line("get_mempolicy", {kHeader, 0, 0, 0, 7}, -EINVAL, mem),
            "get_mempolicy(0x1000, NULL, 0, NULL, MPOL_F_NODE|MPOL_F_ADDR|MPOL_F_MEMS_ALLOWED) = "
            "-1 EINVAL (Invalid argument)");
}

TEST(DecodeNuma, LongMasksStopAtTheStringLimit) {
  FakeMemory mem;
  mem.put(kData, std::string(64 * 8, '\0'));
  DecodeOptions opts;
  opts.string_limit = 2;
  EXPECT_EQ(line("set_mempolicy", {2, kData, 64 * 64}, 0, mem, opts),
            "set_mempolicy(MPOL_BIND, [0000000000000000, 0000000000000000, ...], 4096) = 0");
}

// As strace 7.2 prints sched_getscheduler's result.
TEST(DecodeSchedGetscheduler, PolicyResult) {
  FakeMemory mem;
  EXPECT_EQ(line("sched_getscheduler", {0}, 0, mem), "sched_getscheduler(0) = 0 (SCHED_OTHER)");
  EXPECT_EQ(line("sched_getscheduler", {0}, 3, mem), "sched_getscheduler(0) = 0x3 (SCHED_BATCH)");
  EXPECT_EQ(line("sched_getscheduler", {0}, 5, mem), "sched_getscheduler(0) = 0x5 (SCHED_IDLE)");
  EXPECT_EQ(line("sched_getscheduler", {static_cast<std::uint64_t>(-1)}, -EINVAL, mem),
            "sched_getscheduler(-1) = -1 EINVAL (Invalid argument)");
}

// As strace 7.2 prints them, the unknown bits with the table's comment.
TEST(DecodeMoreFlags, SyncFileRangeAndPkeyAccess) {
  FakeMemory mem;
  EXPECT_EQ(line("sync_file_range", {3, 0, 0, 7}, 0, mem),
            "sync_file_range(3, 0, 0, SYNC_FILE_RANGE_WAIT_BEFORE|SYNC_FILE_RANGE_WRITE|"
            "SYNC_FILE_RANGE_WAIT_AFTER) = 0");
  EXPECT_EQ(line("sync_file_range", {3, 0, 0, 0}, 0, mem), "sync_file_range(3, 0, 0, 0) = 0");
  EXPECT_EQ(line("sync_file_range", {3, 0, 0, 8}, -EINVAL, mem),
            "sync_file_range(3, 0, 0, 0x8 /* SYNC_FILE_RANGE_??? */) = -1 EINVAL (Invalid "
            "argument)");
  EXPECT_EQ(line("pkey_alloc", {0, 0}, -EINVAL, mem),
            "pkey_alloc(0, PKEY_UNRESTRICTED) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(line("pkey_alloc", {0, 3}, 1, mem),
            "pkey_alloc(0, PKEY_DISABLE_ACCESS|PKEY_DISABLE_WRITE) = 1");
  EXPECT_EQ(line("pkey_alloc", {0, 4}, -EINVAL, mem),
            "pkey_alloc(0, PKEY_DISABLE_EXECUTE) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(line("pkey_alloc", {0, 8}, -EINVAL, mem),
            "pkey_alloc(0, 0x8 /* PKEY_??? */) = -1 EINVAL (Invalid argument)");
}

TEST(DecodeMoreFlags, IoprioWhich) {
  FakeMemory mem;
  EXPECT_EQ(line("ioprio_get", {1, 0}, 0, mem),
            "ioprio_get(IOPRIO_WHO_PROCESS, 0) = 0 (IOPRIO_PRIO_VALUE(IOPRIO_CLASS_NONE, 0))");
  EXPECT_EQ(line("ioprio_get", {2, 0}, 16388, mem),
            "ioprio_get(IOPRIO_WHO_PGRP, 0) = 16388 (IOPRIO_PRIO_VALUE(IOPRIO_CLASS_BE, 4))");
  EXPECT_EQ(line("ioprio_get", {3, 0}, 8196, mem),
            "ioprio_get(IOPRIO_WHO_USER, 0) = 8196 (IOPRIO_PRIO_VALUE(IOPRIO_CLASS_RT, 4))");
  EXPECT_EQ(line("ioprio_get", {0, 0}, -EINVAL, mem),
            "ioprio_get(0 /* IOPRIO_WHO_??? */, 0) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(line("ioprio_get", {4, 0}, -EINVAL, mem),
            "ioprio_get(0x4 /* IOPRIO_WHO_??? */, 0) = -1 EINVAL (Invalid argument)");
}

// struct sched_param in and out, as strace 7.2 prints it.
TEST(DecodeSchedParam, PriorityField) {
  FakeMemory mem;
  mem.put(kData, std::string("\x05\0\0\0", 4));
  EXPECT_EQ(line("sched_setparam", {0, kData}, 0, mem),
            "sched_setparam(0, {sched_priority=5}) = 0");
  EXPECT_EQ(line("sched_setscheduler", {0, 2, kData}, 0, mem),
            "sched_setscheduler(0, SCHED_RR, {sched_priority=5}) = 0");
  EXPECT_EQ(line("sched_getparam", {0, kData}, 0, mem),
            "sched_getparam(0, {sched_priority=5}) = 0");
  EXPECT_EQ(line("sched_setparam", {0, 8}, -EFAULT, mem),
            "sched_setparam(0, 0x8) = -1 EFAULT (Bad address)");
}

// Argument and result as strace 7.2 prints them.
TEST(DecodePersonality, DomainFlagsAndResult) {
  FakeMemory mem;
  EXPECT_EQ(line("personality", {0xffffffff}, 0, mem), "personality(0xffffffff) = 0 (PER_LINUX)");
  EXPECT_EQ(line("personality", {0x400008}, 0x400000, mem),
            "personality(PER_LINUX32|READ_IMPLIES_EXEC) = 0x400000 (PER_LINUX|READ_IMPLIES_EXEC)");
  EXPECT_EQ(line("personality", {0x41}, 0x4100001, mem),
            "personality(0x41 /* PER_??? */) = 0x4100001 (0x1 /* PER_??? */|MMAP_PAGE_ZERO|"
            "STICKY_TIMEOUTS)");
  EXPECT_EQ(line("personality", {0x80000000}, 0xff, mem),
            "personality(PER_LINUX|0x80000000) = 0xff (PER_MASK)");
  EXPECT_EQ(line("personality", {6}, 0x20000, mem),
            "personality(PER_BSD) = 0x20000 (PER_LINUX|UNAME26)");
}

TEST(DecodeMembarrier, CommandsFlagsCpuAndQueryResult) {
  FakeMemory mem;
  EXPECT_EQ(line("membarrier", {0, 0}, 0x3, mem),
            "membarrier(MEMBARRIER_CMD_QUERY, 0) = 0x3 (MEMBARRIER_CMD_GLOBAL|"
            "MEMBARRIER_CMD_GLOBAL_EXPEDITED)");
  EXPECT_EQ(line("membarrier", {128, 1, 3}, -EPERM, mem),
            "membarrier(MEMBARRIER_CMD_PRIVATE_EXPEDITED_RSEQ, MEMBARRIER_CMD_FLAG_CPU, 3) = -1 "
            "EPERM (Operation not permitted)");
  EXPECT_EQ(line("membarrier", {0x800, 2}, -EINVAL, mem),
            "membarrier(0x800 /* MEMBARRIER_CMD_??? */, 0x2 /* MEMBARRIER_CMD_FLAG_??? */) = -1 "
            "EINVAL (Invalid argument)");
  EXPECT_EQ(line("membarrier", {0x200, 0}, 0, mem),
            "membarrier(MEMBARRIER_CMD_GET_REGISTRATIONS, 0) = 0");
}

TEST(DecodeSigevent, EachNotification) {
  FakeMemory mem;
  sigevent ev{};
  ev.sigev_value.sival_ptr = reinterpret_cast<void*>(0x1234);
  ev.sigev_signo = SIGALRM;
  ev.sigev_notify = SIGEV_THREAD_ID;
  ev._sigev_un._tid = 77;
  mem.put_value(kData, ev);
  mem.put_value(kHeader, 0);
  EXPECT_EQ(line("timer_create", {CLOCK_MONOTONIC, kData, kHeader}, 0, mem),
            "timer_create(CLOCK_MONOTONIC, {sigev_value={sival_int=4660, sival_ptr=0x1234}, "
            "sigev_signo=SIGALRM, sigev_notify=SIGEV_THREAD_ID, sigev_notify_thread_id=77}, [0]) "
            "= 0");
  ev.sigev_notify = SIGEV_NONE;
  mem.put_value(kData, ev);
  EXPECT_EQ(line("mq_notify", {99, kData}, -EBADF, mem),
            "mq_notify(99, {sigev_value={sival_int=4660, sival_ptr=0x1234}, sigev_signo=14, "
            "sigev_notify=SIGEV_NONE}) = -1 EBADF (Bad file descriptor)");
  ev.sigev_notify = 77;
  mem.put_value(kData, ev);
  EXPECT_EQ(line("mq_notify", {99, kData}, -EINVAL, mem),
            "mq_notify(99, {sigev_value={sival_int=4660, sival_ptr=0x1234}, sigev_signo=14, "
            "sigev_notify=0x4d /* SIGEV_??? */}) = -1 EINVAL (Invalid argument)");
}

TEST(DecodeFlags, PidfdAndSetns) {
  FakeMemory mem;
  EXPECT_EQ(line("pidfd_open", {1234, 0x800}, 3, mem), "pidfd_open(1234, PIDFD_NONBLOCK) = 3");
  EXPECT_EQ(line("pidfd_open", {1234, 0x81}, -EINVAL, mem),
            "pidfd_open(1234, PIDFD_THREAD|0x1) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(line("pidfd_send_signal", {3, 0, 0, 8}, -EINVAL, mem),
            "pidfd_send_signal(3, 0, NULL, 0x8 /* PIDFD_SIGNAL_??? */) = -1 EINVAL (Invalid "
            "argument)");
  EXPECT_EQ(line("setns", {3, 0x60000000}, 0, mem), "setns(3, CLONE_NEWPID|CLONE_NEWNET) = 0");
  EXPECT_EQ(line("setns", {3, 1}, -EINVAL, mem),
            "setns(3, 0x1 /* CLONE_NEW??? */) = -1 EINVAL (Invalid argument)");
}

TEST(DecodeGroups, GetgroupsShowsAsManyEntriesAsTheResult) {
  FakeMemory mem;
  mem.put_value(kData, std::array<std::uint32_t, 3>{1, 2, 3});
  EXPECT_EQ(line("getgroups", {0, kData}, 0, mem), "getgroups(0, []) = 0");
  EXPECT_EQ(line("getgroups", {8, kData}, 3, mem), "getgroups(8, [1, 2, 3]) = 3");
  EXPECT_EQ(line("getgroups", {1, kData}, -EINVAL, mem),
            "getgroups(1, 0x2000) = -1 EINVAL (Invalid argument)");
}

TEST(ClockTicks, SecondsCommentWhenNotZero) {
  std::string out;
  decode::print_clock_ticks(0, out);
  EXPECT_EQ(out, "0");
  out.clear();
  decode::print_clock_ticks(17, out);
  EXPECT_EQ(out, "17 /* 0.17 s */");  // at 100 ticks a second, as Linux reports
  out.clear();
  decode::print_clock_ticks(250, out);
  EXPECT_EQ(out, "250 /* 2.50 s */");
}

}  // namespace
}  // namespace xtrace
