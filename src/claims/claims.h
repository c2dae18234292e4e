// claims/claims.h: the claims of one document, sentence by sentence, and
// the story-level step that gives every name one spelling.
//
// AnalyzeDocument splits a text into sentences (text::SentenceSplitter) and
// gives each a Claim: its entities (claims/entities.h), quantities
// (claims/quantity.h), dates (claims/dates.h) and stemmed content words. The
// document also gets its quotes with speakers and its citations
// (claims/quotes.h). Every span is a byte range of the document text.
// Names are resolved within the document first; ResolveStory then learns
// aliases over all documents of a story (claims/aliases.h) and rewrites
// entity names, speakers and sources: "LMP" in one report and "The Lakeside
// Morning Post" in another become the same source. Comparing claims across
// documents is crosscheck's job. docs/claims.md has the rules and limits.
//
//   std::vector<DocumentClaims> story;
//   ClaimAnalyzer analyzer;
//   for (std::string_view text : texts) story.push_back(analyzer.Analyze(text, {}));
//   ResolveStory(&story);
//
// Thread-safety: a ClaimAnalyzer is used by one thread at a time (it owns ICU
// objects); free functions are thread-safe.
#ifndef RSH_CLAIMS_CLAIMS_H_
#define RSH_CLAIMS_CLAIMS_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "claims/dates.h"
#include "claims/entities.h"
#include "claims/quantity.h"
#include "claims/quotes.h"
#include "text/sentences.h"

namespace rashomon::claims {

// One sentence and what it states.
struct Claim {
  size_t index = 0;  // Sentence number in the document, from 0.
  text::Span span;   // The sentence in the document.
  std::string text;  // Its bytes (invalid UTF-8 bytes read as '?').
  std::vector<Entity> entities;
  std::vector<Quantity> quantities;
  std::vector<DateMention> dates;
  // Stemmed content words, lower case, in order (repeats kept); function
  // words, numbers and words over 64 bytes left out.
  std::vector<std::string> terms;
};

struct DocumentClaims {
  std::vector<Claim> claims;
  std::vector<Entity> entities;  // All entities of the kept sentences, in order.
  std::vector<Quote> quotes;
  std::vector<Citation> citations;
  bool truncated = false;  // A cap of ClaimOptions cut the analysis short.
};

struct ClaimOptions {
  // ISO 639-1 code of the text: stemmer, number and date formats. Default "en".
  std::string_view language = "en";
  // Publication day (days since 1970-01-01) for relative dates; kNoDay drops
  // them. Default kNoDay.
  int64_t published_day = kNoDay;
  // Sentences analysed; later ones are dropped (and `truncated` set).
  // Default 5,000.
  size_t max_sentences = 5000;
  // Entities kept per document; later ones are dropped. Default 20,000.
  size_t max_entities = 20000;
  // Quote and citation rules and caps.
  QuoteOptions quotes;
};

class ClaimAnalyzer {
 public:
  ClaimAnalyzer();
  ~ClaimAnalyzer();
  ClaimAnalyzer(const ClaimAnalyzer&) = delete;
  ClaimAnalyzer& operator=(const ClaimAnalyzer&) = delete;

  // The claims of `text` (any bytes: invalid UTF-8 is read as '?', byte for
  // byte, so spans still index `text`). Keeps no reference to `text`. Work is
  // linear in text.size() up to the caps of `options`.
  DocumentClaims Analyze(std::string_view text, const ClaimOptions& options);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// As ClaimAnalyzer().Analyze(text, options); builds the ICU objects each
// time (about a millisecond), so reuse a ClaimAnalyzer for many documents.
DocumentClaims AnalyzeDocument(std::string_view text, const ClaimOptions& options = {});

// Learns aliases over all of `docs` (one story) and rewrites each entity's
// `canonical` and `type`, each quote's `speaker` and each citation's
// `source` to canonical names; drops citations whose source turns out to be
// a person (unless "according to"). Idempotent. REQUIRES: docs != nullptr.
void ResolveStory(std::vector<DocumentClaims>* docs);

// The distinct sources `doc` cites, sorted.
std::vector<std::string> CitedSources(const DocumentClaims& doc);

}  // namespace rashomon::claims

#endif  // RSH_CLAIMS_CLAIMS_H_
