// bench/extraction_metric.h: the scores of the extraction benchmarks.
//
// Body text: the metric of the Zyte (Scrapinghub) article-extraction
// benchmark, as its evaluate.py computes it. A text's tokens are the runs
// of `\w` characters in the sense of Python's `re` module (Unicode): the
// letters (general category L), the numbers (Nd, Nl, No) and `_`. Combining
// marks (Mn, Mc) are not word characters there, so they split a token
// ("हिन्दी" is the three tokens ह न द), exactly as the benchmark counts;
// IsWordChar matches Python's `\w` on every code point Unicode 14 assigns.
// Case is kept. A text becomes the multiset of its 4-token shingles; a text
// of 1 to 3 tokens gives one shingle of all of them, an empty one none.
// Per page, tp = sum of the smaller counts, fp = surplus in the extraction,
// fn = surplus in the truth, each divided by tp + fp + fn. Precision is
// averaged over the pages whose extraction has a shingle, recall over the
// pages whose truth has one (an empty extraction scores recall 0), and
// F1 = 2PR / (P + R) of the two averages.
//
// Metadata (fundus-dev): a title matches when equal after folding white
// space; a date when equal to the minute, time zones honoured (wall clock
// when either side has no offset); authors when the sets are equal,
// ignoring case and white-space differences.
//
// Loading the data sets and running the extractor live in
// bench/extraction_data.h.
//
//   PageCounts c = MatchShingles(truth_text, extracted_text);
//   BodyScores s = Summarize({c, ...});   // s.f1, s.precision, s.recall
//
// Thread-safety: pure functions.
#ifndef RSH_BENCH_EXTRACTION_METRIC_H_
#define RSH_BENCH_EXTRACTION_METRIC_H_

#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/iso_time.h"

#include "text/utf8.h"

namespace rashomon::bench {

// Shingle length of the benchmark.
inline constexpr int kShingleTokens = 4;

// True when `cp` matches `\w` of Python's `re` on str: general category
// L*, Nd, Nl or No, or U+005F.
inline bool IsWordChar(char32_t cp) {
  if (cp < 0x80) {
    return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9') ||
           cp == '_';
  }
  constexpr uint32_t kWordMask = U_GC_L_MASK | U_GC_ND_MASK | U_GC_NL_MASK | U_GC_NO_MASK;
  return (U_GET_GC_MASK(static_cast<UChar32>(cp)) & kWordMask) != 0;
}

// The tokens of `text` (maximal runs of word characters), as views into
// `text`. Invalid UTF-8 decodes as U+FFFD, which is no word character.
inline std::vector<std::string_view> WordTokens(std::string_view text) {
  std::vector<std::string_view> tokens;
  size_t pos = 0, start = std::string_view::npos;
  while (pos < text.size()) {
    size_t here = pos;
    char32_t cp = text::DecodeUtf8Lenient(text, &pos);
    if (IsWordChar(cp)) {
      if (start == std::string_view::npos) start = here;
    } else if (start != std::string_view::npos) {
      tokens.push_back(text.substr(start, here - start));
      start = std::string_view::npos;
    }
  }
  if (start != std::string_view::npos) tokens.push_back(text.substr(start));
  return tokens;
}

// Multiset of shingles; a key is the tokens of one shingle joined by ' '
// (a space is never inside a token, so keys are as distinct as tuples).
using ShingleCounts = std::unordered_map<std::string, int>;

// The shingles of `tokens`: one per start i in [0, max(1, n - k + 1)),
// tokens[i, i + k) clipped to the end, as the benchmark's _ngrams does.
inline ShingleCounts Shingles(const std::vector<std::string_view>& tokens,
                              int shingle_tokens = kShingleTokens) {
  ShingleCounts counts;
  const size_t k = static_cast<size_t>(shingle_tokens);
  const size_t starts = tokens.size() >= k ? tokens.size() - k + 1 : 1;
  if (tokens.empty()) return counts;
  std::string key;
  for (size_t i = 0; i < starts; ++i) {
    key.clear();
    for (size_t j = i; j < std::min(tokens.size(), i + k); ++j) {
      if (j > i) key.push_back(' ');
      key.append(tokens[j]);
    }
    ++counts[key];
  }
  return counts;
}

// One page's shingle counts, normalised so that tp + fp + fn is 1 (all 0
// when both texts are empty).
struct PageCounts {
  double tp = 0;
  double fp = 0;
  double fn = 0;

  bool HasExtraction() const { return tp + fp > 0; }
  bool HasTruth() const { return tp + fn > 0; }
  // As the benchmark's precision_score and recall_score.
  double Precision() const {
    if (fp == 0 && fn == 0) return 1.0;
    if (tp == 0 && fp == 0) return 0.0;
    return tp / (tp + fp);
  }
  double Recall() const {
    if (fp == 0 && fn == 0) return 1.0;
    if (tp == 0 && fn == 0) return 0.0;
    return tp / (tp + fn);
  }
  // The page's own F1 (for listing the worst pages; not part of the metric).
  double F1() const {
    if (fp == 0 && fn == 0) return 1.0;
    return 2 * tp / (2 * tp + fp + fn);
  }
};

// Compares the shingles of `truth` and `extracted` (see the file comment).
inline PageCounts MatchShingles(std::string_view truth, std::string_view extracted,
                                int shingle_tokens = kShingleTokens) {
  const ShingleCounts t = Shingles(WordTokens(truth), shingle_tokens);
  const ShingleCounts e = Shingles(WordTokens(extracted), shingle_tokens);
  double tp = 0, fp = 0, fn = 0;
  for (const auto& [key, count] : t) {
    auto it = e.find(key);
    const int other = it == e.end() ? 0 : it->second;
    tp += std::min(count, other);
    fn += std::max(0, count - other);
  }
  for (const auto& [key, count] : e) {
    auto it = t.find(key);
    fp += std::max(0, count - (it == t.end() ? 0 : it->second));
  }
  PageCounts c;
  const double sum = tp + fp + fn;
  if (sum > 0) c = {tp / sum, fp / sum, fn / sum};
  return c;
}

struct BodyScores {
  double precision = 0;  // Mean over the pages with an extraction.
  double recall = 0;     // Mean over the pages with a truth.
  double f1 = 0;         // 2PR / (P + R); 0 when P + R is 0.
  size_t pages = 0;
  size_t precision_pages = 0;  // Pages averaged into `precision`.
  size_t recall_pages = 0;     // Pages averaged into `recall`.
};

// The benchmark's metrics_from_tp_fp_fns. An average over no page is 0
// (the benchmark raises there).
inline BodyScores Summarize(const std::vector<PageCounts>& pages) {
  BodyScores s;
  s.pages = pages.size();
  double p_sum = 0, r_sum = 0;
  for (const PageCounts& c : pages) {
    if (c.HasExtraction()) {
      p_sum += c.Precision();
      ++s.precision_pages;
    }
    if (c.HasTruth()) {
      r_sum += c.Recall();
      ++s.recall_pages;
    }
  }
  if (s.precision_pages > 0) s.precision = p_sum / s.precision_pages;
  if (s.recall_pages > 0) s.recall = r_sum / s.recall_pages;
  if (s.precision + s.recall > 0) s.f1 = 2 * s.precision * s.recall / (s.precision + s.recall);
  return s;
}

// `text` with runs of white space (text::IsWhiteSpace) made one ' ' and
// the ends trimmed.
inline std::string FoldWhiteSpace(std::string_view text) {
  std::string out;
  bool space = false;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t here = pos;
    char32_t cp = text::DecodeUtf8Lenient(text, &pos);
    if (text::IsWhiteSpace(cp)) {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    if (cp == 0xFFFD) {
      text::AppendUtf8(cp, &out);
    } else {
      out.append(text.substr(here, pos - here));
    }
  }
  return out;
}

inline bool TitleMatches(std::string_view label, std::string_view ours) {
  return FoldWhiteSpace(label) == FoldWhiteSpace(ours);
}

// A date as the metadata carries it, down to the minute.
struct ParsedDate {
  int64_t local_minutes = 0;  // Wall-clock minutes since 1970-01-01T00:00.
  bool has_time = false;      // False for a day only ("2024-05-03").
  bool has_offset = false;
  int offset_minutes = 0;  // East of UTC; meaningful with has_offset.

  int64_t LocalDay() const {
    return local_minutes >= 0 ? local_minutes / 1440 : -((-local_minutes + 1439) / 1440);
  }
  int64_t UtcMinutes() const { return local_minutes - offset_minutes; }
};

namespace internal {

// Reads exactly `digits` decimal digits at `s[*pos]`.
inline bool ReadNumber(std::string_view s, size_t* pos, int digits, int* value) {
  if (*pos + digits > s.size()) return false;
  int v = 0;
  for (int i = 0; i < digits; ++i) {
    const char c = s[*pos + i];
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  *pos += digits;
  *value = v;
  return true;
}

}  // namespace internal

// Parses "YYYY-MM-DD", optionally followed by 'T' or ' ' and "HH:MM",
// ":SS", ".fraction", then "Z", "+HH:MM", "+HHMM" or "+HH" (or '-').
// Surrounding white space is ignored. nullopt for anything else.
inline std::optional<ParsedDate> ParseIsoDate(std::string_view text) {
  const std::string folded = FoldWhiteSpace(text);
  std::string_view s = folded;
  size_t pos = 0;
  int year = 0, month = 0, day = 0;
  if (!internal::ReadNumber(s, &pos, 4, &year) || pos >= s.size() || s[pos++] != '-' ||
      !internal::ReadNumber(s, &pos, 2, &month) || pos >= s.size() || s[pos++] != '-' ||
      !internal::ReadNumber(s, &pos, 2, &day) || month < 1 || month > 12 || day < 1 || day > 31) {
    return std::nullopt;
  }
  ParsedDate date;
  int64_t minutes = DaysFromCivil(year, month, day) * 1440;
  if (pos < s.size() && (s[pos] == 'T' || s[pos] == 't' || s[pos] == ' ')) {
    ++pos;
    int hour = 0, minute = 0, second = 0;
    if (!internal::ReadNumber(s, &pos, 2, &hour) || pos >= s.size() || s[pos++] != ':' ||
        !internal::ReadNumber(s, &pos, 2, &minute) || hour > 24 || minute > 59) {
      return std::nullopt;
    }
    minutes += hour * 60 + minute;
    date.has_time = true;
    if (pos < s.size() && s[pos] == ':') {
      ++pos;
      if (!internal::ReadNumber(s, &pos, 2, &second) || second > 60) return std::nullopt;
      if (pos < s.size() && (s[pos] == '.' || s[pos] == ',')) {
        ++pos;
        const size_t digits = pos;
        while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') ++pos;
        if (pos == digits) return std::nullopt;
      }
    }
    if (pos < s.size() && (s[pos] == 'Z' || s[pos] == 'z')) {
      ++pos;
      date.has_offset = true;
    } else if (pos < s.size() && (s[pos] == '+' || s[pos] == '-')) {
      const int sign = s[pos++] == '-' ? -1 : 1;
      int oh = 0, om = 0;
      if (!internal::ReadNumber(s, &pos, 2, &oh)) return std::nullopt;
      if (pos < s.size() && s[pos] == ':') ++pos;
      if (pos < s.size() && !internal::ReadNumber(s, &pos, 2, &om)) return std::nullopt;
      if (oh > 18 || om > 59) return std::nullopt;
      date.has_offset = true;
      date.offset_minutes = sign * (oh * 60 + om);
    }
  }
  if (pos != s.size()) return std::nullopt;
  date.local_minutes = minutes;
  return date;
}

// Whether our date `ours` matches `label` to the minute. Both empty:
// true; one empty or unparsable: false. With offsets on both sides the
// instants are compared, else the wall clocks. A day without a time
// matches only a label at midnight of that day (or another day only).
inline bool DateMatches(std::string_view label, std::string_view ours) {
  const std::string l = FoldWhiteSpace(label), o = FoldWhiteSpace(ours);
  if (l.empty() || o.empty()) return l.empty() && o.empty();
  const std::optional<ParsedDate> a = ParseIsoDate(l), b = ParseIsoDate(o);
  if (!a || !b) return false;
  if (a->has_time && b->has_time) {
    if (a->has_offset && b->has_offset) return a->UtcMinutes() == b->UtcMinutes();
    return a->local_minutes == b->local_minutes;
  }
  return a->local_minutes == b->local_minutes;  // Day only is midnight.
}

// Whether the calendar days (each in its own time zone) are equal: a
// weaker score printed beside DateMatches.
inline bool DateDayMatches(std::string_view label, std::string_view ours) {
  const std::string l = FoldWhiteSpace(label), o = FoldWhiteSpace(ours);
  if (l.empty() || o.empty()) return l.empty() && o.empty();
  const std::optional<ParsedDate> a = ParseIsoDate(l), b = ParseIsoDate(o);
  return a && b && a->LocalDay() == b->LocalDay();
}

// `name` with white space folded and Unicode case folding applied.
inline std::string FoldAuthor(std::string_view name) {
  const std::string folded = FoldWhiteSpace(name);
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(folded.data(), static_cast<int32_t>(folded.size())));
  u.foldCase();
  std::string out;
  u.toUTF8String(out);
  return out;
}

// Whether the author sets are equal ignoring case (FoldAuthor). A missing
// label (null) is the empty set; empty names are dropped.
inline bool AuthorsMatch(const std::vector<std::string>& label,
                         const std::vector<std::string>& ours) {
  auto to_set = [](const std::vector<std::string>& names) {
    std::set<std::string> set;
    for (const std::string& n : names) {
      std::string f = FoldAuthor(n);
      if (!f.empty()) set.insert(std::move(f));
    }
    return set;
  };
  return to_set(label) == to_set(ours);
}

}  // namespace rashomon::bench

#endif  // RSH_BENCH_EXTRACTION_METRIC_H_
