#include "stories/features.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <deque>
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
  // ASCII first, without ICU (whose classes agree on ASCII): most tokens.
  int ascii_letters = 0, ascii_upper = 0;
  bool ascii = true;
  for (char c : token) {
    if (static_cast<unsigned char>(c) >= 0x80) {
      ascii = false;
      break;
    }
    const bool is_upper = c >= 'A' && c <= 'Z';
    ascii_letters += is_upper || (c >= 'a' && c <= 'z');
    ascii_upper += is_upper;
  }
  if (ascii) {
    *capitalised = !token.empty() && token[0] >= 'A' && token[0] <= 'Z';
    *acronym = *capitalised && ascii_upper == ascii_letters && ascii_letters >= 2;
    return;
  }
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

// Counts of term ids: summed in an open-addressing table (ids are hashes
// already; a slot of weight 0 is free, counts are positive), then sorted.
// The counts are sums of halves and units, exact in float, so the order of
// addition is moot.
class TermCounter {
 public:
  TermCounter() : slots_(1024) {}
  void Add(uint64_t id, float w) {
    if (2 * (size_ + 1) > slots_.size()) Grow();
    const size_t mask = slots_.size() - 1;
    for (size_t s = id & mask;; s = (s + 1) & mask) {
      if (slots_[s].weight == 0) {
        slots_[s] = {id, w};
        ++size_;
        return;
      }
      if (slots_[s].id == id) {
        slots_[s].weight += w;
        return;
      }
    }
  }
  std::vector<Term> Sorted() const {
    std::vector<Term> out;
    out.reserve(size_);
    for (const Term& t : slots_) {
      if (t.weight != 0) out.push_back(t);
    }
    std::sort(out.begin(), out.end(), [](const Term& a, const Term& b) { return a.id < b.id; });
    return out;
  }

 private:
  void Grow() {
    std::vector<Term> old(2 * slots_.size());
    old.swap(slots_);
    size_ = 0;
    for (const Term& t : old) {
      if (t.weight != 0) Add(t.id, t.weight);
    }
  }
  std::vector<Term> slots_;
  size_t size_ = 0;
};

// text::FoldCase, without an allocation for the usual all-ASCII token.
void Fold(std::string_view raw, std::string* out) {
  out->clear();
  for (char c : raw) {
    if (static_cast<unsigned char>(c) >= 0x80) {
      *out = text::FoldCase(raw);
      return;
    }
    out->push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c | 0x20) : c);
  }
}

// The first `max_words` tokens of `part`. A prefix of the text suffices when
// it holds more than `max_words` tokens (a cut can only shorten the last
// token), and long bodies are mostly not read.
std::vector<text::Token> FirstTokens(std::string_view part, size_t max_words) {
  size_t cut = max_words * 10 + 64;
  if (cut < part.size()) {
    while (cut > 0 && (static_cast<unsigned char>(part[cut]) & 0xC0) == 0x80) --cut;
    std::vector<text::Token> tokens = text::Tokenize(part.substr(0, cut));
    if (tokens.size() > max_words) {
      tokens.resize(max_words);
      return tokens;
    }
  }
  std::vector<text::Token> tokens = text::Tokenize(part);
  if (tokens.size() > max_words) tokens.resize(max_words);
  return tokens;
}

// Words remembered per featuriser and language before the cache restarts.
constexpr size_t kMaxCachedWords = 200000;

}  // namespace

struct Featurizer::Language {
  // What a case-folded word is, for the featuriser's loop.
  struct WordInfo {
    bool stop = false;     // A function word of the language.
    bool counted = false;  // Counted as a word (one token, not a stop word, 2+ bytes).
    uint64_t id = 0;       // Word id, when counted.
    uint32_t index = 0;    // Of the word here (for Latin()).
  };

  explicit Language(const std::string& code)
      : code(code), stop(&StopWords(code)), stemmer(code.empty() ? "en" : code) {}

  // The word `folded` (case folded), computed on first sight.
  WordInfo Lookup(std::string_view folded) {
    if (2 * (words.size() + 1) > slots.size()) Grow();
    const size_t mask = slots.size() - 1;
    for (size_t s = std::hash<std::string_view>()(folded) & mask;; s = (s + 1) & mask) {
      Slot& slot = slots[s];
      if (slot.index == kEmpty) {
        slot = MakeSlot(folded);
        return slot.Info();
      }
      if (slot.len == std::min<size_t>(folded.size(), kLongWord) &&
          (slot.len < kLongWord ? std::memcmp(slot.key, folded.data(), slot.len) == 0
                                : words[slot.index].key == folded)) {
        return slot.Info();
      }
    }
  }
  // The word's lower-case Latin ASCII form (for entities), stable until
  // Clear().
  const std::string& Latin(const WordInfo& info, text::LatinTransliterator& latin) {
    Entry& e = words[info.index];
    if (!e.has_latin) {
      e.latin = text::FoldCase(latin.ToLatinAscii(e.key));
      e.has_latin = true;
    }
    return e.latin;
  }
  size_t size() const { return words.size(); }
  void Clear() {
    words.clear();
    slots.clear();
  }

  std::string code;  // "" when unknown (English rules).
  const std::unordered_set<std::string_view>* stop;
  text::Stemmer stemmer;

 private:
  static constexpr uint32_t kEmpty = UINT32_MAX;
  static constexpr size_t kLongWord = 16;  // Longer keys are compared in `words`.
  // Open addressing over 32-byte slots that hold short words and what the
  // loop needs: a lookup touches one cache line.
  struct Slot {
    char key[kLongWord];  // The word, when shorter than kLongWord.
    uint64_t id = 0;
    uint32_t index = kEmpty;  // In `words`.
    uint16_t len = 0;         // Of the word, at most kLongWord.
    bool stop = false;
    bool counted = false;
    WordInfo Info() const { return {stop, counted, id, index}; }
  };
  struct Entry {
    std::string key;
    bool has_latin = false;
    std::string latin;
  };
  Slot MakeSlot(std::string_view folded) {
    Slot slot;
    slot.len = static_cast<uint16_t>(std::min<size_t>(folded.size(), kLongWord));
    std::memcpy(slot.key, folded.data(), std::min<size_t>(folded.size(), kLongWord));
    slot.stop = stop->count(folded) > 0;
    slot.counted = !slot.stop && text::CountWords(folded) == 1 && folded.size() > 1;
    if (slot.counted) slot.id = HashTerm('w', code, stemmer.Stem(folded));
    slot.index = static_cast<uint32_t>(words.size());
    words.push_back({std::string(folded), false, {}});
    return slot;
  }
  void Grow() {
    std::vector<Slot> old = std::move(slots);
    slots.assign(std::max<size_t>(4096, 2 * old.size()), Slot{});
    const size_t mask = slots.size() - 1;
    for (const Slot& slot : old) {
      if (slot.index == kEmpty) continue;
      size_t s = std::hash<std::string_view>()(words[slot.index].key) & mask;
      while (slots[s].index != kEmpty) s = (s + 1) & mask;
      slots[s] = slot;
    }
  }
  std::vector<Slot> slots;
  std::deque<Entry> words;  // A deque: Latin() references stay valid as it grows.
};

Featurizer::Featurizer(int max_body_words)
    : max_body_words_(max_body_words), latin_(std::make_unique<text::LatinTransliterator>()) {}

Featurizer::~Featurizer() = default;

Featurizer::Language& Featurizer::LanguageFor(const std::string& language) {
  auto it = languages_.find(language);
  if (it == languages_.end()) {
    it = languages_.emplace(language, std::make_unique<Language>(language)).first;
  }
  return *it->second;
}

DocFeatures Featurizer::Featurize(const StoryInput& input) {
  DocFeatures out;
  out.language = std::string(input.language == "und" ? "" : input.language);
  int64_t millis = 0;
  out.time = ParseIsoInstant(input.published, &millis) ? millis / 1000 : kNoTime;
  Language& language = LanguageFor(out.language);
  // Bounded memory; never during a report (`name` points into the cache).
  if (language.size() > kMaxCachedWords) language.Clear();
  TermCounter words, entities;
  std::string folded, next_folded, key;

  auto add_part = [&](std::string_view part, float weight, int max_words) {
    if (!text::IsValidUtf8(part)) return;  // Ingest repairs text; guard anyway.
    const std::vector<text::Token> tokens =
        FirstTokens(part, static_cast<size_t>(std::max(0, max_words)));
    const size_t n = tokens.size();
    // The capitalised sequence being read, in Latin (strings of the cache).
    std::vector<const std::string*> name;
    auto flush_name = [&] {
      if (name.empty()) return;
      key.clear();
      for (const std::string* w : name) {
        if (!key.empty()) key.push_back(' ');
        key += *w;
      }
      entities.Add(HashTerm('e', key), weight);
      if (name.size() > 1) {
        for (const std::string* w : name) entities.Add(HashTerm('e', *w), weight * 0.5f);
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
      Fold(raw, &folded);
      const Language::WordInfo word = language.Lookup(folded);
      const bool is_stop = word.stop;
      bool capitalised = false, acronym = false;
      Capitals(raw, &capitalised, &acronym);
      if (word.counted) words.Add(word.id, weight);
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
          if (next_cap) {
            Fold(next, &next_folded);
            name_like = !language.Lookup(next_folded).stop;
          }
        }
      }
      // A name continues across single spaces only.
      if (!name.empty() && i > 0 && tokens[i].span.begin > tokens[i - 1].span.end + 1) flush_name();
      if (!name_like) {
        flush_name();
        continue;
      }
      if (name.size() >= 6) flush_name();
      name.push_back(&language.Latin(word, *latin_));
      if (name.back()->empty()) name.pop_back();
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
