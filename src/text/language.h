// text/language.h: language identification (CLD2).
//
// DetectLanguage asks CLD2 (the full tables, 160+ languages) for the main
// language of a text. Very short or mixed texts give a low confidence.
//
// Thread-safety: thread-safe (CLD2 keeps no mutable global state).
#ifndef RSH_TEXT_LANGUAGE_H_
#define RSH_TEXT_LANGUAGE_H_

#include <string>
#include <string_view>

namespace rashomon::text {

struct LanguageGuess {
  std::string code = "und";  // ISO 639-1 ("en", "sk"), or "und" when unknown.
  double confidence = 0.0;   // 0..1: share of the text in that language, times
                             // 0.5 when CLD2 calls the result unreliable.
  bool reliable = false;     // CLD2's own reliability flag.
};

// Returns the main language of `utf8`, read up to its first 1 KiB (enough for CLD2 on running
// text). `hint` is an optional ISO 639-1 code (from metadata) that CLD2 uses as a prior; unknown
// hints are ignored. Codes are ISO 639-1 where one exists (CLD2's "iw" becomes "he", "zh-Hant"
// becomes "zh"), else CLD2's ISO 639-2/3 code
// ("haw"). Empty text, text without letters and CLD2's unknown or
// pseudo-languages give "und" with confidence 0. REQUIRES: valid UTF-8
// (invalid input gives "und").
LanguageGuess DetectLanguage(std::string_view utf8, std::string_view hint = "");

}  // namespace rashomon::text

#endif  // RSH_TEXT_LANGUAGE_H_
