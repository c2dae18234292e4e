// text/charset.h: charset detection and conversion to UTF-8 (ICU).
//
// Thin, safe wrappers over ICU's ucsdet (detection) and ucnv (conversion).
// html/encoding.h decides which charset a page is in; this converts.
//
//   std::string utf8;
//   if (ConvertToUtf8(bytes, "windows-1251", &utf8)) ...
//
// Thread-safety: reentrant (each call opens its own ICU objects).
#ifndef RSH_TEXT_CHARSET_H_
#define RSH_TEXT_CHARSET_H_

#include <string>
#include <string_view>

namespace rashomon::text {

struct CharsetGuess {
  std::string name;    // Canonical name such as "windows-1251", or "" when none.
  int confidence = 0;  // 0..100, ICU's confidence.
};

// Guesses the charset of `bytes` from at most its first 64 KiB, skipping
// markup (tags) so that only text counts.
CharsetGuess DetectCharset(std::string_view bytes);

// Canonical name of `label` ("latin1" gives "windows-1252", "utf8" gives
// "UTF-8", "cp1251" gives "windows-1251"), or "" when ICU does not know it.
std::string CanonicalCharset(std::string_view label);

// Converts `bytes` from `charset` to UTF-8 into `*out`; unconvertible bytes
// become U+FFFD. Returns false (and leaves `*out` empty) when `charset` is
// unknown.
bool ConvertToUtf8(std::string_view bytes, std::string_view charset, std::string* out);

}  // namespace rashomon::text

#endif  // RSH_TEXT_CHARSET_H_
