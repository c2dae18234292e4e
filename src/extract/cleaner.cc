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
#include "extract/clean_state.h"
#include "extract/context_rules.h"
#include "extract/line_rules.h"
#include "text/language.h"
#include "text/normalize.h"
#include "text/utf8.h"

namespace rashomon::extract {
namespace {

using internal::Decision;
using internal::Line;
using internal::LineShape;
using internal::LineView;
using internal::Prepared;
using internal::Remove;
using internal::RuleHit;

// A standfirst is one or two sentences.
constexpr int kMaxStandfirstWords = 40;
// A dateline stands among the first blocks of a report.
constexpr size_t kMaxDatelinePosition = 6;

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
  bool sentence = (l.shape.ends_sentence && l.shape.words >= 3) || question;
  // "Check before you travel." in several advisories is text; "Sign up for
  // our newsletter." under every article of a site is a pitch.
  bool pitch = l.shape.pitch_word || l.shape.domain_names > 0 || l.shape.first_person_plural ||
               internal::HasPitchPhrase(l.view());
  return sentence && !pitch;
}

// The first kept blocks, up to what language identification reads.
std::string LanguageSample(const std::vector<Block>& blocks) {
  constexpr size_t kSampleBytes = 1 << 10;
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
  internal::ResolveAuthorBoxes(lines, &ds);
  internal::MarkSummaryBoxes(lines, &ds);
  std::vector<RemovedLine> cut_credits;
  internal::MarkCaptionsAndCredits(lines, &ds, &cut_credits);
  internal::RemovePromos(options, lines, &ds);
  internal::RemoveRepeats(lines, &ds);

  // Editors and publishers named in bylines are not authors.
  for (size_t i = 0; i < lines.size() && doc->authors.empty(); ++i) {
    if (!ds[i].removed || ds[i].reason != RemoveReason::kByline) continue;
    const Line& l = lines[i];
    if (l.lower.starts_with("edited") || l.lower.starts_with("published") ||
        l.lower.starts_with("posted")) {
      continue;
    }
    size_t prefix = internal::BylinePrefixLength(l.view());
    if (ds[i].rule == "meta_label") {
      // "Автор: Jane Roe", "作者：李华": the value after the colon. An
      // editor label ("责任编辑") names no author.
      size_t colon = l.text.find(':');
      size_t wide = l.text.find("\xEF\xBC\x9A");
      if (l.text.find("\xE7\xBC\x96\xE8\xBE\x91") != std::string::npos) continue;  // 编辑
      if (colon == std::string::npos || (wide != std::string::npos && wide < colon)) {
        colon = wide == std::string::npos ? wide : wide + 2;
      }
      if (colon == std::string::npos) continue;
      prefix = colon + 1;
    } else if (prefix == 0) {
      continue;
    }
    doc->authors = AuthorsOfByline(l.text, prefix);
  }

  internal::RemoveAuthorSentences(doc->authors, lines, &ds);
  std::string given_key = text::LooseKey(doc->given_title);
  internal::RestoreInnerLabels(lines, &ds);
  const size_t title = internal::ChooseTitle(lines, ds, given_key);
  if (options.sweep_page_furniture) internal::RemovePageFurniture(lines, title, &ds);

  doc->blocks.clear();
  doc->removed.clear();
  // next_kept[i]: the first kept line after i (lines.size() when none).
  std::vector<size_t> next_kept(lines.size(), lines.size());
  for (size_t i = lines.size(), next = lines.size(); i-- > 0;) {
    next_kept[i] = next;
    if (!ds[i].removed) next = i;
  }
  size_t cut_index = 0;
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
    } else if (i == title) {
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
    doc->blocks.push_back(std::move(b));
    while (cut_index < cut_credits.size() && cut_credits[cut_index].line == l.line_no) {
      doc->removed.push_back(cut_credits[cut_index++]);
    }
  }
  while (cut_index < cut_credits.size()) doc->removed.push_back(cut_credits[cut_index++]);

  doc->title = doc->given_title;
  if (doc->title.empty()) {
    for (const Block& b : doc->blocks) {
      if (b.kind == BlockKind::kTitle) doc->title = b.text;
    }
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
