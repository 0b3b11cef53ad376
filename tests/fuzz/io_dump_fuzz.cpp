// The hex dump of -e read= / -e write=: bytes dumped directly, and the
// dumps of read/write/readv/recvmsg/... calls whose buffers, iovec arrays
// and msghdrs are fuzzer-chosen tracee memory (fuzz_memory.hpp).
#include <fuzzer/FuzzedDataProvider.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "decode/core/io_dump.hpp"
#include "fuzz_memory.hpp"

using namespace xtrace;

namespace {

constexpr std::array<std::string_view, 14> kDumped{
    "read",  "pread64",  "recvfrom", "readv",  "preadv",  "preadv2",  "recvmsg",
    "write", "pwrite64", "sendto",   "writev", "pwritev", "pwritev2", "sendmsg"};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  FuzzedDataProvider in(data, size);
  std::string direct = in.ConsumeRandomLengthString(512);
  std::string out;
  decode::hex_dump(direct, out);

  SyscallEvent ev;
  ev.desc = &describe(
      *find_syscall(kDumped[in.ConsumeIntegralInRange<std::size_t>(0, kDumped.size() - 1)]));
  ev.nargs = ev.desc->nargs;
  for (auto& arg : ev.args) arg = fuzz::consume_arg(in);
  ev.rval = static_cast<std::int64_t>(fuzz::consume_arg(in));
  ev.is_error = in.ConsumeBool();
  ev.exited = true;
  DecodeOptions opts;
  // The fd of every call is argument 0; dump it both ways.
  if (ev.args[0] < kMaxDumpFd) {
    opts.dump_read.set(ev.args[0]);
    opts.dump_write.set(ev.args[0]);
  }
  fuzz::FuzzMemory mem(in.ConsumeRemainingBytesAsString());
  decode::dump_io(ev, mem, opts);
  return 0;
}
