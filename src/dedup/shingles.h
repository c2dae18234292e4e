// dedup/shingles.h: the normalised text of a document, its exact-duplicate
// hash and its shingles (hashed word or character n-grams).
//
// Normalising folds case (an ASCII fast path, ICU simple case folding for
// the rest), collapses every run of white space to one space and trims the
// ends. NFC is done upstream (text/normalize.h). Invalid UTF-8 sequences
// become U+FFFD, so any bytes are accepted.
//
// Shingles come from text::Tokenize over the normalised text. A document
// whose letters are mostly (share >= `char_share`) of scripts written
// without spaces between words (Han, Hiragana, Katakana, Thai, Lao, Khmer,
// Myanmar) gets character shingles: every `char_size` consecutive code
// points of its tokens, with spaces and punctuation removed. Other
// documents get word shingles of `word_size` tokens. A document shorter
// than one shingle gets a single shingle of all its units; a document
// without tokens has no shingles. Each shingle is a 64-bit hash of its
// units in order (xxHash XXH3 of each token); sets and MinHash use its high
// 32 bits (ShingleKey), SimHash all 64.
//
// What this does not do: signatures (dedup/minhash.h, dedup/simhash.h) and
// grouping (dedup/dedup.h).
//
//   Shingler shingler(ShingleOptions{});
//   ShingleInfo info = shingler.Shingle(text, [&](std::span<const uint64_t> batch) {
//     minhasher.Update(batch, sig.data());
//   });
//   std::vector<uint32_t> set = shingler.ShingleSet(text);
//
// Thread-safety: a Shingler keeps scratch buffers, so use one per thread.
// The free functions are pure.
#ifndef RSH_DEDUP_SHINGLES_H_
#define RSH_DEDUP_SHINGLES_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace rashomon::dedup {

struct ShingleOptions {
  // Words per word shingle. Values below 1 count as 1. Default 5.
  int word_size = 5;
  // Code points per character shingle. Values below 1 count as 1. Default 4.
  int char_size = 4;
  // Character shingles are used when at least this share of a document's
  // non-space characters are of the spaceless scripts. Default 0.3.
  double char_share = 0.3;
  // Only the first `max_bytes` bytes of the normalised text count, for the
  // exact hash and for the shingles: a budget against huge inputs.
  // Default 16 MiB.
  size_t max_bytes = size_t{16} << 20;
};

struct ShingleInfo {
  uint64_t exact_hash = 0;     // ExactHash of the text.
  size_t shingles = 0;         // Shingles delivered, repeats included.
  bool char_shingles = false;  // Character (not word) shingles were used.
};

// Called with consecutive batches of shingle hashes (repeats included).
using ShingleSink = std::function<void(std::span<const uint64_t> batch)>;

class Shingler {
 public:
  explicit Shingler(const ShingleOptions& options);

  // Computes the shingles of `text` and passes them to `sink` in batches of
  // at most a few thousand; memory stays bounded by the budget whatever the
  // text. Keeps no reference to `text`.
  ShingleInfo Shingle(std::string_view text, const ShingleSink& sink);

  // The sorted, duplicate-free ShingleKeys of `text` (empty when it has no
  // shingles): the set that Jaccard and containment are computed on.
  std::vector<uint32_t> ShingleSet(std::string_view text);

  // The exact-duplicate hash of `text` (see ExactHash), reusing the scratch.
  uint64_t ExactHash(std::string_view text);

  // Writes the normalised text of `text` (folded, white space collapsed,
  // cut at the budget) to `out`.
  void Normalize(std::string_view text, std::string* out) const;

 private:
  ShingleOptions options_;
  std::string folded_;
  std::vector<uint64_t> units_;
  std::vector<uint64_t> batch_;
};

// The 64-bit XXH3 hash of the normalised text: equal for texts that differ
// only in case and white space.
uint64_t ExactHash(std::string_view text, const ShingleOptions& options = {});

// The 32 bits of a shingle hash that sets and MinHash use.
inline uint32_t ShingleKey(uint64_t shingle) { return static_cast<uint32_t>(shingle >> 32); }

// |a ∩ b| of two sorted, duplicate-free sets.
size_t IntersectionSize(std::span<const uint32_t> a, std::span<const uint32_t> b);

// Overlap of two shingle sets, exact.
struct SetOverlap {
  size_t size_a = 0;
  size_t size_b = 0;
  size_t common = 0;
  // |A ∩ B| / |A ∪ B|; 0 when both are empty.
  double jaccard() const;
  // |A ∩ B| / |A|: how much of A lies in B; 0 when A is empty.
  double a_in_b() const;
  // |A ∩ B| / |B|.
  double b_in_a() const;
};

// The exact overlap of sorted, duplicate-free sets `a` and `b`.
SetOverlap Overlap(std::span<const uint32_t> a, std::span<const uint32_t> b);

// True for code points of the scripts written without spaces between
// words: Han, Hiragana, Katakana, Thai, Lao, Khmer, Myanmar.
bool IsSpacelessScript(char32_t cp);

}  // namespace rashomon::dedup

#endif  // RSH_DEDUP_SHINGLES_H_
