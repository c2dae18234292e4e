#include "dedup/minhash.h"

#include <algorithm>
#include <cstring>

#include "base/check.h"
#include "dedup/shingles.h"

namespace rashomon::dedup {
namespace {

// The helpers take and return 32-byte vectors; they are always inlined into
// MinLanes, so the AVX calling convention never comes into play.
#pragma GCC diagnostic ignored "-Wpsabi"

using V8 = uint32_t __attribute__((vector_size(32)));

__attribute__((always_inline)) inline V8 Load(const uint32_t* p) {
  V8 v;
  std::memcpy(&v, p, sizeof v);
  return v;
}

__attribute__((always_inline)) inline void Store(uint32_t* p, V8 v) {
  std::memcpy(p, &v, sizeof v);
}

// The permutation of a key on 8 lanes: murmur3's fmix32 without its first
// and last xor-shifts. The keys are hash outputs already, so the first
// is not needed to spread weak input bits; the last only reorders values
// whose top 16 bits tie, which barely moves a minimum.
__attribute__((always_inline)) inline V8 Fmix(V8 x) {
  x *= 0x85ebca6bU;
  x ^= x >> 13;
  x *= 0xc2b2ae35U;
  return x;
}

__attribute__((always_inline)) inline V8 Min(V8 a, V8 b) { return a < b ? a : b; }

// sig[l] = min(sig[l], fmix32(keys[i] ^ seeds[l])) for every key and lane.
// Lanes go 32 at a time (4 vectors of signature in registers while the
// keys stream past), then 8 at a time. REQUIRES: lanes % 8 == 0.
__attribute__((target_clones("avx2", "default"))) void MinLanes(const uint32_t* keys, size_t n,
                                                                const uint32_t* seeds,
                                                                uint32_t* sig, size_t lanes) {
  size_t l = 0;
  for (; l + 32 <= lanes; l += 32) {
    V8 s0 = Load(sig + l), s1 = Load(sig + l + 8), s2 = Load(sig + l + 16), s3 = Load(sig + l + 24);
    const V8 k0 = Load(seeds + l), k1 = Load(seeds + l + 8), k2 = Load(seeds + l + 16),
             k3 = Load(seeds + l + 24);
    for (size_t i = 0; i < n; ++i) {
      const V8 x = V8{} + keys[i];
      s0 = Min(s0, Fmix(x ^ k0));
      s1 = Min(s1, Fmix(x ^ k1));
      s2 = Min(s2, Fmix(x ^ k2));
      s3 = Min(s3, Fmix(x ^ k3));
    }
    Store(sig + l, s0);
    Store(sig + l + 8, s1);
    Store(sig + l + 16, s2);
    Store(sig + l + 24, s3);
  }
  for (; l < lanes; l += 8) {
    V8 s = Load(sig + l);
    const V8 k = Load(seeds + l);
    for (size_t i = 0; i < n; ++i) s = Min(s, Fmix((V8{} + keys[i]) ^ k));
    Store(sig + l, s);
  }
}

// splitmix64: seeds from one 64-bit seed.
uint64_t SplitMix(uint64_t* state) {
  uint64_t z = (*state += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

}  // namespace

MinHasher::MinHasher(int num_permutations, uint64_t seed) {
  const int n = (std::clamp(num_permutations, 8, 1024) + 7) / 8 * 8;
  seeds_.resize(static_cast<size_t>(n));
  uint64_t state = seed;
  for (uint32_t& s : seeds_) s = static_cast<uint32_t>(SplitMix(&state) >> 32);
}

void MinHasher::Reset(std::span<uint32_t> signature) const {
  RSH_CHECK(signature.size() == seeds_.size());
  std::fill(signature.begin(), signature.end(), UINT32_MAX);
}

void MinHasher::Update(std::span<const uint64_t> shingles, std::span<uint32_t> signature) const {
  RSH_CHECK(signature.size() == seeds_.size());
  constexpr size_t kKeys = 512;
  uint32_t keys[kKeys];
  for (size_t begin = 0; begin < shingles.size(); begin += kKeys) {
    const size_t n = std::min(kKeys, shingles.size() - begin);
    for (size_t i = 0; i < n; ++i) keys[i] = ShingleKey(shingles[begin + i]);
    MinLanes(keys, n, seeds_.data(), signature.data(), seeds_.size());
  }
}

std::vector<uint32_t> MinHasher::Sign(std::span<const uint64_t> shingles) const {
  std::vector<uint32_t> signature(seeds_.size());
  Reset(signature);
  Update(shingles, signature);
  return signature;
}

double EstimateJaccard(std::span<const uint32_t> a, std::span<const uint32_t> b) {
  RSH_CHECK(a.size() == b.size());
  if (a.empty()) return 0.0;
  size_t equal = 0;
  for (size_t i = 0; i < a.size(); ++i) equal += a[i] == b[i];
  return static_cast<double>(equal) / static_cast<double>(a.size());
}

}  // namespace rashomon::dedup
