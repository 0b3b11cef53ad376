// The argument decoders and struct printers, fed fuzzer-chosen syscalls,
// registers, results and tracee memory (fuzz_memory.hpp) through the same
// entry/exit path the pipeline takes, then rendered as text and as JSON
// under fuzzer-chosen -s, -x, -X, -v, -N and -e read=/write= options.
// Nothing here touches a process: -y and -Y (which read /proc and ask the
// kernel about sockets) stay off.
#include <fuzzer/FuzzedDataProvider.h>

#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_memory.hpp"
#include "xtrace/event_text.hpp"
#include "xtrace/syscall_decoder.hpp"
#include "xtrace/value_json.hpp"
#include "xtrace/value_text.hpp"

using namespace xtrace;

namespace {

DecodeOptions consume_options(FuzzedDataProvider& in) {
  DecodeOptions opts;
  opts.string_limit = in.ConsumeIntegralInRange<std::size_t>(0, 64);
  opts.hex = static_cast<HexStrings>(in.ConsumeIntegralInRange<int>(0, 3));
  opts.verbose = in.ConsumeBool();
  opts.const_style = static_cast<ConstStyle>(in.ConsumeIntegralInRange<int>(0, 2));
  opts.syscall_numbers = in.ConsumeBool();
  opts.arg_names = in.ConsumeBool();
  if (opts.verbose) opts.abbrev = SyscallSet();  // -v is -e abbrev=none
  if (in.ConsumeBool()) opts.deref = SyscallSet();
  if (in.ConsumeBool()) opts.raw = SyscallSet::everything();
  auto dumped = in.ConsumeIntegral<std::uint16_t>();  // -e read=/write= of fds 0..15
  for (int fd = 0; fd < 16; ++fd) {
    if (dumped & (1u << fd)) opts.dump_read.set(fd);
    if (dumped & (1u << fd)) opts.dump_write.set(fd);
  }
  return opts;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  FuzzedDataProvider in(data, size);
  SyscallEvent ev;
  // 0 (the seeds) is x86_64; i386 is a 64-bit process's int $0x80 call.
  ev.arch = static_cast<Arch>(in.ConsumeIntegralInRange<int>(0, 2));
  // By number, which the kernel keeps stable (seeds stay valid when the
  // tables grow); numbers past the table, or any 64 bits, are unknown
  // calls, printed raw as syscall_0x...
  if (in.ConsumeIntegralInRange<int>(0, 15) == 0)
    ev.nr = in.ConsumeIntegral<std::int64_t>();
  else
    ev.nr = in.ConsumeIntegralInRange<std::int64_t>(
        0, static_cast<std::int64_t>(table_size(ev.arch)) + 15);
  auto id = lookup(ev.arch, ev.nr);
  ev.desc = id ? &describe(*id) : nullptr;
  ev.nargs = ev.desc != nullptr ? ev.desc->nargs : 6;
  for (auto& arg : ev.args) arg = fuzz::consume_arg(in);
  // The kernel hands an i386 call's registers over as 32-bit values.
  if (ev.arch == Arch::i386)
    for (auto& arg : ev.args) arg &= 0xffffffffu;
  ev.sp = fuzz::consume_arg(in);
  std::int64_t rval = 0;
  bool is_error = false;
  switch (in.ConsumeIntegralInRange<int>(0, 2)) {
    case 0:
      rval = -in.ConsumeIntegralInRange<std::int64_t>(1, 4095);
      is_error = true;
      break;
    case 1: rval = static_cast<std::int64_t>(fuzz::consume_arg(in)); break;
    default: rval = in.ConsumeIntegral<std::int64_t>(); break;
  }
  if (ev.arch == Arch::i386) rval = static_cast<std::int32_t>(rval);  // eax, sign-extended
  bool exits = in.ConsumeIntegralInRange<int>(0, 7) != 0;             // else cut short: entry only
  DecodeOptions opts = consume_options(in);
  fuzz::FuzzMemory mem(in.ConsumeRemainingBytesAsString());

  decode_entry(ev, mem, opts);
  if (exits) {
    ev.rval = rval;
    ev.is_error = is_error;
    ev.exited = true;
    decode_exit(ev, mem, opts);
  }
  std::string text = syscall_name(ev);
  TextStyle style = text_style_of(opts);
  for (int i = 0; i < ev.nargs; ++i) {
    if (ev.omitted[i]) continue;
    render_arg_text(ev, i, style, text);
    // As the JSON sink writes it: dump_line replaces invalid UTF-8.
    (void)dump_line(value_json(ev.arg(i)));
  }
  text += ev.rval_text;
  text += ev.trailer;
  return 0;
}
