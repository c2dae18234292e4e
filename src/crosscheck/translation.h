// crosscheck/translation.h: does a report read as a machine translation?
//
// Machine-translated news keeps traces of the source language's typography
// and of word-by-word transfer that edited text in the target language does
// not have. Three signals are counted, each with the words that show it:
//   - "spaced hyphen": a compound split as "coast -guard" or
//     "nine -page" (a word, a space, then a hyphen glued to the next word);
//   - "foreign quotes": guillemets in a language whose own quotes are not
//     guillemets (« » in English), or with spaces inside where the language
//     does not put them;
//   - "stray capital": a capitalised function word inside a running,
//     lower-case sentence ("... Tomas Varga In public ...", "the storm
//     At Kelmstad"), which edited prose and headlines (title case is skipped)
//     do not have.
// A report is flagged when at least two kinds of signal occur and together
// reach `min_per_thousand_words`. Edited reports, translated by people or
// written in the language, stay under it (docs/crosscheck.md has the
// measurements). It does not say which language the source was in.
//
//   TranslationVerdict v = DetectMachineTranslation(text, "en");
//   if (v.machine_translated) for (const auto& e : v.evidence) Show(e);
//
// Thread-safety: pure function.
#ifndef RSH_CROSSCHECK_TRANSLATION_H_
#define RSH_CROSSCHECK_TRANSLATION_H_

#include <string>
#include <string_view>
#include <vector>

#include "text/sentences.h"

namespace rashomon::crosscheck {

struct TranslationEvidence {
  std::string kind;  // "spaced hyphen", "foreign quotes" or "stray capital".
  text::Span span;   // The words that show it, in the text given.
};

struct TranslationVerdict {
  bool machine_translated = false;
  double signals_per_thousand_words = 0;
  std::vector<TranslationEvidence> evidence;  // At most 8, in text order.
};

struct TranslationOptions {
  // Signals per 1,000 words that flag a report (with two kinds). Default 8.
  double min_per_thousand_words = 8;
  // Reports shorter than this many words are never flagged. Default 80.
  size_t min_words = 80;
};

// Reads `text` (UTF-8, any bytes accepted) written in `language` (ISO 639-1,
// "" when unknown) and says whether it reads as a machine translation.
TranslationVerdict DetectMachineTranslation(std::string_view text, std::string_view language,
                                            const TranslationOptions& options = {});

}  // namespace rashomon::crosscheck

#endif  // RSH_CROSSCHECK_TRANSLATION_H_
