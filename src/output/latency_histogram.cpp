#include "xtrace/latency_histogram.hpp"

#include <bit>
#include <cmath>

namespace xtrace {

std::size_t LatencyHistogram::bucket_of(std::uint64_t ns) {
  constexpr std::uint64_t kSub = 1u << kSubBits;
  if (ns < kSub) return static_cast<std::size_t>(ns);            // exact below 16 ns
  unsigned exp = static_cast<unsigned>(std::bit_width(ns)) - 1;  // >= kSubBits
  std::uint64_t sub = (ns >> (exp - kSubBits)) & (kSub - 1);
  return static_cast<std::size_t>(((exp - kSubBits + 1) << kSubBits) + sub);
}

std::uint64_t LatencyHistogram::bucket_low(std::size_t bucket) {
  constexpr std::uint64_t kSub = 1u << kSubBits;
  if (bucket < kSub) return bucket;
  unsigned exp = static_cast<unsigned>(bucket >> kSubBits) + kSubBits - 1;
  std::uint64_t sub = bucket & (kSub - 1);
  return (kSub + sub) << (exp - kSubBits);
}

std::uint64_t LatencyHistogram::bucket_high(std::size_t bucket) {
  if (bucket + 1 >= kBuckets) return UINT64_MAX;
  return bucket_low(bucket + 1) - 1;
}

void LatencyHistogram::add(std::uint64_t ns) {
  ++counts_[bucket_of(ns)];
  ++count_;
}

void LatencyHistogram::merge(const LatencyHistogram& other) {
  for (std::size_t i = 0; i < kBuckets; ++i) counts_[i] += other.counts_[i];
  count_ += other.count_;
}

std::uint64_t LatencyHistogram::quantile(double q) const {
  if (count_ == 0) return 0;
  // The rank of the quantile, 1-based, as the nearest-rank method defines it.
  auto rank = static_cast<std::uint64_t>(std::ceil(q * static_cast<double>(count_)));
  if (rank == 0) rank = 1;
  std::uint64_t seen = 0;
  for (std::size_t i = 0; i < kBuckets; ++i) {
    seen += counts_[i];
    if (seen >= rank) {
      std::uint64_t low = bucket_low(i), high = bucket_high(i);
      return low + (high - low) / 2;
    }
  }
  return 0;
}

}  // namespace xtrace
