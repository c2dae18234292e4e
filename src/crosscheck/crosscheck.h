// crosscheck/crosscheck.h: what the reports of one story agree on, what one
// source alone says, where they contradict each other, and who got what from
// whom.
//
//   std::vector<StoryDocument> docs = ...;   // Claims from claims/claims.h.
//   StoryCheck check = Crosscheck(docs);
//   for (const Conflict& c : check.conflicts) Show(c.about, c.explanation);
//
// How (docs/crosscheck.md has the details and the measurements):
//   1. Sentences are aligned across documents: TF-IDF cosine of their
//      stemmed words, entity keys and quantity values (across languages only
//      entities and quantities meet); mutual best matches above
//      `align_similarity` and any pair above `strong_similarity` join, a
//      group holding at most one sentence of each document.
//   2. An aligned claim is corroborated when two or more independent sources
//      carry it (a document and its copies are one source), else
//      single-source; conflicting when a conflict involves it. A clause of a
//      corroborated sentence that names what no other document names is a
//      single-source detail of its own.
//   3. Conflicts: the same measured thing (dimension and counted noun, or
//      the same measurement in closely aligned sentences) given incompatible
//      values (claims/quantity.h Compatible: intervals after unit
//      conversion); the same act credited to different named agents ("rescued
//      by X" / "rescued by Y"); the same count of differently named actors
//      ("five regional rescue teams" / "five regional news agencies");
//      aligned sentences with dates that cannot overlap. Each with an
//      explanation, including a unit mix-up when the numbers show one.
//   4. Provenance: quotes and citations merged across documents, copies
//      (given), machine translation (crosscheck/translation.h), and what each
//      document adds (its single-source claims) and omits (claims most other
//      sources carry).
// Thread-safety: pure function of its inputs.
#ifndef RSH_CROSSCHECK_CROSSCHECK_H_
#define RSH_CROSSCHECK_CROSSCHECK_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "claims/claims.h"
#include "crosscheck/translation.h"

namespace rashomon::crosscheck {

// One report of the story. The views and the claims must outlive the call.
struct StoryDocument {
  std::string_view source;    // As given on the command line.
  std::string_view language;  // ISO 639-1, "" when unknown.
  std::string_view text;      // The text the claims' spans index.
  const claims::DocumentClaims* claims = nullptr;
  // Index (in this story) of the document this one copies (dedup), or -1.
  int copy_of = -1;
};

// A sentence of a document: claims->claims[claim] of documents[document].
struct SentenceRef {
  size_t document = 0;
  size_t claim = 0;
  friend bool operator==(const SentenceRef&, const SentenceRef&) = default;
};

enum class ClaimStatus { kCorroborated, kSingleSource, kConflicting };
std::string_view StatusName(ClaimStatus status);  // "corroborated", ...

struct AlignedClaim {
  std::vector<SentenceRef> sentences;  // At most one a document; [0] represents the claim.
  std::vector<size_t> documents;       // Ascending.
  size_t sources = 0;                  // Independent sources (copies count once).
  ClaimStatus status = ClaimStatus::kSingleSource;
  double centrality = 0;               // Similarity to the story's centroid.
  // Non-empty for a detail: the part of sentences[0] (a clause naming what
  // no other document names) that only its source adds, although the rest
  // of the sentence is corroborated.
  text::Span detail;
};

struct ConflictSide {
  SentenceRef sentence;
  text::Span span;     // The words that state the value, in the document's text.
  std::string value;   // Normalised ("more than 4000 mi", "by Halvard Salvage").
};

struct Conflict {
  std::string kind;   // "quantity", "date" or "agent".
  std::string about;  // What the sides disagree on ("length of border").
  std::vector<ConflictSide> sides;  // Each document once, at least two values.
  std::string explanation;
  std::vector<size_t> claims;  // Indices of the aligned claims involved.
};

struct MergedQuote {
  std::string speaker;
  std::string text;
  std::vector<SentenceRef> mentions;  // One per document that carries it.
};

struct MergedCitation {
  std::string source_name;
  std::vector<size_t> documents;  // Ascending.
};

struct DocumentNotes {
  TranslationVerdict translation;
  std::vector<size_t> adds;   // Aligned claims only this document's source carries.
  std::vector<size_t> omits;  // Aligned claims most other sources carry, not this one.
  std::vector<std::string> cites;  // Names of the sources it cites.
};

struct StoryCheck {
  std::vector<AlignedClaim> claims;  // Most sources first, then most central.
  std::vector<Conflict> conflicts;
  std::vector<MergedQuote> quotes;
  std::vector<MergedCitation> citations;  // Most documents first.
  std::vector<DocumentNotes> documents;   // Parallel to the input.
};

struct CrosscheckOptions {
  // Cosine at which two sentences of different documents align when each is
  // the other's best match in its document. Default 0.12.
  double align_similarity = 0.15;
  // Cosine at which two sentences align whatever else matches. Default 0.5.
  double strong_similarity = 0.5;
  // Cosine at which two sentences are about the same thing for agent and
  // date conflicts. Default 0.3.
  double conflict_similarity = 0.3;
  // A claim carried by at least this share of the other sources is "omitted"
  // by a document without it. Default 0.6.
  double omit_share = 0.6;
  TranslationOptions translation;
};

StoryCheck Crosscheck(const std::vector<StoryDocument>& documents,
                      const CrosscheckOptions& options = {});

}  // namespace rashomon::crosscheck

#endif  // RSH_CROSSCHECK_CROSSCHECK_H_
