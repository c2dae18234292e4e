// claims/entities.h: names and acronyms mentioned in news text.
//
// EntityFinder reads one sentence at a time and returns its proper-name
// sequences ("Marta Kovalenko", "Federal Maritime Agency", "Eastern Ice
// Route") and acronyms ("FMA", "DKPO"), with byte spans. It is a casing
// heuristic, not a tagger:
//  - a name is a run of capitalised words (any cased script: Latin, Cyrillic,
//    Greek) separated by single spaces, with a few lower-case connectors
//    inside ("Ministry of Fisheries"); a possessive ends it ("Norland's");
//  - capitalised function words ("The", "However", "Of"), month and weekday
//    names are never names; a "The" before a name is left out of the span
//    and the key but recorded (`after_capital_the`), since some names own it
//    ("The Lakeside Morning Post");
//  - the first word of a sentence is dropped when the document also writes
//    it in lower case (SetDocument) or when it is a function word;
//  - a leading title ("President", "Foreign Minister") is dropped;
//  - an all-capital word of 2..8 letters alone is an acronym; a name followed
//    by "(ACR)" defines that acronym (`expansion_key`);
//  - generic descriptions ("the newspaper") are lower case, hence never names.
// Keys are Latin ASCII lower case (via text::LatinTransliterator), so "ФМА"
// and "FMA" meet. Aliases across documents ("LMP", "Kovalenko") are
// claims/aliases.h; quotes and citations are claims/quotes.h.
//
//   EntityFinder finder;
//   finder.SetDocument(text);
//   for (const Entity& e : finder.Find(sentence, sentence_offset)) Use(e.key);
//
// Thread-safety: an EntityFinder is used by one thread at a time; it owns an
// ICU transliterator (about a millisecond to build), so reuse it.
#ifndef RSH_CLAIMS_ENTITIES_H_
#define RSH_CLAIMS_ENTITIES_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "text/sentences.h"

namespace rashomon::claims {

// What a name (or a quote's speaker) denotes, as far as cheap rules tell.
enum class EntityType { kUnknown, kPerson, kOrganisation, kOther };

struct Entity {
  text::Span span;            // Bytes of the name as written, without "The" or title.
  std::string text;           // Those bytes.
  std::string key;            // Latin ASCII lower case, words joined by one space.
  std::string canonical;      // Display name after alias resolution; `text` until then.
  std::string expansion_key;  // For an acronym defined as "Name (ACR)": Name's key.
  bool acronym = false;
  bool after_capital_the = false;  // Written "... The Name" inside a sentence.
  bool after_lower_the = false;    // Written "... the Name".
  bool sentence_initial = false;   // The name's first word starts the sentence.
  EntityType type = EntityType::kUnknown;
};

// Short stable name of `type` for logs and JSON: "unknown", "person", ...
std::string_view EntityTypeName(EntityType type);

// The type the words of `key` suggest: an acronym or a name with an
// organisation word ("times", "service", "group") is an organisation; two or
// three words without place or organisation words are a person.
EntityType ClassifyName(std::string_view key, bool acronym);

class EntityFinder {
 public:
  EntityFinder();
  ~EntityFinder();
  EntityFinder(const EntityFinder&) = delete;
  EntityFinder& operator=(const EntityFinder&) = delete;

  // Learns which words `document` writes in lower case, to tell a name from a
  // capitalised sentence start ("Leaked documents show" when "leaked" occurs
  // elsewhere). Keeps no reference to `document`. Optional: without it only
  // function words are dropped at sentence starts.
  void SetDocument(std::string_view document);

  // The names and acronyms of `sentence`, in order. Spans are shifted by
  // `offset` (the sentence's position in the document). REQUIRES: valid
  // UTF-8. Work is linear in sentence.size(); names have at most 8 words.
  std::vector<Entity> Find(std::string_view sentence, size_t offset = 0);

  // The match key of a name as written: transliterated, lower case, words
  // joined by one space, a possessive "'s" and a leading "The " dropped.
  std::string Key(std::string_view name);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace rashomon::claims

#endif  // RSH_CLAIMS_ENTITIES_H_
