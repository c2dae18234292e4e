// dedup/minhash.h: MinHash signatures of shingle sets.
//
// Permutation i maps a shingle key x (the high 32 bits of its hash) to
// m(x ^ seed_i), m the multiply-xorshift-multiply core of murmur3's fmix32
// (a bijection of uint32), and keeps the minimum over the set; the share of equal positions in two
// signatures estimates the Jaccard similarity of the sets (standard error sqrt(J(1-J)/P) for P
// permutations: 0.044 at J = 0.5, P = 128). Repeated shingles change
// nothing, so bags and sets give the same signature. The inner loop runs
// on 8 uint32 lanes at a time (AVX2 when the CPU has it, chosen at load
// time; SSE2 otherwise).
//
// What this does not do: shingling (dedup/shingles.h), candidate search
// (dedup/lsh.h).
//
//   MinHasher hasher(128);
//   std::vector<uint32_t> sig(hasher.num_permutations());
//   hasher.Reset(sig);
//   hasher.Update(shingle_batch, sig);
//   double j = EstimateJaccard(sig, other_sig);
//
// Thread-safety: a MinHasher is immutable after construction; its methods
// may run concurrently.
#ifndef RSH_DEDUP_MINHASH_H_
#define RSH_DEDUP_MINHASH_H_

#include <cstdint>
#include <span>
#include <vector>

namespace rashomon::dedup {

class MinHasher {
 public:
  // `num_permutations` is rounded up to a multiple of 8 and clamped to
  // [8, 1024]. Equal arguments give equal signatures on every machine.
  explicit MinHasher(int num_permutations, uint64_t seed = 0x5EEDF00DULL);

  int num_permutations() const { return static_cast<int>(seeds_.size()); }

  // Sets `signature` to the signature of the empty set (all 0xFFFFFFFF).
  // REQUIRES: signature.size() == num_permutations().
  void Reset(std::span<uint32_t> signature) const;

  // Adds the shingle hashes `shingles` (repeats allowed) to `signature`.
  // REQUIRES: signature.size() == num_permutations().
  void Update(std::span<const uint64_t> shingles, std::span<uint32_t> signature) const;

  // The signature of `shingles` alone.
  std::vector<uint32_t> Sign(std::span<const uint64_t> shingles) const;

 private:
  std::vector<uint32_t> seeds_;
};

// The share of positions where `a` and `b` are equal: the Jaccard estimate.
// 0 for empty signatures. REQUIRES: a.size() == b.size().
double EstimateJaccard(std::span<const uint32_t> a, std::span<const uint32_t> b);

}  // namespace rashomon::dedup

#endif  // RSH_DEDUP_MINHASH_H_
