// crosscheck/conflicts.h (internal): the conflicts of one story.
//
// Every value a story states (a quantity, the named agent of an act, a
// count of named actors, a date) is a mention. Two mentions of different
// sources are comparable when they measure the same thing: the same
// dimension and counted noun in sentences that share words, or the same
// dimension in closely aligned sentences. Comparable mentions form topics;
// inside a topic the compatible ones form value classes. Two classes
// conflict when a comparable pair between them is incompatible and no
// document states both (then they are two facts, such as a ship's tank
// capacity and the fuel it leaked). Classes pair up greedily, most similar
// sentences first; each pair is one Conflict with every document once.
#ifndef RSH_CROSSCHECK_CONFLICTS_H_
#define RSH_CROSSCHECK_CONFLICTS_H_

#include <cstddef>
#include <string>
#include <vector>

#include "crosscheck/crosscheck.h"
#include "crosscheck/sentence_vectors.h"

namespace rashomon::crosscheck {

// The lowest similarity of two sentences whose values are compared.
inline constexpr double kRelatedSimilarity = 0.12;

class ConflictFinder {
 public:
  // `root[d]` is the independent source of document d; `pairs` the story's
  // sentence pairs at least kRelatedSimilarity similar (SentenceVectors).
  // All references must outlive the object.
  ConflictFinder(const std::vector<StoryDocument>& docs, const std::vector<SentenceRef>& refs,
                 const std::vector<size_t>& root, const std::vector<SimilarPair>& pairs,
                 double conflict_similarity);

  std::vector<Conflict> Find() const;

 private:
  struct Mention {
    size_t ref;            // Index into refs.
    text::Span span;       // The value's words in the document text.
    std::string value;     // Normalised, for the report.
    std::string key;       // Grouping key (topic hint); "" when only similarity can pair it.
    std::string about;     // What it measures, in words.
    const claims::Quantity* quantity = nullptr;  // For quantity mentions.
    std::string agent;     // For agent mentions: the agent's key.
    const claims::DateMention* date = nullptr;   // For date mentions.
  };
  void QuantityConflicts(std::vector<Conflict>* out) const;
  void AgentConflicts(std::vector<Conflict>* out) const;
  void CountedActorConflicts(std::vector<Conflict>* out) const;
  void DateConflicts(std::vector<Conflict>* out) const;
  // Pairs classes of comparable mentions into conflicts (see the banner).
  // `comparable(a, b, similarity)` and `compatible(a, b)` take indices into
  // `mentions`; only mentions of sentences in `pairs_` are compared.
  template <typename Comparable, typename Compatible, typename Explain>
  void Resolve(const std::vector<Mention>& mentions, const char* kind, Comparable comparable,
               Compatible compatible, Explain explain, std::vector<Conflict>* out) const;

  const claims::Claim& ClaimOf(size_t ref) const;
  std::string_view TextOf(size_t ref) const;

  const std::vector<StoryDocument>& docs_;
  const std::vector<SentenceRef>& refs_;
  const std::vector<size_t>& root_;
  const std::vector<SimilarPair>& pairs_;
  double conflict_similarity_;
};

}  // namespace rashomon::crosscheck

#endif  // RSH_CROSSCHECK_CONFLICTS_H_
