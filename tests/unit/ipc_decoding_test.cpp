// The ipc family (src/decode/ipc/): System V IPC and POSIX message queue
// arguments against strace 7.2's text (its tests ipc_msg, ipc_sem, ipc_shm,
// ipc_msgbuf and mq), and their structures as JSON values.
#include <fcntl.h>
#include <linux/ipc.h>
#include <linux/mqueue.h>
#include <linux/msg.h>
#include <linux/sem.h>

#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>
#include <string>

#include "decode_line.hpp"
#include "fake_memory.hpp"
#include "xtrace/syscall_decoder.hpp"
#include "xtrace/value_json.hpp"

namespace xtrace {
namespace {

using testing::FakeMemory;
using testing::line;
using testing::style;

constexpr std::uint64_t kA = 0x1000;
constexpr std::int64_t kEinval = -22;
constexpr std::int64_t kEfault = -14;

TEST(IpcDecoding, GetFlagsAreFlagsThenPermissions) {
  FakeMemory mem;
  // strace's ipc_msg test: unknown bits stay hex, IPC_PRIVATE has a name.
  EXPECT_EQ(line("msgget", {0xfdb9f531, 0xface1c55}, -2, mem),
            "msgget(0xfdb9f531, IPC_EXCL|IPC_NOWAIT|0xface1000|0125) = -1 ENOENT "
            "(No such file or directory)");
  EXPECT_EQ(line("msgget", {0, 0600}, 5, mem), "msgget(IPC_PRIVATE, 0600) = 5");
  EXPECT_EQ(line("semget", {0, 1, IPC_CREAT | 0640}, 5, mem, style(ConstStyle::verbose)),
            "semget(0 /* IPC_PRIVATE */, 1, 0x200 /* IPC_CREAT */|0640) = 5");
  EXPECT_EQ(line("semget", {0, 1, IPC_CREAT | 0640}, 5, mem, style(ConstStyle::raw)),
            "semget(0, 1, 0x200|0640) = 5");
}

TEST(IpcDecoding, ShmgetNamesTheHugePageSize) {
  FakeMemory mem;
  constexpr std::uint64_t k2M = 21u << 26;
  EXPECT_EQ(line("shmget", {0, 4096, IPC_CREAT | 04000 | k2M | 0600}, 3, mem),
            "shmget(IPC_PRIVATE, 4096, IPC_CREAT|SHM_HUGETLB|21<<SHM_HUGE_SHIFT|0600) = 3");
  EXPECT_EQ(line("shmget", {0, 4096, k2M}, 3, mem, style(ConstStyle::verbose)),
            "shmget(0 /* IPC_PRIVATE */, 4096, 21<<26 /* SHM_HUGE_SHIFT */|000) = 3");
  EXPECT_EQ(line("shmget", {0, 1, 0}, 3, mem), "shmget(IPC_PRIVATE, 1, 000) = 3");
}

TEST(IpcDecoding, CtlCommandsKeepTheIpc64Bit) {
  FakeMemory mem;
  EXPECT_EQ(line("msgctl", {3, IPC_64 | IPC_RMID, 0}, 0, mem),
            "msgctl(3, IPC_64|IPC_RMID, NULL) = 0");
  EXPECT_EQ(line("shmctl", {3, 0xdefaced2, 0}, kEinval, mem),
            "shmctl(3, 0xdefaced2 /* SHM_??? */, NULL) = -1 EINVAL (Invalid argument)");
  // Commands without a buffer print the argument as an address.
  EXPECT_EQ(line("semctl", {3, 0, SETVAL, 5}, 0, mem), "semctl(3, 0, SETVAL, 0x5) = 0");
}

TEST(IpcDecoding, MsqidDsFollowsTheCommand) {
  FakeMemory mem;
  msqid64_ds ds{};
  ds.msg_perm.uid = 1000;
  ds.msg_perm.gid = ~0u;
  ds.msg_perm.mode = 0600;
  ds.msg_perm.key = 0;
  ds.msg_qbytes = 16384;
  ds.msg_lspid = 42;
  mem.put_value(kA, ds);
  // IPC_SET reads only what it changes; IPC_STAT shows all the kernel wrote.
  EXPECT_EQ(line("msgctl", {3, IPC_SET, kA}, 0, mem),
            "msgctl(3, IPC_SET, {msg_perm={uid=1000, gid=-1, mode=0600}, msg_qbytes=16384}) = 0");
  EXPECT_EQ(line("msgctl", {3, IPC_STAT, kA}, 0, mem),
            "msgctl(3, IPC_STAT, {msg_perm={uid=1000, gid=-1, mode=0600, key=0, cuid=0, "
            "cgid=0}, msg_stime=0, msg_rtime=0, msg_ctime=0, msg_qnum=0, msg_qbytes=16384, "
            "msg_lspid=42, msg_lrpid=0}) = 0");
  // A failed STAT wrote nothing: the address.
  EXPECT_EQ(line("msgctl", {3, IPC_STAT, kA}, kEfault, mem),
            "msgctl(3, IPC_STAT, 0x1000) = -1 EFAULT (Bad address)");

  SyscallEvent ev;
  ev.desc = &describe(*find_syscall("msgctl"));
  ev.nargs = ev.desc->nargs;
  ev.args = {3, IPC_STAT, kA};
  ev.arch = Arch::x86_64;
  DecodeOptions opts;
  decode_entry(ev, mem, opts);
  ev.exited = true;
  decode_exit(ev, mem, opts);
  nlohmann::json j = value_json(ev.arg(2));
  ASSERT_TRUE(j.contains("struct")) << j;
  EXPECT_EQ(j["struct"]["msg_perm"]["struct"]["uid"], 1000) << j;
  EXPECT_EQ(j["struct"]["msg_qbytes"], 16384) << j;
}

TEST(IpcDecoding, SembufArrayAndMessageBuffer) {
  FakeMemory mem;
  sembuf ops[2] = {{0, 1, SEM_UNDO}, {1, -2, IPC_NOWAIT}};
  mem.put_value(kA, ops);
  EXPECT_EQ(line("semop", {3, kA, 2}, 0, mem),
            "semop(3, [{sem_num=0, sem_op=1, sem_flg=SEM_UNDO}, "
            "{sem_num=1, sem_op=-2, sem_flg=IPC_NOWAIT}], 2) = 0");

  struct {
    std::int64_t mtype;
    char mtext[8];
  } msg{7, "hi\0\0\0\0\0"};
  mem.put_value(kA, msg);
  EXPECT_EQ(line("msgsnd", {3, kA, 4, 0}, 0, mem),
            "msgsnd(3, {mtype=7, mtext=\"hi\\0\\0\"}, 4, 0) = 0");
  // msgrcv shows as many bytes as were asked for, and nothing on failure.
  EXPECT_EQ(line("msgrcv", {3, kA, 2, 0, IPC_NOWAIT | 010000}, 2, mem),
            "msgrcv(3, {mtype=7, mtext=\"hi\"}, 2, 0, MSG_NOERROR|IPC_NOWAIT) = 2");
  EXPECT_EQ(line("msgrcv", {3, kA, 2, 0, IPC_NOWAIT}, -42, mem),
            "msgrcv(3, 0x1000, 2, 0, IPC_NOWAIT) = -1 ENOMSG (No message of desired type)");
}

TEST(IpcDecoding, MqAttrOnlyWhenCreating) {
  FakeMemory mem;
  mq_attr a{};
  a.mq_flags = O_NONBLOCK;
  a.mq_maxmsg = 4;
  a.mq_msgsize = 32;
  mem.put_value(kA, a);
  mem.put(0x2000, std::string("q\0", 2));
  EXPECT_EQ(line("mq_open", {0x2000, O_RDWR, 0600, kA}, 3, mem), "mq_open(\"q\", O_RDWR) = 3");
  // mq_open prints the flags in hex, mq_getsetattr by name.
  EXPECT_EQ(line("mq_open", {0x2000, O_RDWR | O_CREAT, 0600, kA}, 3, mem),
            "mq_open(\"q\", O_RDWR|O_CREAT, 0600, {mq_flags=0x800, mq_maxmsg=4, mq_msgsize=32, "
            "mq_curmsgs=0}) = 3");
  EXPECT_EQ(line("mq_getsetattr", {3, kA, 0}, 0, mem),
            "mq_getsetattr(3, {mq_flags=O_NONBLOCK, mq_maxmsg=4, mq_msgsize=32, mq_curmsgs=0}, "
            "NULL) = 0");
}

}  // namespace
}  // namespace xtrace
