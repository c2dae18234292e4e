#include "text/tokens.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <cstdint>

#include "text/utf8.h"

namespace rashomon::text {
namespace {

enum class CharClass : uint8_t {
  kSeparator,
  kWord,      // Letter or decimal digit of a script written with spaces.
  kMark,      // Combining mark: part of the word before it.
  kSingle,    // Han, Hiragana, Katakana or Thai: a token of its own.
  kJoiner,    // Apostrophe or hyphen: joins two word characters.
  kDigitSep,  // '.' or ',': joins two digits.
};

struct ClassTable {
  CharClass ascii[128];
  constexpr ClassTable() : ascii() {
    for (auto& c : ascii) c = CharClass::kSeparator;
    for (int c = '0'; c <= '9'; ++c) ascii[c] = CharClass::kWord;
    for (int c = 'a'; c <= 'z'; ++c) ascii[c] = CharClass::kWord;
    for (int c = 'A'; c <= 'Z'; ++c) ascii[c] = CharClass::kWord;
    ascii[static_cast<int>('\'')] = CharClass::kJoiner;
    ascii[static_cast<int>('-')] = CharClass::kJoiner;
    ascii[static_cast<int>('.')] = CharClass::kDigitSep;
    ascii[static_cast<int>(',')] = CharClass::kDigitSep;
  }
};
constexpr ClassTable kClasses;

// True for letters of the scripts that are written without spaces between
// words. Script_Extensions is used so that the prolonged sound mark U+30FC
// (script Common) counts as Katakana.
bool IsSpacelessScript(char32_t cp) {
  if (cp < 0x0E00 || (cp >= 0x0E80 && cp < 0x2E80)) return false;
  // Blocks whose letters are all of these scripts: Thai, Hiragana and
  // Katakana, CJK Unified Ideographs (and extension A), compatibility
  // ideographs.
  if (cp < 0x0E80 || (cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x3400 && cp <= 0x9FFF) ||
      (cp >= 0xF900 && cp <= 0xFAFF)) {
    return true;
  }
  const auto c = static_cast<UChar32>(cp);
  return uscript_hasScript(c, USCRIPT_HAN) || uscript_hasScript(c, USCRIPT_HIRAGANA) ||
         uscript_hasScript(c, USCRIPT_KATAKANA) || uscript_hasScript(c, USCRIPT_THAI);
}

CharClass Classify(char32_t cp) {
  if (cp < 0x80) return kClasses.ascii[cp];
  switch (cp) {
    case 0x2019:  // RIGHT SINGLE QUOTATION MARK, the typographic apostrophe.
    case 0x2010:  // HYPHEN
    case 0x2011:  // NON-BREAKING HYPHEN
    case 0x00AD:  // SOFT HYPHEN
    case 0x200C:  // ZERO WIDTH NON-JOINER, inside Persian and Indic words.
    case 0x200D:  // ZERO WIDTH JOINER
      return CharClass::kJoiner;
    default:
      break;
  }
  const uint32_t mask = U_GET_GC_MASK(static_cast<UChar32>(cp));
  if (mask & U_GC_M_MASK) return CharClass::kMark;
  if ((mask & (U_GC_L_MASK | U_GC_ND_MASK)) == 0) return CharClass::kSeparator;
  return IsSpacelessScript(cp) ? CharClass::kSingle : CharClass::kWord;
}

inline bool IsDigit(char32_t cp) {
  if (cp < 0x80) return cp >= '0' && cp <= '9';
  return u_isdigit(static_cast<UChar32>(cp));
}

// Calls `emit(begin, end, starts_with_digit)` for each token of `text`, in
// order. Shared by Tokenize and CountWords so they always agree.
template <typename Emit>
void Scan(std::string_view text, Emit&& emit) {
  const size_t n = text.size();
  size_t pos = 0;
  while (pos < n) {
    const size_t begin = pos;
    const char32_t first = DecodeUtf8Lenient(text, &pos);
    const CharClass cls = Classify(first);
    if (cls != CharClass::kWord && cls != CharClass::kMark && cls != CharClass::kSingle) {
      continue;
    }
    size_t end = pos;
    bool prev_digit = IsDigit(first);
    while (end < n) {
      size_t after = end;
      const char32_t cp = DecodeUtf8Lenient(text, &after);
      const CharClass next = Classify(cp);
      if (next == CharClass::kMark) {
        end = after;
        continue;
      }
      if (cls == CharClass::kSingle) break;  // One character and its marks.
      if (next == CharClass::kWord) {
        end = after;
        prev_digit = IsDigit(cp);
        continue;
      }
      const bool joiner = next == CharClass::kJoiner;
      if ((!joiner && !(next == CharClass::kDigitSep && prev_digit)) || after >= n) {
        break;
      }
      size_t after2 = after;
      const char32_t cp2 = DecodeUtf8Lenient(text, &after2);
      if (Classify(cp2) != CharClass::kWord || (!joiner && !IsDigit(cp2))) {
        break;
      }
      end = after2;
      prev_digit = IsDigit(cp2);
    }
    emit(begin, end, IsDigit(first));
    pos = end;
  }
}

}  // namespace

std::vector<Token> Tokenize(std::string_view text) {
  std::vector<Token> tokens;
  tokens.reserve(text.size() / 6);  // About one token in six bytes of prose.
  Scan(text, [&tokens](size_t begin, size_t end, bool number) {
    tokens.push_back(Token{Span{begin, end}, number ? TokenKind::kNumber : TokenKind::kWord});
  });
  return tokens;
}

size_t CountWords(std::string_view text) {
  size_t count = 0;
  Scan(text, [&count](size_t, size_t, bool) { ++count; });
  return count;
}

}  // namespace rashomon::text
