#include "claims/entities.h"

#include <algorithm>
#include <cctype>
#include <unordered_set>

#include "claims/lexicon.h"
#include "text/chars.h"
#include "text/normalize.h"
#include "text/stem.h"
#include "text/tokens.h"
#include "text/utf8.h"

namespace rashomon::claims {
namespace {

using internal::IsFunctionWord;

constexpr size_t kMaxNameWords = 8;
constexpr size_t kMaxAcronymLetters = 8;
constexpr size_t kMaxCasingWordBytes = 40;

// One word token of a sentence with what the name rules ask about it.
struct Word {
  size_t begin = 0;
  size_t end = 0;
  size_t name_end = 0;  // `end` without a possessive "'s".
  std::string folded;
  bool capitalised = false;
  bool all_caps = false;  // Two or more letters, all upper case.
  bool possessive = false;
};

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// An elided article glued to a name ("d’Ellory", "l'Arctique",
// "dell'Adriatico"): the name starts after the apostrophe.
size_t ElisionLength(std::string_view word) {
  for (std::string_view article : {"d", "l", "qu", "dell", "nell", "all", "sull"}) {
    for (std::string_view mark : {std::string_view("'"), std::string_view("\u2019")}) {
      const size_t n = article.size() + mark.size();
      if (word.size() > n && word.substr(0, article.size()) == article &&
          word.substr(article.size(), mark.size()) == mark) {
        size_t pos = n;
        if (text::IsUpperCaseLetter(text::DecodeUtf8(word, &pos))) return n;
      }
    }
  }
  return 0;
}

Word MakeWord(std::string_view sentence, const text::Token& token) {
  Word w;
  w.begin = token.span.begin;
  w.end = w.name_end = token.span.end;
  w.begin += ElisionLength(sentence.substr(w.begin, w.end - w.begin));
  const std::string_view s = sentence.substr(w.begin, w.end - w.begin);
  size_t pos = 0;
  w.capitalised = text::IsUpperCaseLetter(text::DecodeUtf8(s, &pos));
  if (w.capitalised) {
    size_t letters = 0, upper = 0;
    for (size_t p = 0; p < s.size();) {
      const char32_t cp = text::DecodeUtf8(s, &p);
      if (!text::IsLetter(cp)) continue;
      ++letters;
      upper += text::IsUpperCaseLetter(cp) ? 1 : 0;
    }
    w.all_caps = letters >= 2 && upper == letters;
  }
  for (std::string_view suffix : {std::string_view("'s"), std::string_view("\u2019s"),
                                  std::string_view("'S"), std::string_view("\u2019S")}) {
    if (s.size() > suffix.size() && EndsWith(s, suffix)) {
      w.possessive = true;
      w.name_end = w.end - suffix.size();
    }
  }
  w.folded = text::FoldCase(s.substr(0, w.name_end - w.begin));
  return w;
}

// True when the first code point of `gap` (the bytes between two words)
// starts a clause: a colon or an opening quote or bracket.
bool GapStartsClause(std::string_view gap) {
  for (std::string_view mark : {":", "\"", "(", "\u201C", "\u201E", "\u00AB", "\u2018", "\n"}) {
    if (gap.find(mark) != std::string_view::npos) return true;
  }
  return false;
}

size_t CountCodePoints(std::string_view s) {
  size_t n = 0;
  for (size_t p = 0; p < s.size(); ++n) text::DecodeUtf8(s, &p);
  return n;
}

bool IsSingleSpace(std::string_view gap) { return gap == " " || gap == "\u00A0"; }

}  // namespace

std::string_view EntityTypeName(EntityType type) {
  switch (type) {
    case EntityType::kUnknown:
      return "unknown";
    case EntityType::kPerson:
      return "person";
    case EntityType::kOrganisation:
      return "organisation";
    case EntityType::kOther:
      return "other";
  }
  return "unknown";
}

EntityType ClassifyName(std::string_view key, bool acronym) {
  if (acronym) return EntityType::kOrganisation;
  size_t words = 0;
  bool place = false, letters_only = true;
  size_t start = 0;
  while (start < key.size()) {
    size_t end = key.find(' ', start);
    if (end == std::string_view::npos) end = key.size();
    const std::string_view w = key.substr(start, end - start);
    ++words;
    if (internal::IsOrganisationWord(w)) return EntityType::kOrganisation;
    place = place || internal::IsPlaceWord(w);
    for (char c : w) letters_only = letters_only && !(c >= '0' && c <= '9');
    start = end + 1;
  }
  if (!place && letters_only && words >= 2 && words <= 3) return EntityType::kPerson;
  return EntityType::kUnknown;
}

struct EntityFinder::Impl {
  text::LatinTransliterator latin;
  std::unordered_set<std::string> lower_case_words;

  // Words [first, last] of the sentence as a name, with a leading title
  // ("Finnish President", "Foreign Minister") dropped when a name follows.
  Entity MakeName(std::string_view sentence, const std::vector<Word>& words, size_t first,
                  size_t last, EntityFinder* finder) {
    const size_t title_scan_end = std::min(last, first + 3);
    for (size_t k = title_scan_end; k-- > first;) {
      if (internal::IsTitleWord(words[k].folded)) {
        first = k + 1;
        break;
      }
    }
    Entity e;
    e.span = {words[first].begin, words[last].name_end};
    e.text = std::string(sentence.substr(e.span.begin, e.span.end - e.span.begin));
    e.key = finder->Key(e.text);
    e.canonical = e.text;
    e.type = ClassifyName(e.key, false);
    return e;
  }
};

EntityFinder::EntityFinder() : impl_(std::make_unique<Impl>()) {}
EntityFinder::~EntityFinder() = default;

void EntityFinder::SetDocument(std::string_view document) {
  impl_->lower_case_words.clear();
  for (const text::Token& t : text::Tokenize(document)) {
    if (t.kind != text::TokenKind::kWord) continue;
    const std::string_view s = document.substr(t.span.begin, t.span.end - t.span.begin);
    if (s.size() > kMaxCasingWordBytes) continue;
    size_t pos = 0;
    const char32_t first = text::DecodeUtf8(s, &pos);
    if (text::IsLetter(first) && !text::IsUpperCaseLetter(first)) {
      impl_->lower_case_words.insert(text::FoldCase(s));
    }
  }
}

std::string EntityFinder::Key(std::string_view name) {
  std::string latin = impl_->latin.ToLatinAscii(name);
  std::string key;
  bool pending_space = false;
  for (size_t i = 0; i < latin.size(); ++i) {
    char c = latin[i];
    const bool inner = (c == '\'' || c == '-') && !key.empty() && i + 1 < latin.size() &&
                       std::isalnum(static_cast<unsigned char>(latin[i + 1]));
    if (std::isalnum(static_cast<unsigned char>(c)) || inner) {
      if (pending_space && !key.empty()) key += ' ';
      pending_space = false;
      key += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else {
      pending_space = true;
    }
  }
  if (EndsWith(key, "'s")) key.resize(key.size() - 2);
  if (key.rfind("the ", 0) == 0) key.erase(0, 4);
  return key;
}

std::vector<Entity> EntityFinder::Find(std::string_view sentence, size_t offset) {
  std::vector<Word> words;
  for (const text::Token& t : text::Tokenize(sentence)) {
    if (t.kind == text::TokenKind::kWord) words.push_back(MakeWord(sentence, t));
  }
  auto gap = [&](size_t a) {  // Bytes between word a and word a + 1.
    return sentence.substr(words[a].end, words[a + 1].begin - words[a].end);
  };
  auto joined = [&](size_t a) { return !words[a].possessive && IsSingleSpace(gap(a)); };
  auto name_word = [&](size_t a) {
    return words[a].capitalised && !words[a].all_caps && !IsFunctionWord(words[a].folded) &&
           !internal::IsCalendarWord(words[a].folded);
  };
  std::vector<Entity> out;
  const size_t n = words.size();
  bool capital_the = false, lower_the = false;
  for (size_t i = 0; i < n;) {
    const Word& w = words[i];
    const bool initial = i == 0 || GapStartsClause(gap(i - 1));
    const bool the_before = i > 0 && joined(i - 1) && words[i - 1].folded == "the";
    const bool the_initial = i == 1 || (i >= 2 && GapStartsClause(gap(i - 2)));
    capital_the = the_before && words[i - 1].capitalised && !the_initial;
    lower_the = the_before && !words[i - 1].capitalised;
    if (w.all_caps) {
      size_t j = i;
      while (j + 1 < n && words[j + 1].all_caps && joined(j) && j - i + 1 < kMaxNameWords) ++j;
      Entity e = impl_->MakeName(sentence, words, i, j, this);
      if (j == i) {
        e.acronym = true;
        e.type = EntityType::kOrganisation;
        // "Federal Maritime Agency (FMA)": the acronym names the name before it.
        if (!out.empty() && !out.back().acronym && w.begin >= 2 && w.end < sentence.size() &&
            sentence[w.end] == ')' && out.back().span.end + 2 == w.begin &&
            sentence.substr(w.begin - 2, 2) == " (") {
          e.expansion_key = out.back().key;
        }
        if (CountCodePoints(e.text) > kMaxAcronymLetters) e.acronym = false;
      }
      e.after_capital_the = capital_the;
      e.after_lower_the = lower_the;
      out.push_back(std::move(e));
      i = j + 1;
      continue;
    }
    if (!name_word(i) || (initial && impl_->lower_case_words.count(w.folded) > 0)) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j + 1 < n && joined(j) && j - i + 1 < kMaxNameWords) {
      if (name_word(j + 1)) {
        ++j;
      } else if (!words[j + 1].capitalised && internal::IsNameConnector(words[j + 1].folded) &&
                 j + 2 < n && joined(j + 1) && name_word(j + 2)) {
        j += 2;
      } else {
        break;
      }
    }
    Entity e = impl_->MakeName(sentence, words, i, j, this);
    e.after_capital_the = capital_the;
    e.after_lower_the = lower_the;
    e.sentence_initial = initial && e.span.begin == w.begin;
    out.push_back(std::move(e));
    i = j + 1;
  }
  for (Entity& e : out) {
    e.span.begin += offset;
    e.span.end += offset;
  }
  return out;
}

}  // namespace rashomon::claims
