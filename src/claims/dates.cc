#include "claims/dates.h"

#include <algorithm>
#include <cstdio>
#include <optional>
#include <span>
#include <unordered_set>

#include "base/iso_time.h"
#include "claims/scan.h"

namespace rashomon::claims {
namespace {

using internal::IsSymbol;
using internal::Tok;
using internal::TokKind;

constexpr size_t kPieceBytes = 256 * 1024;

enum Lang : unsigned { kEn = 1, kDe = 2, kFr = 4 };

struct NameRow {
  std::string_view word;
  unsigned langs;
  int value;
};

// English names are read in every language (English months appear in
// German and French text as quotes and headlines).
constexpr NameRow kMonthNames[] = {
    {"january", kEn, 1},   {"february", kEn, 2},  {"march", kEn, 3},     {"april", kEn | kDe | kFr, 4},
    {"may", kEn, 5},       {"june", kEn, 6},      {"july", kEn, 7},      {"august", kEn | kDe, 8},
    {"september", kEn | kDe, 9}, {"october", kEn, 10}, {"november", kEn | kDe, 11}, {"december", kEn, 12},
    {"jan", kEn | kDe, 1}, {"feb", kEn | kDe, 2}, {"mar", kEn, 3},       {"apr", kEn | kDe, 4},
    {"jun", kEn | kDe, 6}, {"jul", kEn | kDe, 7}, {"aug", kEn | kDe, 8}, {"sep", kEn | kDe, 9},
    {"sept", kEn | kDe | kFr, 9}, {"oct", kEn | kFr, 10}, {"nov", kEn | kDe | kFr, 11}, {"dec", kEn, 12},
    {"januar", kDe, 1},    {"jänner", kDe, 1},    {"februar", kDe, 2},   {"märz", kDe, 3},
    {"mai", kDe | kFr, 5}, {"juni", kDe, 6},      {"juli", kDe, 7},      {"oktober", kDe, 10},
    {"dezember", kDe, 12}, {"okt", kDe, 10},      {"dez", kDe, 12},      {"janvier", kFr, 1},
    {"février", kFr, 2},   {"mars", kFr, 3},      {"avril", kFr, 4},     {"juin", kFr, 6},
    {"juillet", kFr, 7},   {"août", kFr, 8},      {"septembre", kFr, 9}, {"octobre", kFr, 10},
    {"novembre", kFr, 11}, {"décembre", kFr, 12}, {"janv", kFr, 1},      {"févr", kFr, 2},
    {"avr", kFr, 4},       {"juil", kFr, 7},      {"déc", kFr, 12},
};

// Monday is 0.
constexpr NameRow kWeekdays[] = {
    {"monday", kEn, 0},   {"tuesday", kEn, 1},  {"wednesday", kEn, 2}, {"thursday", kEn, 3},
    {"friday", kEn, 4},   {"saturday", kEn, 5}, {"sunday", kEn, 6},    {"montag", kDe, 0},
    {"dienstag", kDe, 1}, {"mittwoch", kDe, 2}, {"donnerstag", kDe, 3}, {"freitag", kDe, 4},
    {"samstag", kDe, 5},  {"sonnabend", kDe, 5}, {"sonntag", kDe, 6},  {"lundi", kFr, 0},
    {"mardi", kFr, 1},    {"mercredi", kFr, 2}, {"jeudi", kFr, 3},     {"vendredi", kFr, 4},
    {"samedi", kFr, 5},   {"dimanche", kFr, 6},
};

// Parts of a year, as month bounds: "early 2024" is January..April.
struct PartRow {
  std::string_view phrase;
  unsigned langs;
  int first_month, last_month;  // first_month 0: December of the year before.
};
constexpr PartRow kYearParts[] = {
    {"early", kEn, 1, 4},           {"the beginning of", kEn, 1, 4}, {"the start of", kEn, 1, 4},
    {"mid", kEn, 5, 8},             {"the middle of", kEn, 5, 8},    {"late", kEn, 9, 12},
    {"the end of", kEn, 9, 12},     {"the first half of", kEn, 1, 6}, {"the second half of", kEn, 7, 12},
    {"the first quarter of", kEn, 1, 3}, {"the second quarter of", kEn, 4, 6},
    {"the third quarter of", kEn, 7, 9}, {"the fourth quarter of", kEn, 10, 12},
    {"spring", kEn, 3, 5},          {"summer", kEn, 6, 8},           {"autumn", kEn, 9, 11},
    {"fall", kEn, 9, 11},           {"winter", kEn, 0, 2},           {"spring of", kEn, 3, 5},
    {"summer of", kEn, 6, 8},       {"autumn of", kEn, 9, 11},       {"fall of", kEn, 9, 11},
    {"winter of", kEn, 0, 2},       {"anfang", kDe, 1, 4},           {"mitte", kDe, 5, 8},
    {"ende", kDe, 9, 12},           {"frühjahr", kDe, 3, 5},         {"frühling", kDe, 3, 5},
    {"sommer", kDe, 6, 8},          {"herbst", kDe, 9, 11},          {"winter", kDe, 0, 2},
    {"début", kFr, 1, 4},           {"mi", kFr, 5, 8},               {"fin", kFr, 9, 12},
    {"printemps", kFr, 3, 5},       {"été", kFr, 6, 8},              {"automne", kFr, 9, 11},
    {"hiver", kFr, 0, 2},
};

// Words before a bare year that make it a date ("in 2023", "seit 2014").
constexpr std::string_view kYearContext[] = {
    "in", "since", "until", "till", "by", "from", "during", "before", "after", "through", "of",
    "im", "seit", "bis", "von", "vom", "ab", "jahr", "jahres", "en", "depuis", "dès", "année",
    "avant", "après", "jusqu'", "fiscal", "year",
};

constexpr std::string_view kConnectors[] = {
    "or", "to", "and", "until", "till", "through", "-", "–", "—", "bis", "oder", "und", "ou", "à", "au", "et",
};
constexpr std::string_view kRangeOpeners[] = {"between", "from", "zwischen", "von", "entre", "de", "du"};

int Lookup(std::span<const NameRow> rows, unsigned lang, std::string_view w) {
  for (const NameRow& row : rows) {
    if ((row.langs & (lang | kEn)) && row.word == w) return row.value;
  }
  return -1;
}

int64_t DaysInMonth(int64_t y, int m) {
  return m == 12 ? 31 : DaysFromCivil(y, m + 1, 1) - DaysFromCivil(y, m, 1);
}

struct Civil {
  int64_t y;
  int m, d;
};

Civil CivilFromDays(int64_t z) {
  Civil c{};
  rashomon::CivilFromDays(z, &c.y, &c.m, &c.d);
  return c;
}

int Weekday(int64_t day) { return static_cast<int>(((day + 3) % 7 + 7) % 7); }  // 1970-01-01 was a Thursday.

struct Found {
  size_t begin = 0, end = 0;  // Tokens.
  int64_t first = 0, last = 0;
  bool relative = false;
};

Found Months(size_t begin, size_t end, int64_t y1, int m1, int64_t y2, int m2) {
  return {begin, end, DaysFromCivil(y1, m1, 1), DaysFromCivil(y2, m2, 1) + DaysInMonth(y2, m2) - 1, false};
}

// First words of every word-led date form; other words (most of a text)
// skip the lexicon scans.
bool MayStartDate(std::string_view w) {
  static const std::unordered_set<std::string_view>* const kStarts = [] {
    auto* set = new std::unordered_set<std::string_view>{
        "the", "die", "les", "yesterday", "gestern", "hier", "today", "heute", "aujourd'hui", "last",
        "letzte", "letzten", "letztes", "vergangene", "vergangenen", "vergangenes", "la", "le", "l'"};
    for (const NameRow& row : kMonthNames) set->insert(row.word);
    for (const NameRow& row : kWeekdays) set->insert(row.word);
    for (const PartRow& row : kYearParts) set->insert(row.phrase.substr(0, row.phrase.find(' ')));
    return set;
  }();
  return kStarts->count(w) > 0;
}

class DateFinder {
 public:
  DateFinder(const std::vector<Tok>& toks, unsigned lang, int64_t published, size_t cap,
             std::vector<DateMention>* out)
      : t_(toks), lang_(lang), published_(published), cap_(cap), out_(out) {}

  void Run() {
    size_t i = 0;
    while (i < t_.size() && out_->size() < cap_) {
      std::optional<Found> f = At(i, false);
      if (!f) {
        ++i;
        continue;
      }
      Found merged = MergeRange(*f);
      if (merged.first <= merged.last) Emit(merged);
      i = std::max(merged.end, i + 1);
      floor_ = i;
    }
  }

 private:
  std::string_view Lower(size_t i) const { return i < t_.size() ? std::string_view(t_[i].lower) : ""; }
  bool IsNumber(size_t i) const { return i < t_.size() && t_[i].kind == TokKind::kNumber; }
  bool IsWord(size_t i) const { return i < t_.size() && t_[i].kind == TokKind::kWord; }
  bool Glued(size_t i) const { return i < t_.size() && i > 0 && !t_[i].space_before; }
  bool SameLine(size_t i) const { return i < t_.size() && !t_[i].newline_before; }
  bool Sym(size_t i, std::u32string_view set) const { return i < t_.size() && IsSymbol(t_[i], set); }
  int Number(size_t i) const {
    if (!IsNumber(i) || t_[i].lower.size() > 4) return -1;
    return static_cast<int>(t_[i].value);
  }
  int Year(size_t i) const {
    int v = Number(i);
    return t_.size() > i && t_[i].lower.size() == 4 && v >= 1000 && v <= 2999 ? v : -1;
  }
  int Month(size_t i) const {
    if (!IsWord(i)) return -1;
    int m = Lookup(kMonthNames, lang_, Lower(i));
    // "may" and "march" are also verbs: only capitalised in English.
    if (m > 0 && (Lower(i) == "may" || Lower(i) == "march") && !t_[i].capitalized) return -1;
    return m;
  }
  // Index after a month word and an optional abbreviation point.
  size_t AfterMonth(size_t i) const { return Sym(i + 1, U".") && Glued(i + 1) ? i + 2 : i + 1; }
  size_t MatchAt(size_t i, std::string_view phrase) const;
  size_t MatchBefore(size_t end, std::string_view phrase) const {
    size_t words = 1 + std::count(phrase.begin(), phrase.end(), ' ');
    if (end < floor_ + words) return 0;
    return MatchAt(end - words, phrase) == words ? words : 0;
  }

  std::optional<Found> At(size_t i, bool in_range) const;
  std::optional<Found> Numeric(size_t i) const;
  std::optional<Found> MonthFirst(size_t i) const;
  std::optional<Found> DayFirst(size_t i) const;
  std::optional<Found> YearPart(size_t i) const;
  std::optional<Found> BareYear(size_t i, bool in_range) const;
  std::optional<Found> Relative(size_t i) const;
  std::optional<Found> LatestMonth(size_t begin, size_t end, int month, int day) const;
  Found MergeRange(Found f) const;
  void Emit(const Found& f);

  const std::vector<Tok>& t_;
  unsigned lang_;
  int64_t published_;
  size_t cap_;
  std::vector<DateMention>* out_;
  size_t floor_ = 0;
};

size_t DateFinder::MatchAt(size_t i, std::string_view phrase) const {
  size_t n = 0;
  while (!phrase.empty()) {
    size_t cut = phrase.find(' ');
    if (i + n >= t_.size() || t_[i + n].lower != phrase.substr(0, cut)) return 0;
    if (n > 0 && t_[i + n].newline_before) return 0;
    ++n;
    phrase = cut == std::string_view::npos ? std::string_view() : phrase.substr(cut + 1);
  }
  return n;
}

std::optional<Found> DateFinder::At(size_t i, bool in_range) const {
  if (IsNumber(i)) {
    if (auto f = Numeric(i)) return f;
    if (auto f = DayFirst(i)) return f;
    return BareYear(i, in_range);
  }
  if (!IsWord(i) || !MayStartDate(Lower(i))) return std::nullopt;
  if (auto f = MonthFirst(i)) return f;
  if (auto f = YearPart(i)) return f;
  return Relative(i);
}

// "2025-06-12"; "12.06.2025" (de, fr); "12/06/2025" (day first where the
// day is over 12 or the language is not English).
std::optional<Found> DateFinder::Numeric(size_t i) const {
  if (!(Sym(i + 1, U"-./") && Glued(i + 1) && IsNumber(i + 2) && Glued(i + 2) && Sym(i + 3, U"-./") &&
        Glued(i + 3) && IsNumber(i + 4) && Glued(i + 4))) {
    return std::nullopt;
  }
  if (Sym(i + 5, U"-./") && Glued(i + 5) && IsNumber(i + 6) && Glued(i + 6)) return std::nullopt;  // Longer code.
  int a = Number(i), b = Number(i + 2), c = Number(i + 4);
  int64_t y;
  int m, d;
  if (Year(i) > 0 && t_[i + 1].cp == '-' && t_[i + 3].cp == '-') {
    y = a, m = b, d = c;
  } else if (Year(i + 4) > 0 && t_[i + 1].cp == t_[i + 3].cp && t_[i + 1].cp != '-') {
    y = c;
    if (lang_ == kEn && a <= 12) return std::nullopt;  // US or British order: unknowable.
    d = a, m = b;
  } else {
    return std::nullopt;
  }
  if (m < 1 || m > 12 || d < 1 || d > DaysInMonth(y, m)) return std::nullopt;
  int64_t day = DaysFromCivil(y, m, d);
  return Found{i, i + 5, day, day, false};
}

// "June 12, 2025", "June 12th 2025", "March 2021", "June 12" (this or
// last year, from the publication day).
std::optional<Found> DateFinder::MonthFirst(size_t i) const {
  int m = Month(i);
  if (m < 0) return std::nullopt;
  size_t j = AfterMonth(i);
  if (int y = Year(j); y > 0 && SameLine(j)) return Months(i, j + 1, y, m, y, m);
  int d = SameLine(j) ? Number(j) : -1;
  if (d >= 1 && d <= 31 && t_[j].lower.size() <= 2) {
    size_t k = j + 1;
    if (IsWord(k) && Glued(k) && (Lower(k) == "st" || Lower(k) == "nd" || Lower(k) == "rd" || Lower(k) == "th")) ++k;
    size_t y_at = Sym(k, U",") ? k + 1 : k;
    if (int y = Year(y_at); y > 0 && SameLine(y_at)) {
      if (d > DaysInMonth(y, m)) return std::nullopt;
      int64_t day = DaysFromCivil(y, m, d);
      return Found{i, y_at + 1, day, day, false};
    }
    if (IsNumber(k)) return std::nullopt;
    return LatestMonth(i, k, m, d);
  }
  // "in February": the latest February up to the publication day.
  if (i > floor_ && (Lower(i - 1) == "in" || Lower(i - 1) == "im" || Lower(i - 1) == "en" ||
                     Lower(i - 1) == "since" || Lower(i - 1) == "seit" || Lower(i - 1) == "depuis")) {
    if (Lower(i) == "may" || Lower(i) == "mai") return std::nullopt;  // Too often something else.
    return LatestMonth(i, j, m, 0);
  }
  return std::nullopt;
}

// Month `month` (day `day`, or the whole month when 0) of the latest year
// that puts it on or before the publication day.
std::optional<Found> DateFinder::LatestMonth(size_t begin, size_t end, int month, int day) const {
  if (published_ == kNoDay) return std::nullopt;
  Civil p = CivilFromDays(published_);
  int64_t y = p.y;
  if (month > p.m || (month == p.m && day > p.d)) --y;
  if (day > DaysInMonth(y, month)) return std::nullopt;
  Found f = day > 0 ? Found{begin, end, DaysFromCivil(y, month, day), DaysFromCivil(y, month, day), true}
                    : Months(begin, end, y, month, y, month);
  f.relative = true;
  return f;
}

// "12 June 2025", "12. Juni 2025", "1er juin 2025", "12th of June".
std::optional<Found> DateFinder::DayFirst(size_t i) const {
  int d = Number(i);
  if (d < 1 || d > 31 || t_[i].lower.size() > 2) return std::nullopt;
  size_t j = i + 1;
  if (Sym(j, U".") && Glued(j)) {
    ++j;
  } else if (IsWord(j) && Glued(j)) {
    std::string_view s = Lower(j);
    if (s != "st" && s != "nd" && s != "rd" && s != "th" && s != "er") return std::nullopt;
    ++j;
  }
  if (Lower(j) == "of" && SameLine(j)) ++j;
  int m = Month(j);
  if (m < 0 || !SameLine(j)) return std::nullopt;
  size_t k = AfterMonth(j);
  if (int y = Year(k); y > 0 && SameLine(k)) {
    if (d > DaysInMonth(y, m)) return std::nullopt;
    int64_t day = DaysFromCivil(y, m, d);
    return Found{i, k + 1, day, day, false};
  }
  return LatestMonth(i, k, m, d);
}

// "early 2024", "mid-2024", "late March 2021", "summer of 2024",
// "Ende 2023", "fin 2023", "the 1990s".
std::optional<Found> DateFinder::YearPart(size_t i) const {
  if (Lower(i) == "the" || Lower(i) == "die" || Lower(i) == "les") {
    // Decades: "the 1990s", "die 1990er", "les années 1990".
    size_t j = Lower(i + 1) == "années" ? i + 2 : i + 1;
    int y = Year(j);
    bool suffix = IsWord(j + 1) && Glued(j + 1) && (Lower(j + 1) == "s" || Lower(j + 1) == "er");
    if (y > 0 && y % 10 == 0 && (suffix || j == i + 2)) {
      return Months(i, suffix ? j + 2 : j + 1, y, 1, y + 9, 12);
    }
  }
  for (const PartRow& row : kYearParts) {
    if (!(row.langs & lang_)) continue;
    size_t n = MatchAt(i, row.phrase);
    if (n == 0) continue;
    size_t j = i + n;
    if (Sym(j, U"-") && Glued(j)) ++j;
    if (!SameLine(j)) continue;
    if (int y = Year(j); y > 0) {
      if (row.first_month == 0) return Months(i, j + 1, y - 1, 12, y, row.last_month);
      return Months(i, j + 1, y, row.first_month, y, row.last_month);
    }
    // Part of a month: "late March 2021" (1-10, 11-20, 21-end).
    int m = Month(j);
    size_t k = AfterMonth(j);
    int y = Year(k);
    if (m > 0 && y > 0 && row.last_month - row.first_month == 3) {
      int64_t start = DaysFromCivil(y, m, 1);
      int part = row.first_month == 1 ? 0 : row.first_month == 5 ? 1 : 2;
      int64_t last = part == 2 ? start + DaysInMonth(y, m) - 1 : start + 10 * part + 9;
      return Found{i, k + 1, start + 10 * part, last, false};
    }
  }
  return std::nullopt;
}

// A year alone: "in 2023", "seit 2014", and the second year of a range.
std::optional<Found> DateFinder::BareYear(size_t i, bool in_range) const {
  int y = Year(i);
  if (y < 0) return std::nullopt;
  // "1990s" without an article is a decade too.
  if (IsWord(i + 1) && Glued(i + 1)) {
    if ((Lower(i + 1) == "s" || Lower(i + 1) == "er") && y % 10 == 0) return Months(i, i + 2, y, 1, y + 9, 12);
    return std::nullopt;
  }
  if (Glued(i) && i > 0 && (IsWord(i - 1) || Sym(i - 1, U"$€£¥#§+"))) return std::nullopt;
  bool context = i > floor_ && std::find(std::begin(kYearContext), std::end(kYearContext), Lower(i - 1)) !=
                                   std::end(kYearContext);
  if (i > floor_ && !context && in_range == false) {
    // Between two years ("between 2023 and 2024") the opener is the context.
    context = std::find(std::begin(kRangeOpeners), std::end(kRangeOpeners), Lower(i - 1)) != std::end(kRangeOpeners);
  }
  if (!context && !in_range) return std::nullopt;
  return Months(i, i + 1, y, 1, y, 12);
}

// "yesterday", "on Monday", "last week", "le mois dernier".
std::optional<Found> DateFinder::Relative(size_t i) const {
  if (published_ == kNoDay) return std::nullopt;
  const int64_t p = published_;
  struct Phrase {
    std::string_view text;
    int kind;  // 0 yesterday, 1 today, 2 last week, 3 last month, 4 last year.
  };
  static constexpr Phrase kPhrases[] = {
      {"yesterday", 0}, {"gestern", 0}, {"hier", 0}, {"today", 1}, {"heute", 1}, {"aujourd'hui", 1},
      {"last week", 2}, {"letzte woche", 2}, {"vergangene woche", 2}, {"la semaine dernière", 2},
      {"la semaine passée", 2}, {"last month", 3}, {"letzten monat", 3}, {"vergangenen monat", 3},
      {"le mois dernier", 3}, {"last year", 4}, {"letztes jahr", 4}, {"vergangenes jahr", 4},
      {"l' année dernière", 4}, {"l' an dernier", 4},
  };
  for (const Phrase& ph : kPhrases) {
    size_t n = MatchAt(i, ph.text);
    if (n == 0) continue;
    if (ph.text == "hier" && lang_ != kFr) continue;
    Civil c = CivilFromDays(p);
    Found f{i, i + n, p, p, true};
    switch (ph.kind) {
      case 0: f.first = f.last = p - 1; break;
      case 1: break;
      case 2: f.first = p - Weekday(p) - 7, f.last = p - Weekday(p) - 1; break;
      case 3: {
        int64_t y = c.m == 1 ? c.y - 1 : c.y;
        int m = c.m == 1 ? 12 : c.m - 1;
        f.first = DaysFromCivil(y, m, 1);
        f.last = f.first + DaysInMonth(y, m) - 1;
        break;
      }
      default: f.first = DaysFromCivil(c.y - 1, 1, 1), f.last = DaysFromCivil(c.y - 1, 12, 31); break;
    }
    return f;
  }
  int w = IsWord(i) ? Lookup(kWeekdays, lang_, Lower(i)) : -1;
  if (w < 0) return std::nullopt;
  std::string_view prev = i > floor_ ? Lower(i - 1) : "";
  std::string_view next = Lower(i + 1);
  if (prev == "next" || prev == "nächsten" || prev == "kommenden" || next == "prochain") return std::nullopt;
  // A weekday followed by a date is named by that date ("Monday, June 12").
  if (Month(i + 1) > 0 || (Sym(i + 1, U",") && (Month(i + 2) > 0 || IsNumber(i + 2)))) return std::nullopt;
  bool last = prev == "last" || prev == "letzten" || prev == "vergangenen" || next == "dernier";
  int64_t delta = (Weekday(p) - w + 7) % 7;
  if (delta == 0 && last) delta = 7;
  size_t begin = (last || prev == "on" || prev == "am") && i > floor_ ? i - 1 : i;
  size_t end = next == "dernier" ? i + 2 : i + 1;
  return Found{begin, end, p - delta, p - delta, true};
}

// "late 2019 or early 2020", "between 2018 and 2019", "2020-2022".
Found DateFinder::MergeRange(Found f) const {
  size_t j = f.end;
  if (!SameLine(j) || std::find(std::begin(kConnectors), std::end(kConnectors), Lower(j)) == std::end(kConnectors)) {
    return f;
  }
  std::optional<Found> g = At(j + 1, true);
  if (!g || g->first < f.first || !SameLine(j + 1)) return f;
  Found merged{f.begin, g->end, f.first, std::max(f.last, g->last), f.relative || g->relative};
  if (f.begin > floor_ && std::find(std::begin(kRangeOpeners), std::end(kRangeOpeners), Lower(f.begin - 1)) !=
                              std::end(kRangeOpeners)) {
    merged.begin = f.begin - 1;
  }
  return merged;
}

std::string Iso(const Civil& c, int parts) {
  char buf[32];
  if (parts == 1) std::snprintf(buf, sizeof(buf), "%04lld", static_cast<long long>(c.y));
  if (parts == 2) std::snprintf(buf, sizeof(buf), "%04lld-%02d", static_cast<long long>(c.y), c.m);
  if (parts == 3) std::snprintf(buf, sizeof(buf), "%04lld-%02d-%02d", static_cast<long long>(c.y), c.m, c.d);
  return buf;
}

// The shortest ISO 8601 form of [first, last]: a year, a month, a day, or
// an interval of them.
std::string Normalize(int64_t first, int64_t last) {
  Civil a = CivilFromDays(first), b = CivilFromDays(last);
  if (first == last) return Iso(a, 3);
  bool whole_months = a.d == 1 && b.d == DaysInMonth(b.y, b.m);
  if (!whole_months) return Iso(a, 3) + "/" + Iso(b, 3);
  if (a.m == 1 && b.m == 12) return a.y == b.y ? Iso(a, 1) : Iso(a, 1) + "/" + Iso(b, 1);
  if (a.y == b.y && a.m == b.m) return Iso(a, 2);
  return Iso(a, 2) + "/" + Iso(b, 2);
}

void DateFinder::Emit(const Found& f) {
  DateMention d;
  d.span = {t_[f.begin].span.begin, t_[f.end - 1].span.end};
  d.first_day = f.first;
  d.last_day = f.last;
  d.relative = f.relative;
  d.normalized = Normalize(f.first, f.last);
  out_->push_back(std::move(d));
}

}  // namespace

std::vector<DateMention> FindDates(std::string_view text, const DateOptions& options) {
  std::vector<DateMention> out;
  unsigned lang = options.language == "de" ? kDe : options.language == "fr" ? kFr : kEn;
  // Publication days far outside the calendar years read here are ignored.
  int64_t published = options.published_day;
  if (published != kNoDay && (published < DaysFromCivil(1000, 1, 1) || published > DaysFromCivil(2999, 12, 31))) {
    published = kNoDay;
  }
  size_t begin = 0;
  for (size_t end : internal::Pieces(text, kPieceBytes)) {
    if (out.size() >= options.max_mentions) break;
    std::vector<Tok> toks = internal::Scan(text.substr(begin, end - begin), internal::NumberStyle::kDigitsOnly, begin);
    DateFinder(toks, lang, published, options.max_mentions, &out).Run();
    begin = end;
  }
  return out;
}

bool Overlap(const DateMention& a, const DateMention& b) {
  return a.first_day <= b.last_day && b.first_day <= a.last_day;
}

}  // namespace rashomon::claims
