// dedup/dedup.h: find groups of copied documents (exact, near and partial
// copies) in a batch.
//
// FindCopies normalises and hashes every text, collapses exact duplicates
// (equal after case folding and white-space collapsing), signs each
// distinct text (MinHash or SimHash over its shingles, dedup/shingles.h),
// finds candidate pairs (banded LSH or SimHash block tables), checks each
// candidate on the exact shingle sets, and joins the pairs that pass into
// groups with union-find. A pair is a copy when
//   Jaccard(A, B) >= jaccard_threshold, or
//   |A ∩ B| / min(|A|, |B|) >= containment_threshold (a partial copy: most
//   of the smaller text reappears in the larger).
// docs/dedup.md explains the thresholds, the LSH S-curve, SimHash's
// trade-off and how to shard.
//
// What this does not do: read or write anything, decide which copy to keep
// (the caller does, e.g. with the representative), or cluster documents
// about the same story without shared text (stories/).
//
//   std::vector<DedupInput> in = {{doc1.raw, doc1.published}, ...};
//   for (const CopyGroup& g : FindCopies(in, DedupOptions{})) {
//     for (const CopyMember& m : g.members) ...  // g.members[0] is the representative.
//   }
//
// Thread-safety: FindCopies is a pure function of its arguments; it runs
// options.threads threads of its own.
#ifndef RSH_DEDUP_DEDUP_H_
#define RSH_DEDUP_DEDUP_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "dedup/lsh.h"
#include "dedup/shingles.h"

namespace rashomon::dedup {

struct DedupInput {
  std::string_view text;       // Owned by the caller.
  std::string_view published;  // ISO 8601 date or date-time, or empty when unknown.
};

enum class Method {
  kMinHash,  // MinHash + banded LSH: finds near and partial copies.
  kSimHash,  // 64-bit SimHash + block tables: near-identical copies only, 8 bytes a document.
};

struct DedupOptions {
  Method method = Method::kMinHash;
  // A pair whose shingle sets have at least this exact Jaccard similarity
  // is a copy. Default 0.5.
  double jaccard_threshold = 0.5;
  // A pair where at least this share of the smaller set lies in the larger
  // is a (partial) copy. Default 0.7.
  double containment_threshold = 0.7;
  // The containment rule needs the smaller set to hold at least this many
  // shingles, so that a five-word text is not "contained" in every long
  // text that quotes it. Default 10.
  size_t min_containment_shingles = 10;
  // Partial copies are searched for reliably up to this ratio of set sizes
  // (larger / smaller): the LSH threshold is
  // min(jaccard_threshold, c / (1 + ratio - c)), c the containment
  // threshold; 0.21 by default. Default 3 (an article copied whole into one
  // with twice as much new text).
  double max_size_ratio = 3.0;
  // MinHash permutations (rounded up to a multiple of 8). Default 128.
  int num_permutations = 128;
  // LSH bands and rows are chosen so that a pair at the LSH threshold
  // becomes a candidate with at least this probability. Default 0.9.
  double lsh_min_probability = 0.9;
  // kSimHash: largest Hamming distance of candidate fingerprints, 0..7.
  // Default 3.
  int simhash_max_distance = 3;
  // Members of one LSH bucket (or SimHash block bucket) that a document is
  // compared with: bounds the work on huge buckets. Default 32.
  size_t max_bucket_compare = 32;
  ShingleOptions shingles;
  // Threads for hashing, signatures and checks; 0 uses all hardware threads.
  int threads = 0;
  // Seed of the MinHash permutations. Results depend on it only through
  // which candidates LSH finds.
  uint64_t seed = 0x5EEDF00DULL;
};

struct CopyMember {
  size_t index = 0;  // Into the input vector.
  // Same normalised text as the representative (true for the representative).
  bool exact = false;
  // Exact Jaccard similarity of the member's and the representative's
  // shingle sets (1 for the representative), whichever pair joined the
  // member to the group.
  double jaccard = 0.0;
  // |M ∩ R| / |M|: share of the member's shingles found in the representative.
  double in_representative = 0.0;
  // |M ∩ R| / |R|: share of the representative's shingles found in the member.
  double contains_representative = 0.0;
};

struct CopyGroup {
  // Index of the representative: the earliest known `published` date
  // (dates without one come after), else the longest text, else (equal
  // dates and lengths) the smaller hash of the raw text, else input order.
  size_t representative = 0;
  // Two or more members, the representative first, then in the order of
  // the representative rule.
  std::vector<CopyMember> members;
};

// Counters of one FindCopies run.
struct DedupStats {
  size_t documents = 0;
  size_t empty_documents = 0;      // Without shingles: never grouped.
  size_t unique_documents = 0;     // Distinct normalised texts with shingles.
  size_t candidate_pairs = 0;      // Found by LSH or SimHash, among unique documents.
  size_t checked_pairs = 0;        // Checked on the exact sets (not already joined).
  size_t copy_pairs = 0;           // That passed.
  size_t documents_with_sets = 0;  // Unique documents whose shingle set was built.
  size_t set_bytes = 0;            // Bytes of those sets (4 per distinct shingle).
  size_t signature_bytes = 0;      // MinHash signatures or SimHash fingerprints.
  size_t index_bytes = 0;          // LSH or SimHash tables.
  LshParams lsh;                   // Bands and rows used (kMinHash).
};

// Returns the copy groups of `inputs`: every group has at least two
// members. Groups come by decreasing size, then by the representative rule
// applied to their representatives; the result does not depend on the
// order of `inputs` apart from the index numbers. Documents without
// shingles (empty, or without letters or digits) are never grouped, not
// even with each other. Fills `stats` when it is not null. Keeps no
// reference to the inputs. REQUIRES: inputs.size() < 2^32 - 1.
std::vector<CopyGroup> FindCopies(const std::vector<DedupInput>& inputs,
                                  const DedupOptions& options, DedupStats* stats = nullptr);

// A key that orders ISO 8601 dates and date-times by instant when compared
// as strings: "YYYY-MM-DDTHH:MM:SS.mmmZ" in UTC (dates alone count as
// midnight UTC, times without an offset as UTC). Empty when `published`
// is empty or not ISO 8601.
std::string NormalizePublished(std::string_view published);

}  // namespace rashomon::dedup

#endif  // RSH_DEDUP_DEDUP_H_
