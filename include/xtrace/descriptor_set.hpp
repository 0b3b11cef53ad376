// A set of file descriptors as strace's -e trace-fds=SET names it: numbers
// up to INT_MAX, "all", "none", and any number of leading '!' to invert.
// Kept as a sorted list plus an inversion bit, so "!3" costs nothing.
#pragma once

#include <algorithm>
#include <vector>

namespace xtrace {

class DescriptorSet {
 public:
  static DescriptorSet none() { return {}; }
  static DescriptorSet all() { return DescriptorSet().inverted(); }

  void add(int fd) {
    auto it = std::lower_bound(fds_.begin(), fds_.end(), fd);
    if (it == fds_.end() || *it != fd) fds_.insert(it, fd);
  }
  DescriptorSet inverted() const {
    DescriptorSet s = *this;
    s.invert_ = !s.invert_;
    return s;
  }
  // Negative numbers (AT_FDCWD, -1) are never descriptors.
  bool contains(int fd) const {
    return fd >= 0 && std::binary_search(fds_.begin(), fds_.end(), fd) != invert_;
  }

 private:
  std::vector<int> fds_;  // sorted
  bool invert_ = false;
};

}  // namespace xtrace
