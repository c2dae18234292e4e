#include "claims/aliases.h"

#include <algorithm>

#include "claims/lexicon.h"

namespace rashomon::claims {
namespace {

std::vector<std::string_view> SplitWords(std::string_view key) {
  std::vector<std::string_view> words;
  size_t start = 0;
  while (start < key.size()) {
    size_t end = key.find(' ', start);
    if (end == std::string_view::npos) end = key.size();
    if (end > start) words.push_back(key.substr(start, end - start));
    start = end + 1;
  }
  return words;
}

// "lakeside morning post" -> "lmp"; "" when fewer than two initials remain.
std::string Initials(const std::vector<std::string_view>& words) {
  std::string initials;
  for (std::string_view w : words) {
    if (!internal::IsInitialsFiller(w)) initials += w.front();
  }
  return initials.size() >= 2 ? initials : "";
}

// The key of the map with the highest count; ties go to the first in order.
template <typename Map>
std::string MostFrequent(const Map& counts) {
  auto best = counts.begin();
  for (auto it = counts.begin(); it != counts.end(); ++it) {
    if (it->second > best->second) best = it;
  }
  return best == counts.end() ? std::string() : best->first;
}

}  // namespace

void AliasTable::Add(const Entity& mention) {
  if (mention.key.empty()) return;
  Name& name = names_[mention.key];
  ++name.spellings[mention.text];
  name.capital_the += mention.after_capital_the ? 1 : 0;
  name.lower_the += mention.after_lower_the ? 1 : 0;
  name.inside_sentence += mention.sentence_initial ? 0 : 1;
  name.acronym = name.acronym || mention.acronym;
  name.words = SplitWords(mention.key).size();
  if (!mention.expansion_key.empty()) ++name.definitions[mention.expansion_key];
  indexed_ = false;
}

void AliasTable::Index() const {
  by_initials_.clear();
  by_last_word_.clear();
  for (const auto& [key, name] : names_) {
    if (name.words < 2 || name.acronym) continue;
    const std::vector<std::string_view> words = SplitWords(key);
    const std::string initials = Initials(words);
    if (!initials.empty()) by_initials_[initials].push_back(key);
    if (name.inside_sentence > 0 && ClassifyName(key, false) == EntityType::kPerson) {
      by_last_word_[std::string(words.back())].push_back(key);
    }
  }
  indexed_ = true;
}

std::string AliasTable::ResolveKey(const std::string& key) const {
  const auto it = names_.find(key);
  if (it == names_.end() || it->second.words != 1) return key;
  const Name& name = it->second;
  if (name.acronym) {
    if (!name.definitions.empty()) {
      // The most frequent definition; among equals the longer name.
      std::string best;
      int best_count = 0;
      for (const auto& [expansion, count] : name.definitions) {
        if (count > best_count || (count == best_count && expansion.size() > best.size())) {
          best = expansion;
          best_count = count;
        }
      }
      return best;
    }
    const auto by = by_initials_.find(key);
    if (by != by_initials_.end() && by->second.size() == 1) return by->second.front();
    return key;
  }
  const auto by = by_last_word_.find(key);
  if (by != by_last_word_.end() && by->second.size() == 1) return by->second.front();
  return key;
}

std::string AliasTable::Display(const std::string& key) const {
  const auto it = names_.find(key);
  if (it == names_.end()) return key;
  const Name& name = it->second;
  std::string display = MostFrequent(name.spellings);
  // "The" belongs to the name when writers capitalise it inside sentences.
  if (name.capital_the > 0 && name.capital_the >= name.lower_the) display = "The " + display;
  return display;
}

CanonicalName AliasTable::Canonical(std::string_view key) const {
  if (!indexed_) Index();
  CanonicalName out;
  out.key = ResolveKey(std::string(key));
  out.display = Display(out.key);
  const auto it = names_.find(out.key);
  out.type =
      ClassifyName(out.key, it != names_.end() && it->second.acronym && it->second.words == 1);
  return out;
}

}  // namespace rashomon::claims
