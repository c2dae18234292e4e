// stories/stories.h: incremental clustering of reports into stories (the
// reports of one event).
//
//   StoryIndex index;                       // Options: see StoryOptions.
//   index.Add(batch_of_inputs);             // As news arrives, any number of times.
//   for (const Story& s : index.Stories()) Use(s.documents);
//
// How it decides (docs/stories.md has the reasons and the measurements):
//   1. Each report becomes TF-IDF vectors of stemmed words and of entities
//      (stories/features.h), weighted with the document frequencies of
//      everything the index has seen.
//   2. Candidates come from an inverted index of each report's rarest terms
//      and its entities, never from all pairs; the best-sharing candidates
//      are scored. Similarity: body words and entities for reports in one
//      language, entities alone (names, acronyms, numbers) across
//      languages, discounted by the time gap when both dates are known.
//   3. Each report keeps its nearest neighbours (a sparse graph that new
//      reports update). An edge is strong when its similarity passes an
//      absolute bar, or when it is as high as the neighbourhood of both ends
//      (locally scaled: the k-th neighbour's similarity), so reports of a
//      busy topic must beat their topical background.
//   4. Stories are the average-linkage clusters of that graph, re-derived
//      after every Add; stories keep their ids when most of their reports
//      stay together, and merge when their reports converge.
// Exact copies (same title and text) are clustered once. Within one Add the
// result does not depend on the order of the batch; across Adds it may
// differ slightly from one big Add (document frequencies evolve).
//
// Distribution: features, postings (partitioned by term id) and neighbour
// lists (by document) are independent per document or per term; only the
// document-frequency table is shared, and it is a sum.
//
// Thread-safety: not thread-safe; Add uses `threads` workers internally.
#ifndef RSH_STORIES_STORIES_H_
#define RSH_STORIES_STORIES_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "stories/features.h"

namespace rashomon::stories {

struct StoryOptions {
  int threads = 1;                      // Workers for featurising and scoring; 0: all cores.
  int max_body_words = 600;             // Words of the body read (leads carry the event).
  int neighbours = 10;                  // Nearest neighbours kept per report.
  int scale_rank = 2;                   // The neighbour whose similarity sets the local scale.
  int candidates = 64;                  // Candidates scored per report.
  double absolute_join = 0.35;          // Similarity that joins whatever the neighbourhood.
  double scaled_join = 0.9;             // Multiple of the local scale that joins.
  double idf_prior = 100;               // Reports assumed seen without a term (see stories.cc).
  double entity_share = 0.2;            // Weight of entities in same-language similarity.
  double cross_language_weight = 0.75;  // Discount of the cross-language entity cosine.
  double copy_similarity = 0.8;         // Neighbours this similar are copies: no local scale.
  double time_window_days = 3;          // Reports further apart than this are discounted.
};

struct Story {
  uint64_t id = 0;                // Stable across Adds while the story persists.
  std::vector<size_t> documents;  // Indices in arrival order, ascending.
  size_t central = 0;             // The report most similar to the others.
};

class StoryIndex {
 public:
  explicit StoryIndex(StoryOptions options = {});
  ~StoryIndex();
  StoryIndex(const StoryIndex&) = delete;
  StoryIndex& operator=(const StoryIndex&) = delete;

  // Adds the reports of `batch` (indices size() .. size()+batch.size()-1)
  // and re-derives the stories.
  void Add(const std::vector<StoryInput>& batch);

  // The stories, largest first (then by their first report).
  const std::vector<Story>& Stories() const { return stories_; }
  // The story of report `doc`, an index into Stories().
  size_t StoryOf(size_t doc) const { return story_of_[doc]; }
  size_t size() const;
  // Bytes held by the index (features, postings, neighbours, frequencies).
  size_t MemoryBytes() const;

 private:
  struct Doc;
  struct Weighted;
  class Dots;
  struct Neighbour {
    uint32_t doc;
    float similarity;
  };
  // `out` = the compared TF-IDF vector of the counts `raw`; `order` is scratch.
  void Weigh(const std::vector<Weighted>& raw, bool cross_only, std::vector<uint32_t>* order,
             std::vector<Weighted>* out) const;
  void ScoreNewDocuments(size_t first_new);
  // The similarity of reports `a` and `b`; `dots` holds `a`'s vectors.
  float Similarity(const Doc& a, const Doc& b, Dots& dots) const;
  void Cluster();

  StoryOptions options_;
  std::vector<Doc> docs_;
  std::vector<std::vector<Neighbour>> neighbours_;
  std::vector<Story> stories_;
  std::vector<size_t> story_of_;
  uint64_t next_story_id_ = 1;
  struct Tables;
  std::unique_ptr<Tables> tables_;  // Frequencies, postings, exact-copy keys.
};

}  // namespace rashomon::stories

#endif  // RSH_STORIES_STORIES_H_
