// The -c table's text, against strace 7.2's layout.
#include <gtest/gtest.h>

#include <cstdio>

#include "xtrace/latency_histogram.hpp"
#include "xtrace/summary_table.hpp"

namespace xtrace {
namespace {

SyscallStats stats(std::string name, std::int64_t nr, int calls, int errors, std::int64_t each_ns) {
  SyscallStats s;
  s.name = std::move(name);
  s.order = nr;
  for (int i = 0; i < calls; ++i) s.add(each_ns, each_ns * 2, i < errors);
  return s;
}

TEST(SummaryTable, DefaultColumnsAsStrace) {
  std::vector<SyscallStats> rows{stats("read", 0, 7, 0, 0), stats("openat", 257, 34, 13, 11'264),
                                 stats("close", 3, 23, 0, 2'304)};
  EXPECT_EQ(format_summary_table(rows, SummaryOptions{}),
            "% time     seconds  usecs/call     calls    errors syscall\n"
            "------ ----------- ----------- --------- --------- ----------------\n"
            " 87.84    0.000382          11        34        13 openat\n"
            " 12.16    0.000052           2        23           close\n"
            "  0.00    0.000000           0         7           read\n"
            "------ ----------- ----------- --------- --------- ----------------\n"
            "100.00    0.000435           6        64        13 total\n");
}

TEST(SummaryTable, ChosenColumnsAndSort) {
  SummaryOptions opts;
  opts.sort = SummarySort::calls;
  opts.columns = {SummaryColumn::name, SummaryColumn::calls, SummaryColumn::errors};
  std::vector<SyscallStats> rows{stats("read", 0, 7, 0, 0), stats("write", 1, 9, 2, 0)};
  EXPECT_EQ(format_summary_table(rows, opts),
            "syscall              calls    errors\n"
            "---------------- --------- ---------\n"
            "write                    9         2\n"
            "read                     7          \n"
            "---------------- --------- ---------\n"
            "total                   16         2\n");
}

TEST(SummaryTable, WidthsGrowWithTheNumbers) {
  SummaryOptions opts;
  opts.columns = {SummaryColumn::calls, SummaryColumn::name};
  std::vector<SyscallStats> rows{stats("a_very_long_syscall_name", 0, 3, 0, 0)};
  rows[0].calls = 12'345'678'901;
  EXPECT_EQ(format_summary_table(rows, opts),
            "      calls syscall\n"
            "----------- ------------------------\n"
            "12345678901 a_very_long_syscall_name\n"
            "----------- ------------------------\n"
            "12345678901 total\n");
}

// Calls of which the first `injected` had an inject= rule fire.
SyscallStats injected_stats(std::string name, std::int64_t nr, int calls, int injected) {
  SyscallStats s;
  s.name = std::move(name);
  s.order = nr;
  for (int i = 0; i < calls; ++i) s.add(0, 0, i < injected, i < injected);
  return s;
}

TEST(SummaryTable, InjectedColumnAfterErrorsWhenInjecting) {
  SummaryOptions opts;
  opts.injecting = true;
  std::vector<SyscallStats> rows{injected_stats("getpid", 39, 5, 4),
                                 injected_stats("close", 3, 2, 0)};
  // Equal times: syscall number order.
  EXPECT_EQ(format_summary_table(rows, opts),
            "% time     seconds  usecs/call     calls    errors  injected syscall\n"
            "------ ----------- ----------- --------- --------- --------- ----------------\n"
            "  0.00    0.000000           0         2                     close\n"
            "  0.00    0.000000           0         5         4         4 getpid\n"
            "------ ----------- ----------- --------- --------- --------- ----------------\n"
            "100.00    0.000000           0         7         4         4 total\n");
}

TEST(SummaryTable, NoInjectedColumnWithoutRules) {
  std::vector<SyscallStats> rows{injected_stats("getpid", 39, 5, 4)};
  std::string table = format_summary_table(rows, SummaryOptions{});
  EXPECT_EQ(table.substr(0, table.find('\n')),
            "% time     seconds  usecs/call     calls    errors syscall");
}

TEST(SummaryTable, InjectedColumnChosenAndWidening) {
  SummaryOptions opts;
  opts.columns = {SummaryColumn::name, SummaryColumn::injected};
  SyscallStats s = injected_stats("openat", 257, 3, 3);
  s.injected = 12'345'678'901;
  SyscallStats merged;
  merged.merge(s);
  EXPECT_EQ(merged.injected, 12'345'678'901u);
  EXPECT_EQ(format_summary_table({s}, opts),
            "syscall             injected\n"
            "---------------- -----------\n"
            "openat           12345678901\n"
            "---------------- -----------\n"
            "total            12345678901\n");
}

TEST(SummaryTable, MinMaxAndWallColumns) {
  SummaryOptions opts;
  opts.columns = {SummaryColumn::name, SummaryColumn::min_time, SummaryColumn::max_time,
                  SummaryColumn::wall_total, SummaryColumn::wall_avg};
  SyscallStats s = stats("futex", 202, 1, 0, 1'500'000);
  s.add(500'000, 2'000'000, false);
  EXPECT_EQ(format_summary_table({s}, opts),
            "syscall          shortest  longest  wall-total    wall-avg\n"
            "---------------- -------- -------- ----------- -----------\n"
            "futex            0.000500 0.001500    0.005000        2500\n"
            "---------------- -------- -------- ----------- -----------\n"
            "total            0.000500 0.001500    0.005000        2500\n");
}

TEST(SummaryTable, Percentiles) {
  SummaryOptions opts;
  opts.columns = {SummaryColumn::name, SummaryColumn::p50, SummaryColumn::p99};
  SyscallStats s;
  s.name = "read";
  for (int i = 1; i <= 100; ++i) s.add(0, i * 1'000'000, false);  // 1..100 ms wall
  std::string table = format_summary_table({s}, opts);
  EXPECT_EQ(table.substr(0, table.find('\n')), "syscall               p50      p99");
  std::size_t row = table.find("read ");
  ASSERT_NE(row, std::string::npos) << table;
  double p50 = 0, p99 = 0;
  ASSERT_EQ(std::sscanf(table.c_str() + row, "read %lf %lf", &p50, &p99), 2) << table;
  // Within the histogram's 1/16 bucket resolution.
  EXPECT_NEAR(p50, 0.050, 0.050 / 16);
  EXPECT_NEAR(p99, 0.099, 0.099 / 16);
}

TEST(LatencyHistogram, BucketsCoverEveryValueInOrder) {
  for (std::uint64_t v :
       std::initializer_list<std::uint64_t>{0ull, 1ull, 15ull, 16ull, 17ull, 31ull, 32ull, 1000ull,
                                            123456789ull, (1ull << 40) + 5, UINT64_MAX}) {
    std::size_t b = LatencyHistogram::bucket_of(v);
    EXPECT_LE(LatencyHistogram::bucket_low(b), v);
    EXPECT_GE(LatencyHistogram::bucket_high(b), v);
  }
  LatencyHistogram h;
  for (int i = 0; i < 1000; ++i) h.add(1'000'000);
  h.add(1'000'000'000);
  EXPECT_NEAR(static_cast<double>(h.quantile(0.5)), 1e6, 1e6 / 16);
  EXPECT_NEAR(static_cast<double>(h.quantile(1.0)), 1e9, 1e9 / 16);
  EXPECT_EQ(LatencyHistogram().quantile(0.5), 0u);
}

}  // namespace
}  // namespace xtrace
