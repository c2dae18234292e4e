#include "text/chars.h"

#include <unicode/uchar.h>

namespace rashomon::text {

bool IsUpperCaseLetter(char32_t cp) {
  const auto c = static_cast<UChar32>(cp);
  return u_isupper(c) || u_istitle(c);
}

bool IsLetter(char32_t cp) { return u_isalpha(static_cast<UChar32>(cp)); }

char32_t FoldCaseCodePoint(char32_t cp) {
  return static_cast<char32_t>(u_foldCase(static_cast<UChar32>(cp), U_FOLD_CASE_DEFAULT));
}

bool IsQuoteBracketDashOrSpace(char32_t cp) {
  switch (u_charType(static_cast<UChar32>(cp))) {
    case U_INITIAL_PUNCTUATION:
    case U_FINAL_PUNCTUATION:
    case U_START_PUNCTUATION:
    case U_DASH_PUNCTUATION:
    case U_SPACE_SEPARATOR:
      return true;
    default:
      return false;
  }
}

}  // namespace rashomon::text
