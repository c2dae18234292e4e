#include "extract/cleaner.h"

#include <algorithm>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "base/parallel.h"
#include "extract/batch_templates.h"
#include "extract/line_rules.h"
#include "text/language.h"
#include "text/normalize.h"
#include "text/utf8.h"

namespace rashomon::extract {
namespace {

using internal::LineShape;
using internal::LineView;
using internal::RuleHit;

// A bullet of a summary box is short.
constexpr int kMaxSummaryWords = 40;
constexpr int kMaxSummaryLines = 6;
constexpr size_t kMaxSummaryScan = 12;
// A standfirst is one or two sentences.
constexpr int kMaxStandfirstWords = 40;
// The first line is a title when it is headline-shaped.
constexpr int kMaxTitleWords = 25;
// Kept lines that may follow an author label for it to be an author box.
constexpr int kMaxAuthorBoxLines = 3;
// A dateline stands among the first blocks of a report.
constexpr size_t kMaxDatelinePosition = 6;

struct Line {
  std::string text;
  std::string lower;
  std::string key;
  int line_no = 0;
  bool blank_before = false;
  LineShape shape;
  std::optional<RuleHit> hit;
  uint64_t hash = 0;
  LineView view() const { return LineView{text, lower, key}; }
};

struct Prepared {
  std::vector<Line> lines;
  size_t invalid_bytes = 0;
};

// What happens to one line.
struct Decision {
  bool removed = false;
  RemoveReason reason = RemoveReason::kTemplate;
  std::string_view rule;
  std::optional<BlockKind> kind;
  std::string kept_text;  // The text to keep when it differs from the line.
};

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + ('a' - 'A'));
  }
  return out;
}

// Offset of the first \n or \r, or npos. (string_view::find_first_of calls
// memchr once per byte, which made it the costliest step of cleaning.)
size_t FindLineEnd(std::string_view s) {
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\n' || s[i] == '\r') return i;
  }
  return std::string_view::npos;
}

void Prepare(const Document& doc, Prepared* p) {
  std::string_view input = doc.raw;
  std::string repaired;
  if (!text::IsValidUtf8(input)) {
    p->invalid_bytes = text::RepairUtf8(input, &repaired);
    input = repaired;
  }
  std::string norm = text::NormalizeNfc(input);
  std::string_view rest = norm;
  p->lines.reserve(static_cast<size_t>(std::count(norm.begin(), norm.end(), '\n')) / 2 + 1);
  int line_no = 0;
  bool blank = true;
  std::hash<std::string_view> hasher;
  while (!rest.empty()) {
    size_t end = FindLineEnd(rest);
    std::string_view raw = rest.substr(0, end);
    if (end == std::string_view::npos) {
      rest = {};
    } else {
      size_t skip = (rest[end] == '\r' && end + 1 < rest.size() && rest[end + 1] == '\n') ? 2 : 1;
      rest.remove_prefix(end + skip);
    }
    ++line_no;
    std::string text = text::CollapseWhitespace(raw);
    if (text.empty()) {
      blank = true;
      continue;
    }
    Line line;
    line.text = std::move(text);
    line.key = text::LooseKey(line.text);
    // Only the rules for short lines read the lower-cased text.
    if (static_cast<size_t>(std::count(line.key.begin(), line.key.end(), ' ')) <
        internal::kMaxRuleWords) {
      line.lower = AsciiLower(line.text);
    }
    line.line_no = line_no;
    line.blank_before = blank;
    blank = false;
    line.shape = internal::MeasureLine(line.view());
    line.hit = internal::MatchRemovalRule(line.view(), line.shape);
    line.hash = hasher(line.key);
    p->lines.push_back(std::move(line));
  }
}

// Shared by unrelated documents yet written as a sentence ("The company
// did not respond to a request for comment.", "What happens next?"): kept
// unless it pitches something.
bool IsSharedSentence(const Line& l) {
  bool question = !l.text.empty() && l.text.back() == '?';
  return ((l.shape.ends_sentence && l.shape.words >= 3) || question) &&
         internal::PromoScore(l.view(), l.shape) < 1.5;
}

bool StartsWithBullet(std::string_view t) {
  return t.starts_with("\xE2\x80\xA2") /* • */ || t.starts_with("- ") || t.starts_with("* ") ||
         t.starts_with("\xE2\x80\x93 ") /* – */;
}

void Remove(Decision* d, RemoveReason reason, std::string_view rule) {
  d->removed = true;
  d->reason = reason;
  d->rule = rule;
}

// Kept lines after a summary label are its bullets.
void MarkSummaryBoxes(const std::vector<Line>& lines, std::vector<Decision>* ds) {
  for (size_t i = 0; i < lines.size(); ++i) {
    if (!lines[i].hit || lines[i].hit->rule != "summary_label") continue;
    int count = 0;
    // At most kMaxSummaryScan lines are looked at, removed ones included, so
    // that a text made of labels stays linear.
    size_t end = std::min(lines.size(), i + 1 + kMaxSummaryScan);
    for (size_t j = i + 1; j < end && count < kMaxSummaryLines; ++j) {
      const Line& l = lines[j];
      Decision& d = (*ds)[j];
      if (d.removed) continue;
      if (l.shape.words > kMaxSummaryWords || internal::IsDatelineLine(l.view(), l.shape)) break;
      // A box is contiguous: a blank line ends it unless bullets go on.
      if (count > 0 && l.blank_before && !StartsWithBullet(l.text)) break;
      d.kind = BlockKind::kSummary;
      ++count;
    }
  }
}

// Slides and photos: the caption before a credit line, and credits glued
// to the end of a caption.
void MarkCaptionsAndCredits(const std::vector<Line>& lines, std::vector<Decision>* ds,
                            std::vector<RemovedLine>* cut_credits) {
  for (size_t i = 0; i < lines.size(); ++i) {
    Decision& d = (*ds)[i];
    const Line& l = lines[i];
    if (d.removed) {
      if (d.rule == "credit_line" && i > 0) {
        const Line& prev = lines[i - 1];
        Decision& pd = (*ds)[i - 1];
        if (!pd.removed && !internal::IsProse(prev.shape) && prev.shape.words <= 25) {
          pd.kind = BlockKind::kCaption;
        }
      }
      continue;
    }
    size_t cut = internal::FindTrailingCredit(l.text);
    if (cut == std::string::npos) continue;
    std::string kept = text::CollapseWhitespace(std::string_view(l.text).substr(0, cut));
    if (kept.empty()) continue;
    RemovedLine credit;
    credit.text = text::CollapseWhitespace(std::string_view(l.text).substr(cut));
    credit.reason = RemoveReason::kCredit;
    credit.rule = "trailing_credit";
    credit.line = l.line_no;
    cut_credits->push_back(std::move(credit));
    d.kept_text = std::move(kept);
    d.kind = BlockKind::kCaption;
  }
}

// "About Jane Roe" near the end, followed by little but a bio, is an
// author box; elsewhere such a line is an ordinary heading.
void ResolveAuthorBoxes(const std::vector<Line>& lines, std::vector<Decision>* ds) {
  // kept_after[i]: kept lines after line i; one backward pass keeps this
  // linear however many labels a hostile text holds.
  std::vector<size_t> kept_after(lines.size() + 1, 0);
  for (size_t i = lines.size(); i-- > 0;) {
    kept_after[i] = kept_after[i + 1] + ((*ds)[i].removed ? 0 : 1);
  }
  for (size_t i = 0; i < lines.size(); ++i) {
    Decision& d = (*ds)[i];
    if (!d.removed || (d.rule != "author_label" && d.rule != "author_name")) continue;
    size_t after = kept_after[i + 1];
    bool in_tail = i * 5 >= lines.size() * 3;
    if (!in_tail || after > static_cast<size_t>(kMaxAuthorBoxLines)) {
      // "About the author" is a label anywhere; "About Jane Roe" mid-text is
      // a heading.
      if (d.rule == "author_name") {
        d.removed = false;
        d.rule = {};
      }
      continue;
    }
    for (size_t j = i + 1; j < lines.size(); ++j) {
      if (!(*ds)[j].removed) Remove(&(*ds)[j], RemoveReason::kAuthorBio, "author_box");
    }
    return;  // Everything after the box is removed: no later label matters.
  }
}

// Cheap gate before the promo score: a pitch addresses the reader, names a
// site, opens with an imperative, or is short. Long third-person prose
// without a domain name cannot reach the tail threshold.
bool MayPromote(const Line& l) {
  return l.shape.words <= 60 && (l.shape.second_person || l.shape.domain_names > 0 ||
                                 l.shape.words <= 20 || internal::StartsWithPromoVerb(l.view()));
}

// Self-promotion: a high promo score anywhere, a lower one in the tail.
void RemovePromos(const CleanOptions& options, const std::vector<Line>& lines,
                  std::vector<Decision>* ds) {
  std::vector<double> scores(lines.size(), 0.0);
  size_t last_prose = 0;
  bool any_prose = false;
  int prose_with_pitch_words = 0;
  for (size_t i = 0; i < lines.size(); ++i) {
    if ((*ds)[i].removed) continue;
    const Line& l = lines[i];
    scores[i] = MayPromote(l) ? internal::PromoScore(l.view(), l.shape) : 0;
    if (internal::IsProse(l.shape) && l.shape.words >= 15 && scores[i] < 2.0) {
      last_prose = i;
      any_prose = true;
    }
    // Prose that is not itself a pitch yet uses the pitch words.
    if (internal::IsProse(l.shape) && l.shape.words >= 12 && scores[i] < 2.0 &&
        internal::HasStrongPromoCue(l.view(), l.shape)) {
      ++prose_with_pitch_words;
    }
  }
  // A report about apps, subscriptions or advertising uses the pitch words
  // in its own prose; then only a line that speaks for the publisher ("our",
  // "we") or to the reader ("you") is a pitch.
  const bool about_pitches = prose_with_pitch_words >= 2;
  for (size_t i = 0; i < lines.size(); ++i) {
    Decision& d = (*ds)[i];
    if (d.removed) continue;
    bool tail = any_prose && i > last_prose && i * 2 >= lines.size();
    double threshold = tail ? options.promo_tail_threshold : options.promo_threshold;
    const LineShape& shape = lines[i].shape;
    if (about_pitches && !shape.second_person && !shape.first_person_plural) continue;
    if (scores[i] >= threshold && internal::HasStrongPromoCue(lines[i].view(), shape)) {
      Remove(&d, RemoveReason::kPromo, tail ? "promo_tail" : "promo");
    }
  }
}

// A line printed twice is kept once, at its first place.
// (Compared by 64-bit hashes of the loose keys; a collision inside one
// document is vanishingly unlikely.)
//
// A short sentence may be said twice on purpose ("No injuries were
// reported."): it goes only when it follows its first copy directly, or its
// first copy is the title or standfirst. Headlines, headings and sentences of
// 10 words or more go wherever they are printed again.
void RemoveRepeats(const std::vector<Line>& lines, std::vector<Decision>* ds) {
  struct First {
    size_t kept_position;  // Kept lines before the first copy.
  };
  std::unordered_map<uint64_t, First> seen;
  std::hash<std::string_view> hasher;
  size_t kept = 0;
  size_t last_kept_hash_position = SIZE_MAX;
  uint64_t last_kept_hash = 0;
  for (size_t i = 0; i < lines.size(); ++i) {
    Decision& d = (*ds)[i];
    const LineShape& shape = lines[i].shape;
    if (d.removed) continue;
    // Labels ("Q:", "Pros:") and very short lines repeat by nature.
    if (shape.words < 4 || shape.ends_colon) {
      ++kept;
      continue;
    }
    uint64_t h = d.kept_text.empty() ? lines[i].hash : hasher(text::LooseKey(d.kept_text));
    auto [it, inserted] = seen.try_emplace(h, First{kept});
    if (!inserted) {
      bool adjacent = last_kept_hash == h && last_kept_hash_position + 1 == kept;
      bool strong = !shape.ends_sentence || shape.words >= 10 || it->second.kept_position < 3;
      if (adjacent || strong) {
        Remove(&d, RemoveReason::kRepeat, "in_document");
        continue;
      }
    }
    last_kept_hash = h;
    last_kept_hash_position = kept;
    ++kept;
  }
}

// The first kept blocks, up to what language identification reads.
std::string LanguageSample(const std::vector<Block>& blocks) {
  constexpr size_t kSampleBytes = 2 << 10;
  std::string sample;
  for (const Block& b : blocks) {
    if (sample.size() >= kSampleBytes) break;
    if (!sample.empty()) sample += "\n\n";
    sample += b.text;
  }
  return sample;
}

// `position`: how many blocks are kept before this one; `next`: the next
// kept line, or null.
BlockKind KindOf(const Line& l, const Line* next, size_t position) {
  // A dateline opens a report and prose follows it; elsewhere "Pros:" or
  // "Q:" are labels.
  if (position <= kMaxDatelinePosition && next != nullptr && internal::IsProse(next->shape) &&
      internal::IsDatelineLine(l.view(), l.shape)) {
    return BlockKind::kDateline;
  }
  const bool is_last = next == nullptr;
  if (l.shape.opens_with_quote && internal::IsProse(l.shape)) {
    return BlockKind::kQuote;
  }
  // Intertitles are short; a short question standing alone is one too.
  bool short_question = l.shape.words <= 10 && !l.text.empty() && l.text.back() == '?';
  bool full_stop = !l.text.empty() && l.text.back() == '.';  // "No." is no heading.
  if ((!internal::IsProse(l.shape) || short_question) && !full_stop && l.shape.words <= 20 &&
      !is_last) {
    return BlockKind::kHeading;
  }
  return BlockKind::kBody;
}

// "By Jane Roe and John Doe, Example News" -> {"Jane Roe", "John Doe"}: the
// names before the first comma or bar; what follows is the outlet.
std::vector<std::string> AuthorsOfByline(std::string_view byline, size_t prefix) {
  std::string_view names = byline.substr(prefix);
  size_t cut = names.find_first_of(",|");
  if (cut != std::string_view::npos) names = names.substr(0, cut);
  std::vector<std::string> out;
  for (std::string_view sep : {" and ", " AND ", " & "}) {
    size_t pos;
    while ((pos = names.find(sep)) != std::string_view::npos) {
      std::string name = text::CollapseWhitespace(names.substr(0, pos));
      if (!name.empty()) out.push_back(std::move(name));
      names.remove_prefix(pos + sep.size());
    }
  }
  std::string last = text::CollapseWhitespace(names);
  if (!last.empty()) out.push_back(std::move(last));
  return out;
}

bool IsTitleShaped(const Line& l) {
  if (l.shape.words == 0 || l.shape.words > kMaxTitleWords) return false;
  if (!l.shape.ends_sentence) return true;
  char last = l.text.back();
  return last == '?' || last == '!';
}

// Consumes `p`: the line texts move into the document.
void Finalize(Prepared& p, const std::unordered_set<uint64_t>& templates,
              const CleanOptions& options, Document* doc) {
  std::vector<Line>& lines = p.lines;
  std::vector<Decision> ds(lines.size());
  for (size_t i = 0; i < lines.size(); ++i) {
    const Line& l = lines[i];
    if (l.hit) {
      Remove(&ds[i], l.hit->reason, l.hit->rule);
    } else if (l.key.empty()) {
      Remove(&ds[i], RemoveReason::kTemplate, "no_words");
    } else if (templates.count(l.hash) != 0 && !IsSharedSentence(l) &&
               !internal::IsDatelineLine(l.view(), l.shape)) {
      Remove(&ds[i], RemoveReason::kTemplate, "cross_document");
    }
  }
  ResolveAuthorBoxes(lines, &ds);
  MarkSummaryBoxes(lines, &ds);
  std::vector<RemovedLine> cut_credits;
  MarkCaptionsAndCredits(lines, &ds, &cut_credits);
  RemovePromos(options, lines, &ds);
  RemoveRepeats(lines, &ds);

  // Editors and publishers named in bylines are not authors.
  for (size_t i = 0; i < lines.size() && doc->authors.empty(); ++i) {
    if (!ds[i].removed || ds[i].reason != RemoveReason::kByline) continue;
    const Line& l = lines[i];
    if (l.lower.starts_with("edited") || l.lower.starts_with("published") ||
        l.lower.starts_with("posted")) {
      continue;
    }
    doc->authors = AuthorsOfByline(l.text, internal::BylinePrefixLength(l.view()));
  }

  doc->blocks.clear();
  doc->removed.clear();
  std::string given_key = text::LooseKey(doc->given_title);
  // next_kept[i]: the first kept line after i (lines.size() when none).
  std::vector<size_t> next_kept(lines.size(), lines.size());
  for (size_t i = lines.size(), next = lines.size(); i-- > 0;) {
    next_kept[i] = next;
    if (!ds[i].removed) next = i;
  }
  size_t cut_index = 0;
  bool first_kept = true;
  bool after_title = false;
  for (size_t i = 0; i < lines.size(); ++i) {
    Line& l = lines[i];
    Decision& d = ds[i];
    if (d.removed) {
      RemovedLine r;
      r.text = std::move(l.text);
      r.reason = d.reason;
      r.rule = std::string(d.rule);
      r.line = l.line_no;
      doc->removed.push_back(std::move(r));
      continue;
    }
    while (cut_index < cut_credits.size() && cut_credits[cut_index].line < l.line_no) {
      doc->removed.push_back(cut_credits[cut_index++]);
    }
    Block b;
    b.line = l.line_no;
    if (d.kind) {
      b.kind = *d.kind;
    } else if (first_kept && !internal::IsDatelineLine(l.view(), l.shape) &&
               (IsTitleShaped(l) || (!given_key.empty() && l.key == given_key))) {
      b.kind = BlockKind::kTitle;
    } else if (after_title && l.shape.words <= kMaxStandfirstWords &&
               !internal::IsDatelineLine(l.view(), l.shape)) {
      b.kind = BlockKind::kStandfirst;
    } else {
      b.kind = KindOf(l, next_kept[i] < lines.size() ? &lines[next_kept[i]] : nullptr,
                      doc->blocks.size());
    }
    b.text = d.kept_text.empty() ? std::move(l.text) : std::move(d.kept_text);
    after_title = b.kind == BlockKind::kTitle;
    first_kept = false;
    doc->blocks.push_back(std::move(b));
    while (cut_index < cut_credits.size() && cut_credits[cut_index].line == l.line_no) {
      doc->removed.push_back(cut_credits[cut_index++]);
    }
  }
  while (cut_index < cut_credits.size()) doc->removed.push_back(cut_credits[cut_index++]);

  doc->title = doc->given_title;
  if (doc->title.empty() && !doc->blocks.empty() && doc->blocks[0].kind == BlockKind::kTitle) {
    doc->title = doc->blocks[0].text;
  }
  text::LanguageGuess lang = text::DetectLanguage(LanguageSample(doc->blocks));
  doc->language = lang.code;
  doc->language_confidence = lang.confidence;
  if (p.invalid_bytes > 0) {
    doc->warnings.push_back("replaced " + std::to_string(p.invalid_bytes) +
                            " invalid UTF-8 byte(s) with U+FFFD");
  }
}

}  // namespace

void CleanBatch(const CleanOptions& options, std::vector<Document>* docs) {
  std::vector<Prepared> prepared(docs->size());
  ParallelFor(docs->size(), options.threads, [&](size_t i) { Prepare((*docs)[i], &prepared[i]); });
  std::vector<std::vector<uint64_t>> hashes(docs->size());
  for (size_t i = 0; i < docs->size(); ++i) {
    for (const Line& l : prepared[i].lines) {
      if (!l.key.empty()) hashes[i].push_back(l.hash);
    }
  }
  std::unordered_set<uint64_t> templates = internal::FindTemplateLines(
      hashes, options.template_min_documents, options.template_max_overlap);
  ParallelFor(docs->size(), options.threads, [&](size_t i) {
    Finalize(prepared[i], templates, options, &(*docs)[i]);
    prepared[i] = Prepared();
  });
}

void CleanDocument(const CleanOptions& options, Document* doc) {
  Prepared p;
  Prepare(*doc, &p);
  Finalize(p, {}, options, doc);
}

}  // namespace rashomon::extract
