#!/usr/bin/env python3
"""Generate xtrace's constexpr syscall tables from the kernel's .tbl files and
signatures.tsv.  Standard library only; run by the build (see CMakeLists.txt).

Usage: gen_tables.py TABLES_DIR OUTPUT_FILE [HEADER_CHECK_FILE]

The kernel tables are the only source of numbers.  signatures.tsv (and, for
the names only i386 has, i386_signatures.tsv) is the only source of names'
argument kinds, return kinds and classes (see KINDS.md); i386_decoding.tsv
says which kinds and calls decode on i386; facts.tsv what the filter, fault
injection, the I/O dumps and -k know of a syscall beyond its arguments.  A
file is rewritten only when its text changes, so rebuilds stay incremental.
"""
import os
import re
import sys

# strace's class sets and behaviour bits, in bit order.
CLASSES = ["file", "desc", "network", "process", "signal", "ipc", "memory",
           "creds", "clock", "stat", "lstat", "fstat", "stat_like", "statfs",
           "fstatfs", "statfs_like", "pure", "never_fails", "map_change"]
RET_KINDS = ["int", "fd", "hex", "oct", "noreturn", "pid", "tid", "pgid", "sid", "time"]

# Which rows of which table belong to each architecture.
X86_64_ABIS = {"common", "64"}
I386_ABIS = {"i386"}
# x32 (x86_64 calls with bit 30 set) shares syscall_64.tbl: its common rows,
# its own rows from 512 on, and the "64" rows, which x32 numbers too but
# whose layouts are native-only (strace names them "NAME#64").
X32_ABIS = {"common", "64", "x32"}
ARM64_MAKEFILE = "arm64-Makefile.syscalls"


def read_tbl(path, abis):
    rows = []
    with open(path) as f:
        for line in f:
            fields = line.split("#", 1)[0].split()
            if len(fields) >= 3 and fields[1] in abis:
                rows.append((int(fields[0]), fields[2]))
    return rows


def arm64_abis(kernel_dir):
    abis = {"common", "64"}
    with open(os.path.join(kernel_dir, ARM64_MAKEFILE)) as f:
        for line in f:
            m = re.match(r"\s*syscall_abis_64\s*\+=\s*(.*)", line)
            if m:
                abis.update(m.group(1).split())
    return abis


def fail(msg):
    sys.stderr.write("gen_tables.py: %s\n" % msg)
    sys.exit(1)


# How the kernel reads a register of each C type: its width in bits and
# whether it is signed.  Any pointer ("char *", "struct stat *") is a full
# unsigned register.  A type not listed fails the build: add it here.
C_TYPES = {
    "int": "s32", "pid_t": "s32", "clockid_t": "s32", "timer_t": "s32",
    "key_serial_t": "s32", "key_t": "s32", "mqd_t": "s32", "rwf_t": "s32",
    "unsigned int": "u32", "u32": "u32", "uid_t": "u32", "gid_t": "u32", "qid_t": "u32",
    "umode_t": "u16",
    "long": "s64", "off_t": "s64", "loff_t": "s64",
    "unsigned long": "u64", "size_t": "u64", "u64": "u64", "aio_context_t": "u64",
}


def arg_width(ctype, where):
    if ctype.endswith("*"):
        return "u64"
    if ctype not in C_TYPES:
        fail("%s: unknown C type %r (add it to C_TYPES)" % (where, ctype))
    return C_TYPES[ctype]


def parse_arg(spec, where):
    """'size_t count:dec', 'char *buf:buf_out(ret)' -> (name, kind, ref, width)."""
    m = re.fullmatch(r"(.*?)\s*\b([A-Za-z_][A-Za-z0-9_]*):([a-z_0-9]+)(?:\(([A-Za-z_0-9]+)\))?",
                     spec)
    if not m or not m.group(1):
        fail("%s: bad argument spec %r (expected 'C-type name:kind')" % (where, spec))
    return m.group(2), m.group(3), m.group(4), arg_width(m.group(1), where)


def read_signatures(path, sigs=None):
    sigs = {} if sigs is None else sigs
    with open(path) as f:
        for lineno, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            fields = line.split("\t")
            where = "%s:%d" % (os.path.basename(path), lineno)
            if len(fields) < 3:
                fail("%s: expected name, ret, classes" % where)
            name, ret, classes = fields[0], fields[1], fields[2]
            if name in sigs:
                fail("%s: %s listed twice" % (where, name))
            if ret not in RET_KINDS:
                fail("%s: unknown return kind %r" % (where, ret))
            cls = [] if classes == "-" else classes.split(",")
            for c in cls:
                if c not in CLASSES:
                    fail("%s: unknown class %r" % (where, c))
            args = [parse_arg(a, where) for a in fields[3:] if a]
            if len(args) > 6:
                fail("%s: more than 6 arguments" % where)
            names = [a[0] for a in args]
            resolved = []
            for argname, kind, ref, width in args:
                if ref is None:
                    idx = -1
                elif ref == "ret":
                    idx = -2
                elif ref in names:
                    idx = names.index(ref)
                else:
                    fail("%s: %s refers to unknown argument %r" % (where, argname, ref))
                resolved.append((argname, kind, idx, width))
            sigs[name] = (ret, cls, resolved)
    return sigs


def all_signatures(tables_dir):
    sigs = read_signatures(os.path.join(tables_dir, "signatures.tsv"))
    return read_signatures(os.path.join(tables_dir, "i386_signatures.tsv"), sigs)


def read_i386_decoding(path, kinds, both):
    """i386_decoding.tsv -> (kinds decoded as native, names printed raw)."""
    decoded, raw = set(), set()
    with open(path) as f:
        for lineno, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            where = "i386_decoding.tsv:%d" % lineno
            fields = line.split("\t")
            if len(fields) != 2 or fields[0] not in ("kind", "raw"):
                fail("%s: expected 'kind<TAB>NAME' or 'raw<TAB>NAME'" % where)
            if fields[0] == "kind":
                if fields[1] not in kinds:
                    fail("%s: no signature uses the kind %r" % (where, fields[1]))
                decoded.add(fields[1])
            else:
                if fields[1] not in both:
                    fail("%s: %r is not in both the x86_64 and the i386 table" % (where, fields[1]))
                raw.add(fields[1])
    return decoded, raw


FILE_SOURCES = ("pollfds", "fd_sets", "fsconfig")
IO_DIRECTIONS = ("read", "write")
IO_FORMS = ("buffer", "iovec", "msghdr")
MAP_CALLS = ("mmap", "mprotect", "munmap", "mremap", "shmat", "shm_other", "exec")


def read_facts(path, sigs):
    """facts.tsv: name -> (files, short, io, maps) as C++ initializer text."""
    facts = {}
    with open(path) as f:
        for lineno, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            where = "%s:%d" % (os.path.basename(path), lineno)
            fields = line.split("\t")
            if len(fields) != 5:
                fail("%s: expected name, files, short, io, maps" % where)
            name, files, short, io, maps = fields
            if name not in sigs:
                fail("%s: unknown syscall %r" % (where, name))
            if name in facts:
                fail("%s: %s listed twice" % (where, name))
            nargs = len(sigs[name][2])

            def arg_index(text):
                if not text.isdigit() or int(text) >= max(nargs, 1):
                    fail("%s: %r is no argument of %s" % (where, text, name))
                return int(text)

            if files != "-" and not {"file", "desc", "network"} & set(sigs[name][1]):
                fail("%s: files given for %s, which -P never looks at (not file, desc or "
                     "network)" % (where, name))
            fds = paths = 0
            if files == "-":
                source = "by_class"
            elif files == "none":
                source = "listed"
            elif files.startswith("="):
                source = files[1:]
                if source not in FILE_SOURCES:
                    fail("%s: unknown descriptor source %r" % (where, files))
            else:
                source = "listed"
                if len(files) > nargs or any(c not in "fp-" for c in files):
                    fail("%s: bad file roles %r for %d arguments" % (where, files, nargs))
                for i, c in enumerate(files):
                    fds |= (c == "f") << i
                    paths |= (c == "p") << i
            short_arg = -1 if short == "-" else arg_index(short)
            io_dir, io_form, io_buf, io_count = "none", "buffer", -1, -1
            if io != "-":
                parts = io.split(":")
                if len(parts) not in (3, 4) or parts[0] not in IO_DIRECTIONS \
                        or parts[1] not in IO_FORMS or (len(parts) == 4) != (parts[1] == "iovec"):
                    fail("%s: bad io %r" % (where, io))
                io_dir, io_form, io_buf = parts[0], parts[1], arg_index(parts[2])
                io_count = arg_index(parts[3]) if len(parts) == 4 else -1
            if maps != "-" and maps not in MAP_CALLS:
                fail("%s: unknown maps %r" % (where, maps))
            facts[name] = "{FileArgs::%s, %d, %d, %d, IoDump::%s, IoForm::%s, %d, %d, MapCall::%s}" % (
                source, fds, paths, short_arg, io_dir, io_form, io_buf, io_count,
                "none" if maps == "-" else maps)
    return facts


def by_number(rows, ids):
    size = max(n for n, _ in rows) + 1
    table = [-1] * size
    for n, name in rows:
        table[n] = ids[name]
    return table


CPP_KEYWORDS = {"int", "long", "unsigned", "signed", "short", "char", "bool", "float",
                "double", "void", "auto", "register", "default", "delete", "new", "break"}


def cpp_ident(kind):
    """The enumerator for a kind or syscall name: C++ keywords get a trailing
    underscore (i386's `break` is SysId::break_)."""
    return kind + "_" if kind in CPP_KEYWORDS else kind


def generate(tables_dir):
    kdir = os.path.join(tables_dir, "kernel")
    newer = read_tbl(os.path.join(kdir, "newer.tbl"), {"common"})
    x86 = read_tbl(os.path.join(kdir, "syscall_64.tbl"), X86_64_ABIS) + newer
    arm = read_tbl(os.path.join(kdir, "syscall.tbl"), arm64_abis(kdir)) + newer
    # The numbers from 424 on are the same on every arch: newer.tbl's too.
    i386 = read_tbl(os.path.join(kdir, "syscall_32.tbl"), I386_ABIS) + newer
    x32_all = read_tbl(os.path.join(kdir, "syscall_64.tbl"), X32_ABIS) + newer
    native_only = {n for n, _ in read_tbl(os.path.join(kdir, "syscall_64.tbl"), {"64"})}
    # A name's x32 number is its common or x32 row, never its "64" row.
    x32 = [(n, name) for n, name in x32_all if n not in native_only]
    sigs = all_signatures(tables_dir)

    names = sorted(set(n for _, n in x86) | set(n for _, n in arm) | set(n for _, n in i386))
    missing = [n for n in names if n not in sigs]
    if missing:
        fail("no signature for: " + " ".join(missing))
    extra = [n for n in sigs if n not in set(names)]
    if extra:
        fail("signature for a syscall no table has: " + " ".join(extra))
    ids = {n: i for i, n in enumerate(names)}
    kinds = sorted({k for _, _, args in sigs.values() for _, k, _, _ in args})
    i386_kinds, i386_raw = read_i386_decoding(
        os.path.join(tables_dir, "i386_decoding.tsv"), set(kinds),
        set(n for _, n in x86) & set(n for _, n in i386))

    out = []
    w = out.append
    w("// Generated by syscall_tables/gen_tables.py from the kernel's tables and")
    w("// signatures.tsv.  Do not edit: edit those and rebuild.")
    w("#pragma once")
    w("namespace xtrace::generated {")
    w("inline constexpr std::size_t kSysCount = %d;" % len(names))
    w("// The index of each syscall in kSyscalls, by name: SysId::execve.  An")
    w("// unscoped enum in a namespace of its own, so that it indexes tables and")
    w("// sets as the integer it is, and its names do not leak into xtrace::.")
    w("namespace sys_ids {")
    w("enum SysId : std::uint16_t {")
    for i, n in enumerate(names):
        w("  %s = %d," % (cpp_ident(n), i))
    w("};")
    w("}  // namespace sys_ids")
    w("enum class ArgKind : std::uint16_t {")
    for k in kinds:
        w("  %s," % cpp_ident(k))
    w("};")
    w("inline constexpr std::size_t kArgKindCount = %d;" % len(kinds))
    w("inline constexpr std::array<std::string_view, kArgKindCount> kArgKindNames{{")
    w("  " + ", ".join('"%s"' % k for k in kinds))
    w("}};")
    w("// Whether an i386 argument of each kind decodes as a native one (i386_decoding.tsv).")
    w("inline constexpr std::array<bool, kArgKindCount> kI386DecodedKind{{")
    w("  " + ", ".join("true" if k in i386_kinds else "false" for k in kinds))
    w("}};")
    w("enum class RetKind : std::uint8_t { %s };" % ", ".join(cpp_ident(r) for r in RET_KINDS))
    w("namespace cls {")
    for i, c in enumerate(CLASSES):
        w("inline constexpr std::uint32_t %s = 1u << %d;" % (c, i))
    w("}  // namespace cls")
    w("inline constexpr std::array<std::string_view, %d> kClassNames{{" % len(CLASSES))
    w("  " + ", ".join('"%s"' % c for c in CLASSES))
    w("}};")
    w("inline constexpr std::array<SyscallDesc, kSysCount> kSyscalls{{")
    for n in names:
        ret, cls, args = sigs[n]
        mask = " | ".join("cls::" + c for c in cls) or "0"
        argtxt = ", ".join('{"%s", ArgKind::%s, %d, ArgWidth::%s}' % (a, cpp_ident(k), r, w)
                           for a, k, r, w in args)
        w('  {"%s", RetKind::%s, %s, %d, {{%s}}},' % (n, cpp_ident(ret), mask, len(args), argtxt))
    w("}};")
    w("// Calls whose i386 arguments are not the native ones: printed raw there.")
    facts = read_facts(os.path.join(tables_dir, "facts.tsv"), sigs)
    none = "{FileArgs::by_class, 0, 0, -1, IoDump::none, IoForm::buffer, -1, -1, MapCall::none}"
    w("// facts.tsv, by SysId.")
    w("inline constexpr std::array<SyscallFacts, kSysCount> kFacts{{")
    for n in names:
        w("  %s,  // %s" % (facts.get(n, none), n))
    w("}};")
    w("inline constexpr std::array<bool, kSysCount> kI386Raw{{")
    for i in range(0, len(names), 16):
        w("  " + ", ".join("true" if n in i386_raw else "false" for n in names[i:i + 16]) + ",")
    w("}};")
    for label, rows, numbered in (("X86_64", x86, x86), ("Aarch64", arm, arm),
                                  ("I386", i386, i386), ("X32", x32, x32_all)):
        table = by_number(numbered, ids)
        w("inline constexpr std::array<std::int16_t, %d> k%sByNr{{" % (len(table), label))
        for i in range(0, len(table), 16):
            w("  " + ", ".join(str(v) for v in table[i:i + 16]) + ",")
        w("}};")
        nr = [-1] * len(names)
        for num, name in rows:
            nr[ids[name]] = num
        w("inline constexpr std::array<std::int16_t, kSysCount> k%sNr{{" % label)
        for i in range(0, len(nr), 16):
            w("  " + ", ".join(str(v) for v in nr[i:i + 16]) + ",")
        w("}};")
    size = max(n for n, _ in x32_all) + 1
    w("// x32 numbers of the \"64\" rows: native layouts, printed raw as NAME#64.")
    w("inline constexpr std::array<bool, %d> kX32NativeOnly{{" % size)
    for i in range(0, size, 16):
        w("  " + ", ".join("true" if n in native_only else "false"
                           for n in range(i, min(i + 16, size))) + ",")
    w("}};")
    w("}  // namespace xtrace::generated")
    return "\n".join(out) + "\n"


def generate_header_check(tables_dir):
    """A list for the unit tests: every name, with the C library header's
    __NR_ value where the header including this file defines one."""
    sigs = all_signatures(tables_dir)
    out = ["// Generated by syscall_tables/gen_tables.py: include after a <asm/unistd*.h>."]
    for name in sorted(sigs):
        out.append("#ifdef __NR_%s" % name)
        out.append('{"%s", __NR_%s},' % (name, name))
        out.append("#endif")
    return "\n".join(out) + "\n"


def write_if_changed(path, text):
    try:
        with open(path) as f:
            if f.read() == text:
                return
    except OSError:
        pass
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)


def main():
    if len(sys.argv) not in (3, 4):
        fail("usage: gen_tables.py TABLES_DIR OUTPUT_FILE [HEADER_CHECK_FILE]")
    write_if_changed(sys.argv[2], generate(sys.argv[1]))
    if len(sys.argv) == 4:
        write_if_changed(sys.argv[3], generate_header_check(sys.argv[1]))


if __name__ == "__main__":
    main()
