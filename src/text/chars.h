// text/chars.h: Unicode character classes the analysis modules ask about
// (ICU's properties; text owns ICU).
//
// Thread-safety: pure functions.
#ifndef RSH_TEXT_CHARS_H_
#define RSH_TEXT_CHARS_H_

namespace rashomon::text {

// An upper-case or title-case letter ("A", "Ж", "ǅ").
bool IsUpperCaseLetter(char32_t cp);

// A letter of any script.
bool IsLetter(char32_t cp);

// The simple (one code point) default case folding of `cp`: "Ä" -> "ä",
// "Σ" and "ς" -> "σ". Strings fold with text::FoldCase (normalize.h).
char32_t FoldCaseCodePoint(char32_t cp);

// Opening or closing quotes and brackets, dashes and space separators: what
// may stand between a sentence's end and the next sentence's first word.
bool IsQuoteBracketDashOrSpace(char32_t cp);

}  // namespace rashomon::text

#endif  // RSH_TEXT_CHARS_H_
