#include "text/sentences.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>

#include <algorithm>
#include <iterator>
#include <string>
#include <string_view>

#include "base/check.h"
#include "text/utf8.h"

namespace rashomon::text {
namespace {

// ICU's UTF-8 UText takes 32-bit lengths, so long texts are split in pieces
// of at most this many bytes, cut after a line feed where possible. ICU
// always breaks after a line feed and the repairs below never join across
// one, so such cuts do not change the result.
constexpr size_t kMaxChunkBytes = size_t{1} << 22;

// Abbreviations that precede a name and so never end a sentence.
constexpr std::string_view kTitles[] = {"Adm",  "Capt", "Cmdr", "Col",    "Dr",  "Gen", "Gov",
                                        "Hon",  "Lt",   "Maj",  "Messrs", "Mr",  "Mrs", "Ms",
                                        "Pres", "Prof", "Rep",  "Reps",   "Rev", "Sen", "Sens",
                                        "Sgt",  "Supt", "vs",   "Vs"};

// Abbreviations that are joined to a following number ("Jan. 5", "No. 10").
constexpr std::string_view kBeforeNumber[] = {"Jan", "Feb", "Mar",  "Apr", "Jun", "Jul",
                                              "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
                                              "No",  "Nos", "Vol",  "Art", "Fig"};

// Abbreviations that may end a sentence or go on ("St. Louis" but "Main
// St."; "Apple Inc. Chief Executive" but "pears, etc."): decided by the next
// word, as for initials and dotted acronyms.
constexpr std::string_view kAmbiguous[] = {"St",  "Mt",   "Ft",  "Jr", "Sr",  "etc",
                                           "Inc", "Corp", "Ltd", "Co", "Bros"};

// Capitalised words that usually start a sentence. After an initial, a
// dotted acronym ("U.S.") or an ambiguous abbreviation one of these means
// the sentence ended there; any other capitalised word ("U.S. Army") means
// it goes on.
constexpr std::string_view kSentenceStarters[] = {
    "A",       "About",   "According", "After",  "Also",  "Although",  "An",      "And",
    "As",      "At",      "Because",   "Before", "But",   "By",        "Despite", "During",
    "Earlier", "Even",    "For",       "From",   "He",    "Her",       "Here",    "His",
    "How",     "However", "I",         "If",     "In",    "It",        "Its",     "Last",
    "Later",   "Many",    "Meanwhile", "More",   "Most",  "My",        "No",      "Now",
    "On",      "One",     "Our",       "She",    "Since", "So",        "Some",    "Still",
    "That",    "The",     "Their",     "Then",   "There", "These",     "They",    "This",
    "Those",   "Though",  "To",        "Today",  "We",    "What",      "When",    "Where",
    "Which",   "While",   "Who",       "Why",    "With",  "Yesterday", "Yet",     "You"};

template <size_t N>
bool Contains(const std::string_view (&table)[N], std::string_view word) {
  return std::find(std::begin(table), std::end(table), word) != std::end(table);
}

bool IsLetter(char32_t cp) {
  if (cp < 0x80) return ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z');
  return u_isalpha(static_cast<UChar32>(cp));
}

// Paragraph separators: the repairs never join across them.
bool IsLineBreak(char32_t cp) {
  return cp == '\n' || cp == '\r' || cp == '\v' || cp == '\f' || cp == 0x85 || cp == 0x2028 ||
         cp == 0x2029;
}

// Opening punctuation skipped before the next sentence's first word.
bool IsOpening(char32_t cp) {
  if (cp == '"' || cp == '\'') return true;
  const int8_t type = u_charType(static_cast<UChar32>(cp));
  return type == U_START_PUNCTUATION || type == U_INITIAL_PUNCTUATION;
}

// The start of the text that follows a break.
struct NextWord {
  enum class Kind { kNone, kLower, kUpper, kDigit, kOther } kind = Kind::kNone;
  std::string_view ascii_word;  // Leading ASCII letters, for table lookups.
};

NextWord ReadNextWord(std::string_view text, size_t pos) {
  NextWord next;
  while (pos < text.size()) {
    size_t after = pos;
    const char32_t cp = DecodeUtf8(text, &after);
    if (IsLineBreak(cp)) return next;
    if (!IsWhiteSpace(cp) && !IsOpening(cp)) break;
    pos = after;
  }
  if (pos >= text.size()) return next;
  size_t after = pos;
  const auto c = static_cast<UChar32>(DecodeUtf8(text, &after));
  if (u_isdigit(c)) {
    next.kind = NextWord::Kind::kDigit;
  } else if (u_islower(c)) {
    next.kind = NextWord::Kind::kLower;
  } else if (u_isupper(c) || u_istitle(c)) {
    next.kind = NextWord::Kind::kUpper;
  } else {
    next.kind = NextWord::Kind::kOther;
  }
  size_t end = pos;
  while (end < text.size() && static_cast<unsigned char>(text[end]) < 0x80 &&
         IsLetter(static_cast<unsigned char>(text[end]))) {
    ++end;
  }
  if (end < text.size() && static_cast<unsigned char>(text[end]) >= 0x80) {
    size_t rest = end;
    const auto c2 = static_cast<UChar32>(DecodeUtf8(text, &rest));
    if (u_isalpha(c2) || (U_GET_GC_MASK(c2) & U_GC_M_MASK)) {
      return next;  // Not an ASCII word, so in none of the tables.
    }
  }
  next.ascii_word = text.substr(pos, end - pos);
  return next;
}

// True for "U.S", "e.g", "Ph.D", "J.R.R": dot-separated groups of one or
// two letters (the final dot is not part of `token`).
bool IsDottedAbbreviation(std::string_view token) {
  if (token.find('.') == std::string_view::npos) return false;
  size_t group = 0;  // Code points in the current group.
  size_t pos = 0;
  while (pos < token.size()) {
    if (token[pos] == '.') {
      if (group == 0) return false;
      group = 0;
      ++pos;
      continue;
    }
    DecodeUtf8(token, &pos);
    if (++group > 2) return false;
  }
  return group > 0;
}

// True when the word after an initial, a dotted acronym or an ambiguous
// abbreviation continues the sentence: it starts with a lower-case letter or
// a digit, or is capitalised but not a usual sentence start.
bool ContinuesAfterAcronym(const NextWord& next) {
  switch (next.kind) {
    case NextWord::Kind::kLower:
    case NextWord::Kind::kDigit:
      return true;
    case NextWord::Kind::kUpper:
      return !Contains(kSentenceStarters, next.ascii_word);
    default:
      return false;
  }
}

// Decides whether ICU's break at `pos` (0 < pos < text.size()) falls after
// an abbreviation rather than at a sentence end.
bool ShouldJoin(std::string_view text, size_t pos) {
  size_t end = pos;  // End of the text before the break, spaces trimmed.
  while (end > 0) {
    size_t before = end;
    const char32_t cp = DecodeUtf8Before(text, &before);
    if (!IsWhiteSpace(cp)) break;
    if (IsLineBreak(cp)) return false;
    end = before;
  }
  if (end == 0 || text[end - 1] != '.') return false;
  // The token is the run of letters and dots that ends with that period.
  // No abbreviation is longer than kMaxToken bytes, which bounds the scan.
  constexpr size_t kMaxToken = 32;
  size_t begin = end - 1;
  while (begin > 0) {
    if (end - begin > kMaxToken) return false;
    size_t before = begin;
    const char32_t cp = DecodeUtf8Before(text, &before);
    if (cp != '.' && !IsLetter(cp)) break;
    begin = before;
  }
  std::string_view token = text.substr(begin, end - 1 - begin);
  while (!token.empty() && token.front() == '.') token.remove_prefix(1);
  if (token.empty() || token.back() == '.') return false;  // "...", "A.."

  const NextWord next = ReadNextWord(text, pos);
  if (next.kind == NextWord::Kind::kNone) return false;
  if (IsDottedAbbreviation(token)) {
    // Lower-case ones ("a.m.", "p.m.", "e.g.") before a capital mostly end
    // a sentence: "It began at 5 a.m. Police arrived."
    const bool lower =
        std::none_of(token.begin(), token.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
    if (lower) {
      return next.kind == NextWord::Kind::kLower || next.kind == NextWord::Kind::kDigit;
    }
    return ContinuesAfterAcronym(next);
  }
  size_t first_end = 0;
  const auto first = static_cast<UChar32>(DecodeUtf8(token, &first_end));
  if (first_end == token.size()) {  // A single letter.
    // An initial stands as a word of its own: "John F. Kennedy", not the
    // unit of "40°C." or the end of "Vitamin-C.".
    if (begin > 0) {
      size_t before = begin;
      const char32_t prev = DecodeUtf8Before(text, &before);
      if (!IsWhiteSpace(prev) && prev != '(' && prev != '"' && prev != 0x201C && prev != 0x2018) {
        return false;
      }
    }
    return (u_isupper(first) || u_istitle(first)) && ContinuesAfterAcronym(next);
  }
  if (Contains(kTitles, token)) return true;
  if (Contains(kBeforeNumber, token)) {
    return next.kind == NextWord::Kind::kDigit;
  }
  if (Contains(kAmbiguous, token)) return ContinuesAfterAcronym(next);
  return false;
}

// Returns the length of the next piece of `text` to segment on its own.
size_t ChunkLength(std::string_view text) {
  if (text.size() <= kMaxChunkBytes) return text.size();
  const std::string_view window = text.substr(0, kMaxChunkBytes);
  size_t cut = window.rfind('\n');
  if (cut == std::string_view::npos) cut = window.rfind(' ');
  if (cut != std::string_view::npos) return cut + 1;
  // No line feed or space in 4 MiB: cut at a code point boundary.
  cut = kMaxChunkBytes;
  while (cut > kMaxChunkBytes - 4 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) {
    --cut;
  }
  return cut;
}

// Returns a copy of `text` with each byte of each invalid sequence replaced
// by '?', so that byte offsets stay those of `text`.
std::string ReplaceInvalidBytes(std::string_view text) {
  std::string copy(text);
  constexpr std::string_view kReplacement = "\xEF\xBF\xBD";
  size_t pos = 0;
  while (pos < copy.size()) {
    const size_t start = pos;
    if (DecodeUtf8Lenient(copy, &pos) == 0xFFFD &&
        copy.compare(start, pos - start, kReplacement) != 0) {
      std::fill(copy.begin() + start, copy.begin() + pos, '?');
    }
  }
  return copy;
}

}  // namespace

struct SentenceSplitter::Impl {
  Impl() {
    UErrorCode status = U_ZERO_ERROR;
    iterator.reset(icu::BreakIterator::createSentenceInstance(icu::Locale::getEnglish(), status));
    // Only a broken ICU installation (missing data) fails here.
    RSH_CHECK(U_SUCCESS(status) && iterator != nullptr);
  }
  ~Impl() { utext_close(utext); }

  // Appends the sentences of `chunk`, which starts at `offset` in the text.
  void SplitChunk(std::string_view chunk, size_t offset, std::vector<Span>* out);
  // Appends [begin, end) of `chunk` without its outer white space, if any
  // remains.
  static void Emit(std::string_view chunk, size_t begin, size_t end, size_t offset,
                   std::vector<Span>* out);

  std::unique_ptr<icu::BreakIterator> iterator;
  UText* utext = nullptr;      // Reopened on each chunk to avoid allocation.
  std::vector<size_t> breaks;  // Scratch: ICU's boundaries in a chunk.
};

void SentenceSplitter::Impl::SplitChunk(std::string_view chunk, size_t offset,
                                        std::vector<Span>* out) {
  UErrorCode status = U_ZERO_ERROR;
  utext = utext_openUTF8(utext, chunk.data(), static_cast<int64_t>(chunk.size()), &status);
  if (U_SUCCESS(status)) iterator->setText(utext, status);
  breaks.clear();
  if (U_SUCCESS(status)) {
    for (int32_t b = iterator->first(); b != icu::BreakIterator::DONE; b = iterator->next()) {
      breaks.push_back(static_cast<size_t>(b));
    }
  }
  // Without ICU's answer the chunk counts as a single sentence.
  if (breaks.empty() || breaks.front() != 0) breaks.insert(breaks.begin(), 0);
  if (breaks.back() != chunk.size()) breaks.push_back(chunk.size());

  size_t begin = 0;
  for (size_t k = 1; k < breaks.size(); ++k) {
    const size_t b = breaks[k];
    if (b < chunk.size() && ShouldJoin(chunk, b)) continue;
    Emit(chunk, begin, b, offset, out);
    begin = b;
  }
}

void SentenceSplitter::Impl::Emit(std::string_view chunk, size_t begin, size_t end, size_t offset,
                                  std::vector<Span>* out) {
  while (begin < end) {
    size_t after = begin;
    if (!IsWhiteSpace(DecodeUtf8(chunk, &after))) break;
    begin = after;
  }
  while (end > begin) {
    size_t before = end;
    if (!IsWhiteSpace(DecodeUtf8Before(chunk, &before))) break;
    end = before;
  }
  if (begin < end) out->push_back(Span{offset + begin, offset + end});
}

SentenceSplitter::SentenceSplitter() : impl_(std::make_unique<Impl>()) {}

SentenceSplitter::~SentenceSplitter() = default;

std::vector<Span> SentenceSplitter::Split(std::string_view text) {
  // Invalid UTF-8 breaks the contract, but must not make the backward
  // decoding below read out of bounds. Validation costs little next to ICU.
  std::string repaired;
  if (!IsValidUtf8(text)) {
    repaired = ReplaceInvalidBytes(text);
    text = repaired;
  }
  std::vector<Span> out;
  size_t offset = 0;
  while (offset < text.size()) {
    const std::string_view rest = text.substr(offset);
    const size_t len = ChunkLength(rest);
    impl_->SplitChunk(rest.substr(0, len), offset, &out);
    offset += len;
  }
  return out;
}

}  // namespace rashomon::text
