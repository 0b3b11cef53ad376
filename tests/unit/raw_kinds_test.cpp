// The argument kinds of signatures.tsv that still print raw (an address or
// a number in hex, as strace prints what it does not decode), against the
// list below.  Registering a decoder for one of them, or adding a kind with
// no decoder, fails here until the list is updated: the gap stays visible.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <set>
#include <string>
#include <string_view>

#include "xtrace/decode.hpp"

namespace xtrace {
namespace {

constexpr std::array<std::string_view, 87> kStillRaw{
    "bpf_attr_in",
    "bpf_cmd",
    "cachestat_out",
    "cachestat_range_in",
    "delete_module_flags",
    "fan_event_mask",
    "fan_init_flags",
    "fan_mark_flags",
    "file_attr_in",
    "file_attr_out",
    "file_handle_in",
    "file_handle_inout",
    "fsconfig_cmd",
    "fsconfig_value",
    "fsmount_flags",
    "fsopen_flags",
    "fspick_flags",
    "futex2_flags",
    "futex_waitv_in",
    "futex_waitv_pair_in",
    "int_array_in",
    "int_array_out",
    "io_event_out",
    "io_events_out",
    "io_uring_enter_flags",
    "io_uring_params_inout",
    "io_uring_register_op",
    "iocb_array_in",
    "iocb_in",
    "ioprio_value",
    "kcmp_idx",
    "kcmp_type",
    "kexec_file_flags",
    "kexec_load_flags",
    "kexec_segments_in",
    "key_serial",
    "keyctl_arg",
    "keyctl_cmd",
    "landlock_add_rule_flags",
    "landlock_create_ruleset_flags",
    "landlock_rule_attr_in",
    "landlock_rule_type",
    "landlock_ruleset_attr_in",
    "listmount_flags",
    "lsm_attr",
    "lsm_ctx_in",
    "lsm_ctx_out",
    "lsm_flags",
    "memfd_secret_flags",
    "mincore_vec_out",
    "mnt_id_req_in",
    "module_init_flags",
    "mount_attr_flags",
    "mount_attr_in",
    "move_mount_flags",
    "name_to_handle_at_flags",
    "ns_id_req_in",
    "open_tree_flags",
    "perf_event_attr_in",
    "perf_event_open_flags",
    "ptr_array_in",
    "ptrace_arg",
    "ptrace_request",
    "quotactl_cmd",
    "reboot_cmd",
    "reboot_magic",
    "reboot_magic2",
    "remote_iovec_in",
    "sched_attr_in",
    "sched_attr_out",
    "sched_getattr_flags",
    "seccomp_args",
    "seccomp_flags",
    "seccomp_op",
    "shadow_stack_flags",
    "statmount_flags",
    "statmount_out",
    "swap_flags",
    "sysctl_args_in",
    "syslog_action",
    "u64_array_out",
    "user_desc_in",
    "user_desc_out",
    "userfaultfd_flags",
    "utimbuf_in",
    "xattr_args_in",
    "xattr_args_inout",
};

std::set<std::string> raw_kinds_now() {
  std::set<std::string> raw;
  for (std::size_t k = 0; k < kArgKindCount; ++k)
    if (!has_decoder(static_cast<ArgKind>(k))) raw.emplace(arg_kind_name(static_cast<ArgKind>(k)));
  return raw;
}

TEST(RawKinds, MatchTheCheckedInList) {
  std::set<std::string> listed(kStillRaw.begin(), kStillRaw.end());
  EXPECT_EQ(listed.size(), kStillRaw.size()) << "a kind is listed twice";
  std::set<std::string> now = raw_kinds_now();
  for (const auto& kind : now)
    EXPECT_TRUE(listed.contains(kind)) << kind << " prints raw: decode it, or list it here";
  for (const auto& kind : listed)
    EXPECT_TRUE(now.contains(kind)) << kind << " has a decoder now: take it off the list";
}

TEST(RawKinds, CommonKindsAreDecoded) {
  for (std::string_view kind : {"fd", "path", "open_flags", "buf_out", "stat_out", "mmap_flags"})
    EXPECT_FALSE(raw_kinds_now().contains(std::string(kind))) << kind;
}

TEST(RawKinds, EachKindIsRegisteredOnce) {
  std::set<ArgKind> seen;
  for (const KindDecoder* d : all_kind_decoders())
    EXPECT_TRUE(seen.insert(d->kind).second) << arg_kind_name(d->kind) << " has two decoders";
}

}  // namespace
}  // namespace xtrace
