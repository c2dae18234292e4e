// claims/quotes.h: direct quotes with their speakers, and the sources a
// document cites ("according to X", "obtained by X", "X reported").
//
// FindQuotes pairs quotation marks within one line: straight "...", curly
// “...” (also closed by a straight mark), German „...“, guillemets «...»,
// and single curly ‘...’. Then it looks for the speaker next to the quote,
// in the same sentence:
//   "...," X said / "..." said X / "...," X told Y / "...," the memo reads
//   X said: "..." / X said "..." / X said that "..."
//   As X, an expert on ..., observed for Y, "..."  (apposition skipped)
//   according to X, "..." / "...," according to X
//   "...," he said  (he/she: the only person named in this or the two
//                    previous sentences, else no speaker)
// X is an entity (claims/entities.h), a description ("the report": type
// kOther) or a pronoun. A quote is reported when it has a speaker, or when it
// is in double marks and has at least `min_words` words; so scare quotes
// ("the rival") are not quotes. Single curly quotes need a speaker.
//
// FindCitations reads the cues around each entity: "according to X",
// "<obtained|seen|cited|reported (on)|published|...> by [the] [descriptor] X",
// "<report|article|...> by X", "told X", "interview with X", "citing X",
// "<wrote|observed...> for X", "<said|reported> it X" (translated word
// order), "led X to ...", "X [first|also] <reported|revealed|noted|said|
// estimated|...>", "a [recent] X <report|investigation|article|analysis>",
// with "X (ACR)" and "X, a hacker group," skipped. Sources are
// organisations, publications, groups or unknown names; a person is a
// source only through "according to".
//
// Speakers and sources are spelled as in the text; claims/claims.h
// (ResolveStory) rewrites them to canonical names through claims/aliases.h.
//
//   std::vector<Quote> quotes = FindQuotes(text, entities, sentences);
//
// Thread-safety: pure functions.
#ifndef RSH_CLAIMS_QUOTES_H_
#define RSH_CLAIMS_QUOTES_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "claims/entities.h"
#include "text/sentences.h"

namespace rashomon::claims {

struct Quote {
  text::Span span;          // The quoted words, marks excluded.
  std::string text;         // Those bytes.
  std::string speaker;      // "Marta Kovalenko", "the report"; "" when unknown.
  std::string speaker_key;  // Entity key of the speaker; "" for descriptions.
  text::Span speaker_span;  // Where the speaker (or the pronoun) is written.
  EntityType speaker_type = EntityType::kUnknown;
  std::string cue;       // The speech verb or "according to"; "" when none.
  bool pronoun = false;  // The speaker was found through he/she.
};

struct Citation {
  text::Span span;         // The source's name as written.
  std::string source;      // Display name (canonical after alias resolution).
  std::string source_key;  // Entity key as written.
  EntityType source_type = EntityType::kUnknown;
  std::string cue;      // "according to", "obtained by", "reported", "report"...
  text::Span cue_span;  // The cue words.
};

struct QuoteOptions {
  // Fewest words of a quote without a speaker. Default 4.
  size_t min_words = 4;
  // Longest quote in bytes; a longer one is taken for an unclosed mark.
  // Default 5,000.
  size_t max_quote_bytes = 5000;
  // Most quotes and most citations returned per document. Default 1,000 each.
  size_t max_quotes = 1000;
  size_t max_citations = 1000;
};

// The quotes of `text` in order. `entities` are its entities sorted by
// span.begin with spans into `text`; `sentences` its sentence spans in order
// (used to resolve pronouns; may be empty). REQUIRES: valid UTF-8. Work is
// linear in text.size() plus O(log n) per quote.
std::vector<Quote> FindQuotes(std::string_view text, const std::vector<Entity>& entities,
                              const std::vector<text::Span>& sentences,
                              const QuoteOptions& options = {});

// The citations of `text` in order, one per cited mention. REQUIRES: as for
// FindQuotes.
std::vector<Citation> FindCitations(std::string_view text, const std::vector<Entity>& entities,
                                    const QuoteOptions& options = {});

}  // namespace rashomon::claims

#endif  // RSH_CLAIMS_QUOTES_H_
