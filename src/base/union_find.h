// base/union_find.h: disjoint sets over 0..n-1 (path halving; the smaller
// root wins a union, so the roots do not depend on the order of unions).
//
//   UnionFind sets(n);
//   sets.Union(a, b);
//   if (sets.Find(a) == sets.Find(b)) ...
//
// Thread-safety: not thread-safe (Find compresses paths).
#ifndef RSH_BASE_UNION_FIND_H_
#define RSH_BASE_UNION_FIND_H_

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <vector>

namespace rashomon {

class UnionFind {
 public:
  // REQUIRES: n < 2^32.
  explicit UnionFind(size_t n) : parent_(n) { std::iota(parent_.begin(), parent_.end(), 0u); }

  uint32_t Find(uint32_t x) {
    while (parent_[x] != x) {
      parent_[x] = parent_[parent_[x]];
      x = parent_[x];
    }
    return x;
  }

  // Joins the sets of a and b; returns the root of the union.
  uint32_t Union(uint32_t a, uint32_t b) {
    a = Find(a);
    b = Find(b);
    if (a != b) parent_[std::max(a, b)] = std::min(a, b);
    return std::min(a, b);
  }

 private:
  std::vector<uint32_t> parent_;
};

}  // namespace rashomon

#endif  // RSH_BASE_UNION_FIND_H_
