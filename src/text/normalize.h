// text/normalize.h: Unicode normalisation (ICU NFC) and whitespace tidying.
//
// Cleaning compares lines and the later stages compare words, so text is
// brought to NFC first: "é" typed as e + U+0301 and as U+00E9 become equal.
// Already-normalised text (the common case) is detected by ICU's quick check
// and returned without conversion.
//
// Thread-safety: thread-safe (ICU's normaliser instance is shared, immutable).
#ifndef RSH_TEXT_NORMALIZE_H_
#define RSH_TEXT_NORMALIZE_H_

#include <string>
#include <string_view>

namespace rashomon::text {

// Returns `utf8` in Normalization Form C. Texts of 2 GiB or more (past
// ICU's 32-bit lengths) are returned unchanged. REQUIRES: IsValidUtf8(utf8).
std::string NormalizeNfc(std::string_view utf8);

// Returns `line` with leading and trailing white space removed (ASCII white
// space, U+00A0 NO-BREAK SPACE, U+2000..U+200B, U+202F, U+205F, U+3000,
// U+FEFF, and the rest of Unicode's White_Space: U+0085, U+1680, U+2028,
// U+2029; see IsWhiteSpace in text/utf8.h) and inner runs of white space
// collapsed to one ASCII space. Invalid UTF-8 bytes are copied unchanged.
std::string CollapseWhitespace(std::string_view line);

// Returns a key for comparing lines loosely: case folded (ICU full folding,
// "ß" -> "ss"), letters, decimal digits and combining marks kept (marks so
// that Devanagari or Thai words stay whole), every run of anything else
// turned into one space, trimmed. "“The Rival”, Norland!" -> "the rival norland".
// Invalid UTF-8 sequences count as separators.
std::string LooseKey(std::string_view utf8);

// Returns `word` case folded (ICU full folding: "Straße" -> "strasse",
// "ÉTÉ" -> "été"), every code point kept. ASCII takes a fast path.
// Invalid UTF-8 bytes are copied unchanged.
std::string FoldCase(std::string_view word);

}  // namespace rashomon::text

#endif  // RSH_TEXT_NORMALIZE_H_
