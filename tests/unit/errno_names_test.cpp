// A failed call's result text, against what strace 7.2 prints for the same
// errno (taken from `strace -e inject=getpid:error=N` runs).
#include <gtest/gtest.h>

#include <string>

#include "xtrace/decode.hpp"
#include "xtrace/inject_options.hpp"

namespace xtrace {
namespace {

struct Expected {
  int err;
  std::string_view text;
};

constexpr Expected kAsStrace[] = {
    {1, "-1 EPERM (Operation not permitted)"},
    {2, "-1 ENOENT (No such file or directory)"},
    {28, "-1 ENOSPC (No space left on device)"},
    {41, "-1 (errno 41)"},  // a hole in the numbering: no name anywhere
    {58, "-1 (errno 58)"},
    {95, "-1 EOPNOTSUPP (Operation not supported)"},
    {133, "-1 EHWPOISON (Memory page has hardware error)"},
    {134, "-1 (errno 134)"},
    {511, "-1 (errno 511)"},
    {512, "? ERESTARTSYS (To be restarted if SA_RESTART is set)"},
    {513, "? ERESTARTNOINTR (To be restarted)"},
    {514, "? ERESTARTNOHAND (To be restarted if no handler)"},
    {515, "-1 ENOIOCTLCMD (Unknown error 515)"},
    {516, "? ERESTART_RESTARTBLOCK (Interrupted by signal)"},
    {517, "-1 EPROBE_DEFER (Unknown error 517)"},
    {518, "-1 EOPENSTALE (Unknown error 518)"},
    {519, "-1 (errno 519)"},  // ENOPARAM: strace 7.2 has no name for it
    {520, "-1 (errno 520)"},
    {521, "-1 EBADHANDLE (Unknown error 521)"},
    {524, "-1 ENOTSUPP (Unknown error 524)"},
    {528, "-1 EJUKEBOX (Unknown error 528)"},
    {529, "-1 EIOCBQUEUED (Unknown error 529)"},
    {530, "-1 ERECALLCONFLICT (Unknown error 530)"},
    {531, "-1 (errno 531)"},
    {600, "-1 (errno 600)"},
    {4095, "-1 (errno 4095)"},
};

TEST(ErrnoNames, ResultTextAsStrace) {
  for (const auto& e : kAsStrace) EXPECT_EQ(format_errno_result(e.err), e.text) << e.err;
}

TEST(ErrnoNames, OnlyTheFourRestartCodesAreUnfinished) {
  for (int err = 1; err <= 4095; ++err)
    EXPECT_EQ(is_restart_errno(err), err == 512 || err == 513 || err == 514 || err == 516) << err;
}

TEST(ErrnoNames, KernelNamesAreAcceptedByErrorEquals) {
  EXPECT_EQ(parse_errno("EIOCBQUEUED"), 529);
  EXPECT_EQ(parse_errno("erestartsys"), 512);
  EXPECT_EQ(parse_errno("ENOPARAM"), std::nullopt);  // as strace 7.2: no such name
  EXPECT_EQ(parse_errno("4095"), 4095);
}

}  // namespace
}  // namespace xtrace
