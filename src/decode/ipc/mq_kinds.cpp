// POSIX message queue attributes: mq_open's (printed only when the call
// may create the queue) and mq_getsetattr's, whose mq_flags are named.
#include <fcntl.h>
#include <linux/mqueue.h>

#include <array>
#include <cstdint>

#include "families.hpp"
#include "field_printer.hpp"
#include "format_helpers.hpp"
#include "struct_reader.hpp"
#include "xlat.hpp"
#include "xtrace/decode.hpp"

namespace xtrace {
namespace {

using namespace decode;

constexpr std::array kMqAttrFlags{XLAT(O_NONBLOCK)};
const Xlat kMqAttrFlagsTable{kMqAttrFlags, "O_???"};

void print_mq_attr(const mq_attr& a, bool named_flags, ValueOut& out) {
  StructPrinter s(out);
  if (named_flags)
    print_flags(kMqAttrFlagsTable, static_cast<std::uint64_t>(a.mq_flags), s.field("mq_flags"));
  else
    print_hex(static_cast<std::uint64_t>(a.mq_flags), s.field("mq_flags"));
  print_int(a.mq_maxmsg, s.field("mq_maxmsg"));
  print_int(a.mq_msgsize, s.field("mq_msgsize"));
  print_int(a.mq_curmsgs, s.field("mq_curmsgs"));
}

// mq_open's mode and attributes mean something only with O_CREAT.
bool creates_queue(const ArgContext& c) {
  for (int i = 0; i < c.desc.nargs; ++i)
    if (c.desc.args[i].kind == ArgKind::open_flags) return (c.args[i] & O_CREAT) != 0;
  return true;
}

bool format_mq_attr_in(const ArgContext& c, ValueOut& out) {
  bool getsetattr = id_of(c.desc) == SysId::mq_getsetattr;
  if (!getsetattr && !creates_queue(c)) return false;
  if (auto a = read_in<mq_attr>(c, out)) print_mq_attr(*a, getsetattr, out);
  return true;
}

bool format_mq_attr_out(const ArgContext& c, ValueOut& out) {
  if (auto a = read_out<mq_attr>(c, out)) print_mq_attr(*a, true, out);
  return true;
}

constexpr std::array kMqKinds{
    KindDecoder{ArgKind::mq_attr_in, Phase::entry, format_mq_attr_in},
    KindDecoder{ArgKind::mq_attr_out, Phase::exit, format_mq_attr_out},
};

}  // namespace

std::span<const KindDecoder> mq_kinds() {
  return kMqKinds;
}

}  // namespace xtrace
