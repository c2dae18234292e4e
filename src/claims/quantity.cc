#include "claims/quantity.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <limits>
#include <optional>
#include <unordered_set>

#include "claims/quantity_lexicon.h"
#include "claims/scan.h"

namespace rashomon::claims {
namespace {

using namespace internal;  // NOLINT: the lexicon tables.
using internal::IsSymbol;
using internal::Tok;
using internal::TokKind;

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kMaxStated = 1e15;  // Larger figures are codes or noise, not amounts.
constexpr size_t kPieceBytes = 256 * 1024;

// ---------------------------------------------------------------------------
// Token helpers.

class Reader {
 public:
  Reader(const std::vector<Tok>& toks, unsigned lang) : t_(toks), lang_(lang) {}

  const Tok* At(size_t i) const { return i < t_.size() ? &t_[i] : nullptr; }
  size_t size() const { return t_.size(); }
  unsigned lang() const { return lang_; }

  bool IsWord(size_t i) const { return i < t_.size() && t_[i].kind == TokKind::kWord; }
  bool IsNumber(size_t i) const { return i < t_.size() && t_[i].kind == TokKind::kNumber; }
  // Token `i` follows token i-1 with no space.
  bool Glued(size_t i) const { return i < t_.size() && i > 0 && !t_[i].space_before; }
  std::string_view Lower(size_t i) const { return i < t_.size() ? std::string_view(t_[i].lower) : ""; }

  // Number of tokens `phrase` covers when it starts at `i`, 0 if it does not
  // match. Phrases never cross a line break.
  size_t MatchAt(size_t i, std::string_view phrase) const {
    size_t n = 0;
    while (!phrase.empty()) {
      size_t cut = phrase.find(' ');
      std::string_view word = phrase.substr(0, cut);
      // Words of a unit may also be joined by hyphens ("five-nautical-mile").
      if (n > 0 && i + n + 1 < t_.size() && t_[i + n].lower == "-" && t_[i + n + 1].lower == word) {
        ++n;
      }
      if (i + n >= t_.size() || t_[i + n].lower != word) return 0;
      if (n > 0 && t_[i + n].newline_before) return 0;
      ++n;
      phrase = cut == std::string_view::npos ? std::string_view() : phrase.substr(cut + 1);
    }
    return n;
  }
  // Number of tokens `phrase` covers when it ends just before `end`, with its
  // first token at or after `floor`; 0 if it does not match.
  size_t MatchBefore(size_t end, size_t floor, std::string_view phrase) const {
    size_t words = 1 + std::count(phrase.begin(), phrase.end(), ' ');
    if (end < floor + words) return 0;
    if (end < t_.size() && t_[end].newline_before) return 0;
    return MatchAt(end - words, phrase) == words ? words : 0;
  }

 private:
  const std::vector<Tok>& t_;
  unsigned lang_;
};

// ---------------------------------------------------------------------------
// Numbers.

struct Figure {
  size_t begin = 0, end = 0;  // Tokens.
  double value = 0;
  double place = 1;  // Place value of the last significant digit.
  double scale = 1;
  bool scaled = false;
  bool round = false;
  bool from_words = false;
  bool lone_one = false;  // "one"/"ein"/"un" alone: a figure only before a unit.
  bool vague = false;
  double vague_low = 0, vague_high = 0;
  bool year_like = false;
};

std::optional<double> ScaleAt(const Reader& r, size_t i, bool money) {
  if (!r.IsWord(i)) return std::nullopt;
  for (const ScaleRow& row : kScales) {
    if ((row.langs & r.lang()) && r.Lower(i) == row.word && (!row.money_only || money)) return row.scale;
  }
  return std::nullopt;
}

// Value of a single number word, or -1.
int NumberWordValue(const Reader& r, size_t i) {
  if (!r.IsWord(i)) return -1;
  std::string_view w = r.Lower(i);
  for (const WordNumber& row : kNumberWords) {
    if ((row.langs & r.lang()) && w == row.word) return row.value;
  }
  // German writes units before tens in one word: "fünfundzwanzig".
  if (r.lang() & kDe) {
    size_t und = w.find("und");
    if (und != std::string_view::npos && und > 0) {
      int units = -1, tens = -1;
      for (const WordNumber& row : kNumberWords) {
        if (!(row.langs & kDe)) continue;
        if (w.substr(0, und) == row.word && row.value < 10) units = row.value;
        if (w.substr(und + 3) == row.word && row.value >= 20) tens = row.value;
      }
      if (units > 0 && tens > 0) return units + tens;
    }
  }
  // French "quatre-vingt(s)" is 80; the hyphen makes it three tokens.
  return -1;
}

double WordScaleAt(const Reader& r, size_t i) {
  if (!r.IsWord(i)) return 0;
  for (const WordScale& row : kWordScales) {
    if ((row.langs & r.lang()) && r.Lower(i) == row.word) return row.scale;
  }
  return 0;
}

// Whether `i` continues a number phrase: same line, after a space or a
// hyphen glued on both sides ("twenty-five", "quatre-vingt-dix").
bool Continues(const Reader& r, size_t* i) {
  const Tok* t = r.At(*i);
  if (t == nullptr || t->newline_before) return false;
  if (IsSymbol(*t, U"-") && r.Glued(*i) && r.Glued(*i + 1) && r.IsWord(*i + 1)) {
    ++*i;
    return true;
  }
  return t->space_before;
}

// Number words from `i`: "twenty-five", "three hundred", "a dozen",
// "zwei Millionen", "quatre-vingt-dix". Bounded: at most 8 tokens.
std::optional<Figure> ParseWords(const Reader& r, size_t i) {
  Figure f;
  f.begin = i;
  double total = 0, current = 0;
  size_t pos = i, words = 0;
  bool any = false;
  // "a dozen", "a hundred", "a million", "une douzaine".
  if ((r.Lower(i) == "a" || r.Lower(i) == "an") && (WordScaleAt(r, i + 1) > 0 || ScaleAt(r, i + 1, false))) {
    current = 1;
    pos = i + 1;
    any = true;
  }
  while (pos < r.size() && words < 8) {
    size_t next = pos;
    if (words > 0 || any) {
      if (!Continues(r, &next)) break;
    }
    int v = NumberWordValue(r, next);
    double ws = WordScaleAt(r, next);
    std::optional<double> scale = ScaleAt(r, next, false);
    if (v > 0) {
      if (r.Lower(next) == "vingt" || r.Lower(next) == "vingts") {
        if (current > 0 && current < 10) {
          current *= 20;  // "quatre-vingt(s)".
        } else {
          current += 20;
        }
      } else {
        current += v;
      }
    } else if (ws > 0) {
      current = std::max(current, 1.0) * ws;
    } else if (scale && (any || words > 0)) {
      total += std::max(current, 1.0) * *scale;
      current = 0;
      f.scaled = true;
      f.scale = *scale;
    } else {
      break;
    }
    any = true;
    ++words;
    pos = next + 1;
  }
  if (words == 0) return std::nullopt;
  f.end = pos;
  f.value = total + current;
  f.from_words = true;
  f.lone_one = words == 1 && f.value == 1;
  return f;
}

// A digit figure at `i` with its scale word ("2.3 billion", "$5bn", "2,3 Mrd.").
std::optional<Figure> ParseDigits(const Reader& r, size_t i, bool money) {
  const Tok& t = *r.At(i);
  if (!t.valid || t.leading_zero) return std::nullopt;
  Figure f;
  f.begin = i;
  f.end = i + 1;
  f.value = t.value;
  f.place = t.place;
  f.year_like = !t.grouped && !t.decimal && t.int_digits == 4 && t.value >= 1000 && t.value < 3000;
  size_t s = i + 1;
  if (r.IsWord(s) && (!r.Glued(s) || r.Lower(s) != "m" || money)) {
    if (std::optional<double> scale = ScaleAt(r, s, money)) {
      if (!r.At(s)->newline_before) {
        f.value *= *scale;
        f.place *= *scale;
        f.scale = *scale;
        f.scaled = true;
        f.end = s + 1;
        // "Mio." and "Mrd." carry their abbreviation point.
        const Tok* dot = r.At(s + 1);
        if (dot != nullptr && IsSymbol(*dot, U".") && r.Glued(s + 1) && r.Lower(s).size() <= 3 &&
            r.Lower(s) != "m" && r.Lower(s) != "k") {
          f.end = s + 2;
        }
      }
    }
  }
  return f;
}

// ---------------------------------------------------------------------------
// Units, qualifiers, nouns.

struct UnitMatch {
  const UnitRow* row = nullptr;
  size_t end = 0;
  bool hyphenated = false;  // "1,940-mile coastline".
};

UnitMatch MatchUnit(const Reader& r, size_t i) {
  UnitMatch best;
  const Tok* t = r.At(i);
  if (t == nullptr || t->newline_before) return best;
  size_t start = i;
  bool hyphen = IsSymbol(*t, U"-") && r.Glued(i) && r.Glued(i + 1) && r.IsWord(i + 1);
  if (hyphen) start = i + 1;
  size_t best_len = 0;
  for (const UnitRow& row : kUnits) {
    if (!(row.langs & r.lang())) continue;
    size_t n = r.MatchAt(start, row.phrase);
    if (n > best_len) {
      best_len = n;
      best.row = &row;
    }
  }
  if (best.row == nullptr) return best;
  // A unit glued to a following letter or digit is part of another word
  // ("5 kmh"); single letters need a break after them ("5 m." is fine).
  best.end = start + best_len;
  best.hyphenated = hyphen;
  return best;
}

std::optional<std::string_view> CurrencyBefore(const Reader& r, size_t i, size_t floor, size_t* begin) {
  for (const CurrencyRow& row : kCurrencyPrefixes) {
    size_t n = r.MatchBefore(i, floor, row.phrase);
    if (n == 0) continue;
    // Letter codes must stand apart from the figure ("USD 5", not "aUSD5").
    *begin = i - n;
    return row.code;
  }
  return std::nullopt;
}

std::optional<QualKind> QualifierBefore(const Reader& r, size_t i, size_t floor, size_t* begin) {
  size_t best = 0;
  std::optional<QualKind> kind;
  for (const QualifierRow& row : kQualifiers) {
    if (!(row.langs & r.lang())) continue;
    size_t n = r.MatchBefore(i, floor, row.phrase);
    if (n > best) {
      best = n;
      kind = row.kind;
    }
  }
  if (kind) *begin = i - best;
  return kind;
}

bool IsStopword(unsigned lang, std::string_view w) {
  if (lang & kDe) return Contains(kStopwordsDe, w);
  if (lang & kFr) return Contains(kStopwordsFr, w);
  return Contains(kStopwordsEn, w);
}

bool LooksPluralEn(std::string_view w) {
  if (Contains(kIrregularPlurals, w)) return true;
  if (w.size() < 3 || w.back() != 's') return false;
  std::string_view tail = w.substr(w.size() - 2);
  return tail != "ss" && tail != "us" && tail != "is";
}

// Lower-case singular of a plural noun, by the usual spelling rules.
std::string Singular(unsigned lang, std::string_view w) {
  std::string s(w);
  if (lang & kEn) {
    if (Contains(kIrregularPlurals, w)) {
      if (w == "men") return "man";
      if (w == "women") return "woman";
      if (w == "children") return "child";
      return s;
    }
    if (!LooksPluralEn(w)) return s;
    if (s.size() > 4 && s.ends_with("ies")) return s.substr(0, s.size() - 3) + "y";
    for (std::string_view e : {"ches", "shes", "sses", "xes", "zes"}) {
      if (s.ends_with(e)) return s.substr(0, s.size() - 2);
    }
    return s.substr(0, s.size() - 1);
  }
  if (lang & kFr) {
    if (s.size() > 3 && (s.back() == 's' || s.back() == 'x')) s.pop_back();
    return s;
  }
  // German: the common "-en" plural of nouns of three letters or more.
  if (s.size() > 5 && s.ends_with("en")) s.resize(s.size() - 2);
  return s;
}

bool IsMonth(std::string_view w) { return Contains(kMonths, w); }

// The counted noun after a figure: the first plural-looking word within the
// next four (skipping adjectives: "30,000 foreign pilgrims"), else the first
// word. German nouns are the capitalised words.
std::string HeadNounAfter(const Reader& r, size_t i) {
  std::string_view first;
  // "1,6 milliard de personnes": the noun follows "de".
  if ((r.lang() & kFr) && (r.Lower(i) == "de" || r.Lower(i) == "d'")) ++i;
  for (size_t k = 0; k < 4; ++k) {
    size_t j = i + k;
    if (!r.IsWord(j) || !r.At(j)->space_before || r.At(j)->newline_before) break;
    std::string_view w = r.Lower(j);
    if (w.empty() || IsStopword(r.lang(), w) || IsMonth(w)) break;
    if (r.lang() & kDe) {
      if (r.At(j)->capitalized) return Singular(kDe, w);
      continue;
    }
    if (r.lang() & kFr) return Singular(kFr, w);
    if (LooksPluralEn(w)) {
      // A compound's head is its last word: "news services", "crew members".
      const size_t next = j + 1;
      if (k + 1 < 4 && r.IsWord(next) && r.At(next)->space_before && !r.At(next)->newline_before &&
          !IsStopword(r.lang(), r.Lower(next)) && LooksPluralEn(r.Lower(next))) {
        continue;
      }
      return Singular(kEn, w);
    }
    if (first.empty()) first = w;
  }
  return first.empty() ? "" : Singular(r.lang(), first);
}

// "a coastline of [more than] 3,000 miles": the noun before "of".
std::string NounBefore(const Reader& r, size_t begin, size_t floor) {
  std::string_view of = (r.lang() & kDe) ? "von" : (r.lang() & kFr) ? "de" : "of";
  if (begin < floor + 2 || r.Lower(begin - 1) != of || !r.IsWord(begin - 2)) return "";
  std::string_view w = r.Lower(begin - 2);
  if (w.empty() || IsStopword(r.lang(), w)) return "";
  return Singular(r.lang(), w);
}

std::string RelationAfter(const Reader& r, size_t i) {
  for (const RelationRow& row : kRelationsAfter) {
    if ((row.langs & r.lang()) && r.MatchAt(i, row.phrase) && !r.At(i)->newline_before) {
      return std::string(row.relation);
    }
  }
  return "";
}

std::string RelationBefore(const Reader& r, size_t begin, size_t floor, size_t* new_begin) {
  for (const RelationRow& row : kRelationsBefore) {
    if (!(row.langs & r.lang())) continue;
    if (size_t n = r.MatchBefore(begin, floor, row.phrase)) {
      *new_begin = begin - n;
      return std::string(row.relation);
    }
  }
  return "";
}

// ---------------------------------------------------------------------------
// Exclusions: figures that number or name things rather than count them.

bool IsLabelBefore(const Reader& r, size_t i, size_t floor) {
  if (i <= floor || i == 0) return false;
  const Tok& p = *r.At(i - 1);
  if (IsSymbol(p, U"§#№+")) return true;
  if (p.kind == TokKind::kWord) {
    if (Contains(kLabels, p.lower) || IsMonth(p.lower)) return true;
  }
  // "No. 7", "p. 12".
  if (IsSymbol(p, U".") && i >= 2 && r.IsWord(i - 2) && Contains(kLabels, r.Lower(i - 2))) return true;
  return false;
}

// A figure glued to letters or a model-number hyphen ("B52", "F-16",
// "COVID-19"), or followed by letters that are no unit ("7th", "1990s",
// "1e309").
bool IsGluedToWord(const Reader& r, const Figure& f) {
  size_t i = f.begin;
  if (r.Glued(i) && r.IsWord(i - 1)) return true;
  if (r.Glued(i) && IsSymbol(*r.At(i - 1), U"-") && i >= 2 && r.Glued(i - 1) && r.IsWord(i - 2)) {
    return true;
  }
  return false;
}

bool IsClockOrRatio(const Reader& r, size_t begin, size_t end) {
  const Tok* next = r.At(end);
  if (next != nullptr && r.Glued(end) && IsSymbol(*next, U":/") && r.IsNumber(end + 1) && r.Glued(end + 1)) {
    return true;
  }
  if (begin >= 2 && r.Glued(begin) && IsSymbol(*r.At(begin - 1), U":/") && r.IsNumber(begin - 2)) return true;
  std::string_view w = r.Lower(end);
  if (r.IsWord(end) && (w == "am" || w == "pm" || w == "uhr" || (w == "h" && r.Glued(end)))) return true;
  if ((w == "a" || w == "p") && r.At(end + 1) && IsSymbol(*r.At(end + 1), U".") && r.Lower(end + 2) == "m") {
    return true;
  }
  return false;
}

// Marks number tokens in chains of three or more joined by glued "-", "."
// or "/" ("555-123-4567", "2025-06-12", "12.06.2025"), and digit groups that
// follow a "+" prefix: telephone numbers, dates and codes.
std::vector<bool> MarkCodes(const Reader& r) {
  std::vector<bool> code(r.size(), false);
  size_t i = 0;
  while (i < r.size()) {
    if (!r.IsNumber(i)) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j + 2 < r.size() && IsSymbol(*r.At(j + 1), U"-./") && r.Glued(j + 1) && r.IsNumber(j + 2) &&
           r.Glued(j + 2)) {
      j += 2;
    }
    bool phone = i > 0 && r.Glued(i) && IsSymbol(*r.At(i - 1), U"+");
    if (phone) {
      while (j + 1 < r.size() && r.IsNumber(j + 1) && !r.At(j + 1)->newline_before) ++j;
    }
    if (j >= i + 4 || phone) {
      for (size_t k = i; k <= j; ++k) code[k] = true;
    }
    i = j + 1;
  }
  return code;
}

// A bare year-like figure is a count only when a noun follows and nothing
// before it reads as a date ("1500 people" yes; "in 2023", "2023," no).
bool YearNotCount(const Reader& r, const Figure& f, size_t floor) {
  if (f.begin > floor) {
    std::string_view prev = r.Lower(f.begin - 1);
    if (Contains(kYearContext, prev) || IsMonth(prev)) return true;
    if (IsSymbol(*r.At(f.begin - 1), U",-–—/'’")) return true;
  }
  size_t n = f.end;
  if (!r.IsWord(n) || r.At(n)->newline_before) return true;
  std::string_view w = r.Lower(n);
  if (IsStopword(r.lang(), w) || IsMonth(w)) return true;
  if (r.At(n)->capitalized && !(r.lang() & kDe)) return true;
  return false;
}

// ---------------------------------------------------------------------------
// Assembly.

// Interval of a figure `v` under a qualifier, in the stated unit.
void ApplyQualifier(std::optional<QualKind> kind, double v, Quantity* q) {
  q->low = q->high = v;
  if (!kind) return;
  switch (*kind) {
    case QualKind::kAbout:
      q->qualifier = Qualifier::kAbout;
      q->low = 0.9 * v;
      q->high = 1.1 * v;
      break;
    case QualKind::kNearly:
      q->qualifier = Qualifier::kAbout;
      q->low = 0.9 * v;
      break;
    case QualKind::kJustOver:
      q->qualifier = Qualifier::kAbout;
      q->high = 1.1 * v;
      break;
    case QualKind::kMore:
      q->qualifier = Qualifier::kMoreThan;
      q->high = kInf;
      break;
    case QualKind::kAtLeast:
      q->qualifier = Qualifier::kAtLeast;
      q->high = kInf;
      break;
    case QualKind::kLess:
      q->qualifier = Qualifier::kLessThan;
      q->low = 0;
      break;
    case QualKind::kAtMost:
      q->qualifier = Qualifier::kAtMost;
      q->low = 0;
      break;
  }
}

bool IsRangeConnector(const Reader& r, size_t i, bool opened) {
  const Tok* t = r.At(i);
  if (t == nullptr || t->newline_before) return false;
  if (IsSymbol(*t, U"-–—")) return true;
  std::string_view w = t->lower;
  if (w == "to" || w == "bis" || w == "à") return true;
  return opened && (w == "and" || w == "und" || w == "et");
}

bool IsRangeOpener(const Reader& r, size_t i, size_t floor) {
  if (i <= floor || i == 0) return false;
  std::string_view w = r.Lower(i - 1);
  return w == "between" || w == "zwischen" || w == "entre";
}

// First words that can start a figure written in words or a vague amount;
// other words skip the lexicon scans (most words of a text).
bool MayStartWordFigure(std::string_view w) {
  static const std::unordered_set<std::string_view>* const kStarts = [] {
    auto* set = new std::unordered_set<std::string_view>{"a", "an"};
    for (const WordNumber& row : kNumberWords) set->insert(row.word);
    for (const WordScale& row : kWordScales) set->insert(row.word);
    for (const VagueRow& row : kVagueCounts) set->insert(row.phrase.substr(0, row.phrase.find(' ')));
    for (const VagueTimeRow& row : kVagueTimes) set->insert(row.word);
    return set;
  }();
  if (kStarts->count(w)) return true;
  // German compounds ("fünfundzwanzig").
  return w.find("und") != std::string_view::npos && w.ends_with("zig");
}

std::string CanonicalUnit(Dimension dimension, std::string_view stated_unit) {
  switch (dimension) {
    case Dimension::kCount:
      return "";
    case Dimension::kLength:
      return "m";
    case Dimension::kArea:
      return "m2";
    case Dimension::kMass:
      return "kg";
    case Dimension::kDuration:
      return "s";
    case Dimension::kPercent:
    case Dimension::kMoney:
      return std::string(stated_unit);  // "%" or "pp"; the currency code.
  }
  return "";
}

class QuantityFinder {
 public:
  QuantityFinder(const std::vector<Tok>& toks, unsigned lang, size_t cap, std::vector<Quantity>* out)
      : r_(toks, lang), codes_(MarkCodes(r_)), cap_(cap), out_(out) {}

  void Run() {
    size_t i = 0;
    while (i < r_.size() && out_->size() < cap_) {
      size_t next = i + 1;
      if (r_.IsWord(i) && !MayStartWordFigure(r_.Lower(i))) {
        ++i;
        continue;
      }
      if (std::optional<Quantity> q = TryFigure(i, &next)) {
        out_->push_back(std::move(*q));
        floor_ = next;
      } else if (std::optional<Quantity> v = TryVagueTime(i, &next)) {
        out_->push_back(std::move(*v));
        floor_ = next;
      }
      i = std::max(next, i + 1);
    }
  }

 private:
  std::optional<Figure> FigureAt(size_t i, bool money) const {
    if (r_.IsNumber(i)) {
      if (codes_[i]) return std::nullopt;
      return ParseDigits(r_, i, money);
    }
    for (const VagueRow& row : kVagueCounts) {
      if (!(row.langs & r_.lang())) continue;
      if (size_t n = r_.MatchAt(i, row.phrase)) {
        Figure f;
        f.begin = i;
        f.end = i + n;
        f.vague = true;
        f.vague_low = row.low;
        f.vague_high = row.high;
        return f;
      }
    }
    return ParseWords(r_, i);
  }

  // Tries a figure starting at token `i`; on success sets `*next` past it.
  std::optional<Quantity> TryFigure(size_t i, size_t* next);
  std::optional<Quantity> TryVagueTime(size_t i, size_t* next);
  bool Excluded(const Figure& f, bool has_unit, bool money, bool second = false) const;

  Reader r_;
  std::vector<bool> codes_;
  size_t cap_;
  std::vector<Quantity>* out_;
  size_t floor_ = 0;  // First token not used by an earlier mention.
};

bool QuantityFinder::Excluded(const Figure& f, bool has_unit, bool money, bool second) const {
  if (f.vague) return false;
  if (!f.from_words) {
    if (IsGluedToWord(r_, f)) return true;
    // The second half of "3-1" after the first was refused as a range.
    if (!second && f.begin >= 2 && r_.Glued(f.begin) && IsSymbol(*r_.At(f.begin - 1), U"-–") &&
        r_.Glued(f.begin - 1) && r_.IsNumber(f.begin - 2)) {
      return true;
    }
    if (IsClockOrRatio(r_, f.begin, f.begin + 1)) return true;
    // Letters glued after the digits that are neither unit nor scale: "7th".
    if (r_.IsWord(f.begin + 1) && r_.Glued(f.begin + 1) && !has_unit && !f.scaled) return true;
    if (!money && IsLabelBefore(r_, f.begin, floor_)) return true;
    if (r_.IsWord(f.end) && IsMonth(r_.Lower(f.end)) && !has_unit) return true;
    // "12. Juni", "7. Armee": a German or French ordinal.
    if (!(r_.lang() & kEn) && r_.At(f.end) && IsSymbol(*r_.At(f.end), U".") && r_.Glued(f.end) &&
        r_.IsWord(f.end + 1) && !has_unit) {
      return true;
    }
    if (f.year_like && !has_unit && !money && !f.scaled && YearNotCount(r_, f, floor_)) return true;
  }
  if (f.lone_one && !has_unit) return true;
  return false;
}

std::optional<Quantity> QuantityFinder::TryFigure(size_t i, size_t* next) {
  size_t begin = i;
  std::optional<std::string_view> currency = CurrencyBefore(r_, i, floor_, &begin);
  // Currency after letter codes only counts if it stands apart ("USD 5").
  std::optional<Figure> f = FigureAt(i, currency.has_value());
  if (!f) return std::nullopt;
  if (f->from_words && currency) return std::nullopt;
  UnitMatch unit = currency ? UnitMatch{} : MatchUnit(r_, f->end);
  size_t end = unit.row ? unit.end : f->end;
  // Ranges: "10 to 12", "10-12 people", "between 5 and 7 km", "$5-7 million".
  bool opened = IsRangeOpener(r_, begin, floor_);
  std::optional<Figure> f2;
  if (!unit.hyphenated && IsRangeConnector(r_, end, opened)) {
    size_t j = end + 1;
    // "$5 to $7 million": the currency may be repeated.
    if (currency && r_.At(j) && r_.At(j)->kind == TokKind::kSymbol && r_.IsNumber(j + 1)) ++j;
    f2 = FigureAt(j, currency.has_value());
    if (f2 && !f2->vague && !f->vague && !(r_.IsNumber(j) && codes_[j])) {
      // "1 to 2 million": the scale of the second figure applies to both.
      if (f2->scaled && !f->scaled) {
        f->value *= f2->scale;
        f->place *= f2->scale;
        f->scaled = true;
      }
      UnitMatch unit2 = currency ? UnitMatch{} : MatchUnit(r_, f2->end);
      bool units_agree = !unit.row || !unit2.row || unit.row->stated_unit == unit2.row->stated_unit;
      // "won 3-1": a score, not a range.
      if (f2->value <= f->value && IsSymbol(*r_.At(end), U"-–") && r_.Glued(end) && r_.Glued(end + 1)) {
        return std::nullopt;
      }
      if (f2->value > f->value && units_agree && !(f->year_like && f2->year_like && !unit.row && !unit2.row)) {
        if (unit2.row) unit = unit2;
        end = unit2.row ? unit2.end : f2->end;
      } else {
        f2.reset();
      }
    } else {
      f2.reset();
    }
  }
  if (f->value <= 0 && !f->vague) return std::nullopt;
  if (Excluded(*f, unit.row != nullptr, currency.has_value())) return std::nullopt;
  if (f2 && Excluded(*f2, true, currency.has_value(), true)) return std::nullopt;
  // Rates ("100 km/h", "5 per cent a year" stays: only units per unit).
  if (unit.row && r_.At(end) && IsSymbol(*r_.At(end), U"/") && r_.Glued(end)) return std::nullopt;

  Quantity q;
  if (currency) {
    q.dimension = Dimension::kMoney;
    q.unit = q.stated_unit = std::string(*currency);
  } else if (unit.row) {
    q.dimension = unit.row->dimension;
    q.stated_unit = std::string(unit.row->stated_unit);
    // "20 million pounds" is money; "20 pounds" of flour is mass.
    if (q.stated_unit == "lb" && f->scaled) {
      q.dimension = Dimension::kMoney;
      q.stated_unit = "GBP";
    }
  }
  double factor = unit.row && q.dimension != Dimension::kMoney ? unit.row->factor : 1;
  q.unit = CanonicalUnit(q.dimension, q.stated_unit);

  size_t qual_begin = begin;
  std::optional<QualKind> kind;
  if (f2) {
    if (opened) qual_begin = begin - 1;
    q.qualifier = Qualifier::kRange;
    q.low = f->value;
    q.high = f2->value;
  } else if (f->vague) {
    q.qualifier = Qualifier::kVague;
    q.low = f->vague_low;
    q.high = f->vague_high;
  } else {
    kind = QualifierBefore(r_, begin, floor_, &qual_begin);
    // "over three days" is a span of time, not a lower bound.
    if (kind && q.dimension == Dimension::kDuration && r_.Lower(qual_begin) == "over") {
      kind.reset();
      qual_begin = begin;
    }
    ApplyQualifier(kind, f->value, &q);
  }
  q.stated = f->vague ? f->vague_low : f->value;
  q.low *= factor;
  q.high *= factor;
  q.round = f->round || (!f->vague && (f->scaled || (!f->from_words && f->place >= 100) ||
                                       (f->from_words && f->value >= 100 && std::fmod(f->value, 100) == 0) ||
                                       q.qualifier == Qualifier::kAbout));
  if (f2) q.round = q.round || f2->scaled || f2->place >= 100;

  if (q.dimension == Dimension::kDuration) {
    q.relation = RelationAfter(r_, end);
    if (!q.relation.empty()) {
      end += r_.Lower(end) == "plus" ? 2 : 1;
    } else {
      q.relation = RelationBefore(r_, qual_begin, floor_, &qual_begin);
    }
  }
  if (unit.hyphenated || !unit.row) {
    // "1,940-mile coastline", "nine-page dossier", "30,000 foreign pilgrims".
    size_t noun_at = end;
    if (!unit.row && r_.At(end) && IsSymbol(*r_.At(end), U"-") && r_.Glued(end) && r_.IsWord(end + 1) &&
        r_.Glued(end + 1) && !IsStopword(r_.lang(), r_.Lower(end + 1))) {
      q.noun = Singular(r_.lang(), r_.Lower(end + 1));
      end += 2;
    } else if (q.dimension == Dimension::kCount || unit.hyphenated) {
      q.noun = HeadNounAfter(r_, noun_at);
    }
  }
  if (q.noun.empty() && q.dimension != Dimension::kMoney && q.dimension != Dimension::kPercent) {
    q.noun = NounBefore(r_, qual_begin, floor_);
  }
  if (q.dimension != Dimension::kCount && q.noun.empty() && r_.Lower(end) == "of") {
    q.noun = HeadNounAfter(r_, end + 1);
  }
  const Tok& first = *r_.At(qual_begin);
  const Tok& last = *r_.At(end - 1);
  q.span = {first.span.begin, last.span.end};
  *next = end;
  return q;
}

// "days before", "several weeks", "vor Tagen", "quelques jours".
std::optional<Quantity> QuantityFinder::TryVagueTime(size_t i, size_t* next) {
  if (!r_.IsWord(i)) return std::nullopt;
  const VagueTimeRow* row = nullptr;
  for (const VagueTimeRow& v : kVagueTimes) {
    if ((v.langs & r_.lang()) && r_.Lower(i) == v.word) row = &v;
  }
  if (row == nullptr) return std::nullopt;
  Quantity q;
  q.dimension = Dimension::kDuration;
  q.qualifier = Qualifier::kVague;
  q.low = row->low;
  q.high = row->high;
  size_t begin = i;
  bool determined = false;
  for (const VagueDeterminer& d : kVagueDeterminers) {
    if (!(d.langs & r_.lang())) continue;
    if (size_t n = r_.MatchBefore(i, floor_, d.phrase)) {
      determined = true;
      if (d.phrase != "the" && d.phrase != "des" && d.phrase != "for") begin = i - n;
      if (d.low > 0) {
        q.low = d.low;
        q.high = d.high;
      }
      break;
    }
  }
  size_t end = i + 1;
  q.relation = RelationAfter(r_, end);
  if (!q.relation.empty()) {
    end += r_.Lower(end) == "plus" ? 2 : 1;
  } else {
    q.relation = RelationBefore(r_, begin, floor_, &begin);
  }
  if (!determined && q.relation.empty()) return std::nullopt;
  UnitMatch unit = MatchUnit(r_, i);
  if (unit.row == nullptr) return std::nullopt;
  q.stated_unit = std::string(unit.row->stated_unit);
  q.unit = "s";
  q.stated = q.low;
  q.low *= unit.row->factor;
  q.high *= unit.row->factor;
  q.round = false;
  q.span = {r_.At(begin)->span.begin, r_.At(end - 1)->span.end};
  *next = end;
  return q;
}

}  // namespace


std::string_view DimensionName(Dimension dimension) {
  switch (dimension) {
    case Dimension::kCount: return "count";
    case Dimension::kLength: return "length";
    case Dimension::kArea: return "area";
    case Dimension::kMass: return "mass";
    case Dimension::kMoney: return "money";
    case Dimension::kPercent: return "percent";
    case Dimension::kDuration: return "duration";
  }
  return "";
}

std::string_view QualifierName(Qualifier qualifier) {
  switch (qualifier) {
    case Qualifier::kExact: return "exact";
    case Qualifier::kAbout: return "about";
    case Qualifier::kMoreThan: return "more_than";
    case Qualifier::kAtLeast: return "at_least";
    case Qualifier::kLessThan: return "less_than";
    case Qualifier::kAtMost: return "at_most";
    case Qualifier::kRange: return "range";
    case Qualifier::kVague: return "vague";
  }
  return "";
}

std::vector<Quantity> FindQuantities(std::string_view text, const QuantityOptions& options) {
  std::vector<Quantity> out;
  const unsigned lang = LangOf(options.language);
  const internal::NumberStyle style = internal::StyleFor(options.language);
  size_t begin = 0;
  // Bounded pieces keep the token buffer small on huge inputs.
  for (size_t end : internal::Pieces(text, kPieceBytes)) {
    if (out.size() >= options.max_mentions) break;
    std::vector<Tok> toks = internal::Scan(text.substr(begin, end - begin), style, begin);
    QuantityFinder(toks, lang, options.max_mentions, &out).Run();
    begin = end;
  }
  return out;
}

namespace {

// Canonical units per `stated_unit` (1 for counts, money and percent).
double UnitFactor(Dimension dimension, std::string_view stated_unit) {
  if (dimension == Dimension::kMoney || dimension == Dimension::kPercent) return 1;
  for (const UnitRow& row : kUnits) {
    if (row.dimension == dimension && row.stated_unit == stated_unit) return row.factor;
  }
  return 1;
}

// Half the place value of the last non-zero digit of a round figure, at most
// 10 % of it: "20,000" may stand for 18,000..22,000, "1,800" for 1,750..1,850.
// In canonical units.
double RoundTolerance(const Quantity& q) {
  if (!q.round || q.qualifier == Qualifier::kVague) return 0;
  double v = std::fabs(q.stated);
  if (v < 1 || v > kMaxStated || v != std::floor(v)) return 0;
  double place = 1;
  while (place * 10 <= v && std::fmod(v, place * 10) == 0) place *= 10;
  return std::min(place / 2, 0.1 * v) * UnitFactor(q.dimension, q.stated_unit);
}

bool IntervalsMeet(const Quantity& a, const Quantity& b) {
  double ta = RoundTolerance(a), tb = RoundTolerance(b);
  double a_low = a.low - ta, a_high = a.high + ta;
  double b_low = b.low - tb, b_high = b.high + tb;
  // Conversions between units leave rounding noise in the last bits.
  double eps = 1e-9 * std::max({1.0, std::fabs(a.low), std::fabs(b.low)});
  // Two round figures stand for half-open rounding intervals: "1.4 billion"
  // and "1.5 billion" touch at 1.45 billion but do not overlap.
  if (ta > 0 && tb > 0) return a_low < b_high - eps && b_low < a_high - eps;
  return a_low <= b_high + eps && b_low <= a_high + eps;
}

// "4,209" or "1.6" for a sentence.
std::string FormatFigure(double v) {
  char buf[64];
  if (std::fabs(v) >= 100 || v == std::floor(v)) {
    long long n = std::llround(v);
    std::string digits = std::to_string(n < 0 ? -n : n);
    std::string out;
    for (size_t k = 0; k < digits.size(); ++k) {
      if (k > 0 && (digits.size() - k) % 3 == 0) out.push_back(',');
      out.push_back(digits[k]);
    }
    return (n < 0 ? "-" : "") + out;
  }
  std::snprintf(buf, sizeof(buf), "%.2f", v);
  std::string out(buf);
  while (out.back() == '0') out.pop_back();
  if (out.back() == '.') out.pop_back();
  return out;
}

std::string_view QualifierWords(Qualifier q) {
  switch (q) {
    case Qualifier::kAbout: return "about ";
    case Qualifier::kMoreThan: return "more than ";
    case Qualifier::kAtLeast: return "at least ";
    case Qualifier::kLessThan: return "less than ";
    case Qualifier::kAtMost: return "at most ";
    default: return "";
  }
}

// `q` with its stated figure read in `unit` instead.
Quantity ReadIn(const Quantity& q, std::string_view unit) {
  Quantity r = q;
  double ratio = UnitFactor(q.dimension, unit) / UnitFactor(q.dimension, q.stated_unit);
  r.low = q.low * ratio;
  r.high = q.high * ratio;
  r.stated_unit = std::string(unit);
  return r;
}

// Stated units a figure of `dimension` is commonly confused among.
std::vector<std::string_view> Alternatives(Dimension dimension) {
  switch (dimension) {
    case Dimension::kLength: return {"km", "mi", "m", "ft", "yd", "nmi"};
    case Dimension::kArea: return {"km2", "mi2", "ha", "acre", "m2"};
    case Dimension::kMass: return {"kg", "t", "lb", "g"};
    case Dimension::kDuration: return {"s", "min", "h", "day", "week", "month", "year"};
    default: return {};
  }
}

// The sentence for `x` mis-stated relative to `y`, or "".
std::string Explain(const Quantity& x, const Quantity& y) {
  if (x.qualifier == Qualifier::kVague || y.qualifier == Qualifier::kVague) return "";
  for (std::string_view unit : Alternatives(x.dimension)) {
    if (unit == x.stated_unit) continue;
    Quantity reread = ReadIn(x, unit);
    if (!Compatible(reread, y)) continue;
    if (y.stated_unit == unit) {
      // The same figure in two units ("12 miles" / "12 kilometres").
      const double as_written =
          x.stated * UnitFactor(x.dimension, x.stated_unit) / UnitFactor(x.dimension, unit);
      return "\"" + std::string(QualifierWords(x.qualifier)) + FormatFigure(x.stated) + " " +
             x.stated_unit + "\" matches " + FormatFigure(y.stated) + " " + y.stated_unit +
             " if the figure was meant in " + std::string(unit) + ", not " + x.stated_unit + " (" +
             FormatFigure(x.stated) + " " + x.stated_unit + " is " + FormatFigure(as_written) + " " +
             std::string(unit) + ").";
    }
    double converted = y.stated * UnitFactor(y.dimension, y.stated_unit) / UnitFactor(y.dimension, unit);
    std::string out = FormatFigure(y.stated) + " " + y.stated_unit + " is " + FormatFigure(converted) + " " +
                      std::string(unit) + ": \"" + std::string(QualifierWords(x.qualifier)) +
                      FormatFigure(x.stated) + " " + x.stated_unit + "\" matches it if the figure was meant in " +
                      std::string(unit) + ", not " + x.stated_unit + ".";
    return out;
  }
  return "";
}

}  // namespace

bool Compatible(const Quantity& a, const Quantity& b) {
  if (a.dimension != b.dimension || a.unit != b.unit) return false;
  if (a.dimension == Dimension::kCount && !a.noun.empty() && !b.noun.empty() && a.noun != b.noun) return false;
  if (!a.relation.empty() && !b.relation.empty() && a.relation != b.relation) return false;
  return IntervalsMeet(a, b);
}

std::string ExplainUnitMixup(const Quantity& a, const Quantity& b) {
  if (a.dimension != b.dimension || Compatible(a, b)) return "";
  if (std::string s = Explain(a, b); !s.empty()) return s;
  return Explain(b, a);
}

}  // namespace rashomon::claims
