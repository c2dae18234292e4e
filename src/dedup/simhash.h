// dedup/simhash.h: 64-bit SimHash of a document's shingles.
//
// Bit j of the SimHash is set when more than half of the shingle hashes
// have bit j set (every shingle weighs 1, repeats included). Documents
// whose shingle vectors are close in angle get SimHashes at a small Hamming
// distance: each bit differs with probability angle / pi. It is a cheaper
// signature than MinHash (8 bytes instead of 4 x permutations) that finds
// near-identical copies only; docs/dedup.md weighs the trade-off.
//
// What this does not do: the candidate search (dedup/simhash_index.h).
//
//   SimHasher simhasher;
//   simhasher.Update(shingle_batch);
//   uint64_t fingerprint = simhasher.Finish();
//
// Thread-safety: a SimHasher is a value accumulating one document; use one
// per thread.
#ifndef RSH_DEDUP_SIMHASH_H_
#define RSH_DEDUP_SIMHASH_H_

#include <bit>
#include <cstdint>
#include <span>

namespace rashomon::dedup {

class SimHasher {
 public:
  SimHasher() { Reset(); }

  // Forgets the shingles added so far.
  void Reset();

  // Adds the shingle hashes `shingles`.
  void Update(std::span<const uint64_t> shingles);

  // The SimHash of the shingles added since Reset; 0 when there were none.
  // Does not reset.
  uint64_t Finish() const;

 private:
  void Drain();

  uint64_t lanes_[8];   // Byte lane i of lanes_[b] counts bit 8b + i, for pending_ shingles.
  uint64_t ones_[64];   // Counts of set bits drained from lanes_.
  uint64_t count_ = 0;  // Shingles added.
  int pending_ = 0;     // Shingles in lanes_ (at most 255).
};

// The number of bits where `a` and `b` differ.
inline int HammingDistance(uint64_t a, uint64_t b) { return std::popcount(a ^ b); }

}  // namespace rashomon::dedup

#endif  // RSH_DEDUP_SIMHASH_H_
