// extract/line_rules.h: the context-free evidence about one line of text.
//
// Internal to the extract module. Cleaner (extract/cleaner.h) combines these
// facts with the line's neighbours and with the batch; docs/cleaning.md is
// the user-facing description of every rule. No rule names an outlet: the
// evidence is vocabulary of page furniture (ads, widgets, credits, promos)
// and the shape of the line.
//
// Thread-safety: pure functions.
#ifndef RSH_EXTRACT_LINE_RULES_H_
#define RSH_EXTRACT_LINE_RULES_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "base/document.h"

namespace rashomon::extract::internal {

// No context-free rule fires on a line of more words than this, so longer
// lines need no lower-cased copy (LineView::lower may then be empty).
inline constexpr size_t kMaxRuleWords = 80;

// One line with the views every rule needs, computed once.
struct LineView {
  std::string_view text;   // Whitespace-collapsed line, NFC, valid UTF-8.
  std::string_view lower;  // `text` with ASCII letters lower-cased.
  std::string_view key;    // text::LooseKey(text): letters and digits only.
};

// Shape of a line, from its characters alone.
struct LineShape {
  int words = 0;
  bool ends_sentence = false;  // Ends in . ! ? or … (closing quotes skipped).
  bool ends_colon = false;
  bool opens_with_quote = false;
  bool closes_with_quote = false;
  int domain_names = 0;              // Tokens such as "example.com".
  bool second_person = false;        // "you", "your".
  bool app_word = false;             // "app", "apps".
  bool first_person_plural = false;  // "we", "our", "us".
  bool pitch_word = false;           // "newsletter", "subscribe", "download", "app", ...
  // Which of a few telling bytes the line holds, so that rules needing one
  // skip the others: see MeasureLine.
  bool has_colon = false;      // ':' or a full-width colon.
  bool has_separator = false;  // '|', '/', '>', or a non-ASCII byte (›, »).
  bool has_plus = false;       // '+'.
  bool notice_word = false;    // "originally", "republished", "affiliate", "forward".
  bool reports = false;        // A reporting verb: "said", "according", "told", ...
};

LineShape MeasureLine(const LineView& line);

// Prose: a sentence-shaped line long enough to be article text.
bool IsProse(const LineShape& shape);

// A verdict of a context-free rule.
struct RuleHit {
  RemoveReason reason;
  std::string_view rule;
};

// The first context-free rule that removes the line, if any: ad markers,
// related links, credits, photo-marked captions, widgets, template text
// (CMS placeholders, AI notices, copyright lines), author-bio labels.
std::optional<RuleHit> MatchRemovalRule(const LineView& line, const LineShape& shape);

// How much the line reads like self-promotion of the publisher (apps,
// newsletters, "latest news on example.com"). Not position-aware: the
// caller adds evidence from the line's place in the document.
double PromoScore(const LineView& line, const LineShape& shape);

// Whether the line carries evidence only a pitch has: an imperative first
// word, a domain name, or vocabulary such as "newsletter", "app",
// "subscribe". A promo score without it never removes a line.
bool HasStrongPromoCue(const LineView& line, const LineShape& shape);

// Whether the line holds a phrase only a pitch uses ("curated for you",
// "sign up", "in your inbox", "follow us").
bool HasPitchPhrase(const LineView& line);

// Whether the first word is a call to action ("Download", "Subscribe").
bool StartsWithPromoVerb(const LineView& line);

// A label that opens a box of summary bullets ("Key points", "Highlights").
bool IsSummaryLabel(const LineView& line);

// A label that opens an author box ("About the author", "About Jane Roe").
bool IsAuthorBioLabel(const LineView& line, const LineShape& shape);

// A line made only of a date or a time ("Tue 14 Jan 2025 06.00 GMT",
// "2 hours ago", "12 января 2025, 09:41"): a digit, and every other word a
// month, weekday, clock or relative-time word.
bool LooksLikeDate(const LineView& line);

// A dateline standing on its own line: "WASHINGTON:", "Paris, May 3 —".
bool IsDatelineLine(const LineView& line, const LineShape& shape);

// Byte offset in `text` where a credit glued to the end of a caption starts
// ("Crew at the quay© Harbour Images"), or npos. Only a short credit after
// real caption text counts.
size_t FindTrailingCredit(std::string_view text);

// "Updated: 14 March 2025, 10:05", "Published 3 hours ago".
bool IsTimestampLine(const LineView& line, const LineShape& shape);

// Bytes of the byline opening of `line` ("By ", "Edited By: "), 0 if none.
size_t BylinePrefixLength(const LineView& line);

// "By Jane Roe and John Doe, Example News" on its own line.
bool IsBylineLine(const LineView& line, const LineShape& shape);

// True when `text` is only a credit (a copyright sign and a name).
bool IsStandaloneCredit(const LineView& line, const LineShape& shape);

}  // namespace rashomon::extract::internal

#endif  // RSH_EXTRACT_LINE_RULES_H_
