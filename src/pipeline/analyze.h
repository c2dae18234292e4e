// pipeline/analyze.h: the whole analysis of a set of reports, from extracted
// documents to checked stories: copies (dedup), stories, claims, crosscheck.
//
//   std::vector<Document> docs = ...;          // Ingested and extracted.
//   Analysis a = Analyze(docs, AnalyzeOptions{});
//   for (const AnalyzedStory& s : a.stories) Use(s.check);
//
// It reads each document's article text (Document::ArticleText); the spans
// of claims and conflicts index `Analysis::texts`. Rendering is report/.
//
// Thread-safety: a pure function of its inputs; uses options.threads workers.
#ifndef RSH_PIPELINE_ANALYZE_H_
#define RSH_PIPELINE_ANALYZE_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "base/document.h"
#include "claims/claims.h"
#include "crosscheck/crosscheck.h"
#include "dedup/dedup.h"
#include "stories/stories.h"

namespace rashomon::pipeline {

struct AnalyzeOptions {
  int threads = 1;  // Workers; 0: all cores. Default 1.
  dedup::DedupOptions dedup;
  stories::StoryOptions stories;
  crosscheck::CrosscheckOptions crosscheck;
};

struct AnalyzedStory {
  uint64_t id = 0;
  std::string title;              // The central report's title (else its first line).
  std::vector<size_t> documents;  // Indices into the input, ascending.
  size_t central = 0;             // Index into the input.
  // Parallel to `documents`, names resolved across the story.
  std::vector<claims::DocumentClaims> claims;
  crosscheck::StoryCheck check;  // Its document indices index `documents`.
};

struct Analysis {
  std::vector<std::string> texts;  // Article text of each input document.
  // For each document, the input index of the document it copies (the
  // representative of its copy group), or -1.
  std::vector<int> duplicate_of;
  std::vector<double> duplicate_jaccard;  // Of that copy; 0 when none.
  std::vector<size_t> story_of;           // Index into `stories`.
  std::vector<AnalyzedStory> stories;     // Largest first.
};

Analysis Analyze(const std::vector<Document>& docs, const AnalyzeOptions& options = {});

// A story decided elsewhere (an incremental index): indices into the input.
struct StoryGroup {
  uint64_t id = 0;
  std::vector<size_t> documents;  // Ascending.
  size_t central = 0;             // One of `documents`.
};

// As Analyze, with the stories given instead of clustered: `groups` (kept
// in their order) must cover every document exactly once.
Analysis AnalyzeGroups(const std::vector<Document>& docs, const std::vector<StoryGroup>& groups,
                       const AnalyzeOptions& options = {});

}  // namespace rashomon::pipeline

#endif  // RSH_PIPELINE_ANALYZE_H_
