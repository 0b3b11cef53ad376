// The hint after a -p attach failed with EPERM: strace 7.2's checks, in
// its order, on given facts (no ptrace).
#include <gtest/gtest.h>

#include <unistd.h>

#include <climits>

#include "engine/attach_diagnosis.hpp"

namespace xtrace {
namespace {

TEST(AttachDiagnosis, AnotherTracerComesFirst) {
  AttachFacts f{
      .tracer_pid = 77, .can_ptrace_anyone = false, .signal_denied = true, .yama_scope = 3};
  EXPECT_EQ(attach_eperm_hint(42, f), "Process 42 is already being traced by pid 77");
}

TEST(AttachDiagnosis, AnotherUserWithoutCapSysPtrace) {
  AttachFacts f{
      .tracer_pid = 0, .can_ptrace_anyone = false, .signal_denied = true, .yama_scope = 1};
  EXPECT_EQ(attach_eperm_hint(42, f), "process 42 may be owned by a different user");
  f.can_ptrace_anyone = true;  // then the owner does not matter: Yama's scope 1 neither
  EXPECT_EQ(attach_eperm_hint(42, f), std::nullopt);
}

TEST(AttachDiagnosis, YamaScope) {
  AttachFacts f{
      .tracer_pid = 0, .can_ptrace_anyone = false, .signal_denied = false, .yama_scope = 1};
  EXPECT_EQ(attach_eperm_hint(42, f),
            "sysctl kernel.yama.ptrace_scope = 1 may be restricting this attach");
  f.can_ptrace_anyone = true;
  EXPECT_EQ(attach_eperm_hint(42, f), std::nullopt);
  f.yama_scope = 3;  // no attach at all, capability or not
  EXPECT_EQ(attach_eperm_hint(42, f),
            "sysctl kernel.yama.ptrace_scope = 3 may be restricting this attach");
  f.yama_scope = 0;
  EXPECT_EQ(attach_eperm_hint(42, f), std::nullopt);
}

TEST(AttachDiagnosis, FactsOfThisProcess) {
  AttachFacts f = read_attach_facts(getpid());
  EXPECT_GE(f.tracer_pid, 0);
  EXPECT_FALSE(f.signal_denied);
  EXPECT_EQ(read_attach_facts(INT_MAX).tracer_pid, -1);  // no such process
}

}  // namespace
}  // namespace xtrace
