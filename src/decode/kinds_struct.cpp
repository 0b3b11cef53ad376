// Kinds that point at kernel structures: read with one memory read each,
// printed abbreviated (as strace does) unless -v.
#include <linux/stat.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>

#include <array>
#include <ctime>

#include "date_text.hpp"
#include "field_printer.hpp"
#include "format_helpers.hpp"
#include "struct_reader.hpp"
#include "xlat_tables.hpp"
#include "xtrace/decode.hpp"

namespace xtrace {
namespace {

using namespace decode;

void print_file_mode_symbolic(std::uint32_t mode, auto& out);

// -X raw prints the octal number, -X verbose adds the names as a comment.
void print_file_mode(std::uint32_t mode, auto& out) {
  std::string symbolic;
  print_file_mode_symbolic(mode, symbolic);
  print_styled(fmt::format("0{:o}", mode), symbolic, out);
}

void print_file_mode_symbolic(std::uint32_t mode, auto& out) {
  std::string_view type = lookup(tables::file_type, mode & S_IFMT);
  if (!type.empty()) {
    out += type;
    out += '|';
  } else if ((mode & S_IFMT) != 0) {
    fmt::format_to(std::back_inserter(out), "{:#o}|", mode & S_IFMT);
  }
  for (const auto& bit : tables::file_mode_bits.entries) {
    if (mode & bit.value) {
      out += bit.name;
      out += '|';
    }
  }
  print_mode_octal(mode & 0777, out);
}

// A time in seconds with the calendar date as a comment (-v).
void print_time(std::int64_t sec, std::uint64_t nsec, auto& out) {
  fmt::format_to(std::back_inserter(out), "{}", sec);
  print_date_comment(sec, nsec, as_text(out));
}

}  // namespace

void decode::print_date_comment(std::int64_t sec, std::uint64_t nsec, std::string& out) {
  if (std::string date = date_text(sec, nsec); !date.empty())
    fmt::format_to(std::back_inserter(out), " /* {} */", date);
}

namespace {

bool format_stat_out(const ArgContext& c, ValueOut& out) {
  auto st = read_out<struct stat>(c, out);
  if (!st) return true;
  StructPrinter s(out);
  const bool v = c.opts.verbose;
  if (v) {
    print_dev(st->st_dev, s.field("st_dev"));
    print_uint(st->st_ino, s.field("st_ino"));
  }
  print_file_mode(st->st_mode, s.field("st_mode"));
  if (v) {
    print_uint(st->st_nlink, s.field("st_nlink"));
    print_uint(st->st_uid, s.field("st_uid"));
    print_uint(st->st_gid, s.field("st_gid"));
    print_int(st->st_blksize, s.field("st_blksize"));
    print_int(st->st_blocks, s.field("st_blocks"));
  }
  if (S_ISCHR(st->st_mode) || S_ISBLK(st->st_mode))
    print_dev(st->st_rdev, s.field("st_rdev"));
  else
    print_int(st->st_size, s.field("st_size"));
  if (!v) {
    out.more();
    return true;
  }
  const std::pair<const char*, const timespec*> times[] = {
      {"st_atime", &st->st_atim}, {"st_mtime", &st->st_mtim}, {"st_ctime", &st->st_ctim}};
  for (const auto& [name, ts] : times) {
    print_time(ts->tv_sec, ts->tv_nsec, s.field(name));
    print_int(ts->tv_nsec, s.field(fmt::format("{}_nsec", name)));
  }
  return true;
}

constexpr std::uint32_t kStatxAttrWriteAtomic = 0x00400000;
constexpr std::array kStatxAttributes{
    XLAT(STATX_ATTR_COMPRESSED), XLAT(STATX_ATTR_IMMUTABLE),
    XLAT(STATX_ATTR_APPEND),     XLAT(STATX_ATTR_NODUMP),
    XLAT(STATX_ATTR_ENCRYPTED),  XLAT(STATX_ATTR_AUTOMOUNT),
    XLAT(STATX_ATTR_MOUNT_ROOT), XLAT(STATX_ATTR_VERITY),
    XLAT(STATX_ATTR_DAX),        XlatEntry{kStatxAttrWriteAtomic, "STATX_ATTR_WRITE_ATOMIC"}};
const Xlat kStatxAttributesTable{kStatxAttributes, "STATX_ATTR_???"};

// The kernel's struct statx as of Linux 6.16 (256 bytes; the C library's
// copy may be older).
struct KernelStatx {
  std::uint32_t stx_mask;
  std::uint32_t stx_blksize;
  std::uint64_t stx_attributes;
  std::uint32_t stx_nlink;
  std::uint32_t stx_uid;
  std::uint32_t stx_gid;
  std::uint16_t stx_mode;
  std::uint16_t spare0;
  std::uint64_t stx_ino;
  std::uint64_t stx_size;
  std::uint64_t stx_blocks;
  std::uint64_t stx_attributes_mask;
  statx_timestamp stx_atime;
  statx_timestamp stx_btime;
  statx_timestamp stx_ctime;
  statx_timestamp stx_mtime;
  std::uint32_t stx_rdev_major;
  std::uint32_t stx_rdev_minor;
  std::uint32_t stx_dev_major;
  std::uint32_t stx_dev_minor;
  std::uint64_t stx_mnt_id;
  std::uint32_t stx_dio_mem_align;
  std::uint32_t stx_dio_offset_align;
  std::uint64_t stx_subvol;
  std::uint32_t stx_atomic_write_unit_min;
  std::uint32_t stx_atomic_write_unit_max;
  std::uint32_t stx_atomic_write_segments_max;
  std::uint32_t stx_dio_read_offset_align;
  std::uint32_t stx_atomic_write_unit_max_opt;
  std::uint32_t spare2;
  std::uint64_t spare3[8];
};
static_assert(sizeof(KernelStatx) == 256);

constexpr std::uint32_t kStatxMntId = 0x1000;
constexpr std::uint32_t kStatxDioAlign = 0x2000;
constexpr std::uint32_t kStatxSubvol = 0x8000;
constexpr std::uint32_t kStatxDioReadAlign = 0x20000;

// "{tv_sec=N, tv_nsec=N} /* date */", as strace's print_statx_timestamp.
void print_statx_time(const char* name, const statx_timestamp& ts, auto& out) {
  fmt::format_to(std::back_inserter(out), ", {}={{tv_sec={}, tv_nsec={}}}", name, ts.tv_sec,
                 static_cast<std::uint32_t>(ts.tv_nsec));
  print_date_comment(ts.tv_sec, static_cast<std::uint32_t>(ts.tv_nsec), as_text(out));
}

// strace 7.2's statx: a field appears when stx_mask says the kernel filled
// it (the atomic-write fields when stx_attributes has
// STATX_ATTR_WRITE_ATOMIC); without -v only mask, attributes, mode, size.
bool format_statx_out(const ArgContext& c, ValueOut& out) {
  auto st = read_out<KernelStatx>(c, out);
  if (!st) return true;
  const std::uint32_t m = st->stx_mask;
  const bool v = c.opts.verbose;
  auto field = [&out](const char* name, std::uint64_t value) {
    fmt::format_to(std::back_inserter(out), ", {}={}", name, value);
  };
  auto hex_field = [&out](const char* name, std::uint64_t value) {
    fmt::format_to(std::back_inserter(out), ", {}=", name);
    print_hex(value, out);
  };
  out += "{stx_mask=";
  print_flags(tables::statx_mask, m, out);
  if (v) field("stx_blksize", st->stx_blksize);
  out += ", stx_attributes=";
  print_flags(kStatxAttributesTable, st->stx_attributes, out);
  if (v) {
    if (m & STATX_NLINK) field("stx_nlink", st->stx_nlink);
    if (m & STATX_UID) field("stx_uid", st->stx_uid);
    if (m & STATX_GID) field("stx_gid", st->stx_gid);
  }
  if (m & (STATX_TYPE | STATX_MODE)) {
    out += ", stx_mode=";
    print_file_mode(st->stx_mode, out);
  }
  if (v && (m & STATX_INO)) field("stx_ino", st->stx_ino);
  if (m & STATX_SIZE) field("stx_size", st->stx_size);
  if (!v) {
    out += ", ...}";
    return true;
  }
  if (m & STATX_BLOCKS) field("stx_blocks", st->stx_blocks);
  out += ", stx_attributes_mask=";
  print_flags(kStatxAttributesTable, st->stx_attributes_mask, out);
  if (m & STATX_ATIME) print_statx_time("stx_atime", st->stx_atime, out);
  if (m & STATX_BTIME) print_statx_time("stx_btime", st->stx_btime, out);
  if (m & STATX_CTIME) print_statx_time("stx_ctime", st->stx_ctime, out);
  if (m & STATX_MTIME) print_statx_time("stx_mtime", st->stx_mtime, out);
  field("stx_rdev_major", st->stx_rdev_major);
  field("stx_rdev_minor", st->stx_rdev_minor);
  field("stx_dev_major", st->stx_dev_major);
  field("stx_dev_minor", st->stx_dev_minor);
  if (m & kStatxMntId) hex_field("stx_mnt_id", st->stx_mnt_id);
  if (m & kStatxDioAlign) {
    field("stx_dio_mem_align", st->stx_dio_mem_align);
    field("stx_dio_offset_align", st->stx_dio_offset_align);
  }
  if (m & kStatxSubvol) hex_field("stx_subvol", st->stx_subvol);
  const bool atomic = (st->stx_attributes & kStatxAttrWriteAtomic) != 0;
  if (atomic) {
    field("stx_atomic_write_unit_min", st->stx_atomic_write_unit_min);
    field("stx_atomic_write_unit_max", st->stx_atomic_write_unit_max);
    field("stx_atomic_write_segments_max", st->stx_atomic_write_segments_max);
  }
  if (m & kStatxDioReadAlign) field("stx_dio_read_offset_align", st->stx_dio_read_offset_align);
  if (atomic) field("stx_atomic_write_unit_max_opt", st->stx_atomic_write_unit_max_opt);
  out += '}';
  return true;
}

struct KernelRlimit {
  std::uint64_t cur;
  std::uint64_t max;
};

// A limit as strace 7.2 prints the 64-bit rlim_t every 64-bit ABI uses
// (getrlimit, setrlimit and prlimit64 alike): RLIM64_INFINITY, a multiple
// of 1024 as "8192*1024", else the number; -X styles these like constants.
void print_rlim(std::uint64_t v, auto& out) {
  std::string symbol;
  if (v == ~std::uint64_t{0})
    symbol = "RLIM64_INFINITY";
  else if (v > 1024 && v % 1024 == 0)
    symbol = fmt::format("{}*1024", v / 1024);
  print_styled(fmt::format("{}", v), symbol, out);
}

bool format_rlimit(const ArgContext& c, ValueOut& out) {
  auto r = read_at<KernelRlimit>(c, c.value(), c.exiting, out);
  if (!r) return true;
  StructPrinter s(out);
  print_rlim(r->cur, s.field("rlim_cur"));
  print_rlim(r->max, s.field("rlim_max"));
  return true;
}

// struct rseq as of Linux 6.18 (32 bytes registered by glibc).
struct KernelRseq {
  std::uint32_t cpu_id_start;
  std::uint32_t cpu_id;
  std::uint64_t rseq_cs;
  std::uint32_t flags;
  std::uint32_t node_id;
  std::uint32_t mm_cid;
  std::uint8_t slice_request;
  std::uint8_t slice_granted;
  std::uint16_t slice_reserved;
};

// A cpu number, or one of the two markers, which strace prints as the
// negative ints they are ("-1 /* RSEQ_CPU_ID_UNINITIALIZED */" with -X
// verbose).
void print_rseq_cpu_id(std::uint32_t id, auto& out) {
  std::string_view name = lookup(tables::rseq_cpu_id, id);
  if (name.empty())
    print_uint(id, out);
  else
    print_styled(fmt::format("{}", static_cast<std::int32_t>(id)), name, out);
}

bool format_rseq_in(const ArgContext& c, ValueOut& out) {
  auto r = read_in<KernelRseq>(c, out);
  if (!r) return true;
  out += "{cpu_id_start=";
  print_rseq_cpu_id(r->cpu_id_start, out);
  out += ", cpu_id=";
  print_rseq_cpu_id(r->cpu_id, out);
  out += ", rseq_cs=";
  print_addr(r->rseq_cs, out);
  fmt::format_to(std::back_inserter(out),
                 ", flags={}, node_id={}, mm_cid={}, slice_ctrl={{request={}, granted={}, "
                 "__reserved={}}}, __reserved=0}}",
                 r->flags, r->node_id, r->mm_cid, r->slice_request, r->slice_granted,
                 r->slice_reserved);
  return true;
}

constexpr std::array kStructKinds{
    KindDecoder{ArgKind::stat_out, Phase::exit, format_stat_out},
    KindDecoder{ArgKind::statx_out, Phase::exit, format_statx_out},
    KindDecoder{ArgKind::rlimit_in, Phase::entry, format_rlimit},
    KindDecoder{ArgKind::rlimit_out, Phase::exit, format_rlimit},
    KindDecoder{ArgKind::rseq_in, Phase::entry, format_rseq_in},
};

}  // namespace

std::span<const KindDecoder> struct_kinds() {
  return kStructKinds;
}

}  // namespace xtrace
