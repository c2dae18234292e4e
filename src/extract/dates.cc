#include "extract/dates.h"

#include "base/iso_time.h"

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "extract/metadata.h"
#include "text/utf8.h"

namespace rashomon::extract {
namespace internal {
namespace {

// Dates are short; a byline with a date puts it near the start.
constexpr size_t kMaxDateTextBytes = 1024;
constexpr size_t kMaxTokens = 256;

// Month names, one row per language (or case), January first; "|"
// separates spellings and abbreviations of one month. A word that is a
// month in one language and something else in another ("mar", "set") only
// counts next to a day and a year, so the overlap is harmless.
constexpr const char* kMonthRows[][12] = {
    // English
    {"january|jan", "february|feb", "march|mar", "april|apr", "may", "june|jun", "july|jul",
     "august|aug", "september|sep|sept", "october|oct", "november|nov", "december|dec"},
    // German
    {"januar|jänner|jän", "februar|feber", "märz|maerz|mrz", "april", "mai", "juni", "juli",
     "august", "september", "oktober|okt", "november", "dezember|dez"},
    // French
    {"janvier|janv", "février|fevrier|févr|fév", "mars", "avril|avr", "mai", "juin", "juillet|juil",
     "août|aout", "septembre", "octobre", "novembre", "décembre|decembre|déc"},
    // Spanish
    {"enero|ene", "febrero", "marzo", "abril|abr", "mayo", "junio", "julio", "agosto|ago",
     "septiembre|setiembre", "octubre", "noviembre", "diciembre|dic"},
    // Italian
    {"gennaio|gen", "febbraio", "marzo", "aprile", "maggio|mag", "giugno|giu", "luglio|lug",
     "agosto", "settembre|set", "ottobre|ott", "novembre", "dicembre"},
    // Portuguese
    {"janeiro", "fevereiro|fev", "março|marco", "abril", "maio", "junho", "julho", "agosto",
     "setembro", "outubro|out", "novembro", "dezembro"},
    // Dutch
    {"januari", "februari", "maart|mrt", "april", "mei", "juni", "juli", "augustus", "september",
     "oktober", "november", "december"},
    // Swedish, Norwegian, Danish
    {"januari|januar", "februari|februar", "mars|marts", "april", "maj|mai", "juni", "juli",
     "augusti|august", "september", "oktober", "november", "december|desember"},
    // Indonesian and Malay
    {"januari", "februari", "maret|mac", "april", "mei", "juni", "juli", "agustus|ogos",
     "september", "oktober", "november", "desember|disember"},
    // Turkish
    {"ocak", "şubat", "mart", "nisan", "mayıs", "haziran", "temmuz", "ağustos", "eylül", "ekim",
     "kasım", "aralık"},
    // Polish (nominative, genitive)
    {"styczeń|stycznia", "luty|lutego", "marzec|marca", "kwiecień|kwietnia", "maj|maja",
     "czerwiec|czerwca", "lipiec|lipca", "sierpień|sierpnia", "wrzesień|września",
     "październik|października", "listopad|listopada", "grudzień|grudnia"},
    // Czech (genitive)
    {"ledna", "února", "března", "dubna", "května", "června", "července", "srpna", "září", "října",
     "listopadu", "prosince"},
    // Hungarian
    {"január", "február", "március", "április", "május", "június", "július", "augusztus",
     "szeptember", "október", "november", "december"},
    // Lithuanian (genitive)
    {"sausio", "vasario", "kovo", "balandžio", "gegužės", "birželio", "liepos", "rugpjūčio",
     "rugsėjo", "spalio", "lapkričio", "gruodžio"},
    // Russian (genitive, nominative, abbreviation)
    {"января|январь|янв", "февраля|февраль|фев", "марта|март|мар", "апреля|апрель|апр", "мая|май",
     "июня|июнь|июн", "июля|июль|июл", "августа|август|авг", "сентября|сентябрь|сен|сент",
     "октября|октябрь|окт", "ноября|ноябрь|ноя", "декабря|декабрь|дек"},
    // Ukrainian (genitive)
    {"січня", "лютого", "березня", "квітня", "травня", "червня", "липня", "серпня", "вересня",
     "жовтня", "листопада", "грудня"},
};

struct ZoneName {
  const char* name;
  int offset_minutes;
};

// Zone abbreviations news pages print after a time. Only read when written
// in capitals ("IST", not the German word "ist").
constexpr ZoneName kZoneNames[] = {
    {"utc", 0},    {"gmt", 0},    {"ut", 0},     {"wet", 0},    {"west", 60},   {"bst", 60},
    {"cet", 60},   {"mez", 60},   {"cest", 120}, {"mesz", 120}, {"eet", 120},   {"eest", 180},
    {"msk", 180},  {"sast", 120}, {"edt", -240}, {"est", -300}, {"cdt", -300},  {"cst", -360},
    {"mdt", -360}, {"mst", -420}, {"pdt", -420}, {"pst", -480}, {"akdt", -480}, {"akst", -540},
    {"hst", -600}, {"ist", 330},  {"pkt", 300},  {"wib", 420},  {"ict", 420},   {"hkt", 480},
    {"sgt", 480},  {"awst", 480}, {"jst", 540},  {"kst", 540},  {"acst", 570},  {"aest", 600},
    {"aedt", 660}, {"nzst", 720}, {"nzdt", 780},
};

// Words allowed between a date and its time ("3. Mai 2024 um 15:47",
// "May 3, 2024 at 3:47 pm", "le 3 mai 2024 à 15h47").
constexpr const char* kConnectors[] = {
    "um", "at", "à", "a", "las", "la", "alle", "ore", "às", "as", "om", "kl", "klo", "klockan", "в",
    "о", "saat", "pukul", "jam", "lúc", "t", "am", "on", "le", "den", "el", "il", "de", "del", "op",
    "godz", "o", "hrs", "uhr",
    // Morning and afternoon words that come before the time in Korean,
    // Japanese and Chinese ("오후 6:40"); MatchTime reads them.
    "\uC624\uC804", "\uC624\uD6C4", "\u5348\u524D", "\u5348\u5F8C", "\u4E0A\u5348", "\u4E0B\u5348"};

bool ValidDay(int year, int month, int day) {
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1) return false;
  if (day > kDays[month - 1]) return false;
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return !(month == 2 && day == 29 && !leap);
}

bool SetDay(int year, int month, int day, DateTime* out) {
  if (!ValidDay(year, month, day)) return false;
  out->year = year;
  out->month = month;
  out->day = day;
  return true;
}

enum class Kind : uint8_t { kNum, kWord, kPunct };

struct Token {
  Kind kind;
  std::string text;    // Digits, the lower-cased word, or the punctuation.
  bool upper = false;  // kWord: written in capitals.
  int digits = 0;      // kNum: number of digits.
  int value = 0;       // kNum: value of the first 9 digits.
};

// Lower case for the scripts month names are written in: ASCII, Latin-1,
// Latin Extended-A, Greek and Cyrillic.
char32_t ToLower(char32_t c) {
  if (c >= 'A' && c <= 'Z') return c + 32;
  if ((c >= 0xC0 && c <= 0xDE && c != 0xD7)) return c + 32;
  if (c == 0x130) return 'i';
  if (c >= 0x100 && c <= 0x137 && c % 2 == 0) return c + 1;
  if (c >= 0x139 && c <= 0x148 && c % 2 == 1) return c + 1;
  if (c >= 0x14A && c <= 0x177 && c % 2 == 0) return c + 1;
  if (c == 0x178) return 0xFF;
  if (c >= 0x179 && c <= 0x17E && c % 2 == 1) return c + 1;
  if (c >= 0x391 && c <= 0x3AB && c != 0x3A2) return c + 32;
  if (c >= 0x400 && c <= 0x40F) return c + 80;
  if (c >= 0x410 && c <= 0x42F) return c + 32;
  return c;
}

bool IsUpper(char32_t c) { return ToLower(c) != c; }

int DigitValue(char32_t c) {
  if (c >= '0' && c <= '9') return static_cast<int>(c - '0');
  if (c >= 0xFF10 && c <= 0xFF19) return static_cast<int>(c - 0xFF10);  // Full-width.
  return -1;
}

bool IsPunctuation(char32_t c) {
  if (c < 0x80) return !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
  return (c >= 0xA1 && c <= 0xBF) || c == 0xD7 || c == 0xF7 || (c >= 0x2000 && c <= 0x206F) ||
         c == 0x2212 || (c >= 0x3000 && c <= 0x3003) || (c >= 0x3008 && c <= 0x3011) ||
         (c >= 0xFF01 && c <= 0xFF0F) || (c >= 0xFF1A && c <= 0xFF20) || c == 0xFFFD;
}

bool IsSpace(char32_t c) { return c <= ' ' || c == 0x7F || text::IsWhiteSpace(c); }

std::vector<Token> Tokenize(std::string_view text) {
  if (text.size() > kMaxDateTextBytes) text = text.substr(0, kMaxDateTextBytes);
  std::vector<Token> tokens;
  size_t pos = 0;
  while (pos < text.size() && tokens.size() < kMaxTokens) {
    size_t start = pos;
    char32_t c = text::DecodeUtf8Lenient(text, &pos);
    if (IsSpace(c)) continue;
    Token token;
    if (DigitValue(c) >= 0) {
      token.kind = Kind::kNum;
      size_t p = start;
      while (p < text.size()) {
        size_t q = p;
        int d = DigitValue(text::DecodeUtf8Lenient(text, &q));
        if (d < 0) break;
        if (token.digits < 9) token.value = token.value * 10 + d;
        ++token.digits;
        token.text.push_back(static_cast<char>('0' + d));
        p = q;
      }
      pos = p;
    } else if (!IsPunctuation(c)) {
      token.kind = Kind::kWord;
      token.upper = true;
      size_t p = start;
      while (p < text.size()) {
        size_t q = p;
        char32_t w = text::DecodeUtf8Lenient(text, &q);
        if (IsSpace(w) || IsPunctuation(w) || DigitValue(w) >= 0) break;
        if (!IsUpper(w)) token.upper = false;
        text::AppendUtf8(w == 0xFFFD ? w : ToLower(w), &token.text);
        p = q;
      }
      pos = p;
    } else {
      token.kind = Kind::kPunct;
      token.text = std::string(text.substr(start, pos - start));
      if (c == 0x2212 || c == 0x2013) token.text = "-";  // Minus sign, en dash.
    }
    tokens.push_back(std::move(token));
  }
  return tokens;
}

class Matcher {
 public:
  explicit Matcher(std::string_view text) : tokens_(Tokenize(text)) {}

  // Finds the first date and its time; false when there is none.
  bool Find(DateTime* out) const {
    for (size_t i = 0; i < tokens_.size(); ++i) {
      DateTime date;
      size_t end = 0;
      if (!MatchDate(i, &date, &end)) continue;
      if (!TimeAfter(end, &date)) TimeBefore(i, &date);
      *out = date;
      return true;
    }
    return false;
  }

 private:
  bool IsNum(size_t i, int min_digits, int max_digits) const {
    return i < tokens_.size() && tokens_[i].kind == Kind::kNum && tokens_[i].digits >= min_digits &&
           tokens_[i].digits <= max_digits;
  }
  bool IsPunct(size_t i, std::string_view p) const {
    return i < tokens_.size() && tokens_[i].kind == Kind::kPunct && tokens_[i].text == p;
  }
  bool IsWord(size_t i, std::string_view w) const {
    return i < tokens_.size() && tokens_[i].kind == Kind::kWord && tokens_[i].text == w;
  }
  bool IsWordIn(size_t i, std::initializer_list<std::string_view> words) const {
    if (i >= tokens_.size() || tokens_[i].kind != Kind::kWord) return false;
    for (std::string_view w : words)
      if (tokens_[i].text == w) return true;
    return false;
  }
  int Month(size_t i) const {
    if (i >= tokens_.size() || tokens_[i].kind != Kind::kWord) return 0;
    std::string_view word = tokens_[i].text;
    for (const auto& row : kMonthRows) {
      for (int m = 0; m < 12; ++m) {
        std::string_view names = row[m];
        while (!names.empty()) {
          size_t bar = names.find('|');
          if (names.substr(0, bar) == word) return m + 1;
          names = bar == std::string_view::npos ? "" : names.substr(bar + 1);
        }
      }
    }
    return 0;
  }
  bool IsConnector(size_t i) const {
    if (i >= tokens_.size()) return false;
    const Token& t = tokens_[i];
    if (t.kind == Kind::kPunct)
      return t.text == "," || t.text == "-" || t.text == "|" || t.text == "/" || t.text == "(" ||
             t.text == "\u2014" || t.text == "\u00B7" || t.text == "\u2022";
    if (t.kind != Kind::kWord) return false;
    for (const char* c : kConnectors)
      if (t.text == c) return true;
    return false;
  }

  static int FullYear(const Token& t) {
    if (t.digits == 4) return t.value;
    return t.value < 70 ? 2000 + t.value : 1900 + t.value;
  }

  // Skips the ordinal suffix of a day ("3rd", "1er", "3.", "3º").
  size_t SkipOrdinal(size_t i) const {
    if (IsWordIn(i, {"st", "nd", "rd", "th", "er", "º", "ª"})) return i + 1;
    if (IsPunct(i, ".")) return i + 1;
    return i;
  }

  bool MatchDate(size_t i, DateTime* out, size_t* end) const {
    return MatchYearFirst(i, out, end) || MatchDayFirstNumeric(i, out, end) ||
           MatchDayMonthName(i, out, end) || MatchMonthNameDay(i, out, end) ||
           MatchYearMonthName(i, out, end) || MatchCompact(i, out, end);
  }

  // 2024-05-03, 2024/05/03, 2024.05.03, 2024. 5. 3., 2024年5月3日, 2024년 5월 3일.
  bool MatchYearFirst(size_t i, DateTime* out, size_t* end) const {
    if (!IsNum(i, 4, 4) || !IsNum(i + 2, 1, 2) || !IsNum(i + 4, 1, 2)) return false;
    bool numeric = false;
    for (std::string_view sep : {"-", "/", "."})
      if (IsPunct(i + 1, sep) && IsPunct(i + 3, sep)) numeric = true;
    bool cjk = (IsWord(i + 1, "年") && IsWord(i + 3, "月")) ||
               (IsWord(i + 1, "년") && IsWord(i + 3, "월"));
    if (!numeric && !cjk) return false;
    if (!SetDay(tokens_[i].value, tokens_[i + 2].value, tokens_[i + 4].value, out)) return false;
    *end = i + 5;
    if (IsWordIn(*end, {"日", "일"}) || (numeric && IsPunct(*end, ".") && IsPunct(i + 1, ".")))
      ++*end;
    return true;
  }

  // 03.05.2024, 3/5/2024, 03-05-2024, 03.05.24: day first unless the
  // second number cannot be a month.
  bool MatchDayFirstNumeric(size_t i, DateTime* out, size_t* end) const {
    if (!IsNum(i, 1, 2) || !IsNum(i + 2, 1, 2)) return false;
    bool two_digit_year = IsNum(i + 4, 2, 2);
    if (!IsNum(i + 4, 4, 4) && !two_digit_year) return false;
    std::string_view sep;
    for (std::string_view s : {".", "/", "-"})
      if (IsPunct(i + 1, s) && IsPunct(i + 3, s)) sep = s;
    if (sep.empty() || (two_digit_year && sep == "-")) return false;
    // A longer number after the year ("1.2.2024.5") is not a date.
    if (IsPunct(i + 5, sep) && IsNum(i + 6, 1, 9)) return false;
    int first = tokens_[i].value, second = tokens_[i + 2].value;
    int year = FullYear(tokens_[i + 4]);
    int day = first, month = second;
    if (second > 12 && first <= 12) std::swap(day, month);
    if (!SetDay(year, month, day, out)) return false;
    *end = i + 5;
    return true;
  }

  // 3 May 2024, 3. Mai 2024, 3 de mayo de 2024, 14 мая 2025 г., 3rd of May, 2024.
  bool MatchDayMonthName(size_t i, DateTime* out, size_t* end) const {
    if (!IsNum(i, 1, 2)) return false;
    size_t j = SkipOrdinal(i + 1);
    if (IsWordIn(j, {"de", "of", "den"})) ++j;
    int month = Month(j);
    if (month == 0) return false;
    ++j;
    if (IsPunct(j, ".")) ++j;
    if (IsPunct(j, ",")) ++j;
    if (IsWordIn(j, {"de", "del", "of"})) ++j;
    if (!IsNum(j, 4, 4)) return false;
    if (!SetDay(tokens_[j].value, month, tokens_[i].value, out)) return false;
    *end = j + 1;
    if (IsWordIn(*end, {"г", "года", "р", "року", "r", "m"})) {
      ++*end;
      if (IsPunct(*end, ".")) ++*end;
    }
    return true;
  }

  // May 3, 2024; Mai 3 2024; Sept. 3rd, 2024.
  bool MatchMonthNameDay(size_t i, DateTime* out, size_t* end) const {
    int month = Month(i);
    if (month == 0) return false;
    size_t j = i + 1;
    if (IsPunct(j, ".")) ++j;
    if (!IsNum(j, 1, 2)) return false;
    size_t day_index = j;
    j = SkipOrdinal(j + 1);
    if (IsPunct(j, ",")) ++j;
    if (!IsNum(j, 4, 4)) return false;
    if (!SetDay(tokens_[j].value, month, tokens_[day_index].value, out)) return false;
    *end = j + 1;
    return true;
  }

  // 2024. március 31., 2024 m. kovo 31 d., 2024 May 3.
  bool MatchYearMonthName(size_t i, DateTime* out, size_t* end) const {
    if (!IsNum(i, 4, 4)) return false;
    size_t j = i + 1;
    if (IsPunct(j, ".")) ++j;
    if (IsWord(j, "m") && IsPunct(j + 1, ".")) j += 2;
    int month = Month(j);
    if (month == 0 || !IsNum(j + 1, 1, 2)) return false;
    if (!SetDay(tokens_[i].value, month, tokens_[j + 1].value, out)) return false;
    *end = j + 2;
    if (IsPunct(*end, ".")) ++*end;
    if (IsWord(*end, "d") && IsPunct(*end + 1, ".")) *end += 2;
    return true;
  }

  // 20240503 or 20240503T154742Z, only as the whole text (elsewhere an
  // 8-digit number is more often an id).
  bool MatchCompact(size_t i, DateTime* out, size_t* end) const {
    if (i != 0 || !IsNum(0, 8, 8)) return false;
    if (tokens_.size() > 1 && !IsWord(1, "t")) return false;
    int v = tokens_[0].value;
    if (!SetDay(v / 10000, v / 100 % 100, v % 100, out)) return false;
    *end = 1;
    if (IsWord(1, "t") && (IsNum(2, 4, 4) || IsNum(2, 6, 6))) {
      int t = tokens_[2].value;
      if (tokens_[2].digits == 4) t *= 100;
      if (t / 10000 <= 23 && t / 100 % 100 <= 59 && t % 100 <= 59) {
        out->hour = t / 10000;
        out->minute = t / 100 % 100;
        out->second = t % 100;
        *end = 3;
        MatchZone(3, out);
      }
    }
    return true;
  }

  // A time at `i`: 15:47, 15:47:42.389, 15.47 Uhr, 15h47, 3:47 pm, 21時37分,
  // with an optional zone. Returns the index after it, or 0.
  size_t MatchTime(size_t i, DateTime* out) const {
    if (!IsNum(i, 1, 2) || tokens_[i].value > 23) return 0;
    bool cjk = IsWordIn(i + 1, {"時", "时", "시"});
    bool sep_ok = IsPunct(i + 1, ":") || IsPunct(i + 1, ".") || IsWord(i + 1, "h") || cjk;
    if (!sep_ok || !IsNum(i + 2, 2, 2) || tokens_[i + 2].value > 59) return 0;
    int hour = tokens_[i].value, minute = tokens_[i + 2].value, second = 0;
    size_t j = i + 3;
    if (cjk) {
      if (IsWordIn(j, {"分", "분"})) ++j;
    } else if ((IsPunct(i + 1, ":") || IsPunct(i + 1, ".")) && IsPunct(j, tokens_[i + 1].text) &&
               IsNum(j + 1, 2, 2) && tokens_[j + 1].value <= 60) {
      second = tokens_[j + 1].value == 60 ? 59 : tokens_[j + 1].value;
      j += 2;
      if ((IsPunct(j, ".") || IsPunct(j, ",")) && IsNum(j + 1, 1, 9)) j += 2;  // Fraction.
    }
    bool pm = false, am = false;
    if (IsWordIn(j, {"pm", "p"}) || IsWordIn(j, {"am", "a"})) {
      bool is_pm = tokens_[j].text[0] == 'p';
      size_t k = j + 1;
      if (tokens_[j].text.size() == 1) {  // "p.m." or "a.m."
        if (!IsPunct(k, ".") || !IsWord(k + 1, "m"))
          k = 0;
        else
          k += 2;
        if (k != 0 && IsPunct(k, ".")) ++k;
      } else if (IsPunct(k, ".")) {
        ++k;
      }
      if (k != 0 && hour >= 1 && hour <= 12) {
        (is_pm ? pm : am) = true;
        j = k;
      }
    }
    if (i > 0 && IsWordIn(i - 1, {"\uC624\uD6C4", "\u5348\u5F8C", "\u4E0B\u5348"})) pm = true;
    if (i > 0 && IsWordIn(i - 1, {"\uC624\uC804", "\u5348\u524D", "\u4E0A\u5348"})) am = true;
    if (pm && hour < 12) hour += 12;
    if (am && hour == 12) hour = 0;
    if (IsWordIn(j, {"uhr", "h", "hrs", "hs", "horas", "heures", "ore"})) ++j;
    out->hour = hour;
    out->minute = minute;
    out->second = second;
    return MatchZone(j, out);
  }

  // Reads a zone at `i` into `*out`; returns the index after it (i if none).
  size_t MatchZone(size_t i, DateTime* out) const {
    size_t j = i;
    bool paren = IsPunct(j, "(");
    if (paren) ++j;
    bool named_utc = IsWordIn(j, {"z", "utc", "gmt"});
    int offset = 0;
    bool found = false;
    if (named_utc) {
      ++j;
      found = true;
    } else if (j < tokens_.size() && tokens_[j].kind == Kind::kWord && tokens_[j].upper) {
      for (const ZoneName& z : kZoneNames) {
        if (tokens_[j].text == z.name) {
          offset = z.offset_minutes;
          found = true;
          ++j;
          break;
        }
      }
    }
    // A signed offset: +0200, +02:00, or +2 right after UTC/GMT.
    if (IsPunct(j, "+") || IsPunct(j, "-")) {
      int sign = IsPunct(j, "-") ? -1 : 1;
      int minutes = -1;
      if (IsNum(j + 1, 4, 4)) {
        minutes = tokens_[j + 1].value / 100 * 60 + tokens_[j + 1].value % 100;
        j += 2;
      } else if (IsNum(j + 1, 1, 2) && IsPunct(j + 2, ":") && IsNum(j + 3, 2, 2)) {
        minutes = tokens_[j + 1].value * 60 + tokens_[j + 3].value;
        j += 4;
      } else if (named_utc && IsNum(j + 1, 1, 2)) {
        minutes = tokens_[j + 1].value * 60;
        j += 2;
      }
      if (minutes >= 0 && minutes <= 14 * 60) {
        offset = sign * minutes;
        found = true;
      }
    }
    if (!found) return i;
    if (paren && IsPunct(j, ")")) ++j;
    out->has_offset = true;
    out->offset_minutes = offset;
    return j;
  }

  bool TimeAfter(size_t end, DateTime* date) const {
    size_t j = end;
    for (int skipped = 0; skipped <= 3 && j < tokens_.size(); ++skipped) {
      DateTime t = *date;
      if (MatchTime(j, &t) != 0) {
        *date = t;
        return true;
      }
      if (!IsConnector(j)) return false;
      ++j;
    }
    return false;
  }

  void TimeBefore(size_t start, DateTime* date) const {
    for (size_t back = 1; back <= 8 && back <= start; ++back) {
      size_t k = start - back;
      DateTime t = *date;
      size_t e = MatchTime(k, &t);
      if (e == 0 || e > start) continue;
      bool joined = true;
      for (size_t m = e; m < start; ++m) joined = joined && IsConnector(m);
      if (joined) {
        *date = t;
        return;
      }
    }
  }

  std::vector<Token> tokens_;
};

// Days since 1970-01-01 to a civil date (base/iso_time.h).
void CivilFromDays(int64_t z, int* year, int* month, int* day) {
  int64_t y = 0;
  rashomon::CivilFromDays(z, &y, month, day);
  *year = static_cast<int>(y);
}

// A Unix time in seconds (10 digits) or milliseconds (13 digits).
bool ParseEpoch(std::string_view text, DateTime* out) {
  if (text.size() != 10 && text.size() != 13) return false;
  int64_t v = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  if (text.size() == 13) v /= 1000;
  CivilFromDays(v / 86400, &out->year, &out->month, &out->day);
  out->hour = static_cast<int>(v % 86400 / 3600);
  out->minute = static_cast<int>(v % 3600 / 60);
  out->second = static_cast<int>(v % 60);
  out->has_offset = true;
  out->offset_minutes = 0;
  return out->year >= 1990 && out->year <= 2100;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && static_cast<unsigned char>(s.front()) <= ' ') s.remove_prefix(1);
  while (!s.empty() && static_cast<unsigned char>(s.back()) <= ' ') s.remove_suffix(1);
  return s;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

int ReadInt(std::string_view s, size_t pos, size_t n) {
  int v = 0;
  for (size_t k = 0; k < n; ++k) {
    if (pos + k >= s.size() || !IsDigit(s[pos + k])) return -1;
    v = v * 10 + (s[pos + k] - '0');
  }
  return v;
}

// "may/03" at `pos` of a URL path (as in /2024/may/03/): English month
// abbreviations, a one- or two-digit day.
void ReadMonthNamePath(std::string_view s, size_t pos, int* month, int* day) {
  static constexpr const char* kAbbr[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                          "jul", "aug", "sep", "oct", "nov", "dec"};
  if (pos + 5 > s.size() || s[pos + 3] != '/') return;
  std::string word(s.substr(pos, 3));
  for (char& c : word)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  for (int m = 0; m < 12; ++m) {
    if (word != kAbbr[m]) continue;
    size_t d = pos + 4, end = d;
    while (end < s.size() && end < d + 3 && IsDigit(s[end])) ++end;
    if (end == d || end - d > 2) return;
    *month = m + 1;
    *day = ReadInt(s, d, end - d);
    return;
  }
}

}  // namespace

bool ParseDateTime(std::string_view text, DateTime* out) {
  text = Trim(text);
  if (ParseEpoch(text, out)) return true;
  return Matcher(text).Find(out);
}

std::string FormatDateTime(const DateTime& date) {
  char buf[64];
  if (date.hour < 0) {
    std::snprintf(buf, sizeof(buf), "%04d-%02d-%02d", date.year, date.month, date.day);
    return buf;
  }
  int n = std::snprintf(buf, sizeof(buf), "%04d-%02d-%02dT%02d:%02d:%02d", date.year, date.month,
                        date.day, date.hour, date.minute, date.second);
  std::string out(buf, static_cast<size_t>(n));
  if (date.has_offset) {
    int off = date.offset_minutes;
    char sign = off < 0 ? '-' : '+';
    if (off < 0) off = -off;
    std::snprintf(buf, sizeof(buf), "%c%02d:%02d", sign, off / 60, off % 60);
    out += buf;
  }
  return out;
}

std::string FindDateInText(std::string_view text) {
  DateTime date;
  if (!ParseDateTime(text, &date)) return "";
  return FormatDateTime(date);
}

std::string DateFromUrl(std::string_view url) {
  size_t scheme = url.find("://");
  size_t path = url.find('/', scheme == std::string_view::npos ? 0 : scheme + 3);
  if (path == std::string_view::npos) return "";
  std::string_view s = url.substr(path);
  size_t hash = s.find('#');
  if (hash != std::string_view::npos) s = s.substr(0, hash);
  for (size_t i = 0; i + 8 <= s.size(); ++i) {
    if (!IsDigit(s[i]) || (i > 0 && IsDigit(s[i - 1]))) continue;
    int year = ReadInt(s, i, 4);
    if (year < 1990 || year > 2099) continue;
    int month = -1, day = -1;
    char sep = i + 4 < s.size() ? s[i + 4] : '\0';
    if (sep == '/' || sep == '-' || sep == '_') {
      // YYYY/MM/DD, YYYY-MM-DD (two-digit month and day).
      if (i + 10 <= s.size() && s[i + 7] == sep) {
        month = ReadInt(s, i + 5, 2);
        day = ReadInt(s, i + 8, 2);
        if (i + 10 < s.size() && IsDigit(s[i + 10])) month = -1;
      }
    } else if (IsDigit(sep)) {
      // YYYYMMDD, exactly eight digits.
      if (ReadInt(s, i, 8) >= 0 && (i + 8 == s.size() || !IsDigit(s[i + 8]))) {
        month = ReadInt(s, i + 4, 2);
        day = ReadInt(s, i + 6, 2);
      }
    }
    if (sep == '/' && month < 0) ReadMonthNamePath(s, i + 5, &month, &day);
    DateTime date;
    if (!SetDay(year, month, day, &date)) continue;
    return FormatDateTime(date);
  }
  return "";
}

}  // namespace internal

std::string NormalizeDate(std::string_view text) { return internal::FindDateInText(text); }

}  // namespace rashomon::extract
