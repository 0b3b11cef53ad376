// What the kernel tells about files: stat, statx, statfs, directory
// entries, the working directory.  Abbreviated (as strace does) unless -v.
#include <dirent.h>
#include <linux/stat.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/sysmacros.h>

#include <array>
#include <cstring>
#include <ctime>

#include "array_printer.hpp"
#include "date_text.hpp"
#include "field_printer.hpp"
#include "format_helpers.hpp"
#include "fs_tables.hpp"
#include "struct_reader.hpp"
#include "xlat.hpp"
#include "xtrace/decode.hpp"
#include "xtrace/quote.hpp"

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
void print_statx_time(const statx_timestamp& ts, ValueOut& out) {
  {
    StructPrinter s(out);
    print_int(ts.tv_sec, s.field("tv_sec"));
    print_uint(ts.tv_nsec, s.field("tv_nsec"));
  }
  print_date_comment(ts.tv_sec, ts.tv_nsec, as_text(out));
}

// strace 7.2's statx: a field appears when stx_mask says the kernel filled
// it (the atomic-write fields when stx_attributes has
// STATX_ATTR_WRITE_ATOMIC); without -v only mask, attributes, mode, size.
bool format_statx_out(const ArgContext& c, ValueOut& out) {
  auto st = read_out<KernelStatx>(c, out);
  if (!st) return true;
  const std::uint32_t m = st->stx_mask;
  const bool v = c.opts.verbose;
  StructPrinter s(out);
  auto field = [&s](const char* name, std::uint64_t value) { print_uint(value, s.field(name)); };
  auto hex_field = [&s](const char* name, std::uint64_t value) { print_hex(value, s.field(name)); };
  print_flags(tables::statx_mask, m, s.field("stx_mask"));
  if (v) field("stx_blksize", st->stx_blksize);
  print_flags(kStatxAttributesTable, st->stx_attributes, s.field("stx_attributes"));
  if (v) {
    if (m & STATX_NLINK) field("stx_nlink", st->stx_nlink);
    if (m & STATX_UID) field("stx_uid", st->stx_uid);
    if (m & STATX_GID) field("stx_gid", st->stx_gid);
  }
  if (m & (STATX_TYPE | STATX_MODE)) print_file_mode(st->stx_mode, s.field("stx_mode"));
  if (v && (m & STATX_INO)) field("stx_ino", st->stx_ino);
  if (m & STATX_SIZE) field("stx_size", st->stx_size);
  if (!v) {
    out.more();
    return true;
  }
  if (m & STATX_BLOCKS) field("stx_blocks", st->stx_blocks);
  print_flags(kStatxAttributesTable, st->stx_attributes_mask, s.field("stx_attributes_mask"));
  if (m & STATX_ATIME) print_statx_time(st->stx_atime, s.field("stx_atime"));
  if (m & STATX_BTIME) print_statx_time(st->stx_btime, s.field("stx_btime"));
  if (m & STATX_CTIME) print_statx_time(st->stx_ctime, s.field("stx_ctime"));
  if (m & STATX_MTIME) print_statx_time(st->stx_mtime, s.field("stx_mtime"));
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
  return true;
}

constexpr std::array kDirentTypes{XLAT(DT_UNKNOWN), XLAT(DT_FIFO), XLAT(DT_CHR),
                                  XLAT(DT_DIR),     XLAT(DT_BLK),  XLAT(DT_REG),
                                  XLAT(DT_LNK),     XLAT(DT_SOCK), XLAT(DT_WHT)};
const Xlat kDirentTable{kDirentTypes, "DT_???"};

// getdents/getdents64: the entry count, the entries themselves with -v.
bool format_dirents(const ArgContext& c, ValueOut& out) {
  if (c.failed() || c.value() == 0 || !c.deref) {
    print_addr(c.value(), out);
    return true;
  }
  auto len = static_cast<std::uint64_t>(c.rval);
  std::string buf(std::min<std::uint64_t>(len, 1u << 20), '\0');
  if (!c.mem.read(c.value(), buf.data(), buf.size())) {
    print_hex(c.value(), out);
    return true;
  }
  bool legacy = id_of(c.desc) == SysId::getdents;
  // Walks the records; each(ino, off, reclen, type, name) for every one.
  auto walk = [&](auto&& each) {
    std::size_t count = 0;
    for (std::size_t off = 0; off + 19 <= buf.size();) {
      std::uint64_t ino, doff;
      std::uint16_t reclen;
      std::memcpy(&ino, buf.data() + off, 8);
      std::memcpy(&doff, buf.data() + off + 8, 8);
      std::memcpy(&reclen, buf.data() + off + 16, 2);
      if (reclen == 0 || off + reclen > buf.size()) break;
      std::size_t name_at = legacy ? 18 : 19;
      // The old linux_dirent keeps d_type after the name, in its last byte.
      unsigned char type = legacy ? static_cast<unsigned char>(buf[off + reclen - 1])
                                  : static_cast<unsigned char>(buf[off + 18]);
      std::string_view name(buf.data() + off + name_at, reclen - name_at);
      each(ino, doff, reclen, type, name.substr(0, name.find('\0')));
      ++count;
      off += reclen;
    }
    return count;
  };
  if (c.abbrev) {
    std::size_t count = walk([](auto...) {});
    print_hex(c.value(), out);
    fmt::format_to(std::back_inserter(out), " /* {} entries */", count);
    return true;
  }
  ArrayPrinter entries(out);
  walk([&](std::uint64_t ino, std::uint64_t doff, std::uint16_t reclen, unsigned char type,
           std::string_view name) {
    StructPrinter e(entries.item());
    print_uint(ino, e.field("d_ino"));
    print_uint(doff, e.field("d_off"));
    print_uint(reclen, e.field("d_reclen"));
    // Fields in the order of the kernel's structure.
    if (!legacy) print_enum(kDirentTable, type, e.field("d_type"));
    quote_truncated(name, false, {c.opts.hex}, e.field("d_name"));
    if (legacy) print_enum(kDirentTable, type, e.field("d_type"));
  });
  return true;
}

// getcwd: the path the kernel wrote, its length is the result.
bool format_path_out(const ArgContext& c, ValueOut& out) {
  if (c.failed() || c.value() == 0) {
    print_addr(c.value(), out);
    return true;
  }
  std::string text;
  bool term = false;
  if (!c.mem.read_cstring(c.value(), 4096, text, &term)) {
    print_hex(c.value(), out);
    return true;
  }
  quote_string(text, {c.opts.hex}, out);
  return true;
}

constexpr std::array kFsMagics{
    XlatEntry{0xef53, "EXT2_SUPER_MAGIC"},          XlatEntry{0x01021994, "TMPFS_MAGIC"},
    XlatEntry{0x9fa0, "PROC_SUPER_MAGIC"},          XlatEntry{0x62656572, "SYSFS_MAGIC"},
    XlatEntry{0x794c7630, "OVERLAYFS_SUPER_MAGIC"}, XlatEntry{0x9123683e, "BTRFS_SUPER_MAGIC"},
    XlatEntry{0x58465342, "XFS_SUPER_MAGIC"},       XlatEntry{0x1cd1, "DEVPTS_SUPER_MAGIC"},
    XlatEntry{0x27e0eb, "CGROUP_SUPER_MAGIC"},      XlatEntry{0x63677270, "CGROUP2_SUPER_MAGIC"},
    XlatEntry{0x6969, "NFS_SUPER_MAGIC"},           XlatEntry{0x65735546, "FUSE_SUPER_MAGIC"},
    XlatEntry{0x2fc12fc1, "ZFS_SUPER_MAGIC"},       XlatEntry{0x01021997, "V9FS_MAGIC"},
    XlatEntry{0x73717368, "SQUASHFS_MAGIC"},        XlatEntry{0x4d44, "MSDOS_SUPER_MAGIC"},
    XlatEntry{0x858458f6, "RAMFS_MAGIC"},           XlatEntry{0x64626720, "DEBUGFS_MAGIC"}};
const Xlat kFsMagicTable{kFsMagics};
constexpr std::array kStFlags{XlatEntry{0x20, "ST_VALID"},    XlatEntry{1, "ST_RDONLY"},
                              XlatEntry{2, "ST_NOSUID"},      XlatEntry{4, "ST_NODEV"},
                              XlatEntry{8, "ST_NOEXEC"},      XlatEntry{16, "ST_SYNCHRONOUS"},
                              XlatEntry{64, "ST_MANDLOCK"},   XlatEntry{128, "ST_WRITE"},
                              XlatEntry{256, "ST_APPEND"},    XlatEntry{512, "ST_IMMUTABLE"},
                              XlatEntry{1024, "ST_NOATIME"},  XlatEntry{2048, "ST_NODIRATIME"},
                              XlatEntry{4096, "ST_RELATIME"}, XlatEntry{0x2000, "ST_NOSYMFOLLOW"}};
const Xlat kStFlagsTable{kStFlags, "ST_???"};

bool format_statfs(const ArgContext& c, ValueOut& out) {
  auto s = read_out<struct statfs>(c, out);
  if (!s) return true;
  StructPrinter fields(out);
  print_enum(kFsMagicTable, static_cast<std::uint64_t>(s->f_type), fields.field("f_type"));
  print_int(s->f_bsize, fields.field("f_bsize"));
  print_uint(s->f_blocks, fields.field("f_blocks"));
  print_uint(s->f_bfree, fields.field("f_bfree"));
  print_uint(s->f_bavail, fields.field("f_bavail"));
  print_uint(s->f_files, fields.field("f_files"));
  print_uint(s->f_ffree, fields.field("f_ffree"));
  int fsid[2];
  std::memcpy(fsid, &s->f_fsid, sizeof fsid);
  {
    StructPrinter fsid_fields(fields.field("f_fsid"));
    ArrayPrinter val(fsid_fields.field("val"));
    for (int half : fsid) print_hex(static_cast<unsigned>(half), val.item());
  }
  print_int(s->f_namelen, fields.field("f_namelen"));
  print_int(s->f_frsize, fields.field("f_frsize"));
  print_flags(kStFlagsTable, static_cast<std::uint64_t>(s->f_flags), fields.field("f_flags"));
  return true;
}

constexpr std::array kStatKinds{
    KindDecoder{ArgKind::stat_out, Phase::exit, format_stat_out},
    KindDecoder{ArgKind::statx_out, Phase::exit, format_statx_out},
    KindDecoder{ArgKind::statfs_out, Phase::exit, format_statfs},
    KindDecoder{ArgKind::dirents_out, Phase::exit, format_dirents},
    KindDecoder{ArgKind::path_out, Phase::exit, format_path_out},
};

}  // namespace

std::span<const KindDecoder> stat_kinds() {
  return kStatKinds;
}

}  // namespace xtrace
