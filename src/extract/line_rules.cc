#include "extract/line_rules.h"

#include <array>
#include <string>

#include "extract/lexicon.h"
#include "text/normalize.h"

namespace rashomon::extract::internal {
namespace {

using std::string_view;

// The first byte is compared inline: most lines fail there, and a memcmp
// call per prefix per line was a visible share of cleaning.
bool StartsWith(string_view s, string_view p) {
  return s.size() >= p.size() && (p.empty() || s[0] == p[0]) && s.substr(0, p.size()) == p;
}
bool EndsWith(string_view s, string_view p) {
  return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}
bool Contains(string_view s, string_view p) { return s.find(p) != string_view::npos; }

template <size_t N>
bool AnyPrefix(string_view s, const std::array<string_view, N>& prefixes) {
  for (string_view p : prefixes) {
    if (StartsWith(s, p)) return true;
  }
  return false;
}

template <size_t N>
bool AnyContained(string_view s, const std::array<string_view, N>& phrases) {
  for (string_view p : phrases) {
    if (Contains(s, p)) return true;
  }
  return false;
}

// Like AnyContained, but a phrase must end at a word boundary.
template <size_t N>
bool AnyPhrase(string_view s, const std::array<string_view, N>& phrases) {
  for (string_view p : phrases) {
    size_t pos = 0;
    while ((pos = s.find(p, pos)) != string_view::npos) {
      size_t end = pos + p.size();
      if (end == s.size() ||
          !((s[end] >= 'a' && s[end] <= 'z') || (s[end] >= '0' && s[end] <= '9'))) {
        return true;
      }
      pos = end;
    }
  }
  return false;
}

template <size_t N>
bool OneOf(string_view s, const std::array<string_view, N>& set) {
  for (string_view p : set) {
    if (s == p) return true;
  }
  return false;
}

// Whether `pred` holds for some word of `key` (words separated by single
// spaces, as in a loose key).
template <typename Pred>
bool AnyWord(string_view key, Pred&& pred) {
  size_t i = 0;
  while (i < key.size()) {
    size_t end = key.find(' ', i);
    if (end == string_view::npos) end = key.size();
    if (pred(key.substr(i, end - i))) return true;
    i = end + 1;
  }
  return false;
}

// Whether some word of `key` is in `set`.
template <size_t N>
bool AnyWordIn(string_view key, const std::array<string_view, N>& set) {
  return AnyWord(key, [&](string_view w) { return OneOf(w, set); });
}

// Whether every word of `key` is in `set`.
template <size_t N>
bool AllWordsIn(string_view key, const std::array<string_view, N>& set) {
  return !AnyWord(key, [&](string_view w) { return !OneOf(w, set); });
}

// "Credit: high-yield spreads widened": after the label's colon a lower-case
// clause begins, so the line is text, not a credit.
bool ClauseFollowsLabel(string_view text) {
  size_t colon = text.find(':');
  if (colon == string_view::npos) return false;
  string_view rest = text.substr(colon + 1);
  while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
  return !rest.empty() && rest.front() >= 'a' && rest.front() <= 'z';
}

string_view FirstWord(string_view key) { return key.substr(0, key.find(' ')); }

bool AllDigits(string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// Strips trailing closing quotes, brackets and spaces, so that the final
// punctuation of `He said "no."` is seen.
string_view StripClosers(string_view s) {
  static constexpr std::array<string_view, 9> kClosers = {"\"",
                                                          "'",
                                                          ")",
                                                          "]",
                                                          " ",
                                                          "\xE2\x80\x9D" /* ” */,
                                                          "\xE2\x80\x99" /* ’ */,
                                                          "\xC2\xBB" /* » */,
                                                          "\xC2\xA0"};
  bool changed = true;
  while (changed && !s.empty()) {
    changed = false;
    for (string_view c : kClosers) {
      if (EndsWith(s, c)) {
        s.remove_suffix(c.size());
        changed = true;
      }
    }
  }
  return s;
}

// One pass over the dots of the line: "example.com" counts, "U.S." not.
int CountDomains(string_view lower) {
  // An e-mail address is an address too ("tips@example.com").
  int n = lower.find('@') != string_view::npos ? 1 : 0;
  size_t pos = 0;
  while ((pos = lower.find('.', pos)) != string_view::npos) {
    bool letter_before = pos > 0 && lower[pos - 1] >= 'a' && lower[pos - 1] <= 'z';
    string_view rest = lower.substr(pos);
    ++pos;
    if (!letter_before) continue;
    for (string_view tld : kTlds) {
      if (!StartsWith(rest, tld)) continue;
      size_t end = tld.size();
      if (end == rest.size() || !((rest[end] >= 'a' && rest[end] <= 'z') || rest[end] == '.')) {
        ++n;
        break;
      }
    }
  }
  return n;
}

bool IsUpperAscii(char c) { return c >= 'A' && c <= 'Z'; }

}  // namespace

namespace {

// Verbs of reporting: a line holding one reports news ("..., officials
// said."), whatever else it holds.
bool IsReportingWord(string_view w) {
  static constexpr std::array<string_view, 28> kWords = {
      "said",      "says",    "according",   "told",    "reported",  "stated",     "urged",
      "added",     "warned",  "announced",   "wrote",   "explained", "noted",      "found",
      "described", "shows",   "showed",      "advises", "warns",     "recommends", "insists",
      "promised",  "advised", "recommended", "sagt",    "dijo",      "советует",   "сказал"};
  if (w.size() < 4 || w.size() > 16) return false;
  return OneOf(w, kWords);
}

// "we", "our", "us" in the languages of the furniture lists.
bool IsPublisherVoice(string_view w) {
  static constexpr std::array<string_view, 22> kWords = {
      "we",     "our",     "us",   "nous",    "notre",   "nos",      "wir",      "unser",
      "unsere", "unseren", "uns",  "nuestro", "nuestra", "nuestros", "nosotros", "наш",
      "наша",   "нас",     "наше", "наших",   "nostro",  "nostra"};
  return OneOf(w, kWords);
}

// Words only a pitch for the publisher's products uses often.
bool IsPitchWord(string_view w) {
  static constexpr std::array<string_view, 14> kWords = {
      "newsletter", "newsletters", "subscribe", "subscription", "subscriptions",
      "download",   "app",         "apps",      "inbox",        "channel",
      "podcast",    "unsubscribe", "signup",    "notifications"};
  if (w.size() < 3 || w.size() > 13) return false;
  return OneOf(w, kWords);
}

}  // namespace

LineShape MeasureLine(const LineView& line) {
  LineShape s;
  // Words of the key, and whether one of them addresses the reader.
  size_t start = 0;
  const string_view key = line.key;
  while (start < key.size()) {
    size_t end = key.find(' ', start);
    if (end == string_view::npos) end = key.size();
    string_view w = key.substr(start, end - start);
    ++s.words;
    if (w.size() >= 3 && w[0] == 'y' && (w == "you" || w == "your")) s.second_person = true;
    if (w.size() <= 4 && w[0] == 'a' && (w == "app" || w == "apps")) s.app_word = true;
    if (w.size() <= 10 && IsPublisherVoice(w)) s.first_person_plural = true;
    if (!s.reports && IsReportingWord(w)) s.reports = true;
    if (!s.pitch_word && IsPitchWord(w)) s.pitch_word = true;
    if (!s.notice_word &&
        (w == "originally" || w == "republished" || w == "affiliate" || w == "forward")) {
      s.notice_word = true;
    }
    start = end + 1;
  }
  int cjk = 0;  // Kana and Han characters: lead bytes E3..E9 (U+3000..U+9FFF).
  for (char c : line.text) {
    const auto b = static_cast<unsigned char>(c);
    s.has_colon |= c == ':';
    s.has_separator |= c == '|' || c == '/' || c == '>' || b >= 0x80;
    s.has_plus |= c == '+';
    cjk += b >= 0xE3 && b <= 0xE9;
  }
  // Scripts without spaces: about two characters make a word.
  s.words += cjk / 2;
  s.has_colon |= s.has_separator && line.text.find("\xEF\xBC\x9A") != string_view::npos;
  string_view core = StripClosers(line.text);
  s.ends_sentence = EndsWith(core, ".") || EndsWith(core, "!") || EndsWith(core, "?") ||
                    EndsWith(core, "\xE2\x80\xA6") || EndsWith(core, "\xE3\x80\x82") ||
                    EndsWith(core, "\xEF\xBC\x81") || EndsWith(core, "\xEF\xBC\x9F");
  // "... strike action. (AFP)": a sentence with a trailing tag.
  if (!s.ends_sentence && EndsWith(line.text, ")")) {
    size_t open = line.text.rfind('(');
    if (open != string_view::npos && open > 0) {
      string_view before = StripClosers(line.text.substr(0, open));
      s.ends_sentence = EndsWith(before, ".") || EndsWith(before, "!") || EndsWith(before, "?");
    }
  }
  s.ends_colon = EndsWith(core, ":");
  string_view t = line.text;
  s.opens_with_quote = StartsWith(t, "\"") || StartsWith(t, "\xE2\x80\x9C") ||
                       StartsWith(t, "\xC2\xAB") || StartsWith(t, "\xE2\x80\x9E");
  s.closes_with_quote = EndsWith(t, "\"") || EndsWith(t, "\xE2\x80\x9D") ||
                        EndsWith(t, "\xC2\xBB") || EndsWith(t, "\xE2\x80\x9C");
  if (s.words <= 60) s.domain_names = CountDomains(line.lower);  // For the promo score only.
  return s;
}

bool IsProse(const LineShape& shape) {
  return (shape.ends_sentence && shape.words >= 6) || shape.words >= 25;
}

bool IsStandaloneCredit(const LineView& line, const LineShape& shape) {
  if (shape.words > 20) return false;
  if (StartsWith(line.text, "\xC2\xA9") || StartsWith(line.lower, "(c) ")) return true;
  if (!StartsWith(line.lower, "copyright ")) return false;
  // "Copyright © 2025 ...", "Copyright 2025 ...", "Copyright Example Ltd";
  // "Copyright lawsuits multiplied" is a sentence about copyright.
  string_view rest = line.text.substr(10);
  while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
  if (rest.empty()) return true;
  const char c = rest.front();
  return StartsWith(rest, "\xC2\xA9") || StartsWith(rest, "(c)") || StartsWith(rest, "(C)") ||
         (c >= '0' && c <= '9') || IsUpperAscii(c) || StartsWith(rest, "by ");
}

size_t FindTrailingCredit(string_view text) {
  if (text.find('\xA9') == string_view::npos) return string_view::npos;  // No ©.
  size_t pos = text.rfind("\xC2\xA9");
  if (pos == string_view::npos || pos < 8) return string_view::npos;
  string_view suffix = text.substr(pos + 2);
  int words = 0;
  bool in_word = false;
  for (char c : suffix) {
    bool space = c == ' ';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  if (words == 0 || words > 8) return string_view::npos;
  string_view prefix = text.substr(0, pos);
  if (prefix.find(' ') == string_view::npos) return string_view::npos;
  return pos;
}

namespace {

// ", the report found": a comma followed by a lower-case word.
bool HasLowerCaseClause(string_view text) {
  size_t pos = 0;
  while ((pos = text.find(", ", pos)) != string_view::npos) {
    pos += 2;
    if (pos < text.size() && text[pos] >= 'a' && text[pos] <= 'z') return true;
  }
  return false;
}

}  // namespace

bool IsTimestampLine(const LineView& line, const LineShape& shape) {
  if (shape.words < 2 || shape.words > 12) return false;
  size_t n = 0;
  for (string_view p : kTimestampPrefixes) {
    if (StartsWith(line.key, p) && (line.key.size() == p.size() || line.key[p.size()] == ' ')) {
      n = std::max(n, p.size());
    }
  }
  if (n == 0) return false;
  // A time or a date follows at once: "Updated: 5 May", "Updated at 5 p.m.",
  // "Published 3 hours ago". "Updated figures showed..." is prose.
  string_view text_rest = line.text;
  size_t colon = text_rest.find(':');
  bool colon_after_label = colon != string_view::npos && colon < n + 4;
  string_view next = FirstWord(line.key.substr(std::min(line.key.size(), n + 1)));
  bool date_next = !next.empty() && ((next[0] >= '0' && next[0] <= '9') || OneOf(next, kDateWords));
  // "Published on Monday, the report found ...": a clause follows the date;
  // "Posted on Monday: a first edition sold for ..." is a sentence.
  if (shape.reports || HasLowerCaseClause(line.text) || ClauseFollowsLabel(line.text) ||
      (shape.ends_sentence && shape.words >= 8)) {
    return false;
  }
  return colon_after_label || date_next;
}

size_t BylinePrefixLength(const LineView& line) {
  for (string_view p : kBylinePrefixes) {
    if (StartsWith(line.lower, p)) {
      size_t n = p.size();
      // "Edited By: Jane Roe"
      if (n < line.text.size() && line.text[n] == ':') ++n;
      while (n < line.text.size() && line.text[n] == ' ') ++n;
      return n;
    }
  }
  return 0;
}

bool IsBylineLine(const LineView& line, const LineShape& shape) {
  // "By" and at least a first and a last name: "By Tuesday" is no byline.
  if (shape.words < 3 || shape.words > 14 || shape.ends_sentence) return false;
  size_t skip = BylinePrefixLength(line);
  if (skip == 0) return false;
  // Every word after the prefix is a name (capitalised), a particle, or
  // punctuation (the outlet after a comma: "By Jane Roe, Example News").
  string_view rest = line.text.substr(skip);
  size_t i = 0;
  int names = 0;
  bool after_comma = false;  // The outlet may follow a comma.
  while (i < rest.size()) {
    size_t end = rest.find(' ', i);
    if (end == string_view::npos) end = rest.size();
    string_view w = rest.substr(i, end - i);
    i = end + 1;
    if (w.empty() || w == "|" || w == "-" || w == "\xE2\x80\x94") continue;
    if (w.find(':') != string_view::npos) return false;  // "By The Numbers: ..."
    if (!after_comma) {
      if (OneOf(w, kNotNames)) return false;
      names += IsUpperAscii(w.front()) ? 1 : 0;
      if (names > 6) return false;
      after_comma = w.back() == ',';
    }
    unsigned char c = static_cast<unsigned char>(w.front());
    bool ok = IsUpperAscii(static_cast<char>(c)) || c >= 0x80 || OneOf(w, kBylineParticles);
    if (!ok) return false;
  }
  return true;
}

namespace {

// The length of the prefix of `s` found in `prefixes`, or 0.
template <size_t N>
size_t PrefixLength(string_view s, const std::array<string_view, N>& prefixes) {
  for (string_view p : prefixes) {
    if (StartsWith(s, p)) return p.size();
  }
  return 0;
}

// A notice addressing the reader opens with one of these ("Please enable
// JavaScript", "Accept all cookies").
bool StartsWithNoticeVerb(string_view key) {
  static constexpr std::array<string_view, 8> kVerbs = {"please", "enable",  "accept", "update",
                                                        "allow",  "disable", "turn",   "switch"};
  return OneOf(FirstWord(key), kVerbs);
}

// A teaser label opening a line: a separator follows it, or the line is
// short, or it reads as a headline (no final full stop). "More news on the
// closures is expected on Friday." is a sentence, not a teaser.
bool IsRelatedLabel(const LineView& line, const LineShape& shape, bool* teaser) {
  if (shape.words > 30) return false;
  // Weak labels ("More from the interview") are headings unless a
  // separator follows them or they stand alone.
  if (size_t weak = PrefixLength(line.lower, kWeakRelatedPrefixes); weak != 0) {
    string_view rest = line.lower.substr(weak);
    while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
    const bool dash = StartsWith(rest, "\xE2\x80\x94") || StartsWith(rest, "-");
    if (dash && shape.ends_sentence) return false;
    return rest.empty() || rest.front() == ':' || rest.front() == '|' || dash ||
           StartsWith(rest, "\xC2\xBB");
  }
  size_t n = PrefixLength(line.lower, kRelatedPrefixes);
  string_view rest = line.lower;
  if (n == 0) {
    n = PrefixLength(line.key, kRelatedKeyPrefixes);
    if (n == 0) return false;
    // A separator after the label ("Читайте также: ...", "Lire aussi | ...")
    // makes it a teaser line for certain.
    size_t sep = line.text.find_first_of(":|");
    *teaser = !shape.ends_sentence && shape.words > 4 && (sep == string_view::npos || sep > 40);
    return !shape.ends_sentence;
  }
  rest.remove_prefix(n);
  while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
  const char last = line.lower[n - 1];
  // A dash separates a teaser ("Read more — Storm closes port"), not a
  // sentence ("More news — and worse — came on Friday.").
  const bool dash = rest.front() == '-' || StartsWith(rest, "\xE2\x80\x94");
  if (dash && shape.ends_sentence) return false;
  bool separated = last == ':' || last == '|' || rest.empty() || rest.front() == ':' ||
                   rest.front() == '|' || rest.front() == '-' || StartsWith(rest, "\xE2\x80\x94") ||
                   StartsWith(rest, "\xC2\xBB") || StartsWith(rest, "\xE2\x80\xBA");
  // Without a separator, a teaser reads as a headline: a sentence ("More on
  // this as we get it.") is text.
  if (separated) return true;
  // A label opening a headline-shaped line: a teaser, unless the context
  // says it is a headline of the article (see RestoreInnerLabels).
  if (!shape.ends_sentence) *teaser = true;
  return !shape.ends_sentence;
}

// The content of a trailing parenthesis marks a photo: "file photo",
// "representational image", "Photo: Jane Roe", "Example Photo/Jane Roe",
// "Example Images". Whole phrases only: "(filed for bankruptcy)" or "(photo
// ID checks ...)" are text.
bool IsPhotoMarker(string_view inner) {
  if (AnyPrefix(inner, kPhotoMarkers)) return true;
  return AnyContained(inner, kPhotoPhrases);
}

// "(With inputs from agencies)", "...auto-generated from a syndicated feed."
bool IsFeedNotice(const LineView& line, const LineShape& shape) {
  string_view t = line.lower;
  if (StartsWith(t, "(")) t.remove_prefix(1);
  if (shape.words <= 10 && StartsWith(t, "with inputs from")) return true;
  if (shape.words > 40) return false;
  if (Contains(line.lower, "syndicated feed")) return AnyContained(line.lower, kFeedNotices);
  return Contains(line.lower, "has not been edited by") && Contains(line.lower, "staff");
}

// A line naming only a picture source: "Example Images", "Jane Roe via
// Example Pictures", "Example Photo". Every word capitalised (or "via",
// "for", "/"), one of them a picture word, no sentence.
bool IsAgencyCreditLine(const LineView& line, const LineShape& shape) {
  if (shape.words < 2 || shape.words > 6 || shape.ends_sentence) return false;
  bool picture_word = false;
  size_t i = 0;
  string_view t = line.text;
  while (i < t.size()) {
    size_t end = t.find(' ', i);
    if (end == string_view::npos) end = t.size();
    string_view w = t.substr(i, end - i);
    i = end + 1;
    if (w == "via" || w == "for" || w == "/" || w == "|") continue;
    if (w.empty() || !IsUpperAscii(w.front())) return false;
    // A whole picture word, last or before "/" ("Photo Finish" and
    // "Photographer" are words of a headline).
    string_view token = w.substr(0, w.find('/'));
    bool last = end == t.size() || w.find('/') != string_view::npos;
    static constexpr std::array<string_view, 10> kPictureWords = {
        "Images",      "Image",  "Photo", "Photos", "Pictures",
        "Photography", "IMAGES", "PHOTO", "PHOTOS", "PICTURES"};
    if (OneOf(token, kPictureWords) && last) picture_word = true;
  }
  return picture_word;
}

// "Share on Facebook", "Post to X", "Send via WhatsApp": a sharing verb and
// a network after on/to/via.
bool IsShareButton(string_view key) {
  string_view first = FirstWord(key);
  if (first != "share" && first != "post" && first != "send" && first != "pin" &&
      first != "click") {
    return false;
  }
  for (string_view prep : {" on ", " to ", " via ", " with "}) {
    size_t pos = key.find(prep);
    if (pos == string_view::npos) continue;
    string_view next = FirstWord(key.substr(pos + prep.size()));
    if (OneOf(next, kSocialWords)) return true;
  }
  return false;
}

// "(Reporting by Jane Roe; Editing by John Doe)": the newsroom's sign-off.
bool IsNewsroomCredit(const LineView& line, const LineShape& shape) {
  if (shape.words > 40) return false;
  string_view t = line.lower;
  if (StartsWith(t, "(")) t.remove_prefix(1);
  return StartsWith(t, "reporting by") || StartsWith(t, "additional reporting by") ||
         StartsWith(t, "editing by") || StartsWith(t, "writing by") ||
         StartsWith(t, "compiled by") || StartsWith(t, "mit material von");
}

// Breadcrumbs and menus: "Home / World / Europe", "About Us | Contact Us |
// Careers": three or more short segments between separators.
bool IsNavigationLine(const LineView& line, const LineShape& shape) {
  if (shape.words < 3 || shape.words > 40 || shape.ends_sentence) return false;
  for (string_view sep : {" / ", " | ", " > ", " \xE2\x80\xBA ", " \xC2\xBB "}) {
    int segments = 1;
    size_t longest = 0, start = 0, pos;
    string_view t = line.text;
    while ((pos = t.find(sep, start)) != string_view::npos) {
      longest = std::max(longest, pos - start);
      start = pos + sep.size();
      ++segments;
    }
    longest = std::max(longest, t.size() - start);
    // The last crumb may be the page's own headline.
    if (segments >= 3 && (longest <= 40 || sep == " / " || sep == " > ")) return true;
  }
  return false;
}

// "label: value" metadata of a page, in several languages: "Автор: ...",
// "Фото: ...", "Теги: ...", "Quelle: dpa", "来源：新华网", "Read Time: 2 min".
std::optional<RuleHit> MatchMetaLabel(const LineView& line, const LineShape& shape) {
  static constexpr std::array<string_view, 12> kAuthorLabels = {
      "автор", "autor",  "auteur",      "author", "责任编辑", "编辑",
      "作者",  "المحرر", "kirjoittaja", "szerző", "yazar",    "autore"};
  static constexpr std::array<string_view, 28> kOtherLabels = {"фото",         "теги",
                                                               "тэги",         "источник",
                                                               "джерело",      "теґи",
                                                               "просмотров",   "переглядів",
                                                               "quelle",       "fuente",
                                                               "fonte",        "source",
                                                               "来源",         "المصدر",
                                                               "foto",         "photo",
                                                               "location",     "read time",
                                                               "reading time", "temps de lecture",
                                                               "lesezeit",     "tiempo de lectura",
                                                               "stand",        "время чтения",
                                                               "archivado en", "schlagwörter",
                                                               "etiquetas",    "mots clés"};
  // A sentence after the label is text: "Photo: the ministry said ...".
  if (shape.words > 25 || shape.reports || (shape.ends_sentence && shape.words >= 6)) {
    return std::nullopt;
  }
  // The label ends at the first colon (ASCII or full-width).
  size_t colon = line.text.find(':');
  size_t wide = line.text.find("\xEF\xBC\x9A");
  if (wide != string_view::npos && (colon == string_view::npos || wide < colon)) colon = wide;
  if (colon == string_view::npos || colon > 40) return std::nullopt;
  std::string label = text::LooseKey(line.text.substr(0, colon));
  if (OneOf(std::string_view(label), kAuthorLabels)) {
    return RuleHit{RemoveReason::kByline, "meta_label"};
  }
  if (OneOf(std::string_view(label), kOtherLabels)) {
    return RuleHit{RemoveReason::kWidget, "meta_label"};
  }
  return std::nullopt;
}

// "Follow us on Telegram" in any language: a network name and a verb of
// sharing, following or reading, in a short line.
bool IsSocialPitch(const LineView& line, const LineShape& shape) {
  static constexpr std::array<string_view, 16> kNetworks = {
      "telegram", "whatsapp", "facebook",  "twitter", "instagram", "youtube", "tiktok", "viber",
      "linkedin", "threads",  "вконтакте", "vk",      "واتساب",    "تلغرام",  "微信",   "微博"};
  // Whole imperative and infinitive forms: "Following", "Teilnehmer" or
  // "Subscribers" open sentences, not pitches.
  static constexpr std::array<string_view, 48> kVerbs = {
      "share",       "follow",     "join",       "subscribe",      "compartir",   "comparte",
      "comparta",    "partager",   "partagez",   "teilen",         "teile",       "condividi",
      "condividere", "поделиться", "поделитесь", "подписывайтесь", "подпишитесь", "підписуйтесь",
      "підпишіться", "поділитися", "читайте",    "следите",        "стежте",      "suivez",
      "suivre",      "abonnez",    "rejoignez",  "síguenos",       "sigue",       "siga",
      "síganos",     "suscríbete", "únete",      "folgen",         "folge",       "abonnieren",
      "abonniere",   "seguici",    "segui",      "iscriviti",      "تابع",        "تابعوا",
      "اشترك",       "شارك",       "关注",       "订阅",           "分享",        "download"};
  if (shape.words < 2 || shape.words > 25) return false;
  const string_view key = line.key;
  int networks = 0;
  bool verb = false;
  size_t i = 0;
  for (int word = 0; i < key.size(); ++word) {
    size_t end = key.find(' ', i);
    if (end == string_view::npos) end = key.size();
    string_view w = key.substr(i, end - i);
    i = end + 1;
    networks += OneOf(w, kNetworks) ? 1 : 0;
    // The verb opens the line, as an imperative does: "Facebook will share
    // data" and "Bezos shared the news on Instagram" are news.
    if (word == 0) {
      verb = OneOf(w, kVerbs);
    }
  }
  // A sentence about networks ("Following the takeover, Twitter lost ...")
  // is news; a pitch is short, speaks for the publisher or to the reader,
  // gives an address, or lists several networks.
  const bool short_label = shape.words <= 8 && !(shape.ends_sentence && shape.words >= 6);
  const bool pitch_shape = short_label || shape.first_person_plural || shape.second_person ||
                           shape.domain_names > 0 || networks >= 2;
  return networks > 0 && verb && !shape.reports && pitch_shape;
}

// "1 of 8", "Slide 3 of 12", "list 1 of 4", "list of 4 items".
bool IsSlideCounter(string_view key, const LineShape& shape) {
  if (StartsWith(key, "list of ") && shape.words == 4 && key.ends_with(" items")) return true;
  if (shape.words < 3 || shape.words > 5) return false;
  size_t of = key.find(" of ");
  if (of == string_view::npos) return false;
  string_view before = key.substr(0, of);
  size_t space = before.rfind(' ');
  string_view n = space == string_view::npos ? before : before.substr(space + 1);
  string_view m = key.substr(of + 4);
  return AllDigits(n) && AllDigits(m);
}

}  // namespace

std::optional<RuleHit> MatchRemovalRule(const LineView& line, const LineShape& shape) {
  if (static_cast<size_t>(shape.words) >= kMaxRuleWords) return std::nullopt;
  const string_view key = line.key;
  const string_view lower = line.lower;
  if (OneOf(key, kAdKeys) || (shape.words <= 8 && !shape.ends_sentence &&
                              AnyWordIn(key, kAdNouns) && AllWordsIn(key, kAdWords))) {
    return RuleHit{RemoveReason::kAdMarker, "ad_marker"};
  }
  if (bool teaser = false; IsRelatedLabel(line, shape, &teaser)) {
    return RuleHit{RemoveReason::kRelatedLink, teaser ? "related_teaser" : "related_label"};
  }
  const bool reports = shape.reports;
  if (IsStandaloneCredit(line, shape) ||
      (shape.words <= 25 && !reports && !(shape.ends_sentence && shape.words >= 8) &&
       AnyPrefix(lower, kCreditPrefixes) && !ClauseFollowsLabel(line.text))) {
    return RuleHit{RemoveReason::kCredit, "credit_line"};
  }
  if (shape.words <= 30 && Contains(lower, "all rights reserved")) {
    return RuleHit{RemoveReason::kCredit, "copyright"};
  }
  // A caption marked as such by a trailing parenthesis: "... (file photo)",
  // "(Photo: Jane Roe)". After a full sentence the parenthesis only credits
  // a paragraph, which stays.
  if (shape.words <= 40 && EndsWith(lower, ")")) {
    size_t open = lower.rfind('(');
    if (open != string_view::npos && open > 0) {
      string_view before = StripClosers(lower.substr(0, open));
      bool after_sentence = EndsWith(before, ".") || EndsWith(before, "!") || EndsWith(before, "?");
      if (!after_sentence && IsPhotoMarker(lower.substr(open + 1))) {
        return RuleHit{RemoveReason::kCaption, "photo_caption"};
      }
    }
  }
  if (shape.words <= 60 && !reports && AnyPrefix(lower, kCaptionPrefixes)) {
    return RuleHit{RemoveReason::kCaption, "photo_caption"};
  }
  if (shape.words <= 80 && AnyPrefix(lower, kFeedPrefixes)) {
    return RuleHit{RemoveReason::kTemplate, "disclaimer"};
  }
  if (IsFeedNotice(line, shape)) return RuleHit{RemoveReason::kTemplate, "feed_notice"};
  if (IsAgencyCreditLine(line, shape)) return RuleHit{RemoveReason::kCredit, "agency_credit"};
  if (IsNewsroomCredit(line, shape)) return RuleHit{RemoveReason::kCredit, "newsroom_credit"};
  if (shape.words <= 25 &&
      (Contains(key, "subscri") || Contains(key, "abonn") || Contains(key, "suscri") ||
       static_cast<unsigned char>(key[0]) >= 0x80) &&
      AnyContained(line.key, kPaywallPhrases)) {
    return RuleHit{RemoveReason::kWidget, "paywall"};
  }
  // "Select the error and press Ctrl+Enter", in any language.
  if (shape.has_plus && shape.words <= 30 &&
      (Contains(lower, "ctrl+enter") || Contains(lower, "ctrl + enter"))) {
    return RuleHit{RemoveReason::kWidget, "error_report"};
  }
  if (shape.notice_word && shape.words <= 80 && !reports &&
      (Contains(lower, "forward-looking statements") || Contains(lower, "affiliate links") ||
       Contains(lower, "affiliate commission"))) {
    return RuleHit{RemoveReason::kTemplate, "legal_notice"};
  }
  if (shape.words <= 5 && !shape.ends_sentence && Contains(lower, "newsletter")) {
    return RuleHit{RemoveReason::kPromo, "newsletter_label"};
  }
  if (shape.notice_word && shape.words <= 40 &&
      (Contains(lower, "originally appeared") || Contains(lower, "originally published") ||
       Contains(lower, "republished"))) {
    return RuleHit{RemoveReason::kTemplate, "syndication_note"};
  }
  if (shape.has_separator && IsNavigationLine(line, shape)) {
    return RuleHit{RemoveReason::kWidget, "navigation"};
  }
  if (shape.has_colon) {
    if (auto hit = MatchMetaLabel(line, shape)) return hit;
  }
  if (IsSlideCounter(key, shape)) return RuleHit{RemoveReason::kWidget, "counter"};
  // "Listen." or "Next." alone is speech in a transcript, not a label.
  if (OneOf(key, kWidgetKeys) && !(shape.words == 1 && shape.ends_sentence)) {
    return RuleHit{RemoveReason::kWidget, "ui_label"};
  }
  // Cookie and browser notices: short, and not a report about them.
  if (shape.words <= 25 &&
      (Contains(lower, "cookie") || Contains(lower, "javascript") || Contains(lower, "browser") ||
       Contains(lower, "blocker") || Contains(lower, "adblock")) &&
      !reports && !StartsWith(key, "how ") && !shape.opens_with_quote &&
      line.text.find('?') == string_view::npos &&
      (shape.second_person || shape.first_person_plural || StartsWithNoticeVerb(key)) &&
      (shape.words <= 12 ? AnyContained(lower, kBrowserNotices)
                         : AnyPrefix(lower, kBrowserNotices))) {
    return RuleHit{RemoveReason::kTemplate, "browser_notice"};
  }
  if (IsTimestampLine(line, shape)) return RuleHit{RemoveReason::kTimestamp, "timestamp"};
  if (IsBylineLine(line, shape)) return RuleHit{RemoveReason::kByline, "byline"};
  if (shape.words <= 4) {
    // "12 comments", "Comments 3", "5 min read".
    string_view first = FirstWord(key);
    string_view rest = key.substr(std::min(key.size(), first.size() + 1));
    if (AllDigits(first) && (rest == "comments" || rest == "comment" || rest == "min read" ||
                             rest == "minute read" || rest == "minutes read" || rest == "replies" ||
                             rest == "shares" || rest == "views" || rest == "likes")) {
      return RuleHit{RemoveReason::kWidget, "counter"};
    }
    if ((first == "comments" || first == "shares" || first == "replies") && AllDigits(rest)) {
      return RuleHit{RemoveReason::kWidget, "counter"};
    }
  }
  if (shape.words <= 10 && AnyPrefix(key, kWidgetPrefixes)) {
    return RuleHit{RemoveReason::kWidget, "ui_label"};
  }
  if (shape.words <= 6 && !shape.ends_sentence && IsShareButton(key)) {
    return RuleHit{RemoveReason::kWidget, "share_button"};
  }
  if (shape.words <= 8 && (StartsWith(key, "follow us") || AnyPrefix(key, kFollowKeyPrefixes))) {
    return RuleHit{RemoveReason::kWidget, "follow_button"};
  }
  if (IsSocialPitch(line, shape)) return RuleHit{RemoveReason::kPromo, "social_pitch"};
  if (shape.words <= 25 && AnyPrefix(lower, kListLabels)) {
    return RuleHit{RemoveReason::kWidget, "tag_list"};
  }
  // Two or more network names in a row; one alone may be a heading
  // ("YouTube") and is left to the UI-label list.
  if (shape.words >= 2 && shape.words <= 8 && AllWordsIn(key, kSocialWords)) {
    return RuleHit{RemoveReason::kWidget, "share_bar"};
  }
  if (IsSummaryLabel(line)) return RuleHit{RemoveReason::kWidget, "summary_label"};
  // An AI notice speaks of its own text ("This summary was generated by
  // AI"); a report about AI-generated content does not. Every AI term holds
  // "generat", "assist" or "reviewed": three scans gate ten.
  if (shape.words <= 40 &&
      (Contains(lower, "generat") || Contains(lower, "assist") || Contains(lower, "reviewed")) &&
      AnyContained(lower, kAiTerms) &&
      (AnyContained(lower, kDisclosureCues) || StartsWith(key, "summary")) && !reports) {
    return RuleHit{RemoveReason::kTemplate, "ai_notice"};
  }
  // Template placeholders: "lorem ipsum" anywhere; the others only when the
  // line instructs the reader ("You edit it in the admin panel"), never in
  // a report. Every phrase holds "lorem", "admin", "biograph" or " text".
  if ((Contains(lower, "lorem") || Contains(lower, "admin") || Contains(lower, "biograph") ||
       Contains(lower, " text")) &&
      AnyPhrase(lower, kPlaceholderPhrases) &&
      (Contains(lower, "lorem ipsum") || (shape.second_person && !reports))) {
    return RuleHit{RemoveReason::kTemplate, "cms_placeholder"};
  }
  if (OneOf(key, kBioKeys)) return RuleHit{RemoveReason::kAuthorBio, "author_label"};
  // "About Jane Roe" may also be a heading; the cleaner decides by position.
  if (IsAuthorBioLabel(line, shape)) return RuleHit{RemoveReason::kAuthorBio, "author_name"};
  return std::nullopt;
}

bool HasPitchPhrase(const LineView& line) { return AnyContained(line.lower, kStrongPromoCues); }

bool HasStrongPromoCue(const LineView& line, const LineShape& shape) {
  if (shape.pitch_word || shape.domain_names > 0 || StartsWithPromoVerb(line)) return true;
  // The phrases are only looked for where a promo can stand.
  return shape.words <= 60 && AnyContained(line.lower, kStrongPromoCues);
}

double PromoScore(const LineView& line, const LineShape& shape) {
  if (shape.words == 0 || shape.words > 60) return 0.0;
  double score = 0.0;
  if (StartsWithPromoVerb(line)) score += 1.5;
  int phrases = 0;
  for (string_view p : kPromoPhrases) phrases += AnyPhrase(line.lower, std::array{p});
  phrases += shape.app_word;
  score += 1.5 * std::min(phrases, 4);
  // A short imperative with a pitch ("Join our WhatsApp channel") is a
  // button, wherever it stands.
  if (shape.words <= 15 && phrases > 0 && StartsWithPromoVerb(line) &&
      (shape.app_word || AnyContained(line.lower, kStrongPromoCues))) {
    score += 1.0;
  }
  score += std::min(shape.domain_names, 2);
  if (shape.second_person) score += 0.5;
  // Without one pitch phrase, an imperative with links ("Check whether your
  // staff visited example.com") is advice, not a pitch, except at the end.
  if (phrases == 0) score = std::min(score, 3.0);
  // A line that reports ("..., officials urged.") is news, not a pitch.
  if (shape.reports) return 0.0;
  return score;
}

bool StartsWithPromoVerb(const LineView& line) { return OneOf(FirstWord(line.key), kPromoVerbs); }

bool IsSummaryLabel(const LineView& line) { return OneOf(line.key, kSummaryLabels); }

bool IsAuthorBioLabel(const LineView& line, const LineShape& shape) {
  if (OneOf(line.key, kBioKeys)) return true;
  // "About Jane Roe": "About" and two to four capitalised words, no verb-like
  // punctuation, nothing else.
  if (!StartsWith(line.text, "About ") || shape.words < 3 || shape.words > 5 ||
      shape.ends_sentence || shape.ends_colon) {
    return false;
  }
  string_view rest = line.text.substr(6);
  size_t i = 0;
  while (i < rest.size()) {
    if (!IsUpperAscii(rest[i]) && static_cast<unsigned char>(rest[i]) < 0x80) return false;
    size_t space = rest.find(' ', i);
    if (space == string_view::npos) break;
    i = space + 1;
  }
  return true;
}

bool LooksLikeDate(const LineView& line) {
  static constexpr std::array<string_view, 94> kDateTokens = {
      "jan",      "january", "feb",       "february",  "mar",    "march",   "apr",
      "april",    "may",     "jun",       "june",      "jul",    "july",    "aug",
      "august",   "sep",     "sept",      "september", "oct",    "october", "nov",
      "november", "dec",     "december",  "mon",       "monday", "tue",     "tues",
      "tuesday",  "wed",     "wednesday", "thu",       "thur",   "thurs",   "thursday",
      "fri",      "friday",  "sat",       "saturday",  "sun",    "sunday",  "am",
      "pm",       "a",       "m",         "p",         "gmt",    "utc",     "et",
      "est",      "edt",     "ct",        "pt",        "cet",    "cest",    "bst",
      "ist",      "msk",     "ago",       "hour",      "hours",  "hr",      "hrs",
      "minute",   "minutes", "min",       "mins",      "day",    "days",    "h",
      "uhr",      "stand",   "updated",   "published", "at",     "on",      "le",
      "de",       "à",       "um",        "del",       "в",      "г",       "года",
      "січня",    "января",  "janvier",   "février",   "mars",   "avril",   "mai",
      "juin",     "enero",   "januar"};
  bool digit = false;
  size_t i = 0;
  const string_view key = line.key;
  while (i < key.size()) {
    size_t end = key.find(' ', i);
    if (end == string_view::npos) end = key.size();
    string_view w = key.substr(i, end - i);
    i = end + 1;
    bool has_digit = false, all_digits_or_cjk = true;
    for (char c : w) {
      bool d = c >= '0' && c <= '9';
      has_digit |= d;
      // Digits with CJK date marks (年 月 日 时) stay one token here.
      all_digits_or_cjk &= d || static_cast<unsigned char>(c) >= 0x80;
    }
    if (has_digit && all_digits_or_cjk) {
      digit = true;
      continue;
    }
    if (!OneOf(w, kDateTokens)) return false;
  }
  return digit;
}

bool IsDatelineLine(const LineView& line, const LineShape& shape) {
  if (shape.words == 0 || shape.words > 5 || shape.ends_sentence) return false;
  if (FirstWord(line.key).size() < 3) return false;  // "Q:", "A:" are labels.
  string_view t = line.text;
  bool ends_dash = EndsWith(t, "\xE2\x80\x94") || EndsWith(t, "\xE2\x80\x93") || EndsWith(t, " -");
  if (!shape.ends_colon && !ends_dash) return false;
  // Every word starts with a capital letter or a digit ("Oslo, June 3:").
  size_t i = 0;
  while (i < t.size()) {
    unsigned char c = static_cast<unsigned char>(t[i]);
    bool ok = IsUpperAscii(static_cast<char>(c)) || (c >= '0' && c <= '9') || c >= 0x80 ||
              c == '(' || c == '-';
    if (!ok) return false;
    size_t space = t.find(' ', i);
    if (space == string_view::npos) break;
    i = space + 1;
  }
  return true;
}

}  // namespace rashomon::extract::internal
