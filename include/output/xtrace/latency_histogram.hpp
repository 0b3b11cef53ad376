// Fixed-memory latency histogram for the -c percentile columns: log-linear
// buckets (16 per power of two, so a reported percentile is within 1/16 of
// the true value), no per-call storage.
#pragma once

#include <array>
#include <cstdint>

namespace xtrace {

class LatencyHistogram {
 public:
  void add(std::uint64_t ns);
  // The q-quantile (0 < q <= 1) in nanoseconds: the middle of the bucket
  // holding it; 0 when empty.
  std::uint64_t quantile(double q) const;
  std::uint64_t count() const { return count_; }
  void merge(const LatencyHistogram& other);

  static std::size_t bucket_of(std::uint64_t ns);
  static std::uint64_t bucket_low(std::size_t bucket);
  static std::uint64_t bucket_high(std::size_t bucket);  // inclusive

 private:
  static constexpr unsigned kSubBits = 4;
  static constexpr std::size_t kBuckets = (64 - kSubBits + 1) << kSubBits;
  std::array<std::uint32_t, kBuckets> counts_{};
  std::uint64_t count_ = 0;
};

}  // namespace xtrace
