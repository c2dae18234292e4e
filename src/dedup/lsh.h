// dedup/lsh.h: banded locality-sensitive hashing over MinHash signatures.
//
// A signature of P values is cut into `bands` bands of `rows` values; two
// documents become candidates when all rows of at least one band agree.
// For Jaccard similarity J that happens with probability
// 1 - (1 - J^rows)^bands, an S-curve that rises around
// (1/bands)^(1/rows) (docs/dedup.md tabulates it). ChooseLshParams picks
// the steepest curve that still detects pairs at the threshold.
//
// The index is incremental (Add, then Query at any time) and shardable:
// bands are independent, so an LshIndex may hold only a range of them and
// a corpus can be spread over machines by band (or, within a band, by
// BandKey); the union of the shards' candidates equals one index's. No
// state needs the whole corpus.
//
// Huge buckets (boilerplate shared by thousands of pages) do not go
// quadratic: Query returns at most `max_per_bucket` members of each bucket,
// the most recently added ones, so that with union-find over the verified
// pairs a bucket still ends up connected.
//
//   LshIndex index(ChooseLshParams(0.5, 128));
//   index.Query(sig, 64, &candidates);  // Documents added before.
//   index.Add(id, sig);
//
// Thread-safety: Query may run concurrently with Query; Add needs
// exclusive access.
#ifndef RSH_DEDUP_LSH_H_
#define RSH_DEDUP_LSH_H_

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace rashomon::dedup {

struct LshParams {
  int bands = 0;
  int rows = 0;
};

// 1 - (1 - jaccard^rows)^bands: the chance that a pair of that Jaccard
// similarity shares a band.
double CandidateProbability(double jaccard, const LshParams& params);

// The largest `rows` (with bands = num_permutations / rows) whose
// CandidateProbability at `threshold` is at least `min_probability`; the
// largest rows give the fewest candidates below the threshold. Falls back
// to rows = 1. Thresholds are clamped to [0.01, 1].
// ChooseLshParams(0.5, 128) is 42 x 3; ChooseLshParams(0.21, 128) 64 x 2.
LshParams ChooseLshParams(double threshold, int num_permutations, double min_probability = 0.9);

class LshIndex {
 public:
  // Holds bands [band_begin, band_end) of `params`; band_end < 0 means all.
  // Out-of-range bounds are clamped.
  explicit LshIndex(const LshParams& params, int band_begin = 0, int band_end = -1);

  // Adds the signature of document `id`. Ids need not be dense or ordered.
  // REQUIRES: signature.size() >= bands * rows.
  void Add(uint32_t id, std::span<const uint32_t> signature);

  // Appends to `out` the ids added before that share a held band with
  // `signature`, at most `max_per_bucket` (the most recent) from each
  // bucket; the appended ids are sorted and distinct.
  // REQUIRES: signature.size() >= bands * rows.
  void Query(std::span<const uint32_t> signature, size_t max_per_bucket,
             std::vector<uint32_t>* out) const;

  // Documents added.
  size_t size() const { return size_; }

  // Bytes held by the tables.
  size_t MemoryBytes() const;

  // The 64-bit key of band `band` (`rows` values from band * rows on), for
  // partitioning a band's buckets across machines.
  static uint64_t BandKey(std::span<const uint32_t> signature, int band, int rows);

 private:
  struct Entry {
    uint32_t id;
    uint32_t next;  // Index of the entry added before it in its bucket, or kNone.
  };
  // Open addressing: each slot is (32-bit key << 32) | (head entry + 1), 0 when free.
  struct Band {
    std::vector<uint64_t> slots;
    std::vector<Entry> entries;
    size_t used = 0;
  };

  static void Insert(Band* band, uint32_t key, uint32_t id);
  static void Grow(Band* band);

  LshParams params_;
  int band_begin_ = 0;
  std::vector<Band> bands_;
  size_t size_ = 0;
};

}  // namespace rashomon::dedup

#endif  // RSH_DEDUP_LSH_H_
