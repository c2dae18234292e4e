// dedup/simhash_index.h: find SimHash fingerprints within a few bits.
//
// The 64 bits are cut into max_distance + 1 blocks (16 bits each for the
// default distance 3); two fingerprints at most max_distance bits apart
// agree on at least one whole block (pigeonhole), so one table per block,
// keyed by the block's value, finds every such pair (Manku, Jain and Das
// Sarma, WWW 2007, with the block permutations as separate tables). Like
// LshIndex it is incremental, holds no corpus-wide state, and bounds the
// work spent in any one bucket.
//
//   SimHashIndex index(3);
//   index.Query(fp, 64, &candidates);
//   index.Add(id, fp);
//
// Thread-safety: Query may run concurrently with Query; Add needs
// exclusive access.
#ifndef RSH_DEDUP_SIMHASH_INDEX_H_
#define RSH_DEDUP_SIMHASH_INDEX_H_

#include <cstddef>
#include <cstdint>
#include <vector>

namespace rashomon::dedup {

class SimHashIndex {
 public:
  // `max_distance` is clamped to [0, 7] (blocks of at least 8 bits).
  explicit SimHashIndex(int max_distance = 3);

  int max_distance() const { return max_distance_; }

  // Adds fingerprint `fingerprint` of document `id`.
  void Add(uint32_t id, uint64_t fingerprint);

  // Appends to `out` the ids added before whose fingerprints are within
  // max_distance() bits of `fingerprint`: at most `max_per_bucket` (the
  // most recent) from each table's bucket, of at most 4,096 examined per
  // bucket. The appended ids are sorted and distinct.
  void Query(uint64_t fingerprint, size_t max_per_bucket, std::vector<uint32_t>* out) const;

  size_t size() const { return fingerprints_.size(); }

  // Bytes held by the tables and fingerprints.
  size_t MemoryBytes() const;

 private:
  struct Table {
    int shift = 0;
    uint64_t mask = 0;
    std::vector<uint64_t> slots;  // (32-bit key << 32) | (head position + 1); 0 when free.
    std::vector<uint32_t> next;   // Per position: the previous position in its bucket.
    size_t used = 0;
  };

  uint32_t KeyOf(const Table& table, uint64_t fingerprint) const;
  static void Grow(Table* table);

  int max_distance_;
  std::vector<Table> tables_;
  std::vector<uint64_t> fingerprints_;  // By position (order of Add).
  std::vector<uint32_t> ids_;
};

}  // namespace rashomon::dedup

#endif  // RSH_DEDUP_SIMHASH_INDEX_H_
