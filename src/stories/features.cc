#include "stories/features.h"

#include <algorithm>
#include <array>
#include <string>
#include <unordered_set>
#include <utility>

#include "base/iso_time.h"
#include "text/chars.h"
#include "text/normalize.h"
#include "text/stem.h"
#include "text/tokens.h"
#include "text/utf8.h"

namespace rashomon::stories {
namespace {

// Stable 64-bit FNV-1a with a final avalanche, so that ids are the same on
// every machine (index partitions may live on several).
uint64_t HashTerm(char kind, std::string_view a, std::string_view b = {}) {
  uint64_t h = 0xcbf29ce484222325ULL;
  auto mix = [&h](unsigned char c) {
    h ^= c;
    h *= 0x100000001b3ULL;
  };
  mix(static_cast<unsigned char>(kind));
  for (char c : a) mix(static_cast<unsigned char>(c));
  mix(0);
  for (char c : b) mix(static_cast<unsigned char>(c));
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  return h;
}

// Function words: frequent everywhere, so no evidence of an event. IDF
// would discount them too, but only once the index has seen many reports.
const std::unordered_set<std::string_view>& StopWords(std::string_view language) {
  static const std::unordered_set<std::string_view> kEn = {
      "a",        "about",    "after",   "again",     "against", "all",       "also",     "an",
      "and",      "any",      "are",     "as",        "at",      "be",        "because",  "been",
      "before",   "being",    "between", "both",      "but",     "by",        "can",      "could",
      "did",      "do",       "does",    "down",      "during",  "each",      "even",     "few",
      "for",      "from",     "further", "had",       "has",     "have",      "having",   "he",
      "her",      "here",     "hers",    "him",       "his",     "how",       "i",        "if",
      "in",       "into",     "is",      "it",        "its",     "just",      "last",     "like",
      "may",      "me",       "might",   "more",      "most",    "mr",        "mrs",      "ms",
      "much",     "must",     "my",      "new",       "no",      "nor",       "not",      "now",
      "of",       "off",      "on",      "once",      "one",     "only",      "or",       "other",
      "our",      "out",      "over",    "own",       "said",    "same",      "say",      "says",
      "she",      "should",   "so",      "some",      "such",    "than",      "that",     "the",
      "their",    "them",     "then",    "there",     "these",   "they",      "this",     "those",
      "through",  "to",       "too",     "two",       "under",   "until",     "up",       "us",
      "very",     "was",      "we",      "were",      "what",    "when",      "where",    "which",
      "while",    "who",      "whom",    "why",       "will",    "with",      "would",    "year",
      "years",    "you",      "your",    "monday",    "tuesday", "wednesday", "thursday", "friday",
      "saturday", "sunday",   "week",    "according", "told",    "since",     "many",     "still",
      "however",  "according"};
  static const std::unordered_set<std::string_view> kDe = {
      "aber",     "alle",     "als",        "am",      "an",      "auch",   "auf",   "aus",
      "bei",      "bis",      "da",         "das",     "dass",    "dem",    "den",   "der",
      "des",      "die",      "doch",       "ein",     "eine",    "einem",  "einen", "einer",
      "eines",    "er",       "es",         "für",     "gegen",   "hat",    "hatte", "ich",
      "im",       "in",       "ist",        "jahr",    "kein",    "man",    "mit",   "nach",
      "nicht",    "noch",     "nur",        "oder",    "sagte",   "sei",    "sein",  "seit",
      "sich",     "sie",      "sind",       "so",      "um",      "und",    "uns",   "unter",
      "vom",      "von",      "vor",        "war",     "waren",   "was",    "wie",   "wird",
      "wir",      "wurde",    "wurden",     "zu",      "zum",     "zur",    "über",  "montag",
      "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag"};
  static const std::unordered_set<std::string_view> kFr = {
      "a",     "au",       "aux",    "avec",     "ce",      "ces",    "cette", "comme", "dans",
      "de",    "des",      "du",     "elle",     "en",      "est",    "et",    "été",   "il",
      "ils",   "je",       "la",     "le",       "les",     "leur",   "lui",   "mais",  "ne",
      "nous",  "on",       "ont",    "ou",       "où",      "par",    "pas",   "plus",  "pour",
      "qu",    "que",      "qui",    "sa",       "se",      "selon",  "ses",   "son",   "sont",
      "sur",   "un",       "une",    "été",      "être",    "a-t-il", "lundi", "mardi", "mercredi",
      "jeudi", "vendredi", "samedi", "dimanche", "l",       "d",      "s",     "c",     "n",
      "j",     "m",        "t",      "y",        "déclaré", "ans"};
  static const std::unordered_set<std::string_view> kEs = {
      "a",    "al",   "como", "con",  "de",  "del", "el",  "ella",  "en",  "es",
      "esta", "este", "fue",  "ha",   "han", "la",  "las", "lo",    "los", "más",
      "no",   "o",    "para", "pero", "por", "que", "se",  "según", "sin", "sobre",
      "su",   "sus",  "un",   "una",  "y",   "ya",  "dijo"};
  static const std::unordered_set<std::string_view> kNone;
  if (language == "en" || language.empty() || language == "und") return kEn;
  if (language == "de") return kDe;
  if (language == "fr") return kFr;
  if (language == "es") return kEs;
  return kNone;
}

bool IsUpper(char32_t cp) { return text::IsUpperCaseLetter(cp); }

// Whether the token's first letter is a capital, and whether all its
// letters are (an acronym of at least two letters).
void Capitals(std::string_view token, bool* capitalised, bool* acronym) {
  size_t pos = 0;
  const char32_t first = text::DecodeUtf8Lenient(token, &pos);
  *capitalised = IsUpper(first);
  if (!*capitalised) {
    *acronym = false;
    return;
  }
  int letters = 1;
  bool all_upper = true;
  while (pos < token.size()) {
    const char32_t cp = text::DecodeUtf8Lenient(token, &pos);
    if (text::IsLetter(cp)) {
      ++letters;
      if (!IsUpper(cp)) all_upper = false;
    }
  }
  *acronym = all_upper && letters >= 2;
}

// Whether the token starting at `begin` opens a sentence: only white space,
// quotes and brackets stand between it and the start of the text, a line
// break, or a sentence-ending mark.
bool OpensSentence(std::string_view text, size_t begin) {
  size_t i = begin;
  while (i > 0) {
    const unsigned char c = static_cast<unsigned char>(text[i - 1]);
    if (c == '\n' || c == '.' || c == '!' || c == '?' || c == ':') return true;
    if (c == ' ' || c == '\t' || c == '\r' || c == '"' || c == '\'' || c == '(' || c == '[' ||
        c >= 0x80) {
      if (c >= 0x80) {
        size_t p = i;
        const char32_t cp = text::DecodeUtf8Before(text, &p);
        // Curly quotes, guillemets, dashes and spaces in front of the word.
        if (!text::IsQuoteBracketDashOrSpace(cp)) return false;
        i = p;
        continue;
      }
      --i;
      continue;
    }
    return false;
  }
  return true;
}

// "31,500", "31.500" -> "31500"; "1,6" -> "1.6"; "2024" stays.
std::string NormalizeNumber(std::string_view token) {
  // Thousands groups: 1-3 digits, then groups of exactly three after a
  // ',' or '.' (the same separator every time).
  char sep = 0;
  bool grouped = true;
  size_t run = 0, groups = 0;
  for (char c : token) {
    if (c >= '0' && c <= '9') {
      ++run;
      continue;
    }
    if ((c != ',' && c != '.') || (sep != 0 && c != sep) || (groups == 0 ? run > 3 : run != 3)) {
      grouped = false;
      break;
    }
    sep = c;
    ++groups;
    run = 0;
  }
  if (grouped && groups > 0 && run != 3) grouped = false;
  std::string out;
  for (char c : token) {
    if (c >= '0' && c <= '9') {
      out.push_back(c);
    } else if (!grouped && (c == ',' || c == '.')) {
      out.push_back('.');
    }
  }
  return out;
}

int DigitCount(std::string_view token) {
  return static_cast<int>(
      std::count_if(token.begin(), token.end(), [](char c) { return c >= '0' && c <= '9'; }));
}

class TermCounter {
 public:
  void Add(uint64_t id, float w) { counts_[id] += w; }
  std::vector<Term> Sorted() const {
    std::vector<Term> out;
    out.reserve(counts_.size());
    for (const auto& [id, w] : counts_) out.push_back({id, w});
    std::sort(out.begin(), out.end(), [](const Term& a, const Term& b) { return a.id < b.id; });
    return out;
  }

 private:
  std::unordered_map<uint64_t, float> counts_;
};

}  // namespace

Featurizer::Featurizer(int max_body_words)
    : max_body_words_(max_body_words), latin_(std::make_unique<text::LatinTransliterator>()) {}

Featurizer::~Featurizer() = default;

text::Stemmer& Featurizer::StemmerFor(const std::string& language) {
  auto it = stemmers_.find(language);
  if (it == stemmers_.end()) {
    it = stemmers_.emplace(language, std::make_unique<text::Stemmer>(language)).first;
  }
  return *it->second;
}

const std::string& Featurizer::Latin(const std::string& word) {
  if (latin_cache_.size() > 200000) latin_cache_.clear();  // Bounded memory.
  auto it = latin_cache_.find(word);
  if (it != latin_cache_.end()) return it->second;
  std::string latin = text::FoldCase(latin_->ToLatinAscii(word));
  return latin_cache_.emplace(word, std::move(latin)).first->second;
}

DocFeatures Featurizer::Featurize(const StoryInput& input) {
  DocFeatures out;
  out.language = std::string(input.language == "und" ? "" : input.language);
  int64_t millis = 0;
  out.time = ParseIsoInstant(input.published, &millis) ? millis / 1000 : kNoTime;
  const auto& stop = StopWords(out.language);
  text::Stemmer& stemmer = StemmerFor(out.language.empty() ? "en" : out.language);
  TermCounter words, entities;

  auto add_part = [&](std::string_view part, float weight, int max_words) {
    if (!text::IsValidUtf8(part)) return;  // Ingest repairs text; guard anyway.
    const std::vector<text::Token> tokens = text::Tokenize(part);
    const size_t n = std::min(tokens.size(), static_cast<size_t>(std::max(0, max_words)));
    std::vector<std::string> name;  // The capitalised sequence being read.
    auto flush_name = [&] {
      if (name.empty()) return;
      std::string key;
      for (const std::string& w : name) {
        if (!key.empty()) key.push_back(' ');
        key += w;
      }
      entities.Add(HashTerm('e', key), weight);
      if (name.size() > 1) {
        for (const std::string& w : name) entities.Add(HashTerm('e', w), weight * 0.5f);
      }
      name.clear();
    };
    for (size_t i = 0; i < n; ++i) {
      const std::string_view raw =
          part.substr(tokens[i].span.begin, tokens[i].span.end - tokens[i].span.begin);
      if (tokens[i].kind == text::TokenKind::kNumber) {
        flush_name();
        if (DigitCount(raw) >= 2 && raw.size() <= 32) {
          entities.Add(HashTerm('n', NormalizeNumber(raw)), weight);
        }
        continue;
      }
      std::string folded = text::FoldCase(raw);
      const bool is_stop = stop.count(folded) > 0;
      bool capitalised = false, acronym = false;
      Capitals(raw, &capitalised, &acronym);
      if (!is_stop && text::CountWords(folded) == 1 && folded.size() > 1) {
        words.Add(HashTerm('w', out.language, stemmer.Stem(folded)), weight);
      }
      bool name_like = capitalised && !is_stop;
      if (name_like && !acronym && name.empty() && OpensSentence(part, tokens[i].span.begin)) {
        // A capital that opens a sentence is a name only when another
        // capitalised word follows ("Supreme Court ruled", not "Hospitals
        // in ...").
        name_like = false;
        if (i + 1 < n && tokens[i + 1].span.begin <= tokens[i].span.end + 1) {
          const std::string_view next = part.substr(
              tokens[i + 1].span.begin, tokens[i + 1].span.end - tokens[i + 1].span.begin);
          bool next_cap = false, next_acr = false;
          Capitals(next, &next_cap, &next_acr);
          name_like = next_cap && stop.count(text::FoldCase(next)) == 0;
        }
      }
      // A name continues across single spaces only.
      if (!name.empty() && i > 0 && tokens[i].span.begin > tokens[i - 1].span.end + 1) flush_name();
      if (!name_like) {
        flush_name();
        continue;
      }
      if (name.size() >= 6) flush_name();
      name.push_back(Latin(folded));
      if (name.back().empty()) name.pop_back();
    }
    flush_name();
  };
  add_part(input.title, 2.0f, 64);
  add_part(input.text, 1.0f, max_body_words_);
  out.words = words.Sorted();
  out.entities = entities.Sorted();
  return out;
}

}  // namespace rashomon::stories
