// claims/aliases.h: one name per entity across the documents of a story.
//
// An AliasTable learns from every entity mention of a story, then maps a
// mention's key to a canonical key and display name:
//  - an acronym to its expansion: "Federal Maritime Agency (FMA)" anywhere
//    in the story (the most frequent definition wins), else the only
//    multi-word name whose initials it spells, "the", "of", "and", "for"
//    skipped ("LMP" <-> "Lakeside Morning Post");
//  - a single word to the only person's name (two or three words, see
//    ClassifyName, seen at least once inside a sentence, so that a caption
//    such as "Recruiting Danish pilots" counts for nothing) ending with it
//    ("Kovalenko" -> "Marta Kovalenko"); with two candidates it stays as it is;
//  - the display name is the canonical key's most frequent spelling, with
//    "The " in front when the story writes "The Name" inside sentences at
//    least as often as "the Name".
// Learning is order independent: the same mentions in any order give the
// same table. docs/claims.md has the rules.
//
//   AliasTable table;
//   for (const Entity& e : all_mentions) table.Add(e);
//   table.Canonical("lmp");  // {"lakeside morning post", "The Lakeside Morning Post"}
//
// Thread-safety: not thread-safe (Canonical builds its index lazily).
#ifndef RSH_CLAIMS_ALIASES_H_
#define RSH_CLAIMS_ALIASES_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "claims/entities.h"

namespace rashomon::claims {

struct CanonicalName {
  std::string key;      // Canonical key ("lakeside morning post"); the input key if unknown.
  std::string display;  // Display name ("The Lakeside Morning Post").
  EntityType type = EntityType::kUnknown;  // ClassifyName of the canonical name.
};

class AliasTable {
 public:
  // Learns one mention: its spelling, its "The", an acronym definition.
  void Add(const Entity& mention);

  // The canonical name of `key`. An unknown key maps to itself, displayed as
  // the key. Work is O(log n) after the first call following Add (which
  // indexes initials and last words once).
  CanonicalName Canonical(std::string_view key) const;

 private:
  struct Name {
    std::map<std::string, int> spellings;
    std::map<std::string, int> definitions;  // For acronyms: expansion key -> count.
    int capital_the = 0;
    int lower_the = 0;
    int inside_sentence = 0;  // Mentions not at a sentence start.
    bool acronym = false;
    size_t words = 1;
  };
  void Index() const;
  std::string ResolveKey(const std::string& key) const;
  std::string Display(const std::string& key) const;

  std::map<std::string, Name, std::less<>> names_;
  // Built lazily by Index(): initials and last word -> multi-word keys.
  mutable bool indexed_ = false;
  mutable std::map<std::string, std::vector<std::string>, std::less<>> by_initials_;
  mutable std::map<std::string, std::vector<std::string>, std::less<>> by_last_word_;
};

}  // namespace rashomon::claims

#endif  // RSH_CLAIMS_ALIASES_H_
