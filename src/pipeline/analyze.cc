#include "pipeline/analyze.h"

#include <algorithm>
#include <unordered_map>

#include "base/check.h"
#include "base/iso_time.h"
#include "base/parallel.h"

namespace rashomon::pipeline {
namespace {

int64_t PublishedDay(const std::string& published) {
  int64_t millis = 0;
  if (published.empty() || !ParseIsoInstant(published, &millis)) return claims::kNoDay;
  constexpr int64_t kMillisPerDay = 86400000;
  return millis >= 0 ? millis / kMillisPerDay : -((-millis + kMillisPerDay - 1) / kMillisPerDay);
}

std::string StoryTitle(const std::vector<Document>& docs, const std::vector<std::string>& texts,
                       const StoryGroup& s) {
  if (!docs[s.central].title.empty()) return docs[s.central].title;
  for (size_t d : s.documents) {
    if (!docs[d].title.empty()) return docs[d].title;
  }
  const std::string& t = texts[s.central];
  return t.substr(0, std::min(t.find('\n'), size_t{120}));
}

// Texts and copies of `docs`, into `a`.
void TextsAndCopies(const std::vector<Document>& docs, const AnalyzeOptions& options, int threads,
                    Analysis* out) {
  Analysis& a = *out;
  const size_t n = docs.size();
  a.texts.resize(n);
  ParallelFor(n, threads, [&](size_t i) { a.texts[i] = docs[i].ArticleText(); });

  // Copies.
  a.duplicate_of.assign(n, -1);
  a.duplicate_jaccard.assign(n, 0);
  {
    std::vector<dedup::DedupInput> inputs(n);
    for (size_t i = 0; i < n; ++i) inputs[i] = {a.texts[i], docs[i].published};
    dedup::DedupOptions dedup_options = options.dedup;
    dedup_options.threads = threads;
    for (const dedup::CopyGroup& g : dedup::FindCopies(inputs, dedup_options)) {
      for (const dedup::CopyMember& m : g.members) {
        if (m.index == g.representative) continue;
        a.duplicate_of[m.index] = static_cast<int>(g.representative);
        a.duplicate_jaccard[m.index] = m.jaccard;
      }
    }
  }
}

// Claims and crosscheck of the stories `groups` of `docs`, into `a`.
void CheckStories(const std::vector<Document>& docs, const std::vector<StoryGroup>& groups,
                  const AnalyzeOptions& options, int threads, Analysis* out);

}  // namespace

Analysis Analyze(const std::vector<Document>& docs, const AnalyzeOptions& options) {
  const int threads = options.threads <= 0 ? HardwareThreads() : options.threads;
  Analysis a;
  TextsAndCopies(docs, options, threads, &a);
  const size_t n = docs.size();

  // Stories.
  std::vector<stories::StoryInput> inputs(n);
  for (size_t i = 0; i < n; ++i) {
    inputs[i] = {docs[i].title, a.texts[i], docs[i].language, docs[i].published};
  }
  stories::StoryOptions story_options = options.stories;
  story_options.threads = threads;
  stories::StoryIndex index(story_options);
  index.Add(inputs);
  std::vector<StoryGroup> groups;
  for (const stories::Story& s : index.Stories()) groups.push_back({s.id, s.documents, s.central});
  CheckStories(docs, groups, options, threads, &a);
  return a;
}

Analysis AnalyzeGroups(const std::vector<Document>& docs, const std::vector<StoryGroup>& groups,
                       const AnalyzeOptions& options) {
  const int threads = options.threads <= 0 ? HardwareThreads() : options.threads;
  Analysis a;
  TextsAndCopies(docs, options, threads, &a);
  CheckStories(docs, groups, options, threads, &a);
  return a;
}

namespace {

void CheckStories(const std::vector<Document>& docs, const std::vector<StoryGroup>& groups,
                  const AnalyzeOptions& options, int threads, Analysis* out) {
  Analysis& a = *out;
  const size_t n = docs.size();
  std::vector<bool> seen(n, false);
  a.story_of.assign(n, 0);
  for (const StoryGroup& s : groups) {
    AnalyzedStory story;
    story.id = s.id;
    story.title = StoryTitle(docs, a.texts, s);
    story.documents = s.documents;
    story.central = s.central;
    for (size_t d : s.documents) {
      RSH_CHECK(d < n && !seen[d]);
      seen[d] = true;
      a.story_of[d] = a.stories.size();
    }
    a.stories.push_back(std::move(story));
  }
  RSH_CHECK(std::find(seen.begin(), seen.end(), false) == seen.end());

  // Claims of every document, in parallel.
  // An analyzer a worker (it owns a sentence splitter and stemmers).
  std::vector<claims::DocumentClaims> all_claims(n);
  const size_t workers = std::min(n, static_cast<size_t>(threads));
  ParallelFor(workers, threads, [&](size_t w) {
    claims::ClaimAnalyzer analyzer;
    for (size_t i = w; i < n; i += workers) {
      claims::ClaimOptions claim_options;
      // A view of the document's own string (a ?: with "" would make a temporary).
      const std::string_view language = docs[i].language;
      claim_options.language = language == "und" ? std::string_view() : language;
      claim_options.published_day = PublishedDay(docs[i].published);
      all_claims[i] = analyzer.Analyze(a.texts[i], claim_options);
    }
  });

  // Per story: names resolved across its documents, then the crosscheck.
  ParallelFor(a.stories.size(), threads, [&](size_t k) {
    AnalyzedStory& story = a.stories[k];
    std::unordered_map<size_t, int> local;
    for (size_t j = 0; j < story.documents.size(); ++j) {
      local[story.documents[j]] = static_cast<int>(j);
      story.claims.push_back(std::move(all_claims[story.documents[j]]));
    }
    claims::ResolveStory(&story.claims);
    std::vector<crosscheck::StoryDocument> inputs_of_story;
    for (size_t j = 0; j < story.documents.size(); ++j) {
      const size_t d = story.documents[j];
      crosscheck::StoryDocument sd;
      sd.source = docs[d].source;
      sd.language = docs[d].language == "und" ? std::string_view() : std::string_view(docs[d].language);
      sd.text = a.texts[d];
      sd.claims = &story.claims[j];
      if (a.duplicate_of[d] >= 0) {
        auto it = local.find(static_cast<size_t>(a.duplicate_of[d]));
        if (it != local.end()) sd.copy_of = it->second;
      }
      inputs_of_story.push_back(sd);
    }
    story.check = crosscheck::Crosscheck(inputs_of_story, options.crosscheck);
  });
}

}  // namespace

}  // namespace rashomon::pipeline
