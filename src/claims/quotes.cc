#include "claims/quotes.h"

#include <algorithm>
#include <cctype>
#include <optional>

#include "claims/lexicon.h"
#include "text/chars.h"
#include "text/normalize.h"
#include "text/tokens.h"
#include "text/utf8.h"

namespace rashomon::claims {
namespace {

// Bytes looked at on each side of a quote or a name for its cues.
constexpr size_t kContextBytes = 400;
constexpr size_t kMaxAppositionBytes = 200;
constexpr size_t kMaxPronounCandidates = 64;

struct WordRef {
  text::Span span;
  std::string lower;  // Case folded.
  bool capitalised = false;
};

bool IsWordChar(char32_t cp) {
  return text::IsLetter(cp) || (cp >= '0' && cp <= '9') || cp == '\'' || cp == U'\u2019' ||
         cp == '-';
}

bool IsInlineSpace(char32_t cp) { return cp != '\n' && text::IsWhiteSpace(cp); }

size_t SkipSpacesForward(std::string_view s, size_t pos) {
  while (pos < s.size()) {
    size_t next = pos;
    if (!IsInlineSpace(text::DecodeUtf8(s, &next))) break;
    pos = next;
  }
  return pos;
}

size_t SkipSpacesBackward(std::string_view s, size_t pos, size_t floor) {
  while (pos > floor) {
    size_t prev = pos;
    if (!IsInlineSpace(text::DecodeUtf8Before(s, &prev))) break;
    pos = prev;
  }
  return pos;
}

// The word starting at `pos` after inline spaces, if a word comes before any
// punctuation.
std::optional<WordRef> WordAfter(std::string_view s, size_t pos, size_t limit) {
  pos = SkipSpacesForward(s, pos);
  size_t end = pos;
  while (end < limit) {
    size_t next = end;
    if (!IsWordChar(text::DecodeUtf8(s, &next))) break;
    end = next;
  }
  if (end == pos) return std::nullopt;
  WordRef w;
  w.span = {pos, end};
  w.lower = text::FoldCase(s.substr(pos, end - pos));
  size_t p = pos;
  w.capitalised = text::IsUpperCaseLetter(text::DecodeUtf8(s, &p));
  return w;
}

// The word ending at `pos` before inline spaces, if no punctuation is between.
std::optional<WordRef> WordBefore(std::string_view s, size_t pos, size_t floor) {
  pos = SkipSpacesBackward(s, pos, floor);
  size_t begin = pos;
  while (begin > floor) {
    size_t prev = begin;
    if (!IsWordChar(text::DecodeUtf8Before(s, &prev))) break;
    begin = prev;
  }
  if (begin == pos) return std::nullopt;
  WordRef w;
  w.span = {begin, pos};
  w.lower = text::FoldCase(s.substr(begin, pos - begin));
  size_t p = begin;
  w.capitalised = text::IsUpperCaseLetter(text::DecodeUtf8(s, &p));
  return w;
}

bool IsDeterminer(std::string_view w) { return w == "the" || w == "a" || w == "an"; }
bool IsPersonPronoun(std::string_view w) { return w == "he" || w == "she"; }
bool IsAdverb(std::string_view w) {
  return w == "also" || w == "first" || w == "later" || w == "then" || w == "has" || w == "had" ||
         w == "have" || w == "previously" || w == "recently" ||
         (w.size() > 4 && w.substr(w.size() - 2) == "ly");
}

// Entities sorted by begin (and so by end: they do not overlap).
class EntityIndex {
 public:
  explicit EntityIndex(const std::vector<Entity>& entities) : entities_(entities) {}
  const Entity* StartingAt(size_t pos) const {
    auto it = std::lower_bound(entities_.begin(), entities_.end(), pos,
                               [](const Entity& e, size_t p) { return e.span.begin < p; });
    return it != entities_.end() && it->span.begin == pos ? &*it : nullptr;
  }
  const Entity* EndingAt(size_t pos) const {
    auto it = std::lower_bound(entities_.begin(), entities_.end(), pos,
                               [](const Entity& e, size_t p) { return e.span.end < p; });
    return it != entities_.end() && it->span.end == pos ? &*it : nullptr;
  }
  const std::vector<Entity>& all() const { return entities_; }

 private:
  const std::vector<Entity>& entities_;
};

// A speaker found next to a quote.
struct Speaker {
  text::Span span;
  std::string text;
  std::string key;
  EntityType type = EntityType::kUnknown;
  bool pronoun = false;
};

Speaker FromEntity(const Entity& e) { return {e.span, e.text, e.key, e.type, false}; }

// A description such as "the report" as a speaker, its determiner in lower
// case ("The memo says" gives "the memo").
Speaker Description(std::string_view s, size_t begin, size_t end) {
  std::string words(s.substr(begin, end - begin));
  if (!words.empty())
    words[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(words[0])));
  return Speaker{{begin, end}, std::move(words), "", EntityType::kOther, false};
}

// An entity, "the <noun> [noun]" or a pronoun starting at `pos`; sets *end.
std::optional<Speaker> SpeakerAfter(std::string_view s, size_t pos, size_t limit,
                                    const EntityIndex& index, size_t* end) {
  std::optional<WordRef> w = WordAfter(s, pos, limit);
  if (!w) return std::nullopt;
  if (const Entity* e = index.StartingAt(w->span.begin)) {
    *end = e->span.end;
    return FromEntity(*e);
  }
  if (IsDeterminer(w->lower) || w->lower == "its" || w->lower == "this") {
    if (std::optional<WordRef> n = WordAfter(s, w->span.end, limit)) {
      if (const Entity* e = index.StartingAt(n->span.begin)) {
        *end = e->span.end;
        return FromEntity(*e);
      }
      if (n->capitalised || internal::IsFunctionWord(n->lower) ||
          internal::IsSpeechVerb(n->lower)) {
        return std::nullopt;
      }
      size_t last = n->span.end;
      // One more noun ("the FMA document" is an entity first; "the intelligence memo").
      std::optional<WordRef> n2 = WordAfter(s, last, limit);
      if (n2 && !n2->capitalised && !internal::IsFunctionWord(n2->lower) &&
          !internal::IsSpeechVerb(n2->lower) && !IsAdverb(n2->lower)) {
        last = n2->span.end;
      }
      *end = last;
      return Description(s, w->span.begin, last);
    }
    return std::nullopt;
  }
  if (IsPersonPronoun(w->lower)) {
    *end = w->span.end;
    return Speaker{w->span, std::string(s.substr(w->span.begin, w->span.end - w->span.begin)), "",
                   EntityType::kPerson, true};
  }
  return std::nullopt;
}

// An entity, pronoun or description ending at `pos` (spaces skipped).
std::optional<Speaker> SpeakerBefore(std::string_view s, size_t pos, size_t floor,
                                     const EntityIndex& index) {
  pos = SkipSpacesBackward(s, pos, floor);
  if (const Entity* e = index.EndingAt(pos)) return FromEntity(*e);
  std::optional<WordRef> w = WordBefore(s, pos, floor);
  if (!w) return std::nullopt;
  if (IsPersonPronoun(w->lower)) {
    return Speaker{w->span, std::string(s.substr(w->span.begin, w->span.end - w->span.begin)), "",
                   EntityType::kPerson, true};
  }
  // "the report", "the leaked memo": a determiner at most two words back.
  std::optional<WordRef> d = WordBefore(s, w->span.begin, floor);
  if (d && !IsDeterminer(d->lower)) d = WordBefore(s, d->span.begin, floor);
  if (d && IsDeterminer(d->lower) && !w->capitalised && !internal::IsFunctionWord(w->lower)) {
    return Description(s, d->span.begin, w->span.end);
  }
  return std::nullopt;
}

struct Found {
  Speaker speaker;
  std::string cue;
};

// `"...," X said`, `"..." said X`, `"...," according to X`.
std::optional<Found> SpeakerAfterQuote(std::string_view s, size_t pos, size_t limit,
                                       const EntityIndex& index) {
  pos = SkipSpacesForward(s, pos);
  if (pos < limit && s[pos] == ',') ++pos;
  std::optional<WordRef> w = WordAfter(s, pos, limit);
  if (!w) return std::nullopt;
  size_t end = 0;
  if (internal::IsSpeechVerb(w->lower)) {
    if (auto sp = SpeakerAfter(s, w->span.end, limit, index, &end)) return Found{*sp, w->lower};
    return std::nullopt;
  }
  if (w->lower == "according") {
    std::optional<WordRef> to = WordAfter(s, w->span.end, limit);
    if (to && to->lower == "to") {
      if (auto sp = SpeakerAfter(s, to->span.end, limit, index, &end)) {
        if (!sp->pronoun) return Found{*sp, "according to"};
      }
    }
    return std::nullopt;
  }
  auto sp = SpeakerAfter(s, pos, limit, index, &end);
  if (!sp) return std::nullopt;
  std::optional<WordRef> v = WordAfter(s, end, limit);
  if (v && IsAdverb(v->lower)) v = WordAfter(s, v->span.end, limit);
  if (v && internal::IsSpeechVerb(v->lower)) return Found{*sp, v->lower};
  return std::nullopt;
}

// The subject of the speech verb `verb`: skips adverbs and an apposition
// between commas ("X, an expert on ..., said").
std::optional<Speaker> SubjectOf(std::string_view s, const WordRef& verb, size_t floor,
                                 const EntityIndex& index) {
  size_t pos = SkipSpacesBackward(s, verb.span.begin, floor);
  if (std::optional<WordRef> adv = WordBefore(s, pos, floor); adv && IsAdverb(adv->lower)) {
    pos = SkipSpacesBackward(s, adv->span.begin, floor);
  }
  if (pos > floor && s[pos - 1] == ',') {
    const size_t lo = pos - 1 > floor + kMaxAppositionBytes ? pos - 1 - kMaxAppositionBytes : floor;
    const size_t comma = s.substr(lo, pos - 1 - lo).rfind(',');
    if (comma == std::string_view::npos) return std::nullopt;
    pos = lo + comma;
  }
  return SpeakerBefore(s, pos, floor, index);
}

// `X said: "..."`, `X said "..."`, `X said that "..."`, `As X observed for
// Y, "..."`, `according to X, "..."`.
std::optional<Found> SpeakerBeforeQuote(std::string_view s, size_t open, size_t floor,
                                        const EntityIndex& index) {
  size_t pos = SkipSpacesBackward(s, open, floor);
  if (pos == floor) return std::nullopt;
  const bool punct = s[pos - 1] == ',' || s[pos - 1] == ':';
  if (punct) --pos;
  if (punct && s[pos] == ',') {
    if (const Entity* e = index.EndingAt(SkipSpacesBackward(s, pos, floor))) {
      std::optional<WordRef> w = WordBefore(s, e->span.begin, floor);
      if (w && IsDeterminer(w->lower)) w = WordBefore(s, w->span.begin, floor);
      std::optional<WordRef> a = w ? WordBefore(s, w->span.begin, floor) : std::nullopt;
      if (w && a && w->lower == "to" && a->lower == "according") {
        return Found{FromEntity(*e), "according to"};
      }
    }
  }
  // The speech verb: the last word, or ("that" aside) within the last
  // words before a comma or colon ("observed for The Lakeside Morning Post,").
  std::optional<WordRef> w = WordBefore(s, pos, floor);
  if (w && !punct && w->lower == "that") w = WordBefore(s, w->span.begin, floor);
  for (int i = 0; w && i < (punct ? 8 : 1); ++i) {
    if (internal::IsSpeechVerb(w->lower)) {
      if (auto sp = SubjectOf(s, *w, floor, index)) return Found{*sp, w->lower};
      return std::nullopt;
    }
    w = WordBefore(s, w->span.begin, floor);
  }
  return std::nullopt;
}

enum class MarkKind { kNone, kStraight, kCurly, kLow, kGuillemet, kSingle };

bool OpensAfter(std::string_view s, size_t mark) {
  if (mark == 0) return true;
  size_t p = mark;
  const char32_t before = text::DecodeUtf8Before(s, &p);
  return text::IsWhiteSpace(before) || before == '(' || before == '[' || before == '-' ||
         before == U'\u2014' || before == U'\u2013' || before == '/' || before == ':';
}

bool LetterAt(std::string_view s, size_t pos) {
  if (pos >= s.size()) return false;
  return text::IsLetter(text::DecodeUtf8(s, &pos));
}

// Resolves he/she to the only person named in the quote's sentence (before
// the quote) or the two sentences before it.
void ResolvePronoun(const std::vector<text::Span>& sentences, const EntityIndex& index,
                    size_t quote_begin, Speaker* speaker) {
  auto sit = std::upper_bound(sentences.begin(), sentences.end(), quote_begin,
                              [](size_t p, const text::Span& sp) { return p < sp.begin; });
  const size_t here = sit == sentences.begin() ? 0 : sit - sentences.begin() - 1;
  const size_t window = sentences.empty() ? 0 : sentences[here >= 2 ? here - 2 : 0].begin;
  // The most recent people first, at most kMaxPronounCandidates of them.
  const Entity* found = nullptr;
  const std::vector<Entity>& all = index.all();
  auto it = std::lower_bound(all.begin(), all.end(), quote_begin,
                             [](const Entity& e, size_t p) { return e.span.begin < p; });
  auto ends_with = [](const std::string& full, const std::string& last) {
    return full.size() > last.size() && full.ends_with(" " + last);
  };
  for (size_t seen = 0; it != all.begin() && seen < kMaxPronounCandidates; ++seen) {
    const Entity& e = *--it;
    if (e.span.begin < window) break;
    if (e.type != EntityType::kPerson || e.span.end > quote_begin) continue;
    if (found == nullptr || found->key == e.key || ends_with(found->key, e.key)) {
      if (found == nullptr) found = &e;
      continue;
    }
    if (ends_with(e.key, found->key)) {
      found = &e;
      continue;
    }
    return;  // Two people: ambiguous.
  }
  if (found == nullptr) return;
  speaker->text = found->text;
  speaker->key = found->key;
  speaker->type = EntityType::kPerson;
}

// Adds the quote between `open` (first content byte) and `close` (the
// closing mark) if it has a speaker or enough words.
void EmitQuote(std::string_view s, size_t open_mark, size_t open, size_t close, size_t close_end,
               MarkKind kind, size_t floor, const EntityIndex& index,
               const std::vector<text::Span>& sentences, const QuoteOptions& options,
               std::vector<Quote>* out) {
  const size_t begin = SkipSpacesForward(s, open);
  const size_t end = SkipSpacesBackward(s, close, begin);
  if (begin >= end) return;
  const size_t window_end = std::min(s.size(), close_end + kContextBytes);
  const size_t limit = close_end + std::min(window_end - close_end,
                                            s.substr(close_end, window_end - close_end).find('\n'));
  std::optional<Found> found = SpeakerAfterQuote(s, close_end, limit, index);
  if (!found) found = SpeakerBeforeQuote(s, open_mark, floor, index);
  const size_t words = text::CountWords(s.substr(begin, end - begin));
  if (!found && (kind == MarkKind::kSingle || words < options.min_words)) return;
  Quote q;
  q.span = {begin, end};
  q.text = std::string(s.substr(begin, end - begin));
  if (found) {
    if (found->speaker.pronoun) ResolvePronoun(sentences, index, open_mark, &found->speaker);
    q.speaker = found->speaker.pronoun && found->speaker.key.empty() ? "" : found->speaker.text;
    q.speaker_key = found->speaker.key;
    q.speaker_span = found->speaker.span;
    q.speaker_type = found->speaker.type;
    q.pronoun = found->speaker.pronoun;
    q.cue = found->cue;
  }
  out->push_back(std::move(q));
}

// Cue words before a source: "according to", "obtained by [the group]",
// "told", "interview with", "citing", "wrote for", "said it", "led".
struct LeftCue {
  std::string cue;
  text::Span span;
  bool descriptor = false;  // "by the hacker group X".
};

std::optional<LeftCue> CueBefore(std::string_view s, const Entity& e, size_t floor) {
  // Words between the cue and the name: determiners and lower-case
  // descriptors ("the hacker group"), at most four.
  std::optional<WordRef> w = WordBefore(s, e.span.begin, floor);
  bool descriptor = false;
  for (int i = 0; w && i < 4; ++i) {
    const bool skippable =
        IsDeterminer(w->lower) ||
        (!w->capitalised && !internal::IsFunctionWord(w->lower) &&
         !internal::IsCiteParticiple(w->lower) && !internal::IsSpeechVerb(w->lower) &&
         w->lower != "citing" && w->lower != "led" && w->lower != "told");
    if (!skippable) break;
    descriptor = descriptor || internal::IsDescriptorNoun(w->lower);
    w = WordBefore(s, w->span.begin, floor);
  }
  if (!w) return std::nullopt;
  const std::string& a = w->lower;
  std::optional<WordRef> b = WordBefore(s, w->span.begin, floor);
  auto make = [&](std::string cue, size_t begin) {
    return LeftCue{std::move(cue), {begin, w->span.end}, descriptor};
  };
  if (a == "to" && b && b->lower == "according") return make("according to", b->span.begin);
  if (a == "told" || a == "citing") return make(a, w->span.begin);
  if (a == "led") return make("led", w->span.begin);
  if (!b) return std::nullopt;
  if (a == "with" && b->lower == "interview") return make("interview with", b->span.begin);
  if (a == "for" && internal::IsSpeechVerb(b->lower)) return make(b->lower + " for", b->span.begin);
  if (a == "it" && (b->lower == "said" || b->lower == "reported" || b->lower == "wrote" ||
                    b->lower == "stated")) {
    return make(b->lower + " it", b->span.begin);
  }
  if (a != "by") return std::nullopt;
  if (internal::IsCiteParticiple(b->lower) || internal::IsReportNoun(b->lower)) {
    return make(b->lower + " by", b->span.begin);
  }
  if (b->lower == "on") {  // "first reported on by X".
    std::optional<WordRef> c = WordBefore(s, b->span.begin, floor);
    if (c && internal::IsCiteParticiple(c->lower)) return make(c->lower + " on by", c->span.begin);
  }
  return std::nullopt;
}

// Skips "(ACR)" and an apposition ", a hacker group," after a name;
// returns the position after them and sets *descriptor when the apposition
// names a kind of organisation.
size_t SkipAfterName(std::string_view s, size_t pos, size_t limit, bool* descriptor) {
  size_t p = SkipSpacesForward(s, pos);
  if (p < limit && s[p] == '(') {
    const size_t close = s.substr(p, std::min<size_t>(16, limit - p)).find(')');
    if (close != std::string_view::npos) p = SkipSpacesForward(s, p + close + 1);
  }
  if (p < limit && s[p] == ',') {
    std::optional<WordRef> w = WordAfter(s, p + 1, limit);
    if (w && (w->lower == "a" || w->lower == "an")) {
      bool kind = false;
      for (int i = 0; i < 5 && w; ++i) {
        kind = kind || internal::IsDescriptorNoun(w->lower);
        const size_t after = SkipSpacesForward(s, w->span.end);
        if (after < limit && s[after] == ',' && kind) {
          *descriptor = true;
          return after + 1;
        }
        w = WordAfter(s, w->span.end, limit);
      }
    }
  }
  return p;
}

// Cue words after a source: "[first] reported", "report" (after "a [recent]"),
// "to <verb>" (after "led").
std::optional<LeftCue> CueAfter(std::string_view s, const Entity& e, size_t floor, size_t limit,
                                bool led) {
  bool descriptor = false;
  const size_t p = SkipAfterName(s, e.span.end, limit, &descriptor);
  std::optional<WordRef> w = WordAfter(s, p, limit);
  if (!w) return std::nullopt;
  if (led) {
    std::optional<WordRef> v = w->lower == "to" ? WordAfter(s, w->span.end, limit) : std::nullopt;
    if (v) return LeftCue{"led to " + v->lower, {e.span.end, v->span.end}, descriptor};
    return std::nullopt;
  }
  std::string prefix;
  const size_t cue_begin = w->span.begin;
  for (int i = 0; i < 2 && w && IsAdverb(w->lower); ++i) {
    if (w->lower == "first") prefix = "first ";
    w = WordAfter(s, w->span.end, limit);
  }
  if (!w) return std::nullopt;
  if (internal::IsCiteVerb(w->lower)) {
    return LeftCue{prefix + w->lower, {cue_begin, w->span.end}, descriptor};
  }
  if (internal::IsReportNoun(w->lower) && w->span.begin == SkipSpacesForward(s, e.span.end)) {
    // "a recent X report": a determiner at most two words before the name.
    std::optional<WordRef> d = WordBefore(s, e.span.begin, floor);
    if (d && !IsDeterminer(d->lower) && !d->capitalised) d = WordBefore(s, d->span.begin, floor);
    if (d && IsDeterminer(d->lower))
      return LeftCue{w->lower, {w->span.begin, w->span.end}, descriptor};
  }
  return std::nullopt;
}

}  // namespace

std::vector<Quote> FindQuotes(std::string_view text, const std::vector<Entity>& entities,
                              const std::vector<text::Span>& sentences,
                              const QuoteOptions& options) {
  const EntityIndex index(entities);
  std::vector<Quote> out;
  MarkKind open_kind = MarkKind::kNone;
  size_t open_mark = 0, open_content = 0, floor = 0;
  for (size_t pos = 0; pos < text.size() && out.size() < options.max_quotes;) {
    const size_t mark = pos;
    const char32_t cp = text::DecodeUtf8(text, &pos);
    if (cp == '\n') {
      open_kind = MarkKind::kNone;  // Quotes do not cross paragraphs.
      floor = pos;
      continue;
    }
    if (open_kind != MarkKind::kNone && mark - open_content > options.max_quote_bytes) {
      open_kind = MarkKind::kNone;
    }
    if (open_kind == MarkKind::kNone) {
      MarkKind kind = MarkKind::kNone;
      if (cp == '"' && OpensAfter(text, mark)) kind = MarkKind::kStraight;
      if (cp == U'\u201C') kind = MarkKind::kCurly;
      if (cp == U'\u201E') kind = MarkKind::kLow;
      if (cp == U'\u00AB') kind = MarkKind::kGuillemet;
      if (cp == U'\u2018' && OpensAfter(text, mark)) kind = MarkKind::kSingle;
      if (kind != MarkKind::kNone) {
        open_kind = kind;
        open_mark = mark;
        open_content = pos;
      }
      continue;
    }
    bool closes = false;
    switch (open_kind) {
      case MarkKind::kStraight:
      case MarkKind::kCurly:
        closes = cp == '"' || cp == U'\u201D';
        break;
      case MarkKind::kLow:
        closes = cp == '"' || cp == U'\u201C' || cp == U'\u201D';
        break;
      case MarkKind::kGuillemet:
        closes = cp == U'\u00BB';
        break;
      case MarkKind::kSingle:
        closes = cp == U'\u2019' && !LetterAt(text, pos);
        break;
      case MarkKind::kNone:
        break;
    }
    if (!closes) continue;
    const size_t quote_floor =
        std::max(floor, open_mark > kContextBytes ? open_mark - kContextBytes : 0);
    EmitQuote(text, open_mark, open_content, mark, pos, open_kind, quote_floor, index, sentences,
              options, &out);
    open_kind = MarkKind::kNone;
    floor = pos;
  }
  return out;
}

std::vector<Citation> FindCitations(std::string_view text, const std::vector<Entity>& entities,
                                    const QuoteOptions& options) {
  std::vector<Citation> out;
  for (const Entity& e : entities) {
    if (out.size() >= options.max_citations) break;
    const size_t floor = e.span.begin > kContextBytes ? e.span.begin - kContextBytes : 0;
    const size_t window_end = std::min(text.size(), e.span.end + kContextBytes);
    const size_t limit =
        e.span.end + std::min(window_end - e.span.end,
                              text.substr(e.span.end, window_end - e.span.end).find('\n'));
    std::optional<LeftCue> cue = CueBefore(text, e, floor);
    if (cue && cue->cue == "led") cue = CueAfter(text, e, floor, limit, /*led=*/true);
    if (!cue) cue = CueAfter(text, e, floor, limit, /*led=*/false);
    if (!cue) continue;
    bool apposition = false;
    SkipAfterName(text, e.span.end, limit, &apposition);
    const EntityType type = cue->descriptor || apposition ? EntityType::kOrganisation : e.type;
    // People are quoted, not cited, unless "according to" them.
    if (type == EntityType::kPerson && cue->cue != "according to") continue;
    Citation c;
    c.span = e.span;
    c.source = e.canonical.empty() ? e.text : e.canonical;
    c.source_key = e.key;
    c.source_type = type;
    c.cue = cue->cue;
    c.cue_span = cue->span;
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace rashomon::claims
