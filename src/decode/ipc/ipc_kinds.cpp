// System V IPC structures: the ctl calls' buffers (msqid_ds, semid_ds,
// shmid_ds and the *info structures, read at entry or at exit as the
// command says), semop's sembuf array and the message buffers.  The kernel's
// 64-bit layouts (linux/msg.h, sem.h, shm.h), as strace reads them.
#include <algorithm>
#include <array>
#include <cstdint>
#include <string>

#include "array_printer.hpp"
#include "families.hpp"
#include "field_printer.hpp"
#include "format_helpers.hpp"
#include "ipc_constants.hpp"
#include "pid_printer.hpp"
#include "struct_reader.hpp"
#include "xlat.hpp"
#include "xtrace/decode.hpp"
#include "xtrace/quote.hpp"

namespace xtrace {
namespace {

using namespace decode;
using ipc::kIpc64;

// The command without the IPC_64 bit the C library may add.
int ctl_command(const ArgContext& c) {
  return static_cast<int>(static_cast<std::uint32_t>(c.ref_value()) & ~kIpc64);
}

// What a ctl call does with its buffer: reads it (IPC_SET), fills it (the
// STAT and INFO commands), or ignores it (printed as an address).
enum class CtlBuffer : std::uint8_t { set, stat, info, shm_info, other };

CtlBuffer msgctl_buffer(int cmd) {
  switch (cmd) {
    case IPC_SET: return CtlBuffer::set;
    case IPC_STAT:
    case MSG_STAT:
    case MSG_STAT_ANY: return CtlBuffer::stat;
    case IPC_INFO:
    case MSG_INFO: return CtlBuffer::info;
    default: return CtlBuffer::other;
  }
}

CtlBuffer semctl_buffer(int cmd) {
  switch (cmd) {
    case IPC_SET: return CtlBuffer::set;
    case IPC_STAT:
    case SEM_STAT:
    case SEM_STAT_ANY: return CtlBuffer::stat;
    case IPC_INFO:
    case SEM_INFO: return CtlBuffer::info;
    default: return CtlBuffer::other;
  }
}

CtlBuffer shmctl_buffer(int cmd) {
  switch (cmd) {
    case IPC_SET: return CtlBuffer::set;
    case IPC_STAT:
    case SHM_STAT:
    case SHM_STAT_ANY: return CtlBuffer::stat;
    case IPC_INFO: return CtlBuffer::info;
    case SHM_INFO: return CtlBuffer::shm_info;
    default: return CtlBuffer::other;
  }
}

// Buffers the kernel fills are printed when the call returns.
template <CtlBuffer (*buffer_of)(int)>
Phase ctl_buffer_phase(const ArgContext& c) {
  CtlBuffer b = buffer_of(ctl_command(c));
  return b == CtlBuffer::set || b == CtlBuffer::other ? Phase::entry : Phase::exit;
}

// The owner and permissions; IPC_SET changes only uid, gid and mode, and
// strace prints only those then.
void print_ipc_perm(const ipc64_perm& p, CtlBuffer b, auto& out) {
  StructPrinter s(out);
  print_id(p.uid, s.field("uid"));
  print_id(p.gid, s.field("gid"));
  print_mode_octal(p.mode, s.field("mode"));
  if (b == CtlBuffer::set) return;
  print_uint(static_cast<std::uint32_t>(p.key), s.field("key"));
  print_id(p.cuid, s.field("cuid"));
  print_id(p.cgid, s.field("cgid"));
}

bool format_msqid_ds(const ArgContext& c, ValueOut& out) {
  CtlBuffer b = msgctl_buffer(ctl_command(c));
  if (b == CtlBuffer::other) {
    print_addr(c.value(), out);
    return true;
  }
  if (b == CtlBuffer::info) {
    auto info = read_out<msginfo>(c, out);
    if (!info) return true;
    StructPrinter s(out);
    print_int(info->msgpool, s.field("msgpool"));
    print_int(info->msgmap, s.field("msgmap"));
    print_int(info->msgmax, s.field("msgmax"));
    print_int(info->msgmnb, s.field("msgmnb"));
    print_int(info->msgmni, s.field("msgmni"));
    print_int(info->msgssz, s.field("msgssz"));
    print_int(info->msgtql, s.field("msgtql"));
    print_uint(info->msgseg, s.field("msgseg"));
    return true;
  }
  auto ds = read_at<msqid64_ds>(c, c.value(), b != CtlBuffer::set, out);
  if (!ds) return true;
  StructPrinter s(out);
  print_ipc_perm(ds->msg_perm, b, s.field("msg_perm"));
  if (b != CtlBuffer::set) {
    print_uint(ds->msg_stime, s.field("msg_stime"));
    print_uint(ds->msg_rtime, s.field("msg_rtime"));
    print_uint(ds->msg_ctime, s.field("msg_ctime"));
    print_uint(ds->msg_qnum, s.field("msg_qnum"));
  }
  print_uint(ds->msg_qbytes, s.field("msg_qbytes"));
  if (b != CtlBuffer::set) {
    print_int(ds->msg_lspid, s.field("msg_lspid"));
    print_int(ds->msg_lrpid, s.field("msg_lrpid"));
  }
  return true;
}

bool format_shmid_ds(const ArgContext& c, ValueOut& out) {
  CtlBuffer b = shmctl_buffer(ctl_command(c));
  if (b == CtlBuffer::other) {
    print_addr(c.value(), out);
    return true;
  }
  if (b == CtlBuffer::info) {
    auto info = read_out<shminfo64>(c, out);
    if (!info) return true;
    StructPrinter s(out);
    print_uint(info->shmmax, s.field("shmmax"));
    print_uint(info->shmmin, s.field("shmmin"));
    print_uint(info->shmmni, s.field("shmmni"));
    print_uint(info->shmseg, s.field("shmseg"));
    print_uint(info->shmall, s.field("shmall"));
    return true;
  }
  if (b == CtlBuffer::shm_info) {
    auto info = read_out<shm_info>(c, out);
    if (!info) return true;
    StructPrinter s(out);
    print_int(info->used_ids, s.field("used_ids"));
    print_uint(info->shm_tot, s.field("shm_tot"));
    print_uint(info->shm_rss, s.field("shm_rss"));
    print_uint(info->shm_swp, s.field("shm_swp"));
    print_uint(info->swap_attempts, s.field("swap_attempts"));
    print_uint(info->swap_successes, s.field("swap_successes"));
    return true;
  }
  auto ds = read_at<shmid64_ds>(c, c.value(), b != CtlBuffer::set, out);
  if (!ds) return true;
  StructPrinter s(out);
  print_ipc_perm(ds->shm_perm, b, s.field("shm_perm"));
  if (b == CtlBuffer::set) return true;
  print_uint(ds->shm_segsz, s.field("shm_segsz"));
  print_pid(c.opts.pids, c.tid, ds->shm_cpid, PidType::tgid, s.field("shm_cpid"));
  print_pid(c.opts.pids, c.tid, ds->shm_lpid, PidType::tgid, s.field("shm_lpid"));
  print_uint(ds->shm_nattch, s.field("shm_nattch"));
  print_uint(ds->shm_atime, s.field("shm_atime"));
  print_uint(ds->shm_dtime, s.field("shm_dtime"));
  print_uint(ds->shm_ctime, s.field("shm_ctime"));
  return true;
}

// semctl's fourth argument is a union passed by value: a pointer for the
// commands that use a buffer, else a number strace prints as an address.
bool format_semun(const ArgContext& c, ValueOut& out) {
  CtlBuffer b = semctl_buffer(ctl_command(c));
  if (b == CtlBuffer::other) {
    print_addr(c.value(), out);
    return true;
  }
  if (b == CtlBuffer::info) {
    auto info = read_out<seminfo>(c, out);
    if (!info) return true;
    StructPrinter s(out);
    print_int(info->semmap, s.field("semmap"));
    print_int(info->semmni, s.field("semmni"));
    print_int(info->semmns, s.field("semmns"));
    print_int(info->semmnu, s.field("semmnu"));
    print_int(info->semmsl, s.field("semmsl"));
    print_int(info->semopm, s.field("semopm"));
    print_int(info->semume, s.field("semume"));
    print_int(info->semusz, s.field("semusz"));
    print_int(info->semvmx, s.field("semvmx"));
    print_int(info->semaem, s.field("semaem"));
    return true;
  }
  auto ds = read_at<semid64_ds>(c, c.value(), b != CtlBuffer::set, out);
  if (!ds) return true;
  StructPrinter s(out);
  print_ipc_perm(ds->sem_perm, b, s.field("sem_perm"));
  if (b == CtlBuffer::set) return true;
  print_uint(ds->sem_otime, s.field("sem_otime"));
  print_uint(ds->sem_ctime, s.field("sem_ctime"));
  print_uint(ds->sem_nsems, s.field("sem_nsems"));
  return true;
}

constexpr std::array kSemopFlags{XLAT(SEM_UNDO), XLAT(IPC_NOWAIT)};
const Xlat kSemopFlagsTable{kSemopFlags, "SEM_???"};

bool format_sembuf_array(const ArgContext& c, ValueOut& out) {
  print_array<sembuf>(
      c, c.value(), c.ref_value(),
      [](const sembuf& op, auto& o) {
        StructPrinter s(o);
        print_uint(op.sem_num, s.field("sem_num"));
        print_int(op.sem_op, s.field("sem_op"));
        print_flags(kSemopFlagsTable, static_cast<std::uint16_t>(op.sem_flg), s.field("sem_flg"));
      },
      out);
  return true;
}

// struct msgbuf: the type, then msgsz bytes of text after it (up to -s).
// msgrcv's is printed at exit, as an address when the call failed.
bool format_msgbuf(const ArgContext& c, ValueOut& out) {
  struct MsgbufHead {
    std::int64_t mtype;
    char mtext[8];  // glibc's struct msgbuf: its size is what strace reads
  };
  auto head = read_at<MsgbufHead>(c, c.value(), c.exiting, out);
  if (!head) return true;
  StructPrinter s(out);
  print_int(head->mtype, s.field("mtype"));
  std::uint64_t len = c.ref_value();
  std::size_t shown = std::min<std::uint64_t>(len, c.opts.string_limit);
  std::string text(shown, '\0');
  std::uint64_t text_at = c.value() + sizeof(head->mtype);
  if (c.mem.read(text_at, text.data(), shown))
    quote_truncated(text, len > shown, QuoteStyle{c.opts.hex}, s.field("mtext"));
  else
    print_addr(text_at, s.field("mtext"));
  return true;
}

constexpr std::array kIpcKinds{
    KindDecoder{ArgKind::msqid_ds, Phase::entry, format_msqid_ds, nullptr, nullptr, false,
                ctl_buffer_phase<msgctl_buffer>},
    KindDecoder{ArgKind::shmid_ds, Phase::entry, format_shmid_ds, nullptr, nullptr, false,
                ctl_buffer_phase<shmctl_buffer>},
    KindDecoder{ArgKind::semun, Phase::entry, format_semun, nullptr, nullptr, false,
                ctl_buffer_phase<semctl_buffer>},
    KindDecoder{ArgKind::sembuf_array_in, Phase::entry, format_sembuf_array},
    KindDecoder{ArgKind::msgbuf_in, Phase::entry, format_msgbuf},
    KindDecoder{ArgKind::msgbuf_out, Phase::exit, format_msgbuf},
};

}  // namespace

std::span<const KindDecoder> ipc_kinds() {
  return kIpcKinds;
}

}  // namespace xtrace
