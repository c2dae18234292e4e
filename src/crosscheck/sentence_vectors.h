// crosscheck/sentence_vectors.h (internal): TF-IDF vectors of the claim
// sentences of one story, and their similarities.
//
// A sentence is its stemmed content words (tagged with the language),
// its entity keys and its quantity values (both language-free). Within a
// language the cosine of the whole vector counts; across languages only
// entities and quantities can meet, so the cosine of that part counts,
// discounted, and only when two or more of them are shared, or one that is
// distinctive (see Feature).
//
// Thread-safety: const methods are safe to call concurrently.
#ifndef RSH_CROSSCHECK_SENTENCE_VECTORS_H_
#define RSH_CROSSCHECK_SENTENCE_VECTORS_H_

#include <cstddef>
#include <cstdint>
#include <vector>

#include "crosscheck/crosscheck.h"

namespace rashomon::crosscheck {

struct SimilarPair {
  size_t a = 0, b = 0;  // Indices into the sentences given, a < b, in different documents.
  double similarity = 0;
};

class SentenceVectors {
 public:
  // `refs` are the sentences; `docs` must outlive the object.
  SentenceVectors(const std::vector<StoryDocument>& docs, const std::vector<SentenceRef>& refs);

  // Every pair of sentences of different documents at least this similar.
  std::vector<SimilarPair> SimilarPairs(double min_similarity) const;
  double Similarity(size_t a, size_t b) const;
  // Cosine of sentence `i` with the story's centroid.
  double Centrality(size_t i) const { return centrality_[i]; }

 private:
  struct Feature {
    uint64_t id;
    float weight;
    bool language_free;
    // A language-free feature in at most as many sentences as the story has
    // documents (a name or figure told about once a report, such as the
    // port a cargo came from): one such shared feature is enough across
    // languages.
    bool distinctive;
  };
  const std::vector<StoryDocument>& docs_;
  const std::vector<SentenceRef>& refs_;
  std::vector<std::vector<Feature>> vectors_;  // Sorted by id; weights of the whole vector.
  std::vector<float> cross_norm_;              // Norm of the language-free part.
  std::vector<double> centrality_;
};

}  // namespace rashomon::crosscheck

#endif  // RSH_CROSSCHECK_SENTENCE_VECTORS_H_
