// Kinds that point at kernel structures: read with one memory read each,
// printed abbreviated (as strace does) unless -v.
#include <linux/stat.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>

#include <array>
#include <ctime>

#include "date_text.hpp"
#include "format_helpers.hpp"
#include "struct_reader.hpp"
#include "xlat_tables.hpp"
#include "xtrace/decode.hpp"

namespace xtrace {
namespace {

using namespace decode;

void print_file_mode_symbolic(std::uint32_t mode, std::string& out);

// -X raw prints the octal number, -X verbose adds the names as a comment.
void print_file_mode(std::uint32_t mode, std::string& out) {
  std::string symbolic;
  print_file_mode_symbolic(mode, symbolic);
  print_styled(fmt::format("0{:o}", mode), symbolic, out);
}

void print_file_mode_symbolic(std::uint32_t mode, std::string& out) {
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
void print_time(std::int64_t sec, std::uint64_t nsec, std::string& out) {
  fmt::format_to(std::back_inserter(out), "{}", sec);
  print_date_comment(sec, nsec, out);
}

}  // namespace

void decode::print_date_comment(std::int64_t sec, std::uint64_t nsec, std::string& out) {
  if (std::string date = date_text(sec, nsec); !date.empty())
    fmt::format_to(std::back_inserter(out), " /* {} */", date);
}

namespace {

bool format_stat_out(const ArgContext& c, std::string& out) {
  auto st = read_out<struct stat>(c, out);
  if (!st) return true;
  out += '{';
  if (c.opts.verbose) {
    out += "st_dev=";
    print_dev(st->st_dev, out);
    fmt::format_to(std::back_inserter(out), ", st_ino={}, st_mode=", st->st_ino);
  } else {
    out += "st_mode=";
  }
  print_file_mode(st->st_mode, out);
  if (c.opts.verbose)
    fmt::format_to(std::back_inserter(out),
                   ", st_nlink={}, st_uid={}, st_gid={}, st_blksize={}, st_blocks={}", st->st_nlink,
                   st->st_uid, st->st_gid, st->st_blksize, st->st_blocks);
  if (S_ISCHR(st->st_mode) || S_ISBLK(st->st_mode)) {
    out += ", st_rdev=";
    print_dev(st->st_rdev, out);
  } else {
    fmt::format_to(std::back_inserter(out), ", st_size={}", st->st_size);
  }
  if (!c.opts.verbose) {
    out += ", ...}";
    return true;
  }
  const std::pair<const char*, const timespec*> times[] = {
      {"st_atime", &st->st_atim}, {"st_mtime", &st->st_mtim}, {"st_ctime", &st->st_ctim}};
  for (const auto& [name, ts] : times) {
    fmt::format_to(std::back_inserter(out), ", {}=", name);
    print_time(ts->tv_sec, ts->tv_nsec, out);
    fmt::format_to(std::back_inserter(out), ", {}_nsec={}", name, ts->tv_nsec);
  }
  out += '}';
  return true;
}

constexpr std::array kStatxAttributes{
    XLAT(STATX_ATTR_COMPRESSED), XLAT(STATX_ATTR_IMMUTABLE), XLAT(STATX_ATTR_APPEND),
    XLAT(STATX_ATTR_NODUMP),     XLAT(STATX_ATTR_ENCRYPTED), XLAT(STATX_ATTR_AUTOMOUNT),
    XLAT(STATX_ATTR_MOUNT_ROOT), XLAT(STATX_ATTR_VERITY),    XLAT(STATX_ATTR_DAX)};
const Xlat kStatxAttributesTable{kStatxAttributes, "STATX_ATTR_???"};

void print_statx_time(const char* name, const statx_timestamp& ts, std::string& out) {
  fmt::format_to(std::back_inserter(out), ", {}={{tv_sec=", name);
  print_time(ts.tv_sec, ts.tv_nsec, out);
  fmt::format_to(std::back_inserter(out), ", tv_nsec={}}}", static_cast<std::uint64_t>(ts.tv_nsec));
}

bool format_statx_out(const ArgContext& c, std::string& out) {
  auto st = read_out<struct statx>(c, out);
  if (!st) return true;
  out += "{stx_mask=";
  print_flags(tables::statx_mask, st->stx_mask, out);
  if (c.opts.verbose) fmt::format_to(std::back_inserter(out), ", stx_blksize={}", st->stx_blksize);
  out += ", stx_attributes=";
  print_flags(kStatxAttributesTable, st->stx_attributes, out);
  if (c.opts.verbose)
    fmt::format_to(std::back_inserter(out), ", stx_nlink={}, stx_uid={}, stx_gid={}", st->stx_nlink,
                   st->stx_uid, st->stx_gid);
  out += ", stx_mode=";
  print_file_mode(st->stx_mode, out);
  if (c.opts.verbose) fmt::format_to(std::back_inserter(out), ", stx_ino={}", st->stx_ino);
  fmt::format_to(std::back_inserter(out), ", stx_size={}", st->stx_size);
  if (!c.opts.verbose) {
    out += ", ...}";
    return true;
  }
  fmt::format_to(std::back_inserter(out), ", stx_blocks={}, stx_attributes_mask=", st->stx_blocks);
  print_flags(kStatxAttributesTable, st->stx_attributes_mask, out);
  print_statx_time("stx_atime", st->stx_atime, out);
  print_statx_time("stx_btime", st->stx_btime, out);
  print_statx_time("stx_ctime", st->stx_ctime, out);
  print_statx_time("stx_mtime", st->stx_mtime, out);
  fmt::format_to(std::back_inserter(out),
                 ", stx_rdev_major={}, stx_rdev_minor={}, stx_dev_major={}, stx_dev_minor={}}}",
                 st->stx_rdev_major, st->stx_rdev_minor, st->stx_dev_major, st->stx_dev_minor);
  return true;
}

struct KernelRlimit {
  std::uint64_t cur;
  std::uint64_t max;
};

// A limit as strace 7.2 prints the 64-bit rlim_t every 64-bit ABI uses
// (getrlimit, setrlimit and prlimit64 alike): RLIM64_INFINITY, a multiple
// of 1024 as "8192*1024", else the number; -X styles these like constants.
void print_rlim(std::uint64_t v, std::string& out) {
  std::string symbol;
  if (v == ~std::uint64_t{0})
    symbol = "RLIM64_INFINITY";
  else if (v > 1024 && v % 1024 == 0)
    symbol = fmt::format("{}*1024", v / 1024);
  print_styled(fmt::format("{}", v), symbol, out);
}

bool format_rlimit(const ArgContext& c, std::string& out) {
  auto r = read_at<KernelRlimit>(c, c.value(), c.exiting, out);
  if (!r) return true;
  out += "{rlim_cur=";
  print_rlim(r->cur, out);
  out += ", rlim_max=";
  print_rlim(r->max, out);
  out += '}';
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
void print_rseq_cpu_id(std::uint32_t id, std::string& out) {
  std::string_view name = lookup(tables::rseq_cpu_id, id);
  if (name.empty())
    print_uint(id, out);
  else
    print_styled(fmt::format("{}", static_cast<std::int32_t>(id)), name, out);
}

bool format_rseq_in(const ArgContext& c, std::string& out) {
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
    KindDecoder{"stat_out", Phase::exit, format_stat_out},
    KindDecoder{"statx_out", Phase::exit, format_statx_out},
    KindDecoder{"rlimit_in", Phase::entry, format_rlimit},
    KindDecoder{"rlimit_out", Phase::exit, format_rlimit},
    KindDecoder{"rseq_in", Phase::entry, format_rseq_in},
};

}  // namespace

std::span<const KindDecoder> struct_kinds() {
  return kStructKinds;
}

}  // namespace xtrace
