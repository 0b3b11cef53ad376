#!/usr/bin/env python3
"""Writes the seed corpora of decoder_fuzz and io_dump_fuzz (corpus/*/seed*).

Their inputs are read with libFuzzer's FuzzedDataProvider, which takes
numbers from the end of the input and bytes from its front; FDP below
builds inputs in the order the targets consume them, so that each seed is a
real call: registers, result and a tracee memory window (fuzz_memory.hpp)
holding strings, iovecs, a msghdr, a sockaddr, argv, a timespec, a
sigaction and pollfds.  Run it again when a target's consumption order
changes.
"""
import os
import struct

BASE = 0x7F0000000000  # fuzz_memory.hpp's kBase
HERE = os.path.dirname(os.path.abspath(__file__))


class FDP:
    def __init__(self):
        self.front = b""
        self.tail = []  # bytes in the order the target consumes them

    def integral(self, lo, hi, value):
        span = hi - lo
        raw = (value - lo) % (1 << 64)
        n = 0
        while n < 8 and (span >> (8 * n)) > 0:
            n += 1
        self.tail += list(raw.to_bytes(8, "big")[8 - n:])

    def string(self, text):  # ConsumeRandomLengthString
        self.front += text.replace(b"\\", b"\\\\") + b"\\x"

    def arg(self, value):  # fuzz_memory.hpp's consume_arg
        if value is None:
            self.integral(0, 3, 1)
        elif BASE <= value <= BASE + 8192:
            self.integral(0, 3, 0)
            self.integral(0, 8192, value - BASE)
        elif -16 <= value <= 4096:
            self.integral(0, 3, 2)
            self.integral(-16, 4096, value)
        else:
            self.integral(0, 3, 3)
            self.integral(0, (1 << 64) - 1, value % (1 << 64))

    def data(self, memory):
        return self.front + memory + bytes(reversed(self.tail))


def memory():
    m = bytearray(0x400)

    def put(off, b):
        m[off:off + len(b)] = b

    put(0x000, b"hello, world\n\0")
    put(0x040, struct.pack("<QQQQ", BASE, 5, BASE + 8, 6))  # iovec[2]
    put(0x060, struct.pack("<QI4xQQQQi4x", BASE + 0x100, 16, BASE + 0x40, 2,
                           BASE + 0x180, 24, 0))  # msghdr
    put(0x100, struct.pack("<HH4s8x", 2, 0x5000, bytes([127, 0, 0, 1])))  # sockaddr_in :80
    put(0x120, struct.pack("<QQQ", BASE + 0x1C0, BASE + 0x1C8, 0))  # argv
    put(0x140, struct.pack("<qq", 1, 500))  # timespec
    put(0x180, struct.pack("<QiiI", 20, 1, 1, 3))  # cmsghdr SCM_RIGHTS [3]
    put(0x1C0, b"/bin/ls\0-l\0")
    put(0x1D0, b"/etc/passwd\0")
    put(0x200, bytes(range(144)))  # struct stat, rusage, termios: anything
    put(0x300, struct.pack("<QQQQ", 1, 0x14000000, BASE, 0x10000))  # sigaction
    put(0x340, struct.pack("<ihhihh", 0, 1, 0, 1, 4, 4))  # pollfd[2]
    return bytes(m)


P = BASE
# (x86_64 number, args, result): read, write, openat, execve, readv,
# sendmsg, recvmsg, connect, nanosleep, newfstatat, rt_sigaction, poll,
# ioctl TCGETS, wait4, futex, a failed openat, an unknown number.
CALLS = [
    (0, [0, P, 13], 13),
    (1, [1, P, 13], 13),
    (257, [-100, P + 0x1D0, 0x80000], 3),
    (59, [P + 0x1C0, P + 0x120, P + 0x120], 0),
    (19, [3, P + 0x40, 2], 11),
    (46, [3, P + 0x60, 0], 11),
    (47, [3, P + 0x60, 0], 11),
    (42, [3, P + 0x100, 16], 0),
    (35, [P + 0x140, None], 0),
    (262, [-100, P + 0x1D0, P + 0x200, 0], 0),
    (13, [2, P + 0x300, P + 0x300, 8], 0),
    (7, [P + 0x340, 2, 100], 1),
    (16, [1, 0x5401, P + 0x200], 0),
    (61, [-1, P + 0x200, 0, P + 0x200], 42),
    (202, [P, 128, 1, P + 0x140], -110),
    (257, [-100, P + 0x1D0, 0x241, 0o644], -2),
    (999, [1, 2, 3], -38),
]


def decoder_seed(nr, args, rval):
    f = FDP()
    f.integral(0, 255, 0)  # x86_64
    f.integral(0, 15, 1)  # a known number
    f.integral(0, 0xFFFF, nr)  # two bytes: table_size + 15 < 65536
    for a in (args + [0] * 6)[:6]:
        f.arg(a)
    f.arg(None)  # sp
    if rval < 0:
        f.integral(0, 2, 0)
        f.integral(1, 4095, -rval)
    else:
        f.integral(0, 2, 1)
        f.arg(rval)
    f.integral(0, 7, 1)  # exits
    for lo, hi, v in [(0, 64, 32), (0, 3, 0), (0, 255, 0), (0, 2, 0), (0, 255, 0),
                      (0, 255, 0), (0, 255, 0), (0, 255, 0), (0, 65535, 0xF)]:
        f.integral(lo, hi, v)  # -s 32, no -x/-v/-X/-n/-N, -e read/write=0-3
    return f.data(memory())


# io_dump_fuzz's syscall list, by index: read, readv, recvmsg, write,
# writev, sendmsg.
DUMPS = [(0, [3, P, 13], 13), (3, [3, P + 0x40, 2], 11), (6, [3, P + 0x60, 0], 11),
         (7, [3, P, 13], 13), (10, [3, P + 0x40, 2], 11), (13, [3, P + 0x60, 0], 11)]


def io_dump_seed(index, args, rval):
    f = FDP()
    f.string(b"GET / HTTP/1.1\r\nHost: example\r\n\r\n")
    f.integral(0, 13, index)
    for a in (args + [0] * 6)[:6]:
        f.arg(a)
    f.arg(rval)
    f.integral(0, 255, 0)  # not an error
    return f.data(memory())


def write(target, seeds):
    folder = os.path.join(HERE, "corpus", target)
    os.makedirs(folder, exist_ok=True)
    for i, seed in enumerate(seeds):
        with open(os.path.join(folder, f"seed{i}"), "wb") as out:
            out.write(seed)


write("decoder_fuzz", [decoder_seed(*c) for c in CALLS])
write("io_dump_fuzz", [io_dump_seed(*c) for c in DUMPS])
