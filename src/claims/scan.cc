#include "claims/scan.h"

#include <charconv>
#include <cmath>

#include "text/chars.h"
#include "text/normalize.h"
#include "text/utf8.h"

namespace rashomon::claims::internal {
namespace {

constexpr size_t kMaxClusterBytes = 64;  // Longer digit runs are codes, not amounts.
constexpr double kMaxValue = 1e15;
constexpr size_t kMaxWordBytes = 64;

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Byte length of a space that may group thousands at `pos` (0 if none):
// U+00A0, U+202F, U+2009 in every style but kDigitsOnly; ASCII ' ' in French.
size_t GroupSpaceAt(std::string_view s, size_t pos, NumberStyle style) {
  if (style == NumberStyle::kDigitsOnly || pos >= s.size()) return 0;
  if (s[pos] == ' ') return style == NumberStyle::kFrench ? 1 : 0;
  if (s.compare(pos, 2, "\xC2\xA0") == 0) return 2;
  if (s.compare(pos, 3, "\xE2\x80\xAF") == 0 || s.compare(pos, 3, "\xE2\x80\x89") == 0) return 3;
  return 0;
}

size_t DigitRun(std::string_view s, size_t pos) {
  size_t n = 0;
  while (pos + n < s.size() && IsDigit(s[pos + n])) ++n;
  return n;
}

// A digit cluster: digit groups and the separator before each group
// (0 for the first, ',' '.' or ' ' for any grouping space).
struct Cluster {
  std::vector<std::string_view> groups;
  std::string seps;
  size_t end = 0;
  bool too_long = false;
};

Cluster ReadCluster(std::string_view s, size_t pos, NumberStyle style) {
  const size_t start = pos;
  Cluster c;
  size_t n = DigitRun(s, pos);
  c.groups.push_back(s.substr(pos, n));
  c.seps.push_back('\0');
  pos += n;
  while (style != NumberStyle::kDigitsOnly && pos < s.size()) {
    size_t sep_len = (s[pos] == ',' || s[pos] == '.') ? 1 : GroupSpaceAt(s, pos, style);
    if (sep_len == 0) break;
    size_t digits = DigitRun(s, pos + sep_len);
    if (digits == 0) break;
    // A space groups only a following run of exactly three digits, so that
    // "le 12 000" joins but "page 12 3 lignes" does not.
    if (sep_len > 1 || s[pos] == ' ') {
      if (digits != 3 || c.groups.front().size() > 3) break;
    }
    c.seps.push_back(sep_len == 1 && s[pos] != ' ' ? s[pos] : ' ');
    c.groups.push_back(s.substr(pos + sep_len, digits));
    pos += sep_len + digits;
  }
  c.end = pos;
  c.too_long = c.end - start > kMaxClusterBytes;
  return c;
}

// Reads `c` as a number of `style` into `t`; leaves t->valid false when the
// grouping is not well formed ("1,2,3,4", "1.6" in German).
void Interpret(const Cluster& c, NumberStyle style, Tok* t) {
  char thousands = style == NumberStyle::kEnglish ? ',' : '.';
  char decimal = style == NumberStyle::kEnglish ? '.' : ',';
  if (c.too_long) return;
  std::string int_part(c.groups[0]), frac_part;
  char group_sep = 0;
  for (size_t i = 1; i < c.seps.size(); ++i) {
    char sep = c.seps[i];
    bool last = i + 1 == c.seps.size();
    if (sep == decimal && last) {
      frac_part = c.groups[i];
      break;
    }
    if (sep != thousands && sep != ' ') return;
    if (group_sep != 0 && sep != group_sep) return;  // Mixed grouping: not one number.
    if (c.groups[i].size() != 3 || c.groups[0].size() > 3) return;
    group_sep = sep;
    int_part.append(c.groups[i]);
  }
  if (int_part.size() + frac_part.size() > 40) return;
  std::string digits = int_part;
  if (!frac_part.empty()) digits += "." + frac_part;
  double v = 0;
  auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), v);
  if (ec != std::errc() || !std::isfinite(v) || v > kMaxValue) return;
  t->valid = true;
  t->value = v;
  t->grouped = group_sep != 0;
  t->decimal = !frac_part.empty();
  t->int_digits = static_cast<int>(int_part.size());
  t->leading_zero = int_part.size() > 1 && int_part[0] == '0';
  size_t nz = frac_part.find_last_not_of('0');
  if (nz != std::string::npos) {
    t->place = std::pow(10.0, -static_cast<double>(nz + 1));
  } else {
    size_t last = int_part.find_last_not_of('0');
    size_t tz = last == std::string::npos ? 0 : int_part.size() - 1 - last;
    t->place = std::pow(10.0, static_cast<double>(tz));
  }
}

bool IsWordCodePoint(char32_t cp) {
  if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
  return cp != 0xFFFD && text::IsLetter(cp);
}

bool IsApostrophe(char32_t cp) { return cp == '\'' || cp == 0x2019; }

// Folds a word and writes "'" for "’".
std::string FoldWord(std::string_view raw) {
  std::string out;
  bool ascii = true;
  for (char c : raw) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
  if (ascii) {
    out.reserve(raw.size());
    for (char c : raw) out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
    return out;
  }
  std::string plain;
  for (size_t p = 0; p < raw.size();) {
    if (raw.compare(p, 3, "\xE2\x80\x99") == 0) {
      plain.push_back('\'');
      p += 3;
    } else {
      plain.push_back(raw[p++]);
    }
  }
  return text::FoldCase(plain);
}

// Reads a word starting at `pos` (a letter); returns its end.
size_t WordEnd(std::string_view s, size_t pos) {
  size_t end = pos;
  while (end < s.size()) {
    size_t p = end;
    char32_t cp = text::DecodeUtf8Lenient(s, &p);
    if (IsWordCodePoint(cp)) {
      end = p;
      continue;
    }
    // An inner apostrophe joins ("don't", "jusqu'à").
    if (IsApostrophe(cp) && p < s.size()) {
      size_t q = p;
      if (IsWordCodePoint(text::DecodeUtf8Lenient(s, &q))) {
        end = q;
        continue;
      }
    }
    break;
  }
  return end;
}

// Length of an elided French article or pronoun with its apostrophe at the
// start of `word` ("d'", "l'", "qu'", "jusqu'"), 0 if none.
size_t ElisionEnd(std::string_view word) {
  static constexpr std::string_view kHeads[] = {"l", "d", "j", "n", "s", "c", "m", "t", "qu", "jusqu", "lorsqu", "puisqu"};
  for (std::string_view head : kHeads) {
    if (word.size() <= head.size() + 1) continue;
    bool same = true;
    for (size_t k = 0; k < head.size(); ++k) same = same && (word[k] | 0x20) == head[k];
    if (!same) continue;
    std::string_view rest = word.substr(head.size());
    if (rest[0] == '\'') return head.size() + 1;
    if (rest.substr(0, 3) == "\xE2\x80\x99" && rest.size() > 3) return head.size() + 3;
  }
  return 0;
}

}  // namespace

NumberStyle StyleFor(std::string_view language) {
  if (language == "de") return NumberStyle::kGerman;
  if (language == "fr") return NumberStyle::kFrench;
  return NumberStyle::kEnglish;
}

bool IsSymbol(const Tok& t, std::u32string_view set) {
  return t.kind == TokKind::kSymbol && set.find(t.cp) != std::u32string_view::npos;
}

std::vector<Tok> Scan(std::string_view s, NumberStyle style, size_t base) {
  std::vector<Tok> out;
  bool space = false, newline = false;
  size_t pos = 0;
  while (pos < s.size()) {
    size_t start = pos;
    if (IsDigit(s[pos])) {
      Cluster c = ReadCluster(s, pos, style);
      Tok t;
      t.kind = TokKind::kNumber;
      t.span = {base + pos, base + c.end};
      t.lower.assign(s.substr(pos, std::min(c.end - pos, kMaxClusterBytes)));
      Interpret(c, style, &t);
      t.space_before = space;
      t.newline_before = newline;
      out.push_back(std::move(t));
      pos = c.end;
      space = newline = false;
      continue;
    }
    char32_t cp = text::DecodeUtf8Lenient(s, &pos);
    if (text::IsWhiteSpace(cp)) {
      space = true;
      newline = newline || cp == '\n' || cp == 0x2028 || cp == 0x2029;
      continue;
    }
    Tok t;
    t.space_before = space;
    t.newline_before = newline;
    space = newline = false;
    if (IsWordCodePoint(cp)) {
      pos = WordEnd(s, start);
      t.kind = TokKind::kWord;
      t.capitalized = cp < 0x80 ? (cp >= 'A' && cp <= 'Z') : text::IsUpperCaseLetter(cp);
      size_t elided = ElisionEnd(s.substr(start, pos - start));
      if (elided != 0) {
        // "d'euros" is two words, "d'" and "euros", as a French reader sees it.
        Tok head = t;
        head.span = {base + start, base + start + elided};
        head.lower = FoldWord(s.substr(start, elided));
        out.push_back(std::move(head));
        start += elided;
        t.space_before = t.newline_before = false;
        t.capitalized = false;
      }
      if (pos - start <= kMaxWordBytes) t.lower = FoldWord(s.substr(start, pos - start));
    } else {
      t.kind = TokKind::kSymbol;
      t.cp = cp;
      t.lower.assign(s.substr(start, pos - start));
    }
    t.span = {base + start, base + pos};
    out.push_back(std::move(t));
  }
  return out;
}

std::vector<size_t> Pieces(std::string_view text, size_t max_bytes) {
  std::vector<size_t> ends;
  size_t begin = 0;
  while (text.size() - begin > max_bytes) {
    std::string_view window = text.substr(begin, max_bytes);
    size_t cut = window.rfind('\n');
    if (cut == std::string_view::npos || cut < max_bytes / 2) cut = window.rfind(' ');
    if (cut == std::string_view::npos || cut < max_bytes / 2) {
      cut = max_bytes - 1;
      // Back off so that the next piece does not start inside a UTF-8 sequence.
      while (cut > 0 && (static_cast<unsigned char>(text[begin + cut + 1]) & 0xC0) == 0x80) --cut;
    }
    begin += cut + 1;
    ends.push_back(begin);
  }
  ends.push_back(text.size());
  return ends;
}

}  // namespace rashomon::claims::internal
