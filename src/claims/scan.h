// claims/scan.h: the byte-level token stream that quantity.cc and dates.cc
// read (internal to the claims module).
//
// text::Tokenize needs valid UTF-8 and joins "1.6" and "20,000" the English
// way; figures need the separators of the text's language and must survive
// any bytes. So this lexer decodes leniently (an invalid sequence is one
// symbol), keeps punctuation as symbol tokens, records what is glued to
// what, and reads digit clusters per language ("1.800" is 1800 in German).
//
// Thread-safety: pure functions.
#ifndef RSH_CLAIMS_SCAN_H_
#define RSH_CLAIMS_SCAN_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "text/sentences.h"

namespace rashomon::claims::internal {

enum class TokKind { kWord, kNumber, kSymbol };

// Number formats: which separators group thousands and which marks decimals.
enum class NumberStyle {
  kDigitsOnly,  // Digit runs only; separators stay symbols (dates).
  kEnglish,     // "20,000.5"; narrow or thin spaces group too.
  kGerman,      // "31.500,5"; narrow, thin and no-break spaces group too.
  kFrench,      // "1 800,5" with any space, or "1.800,5".
};

struct Tok {
  text::Span span;
  TokKind kind = TokKind::kSymbol;
  // Words: case folded ("’" read as "'"), empty past 64 bytes (no lexicon
  // entry is that long). Numbers: the raw digits and separators. Symbols:
  // the code point's bytes.
  std::string lower;
  char32_t cp = 0;              // Symbols: the code point (U+FFFD for invalid bytes).
  bool space_before = false;    // White space between the previous token and this one.
  bool newline_before = false;  // A line feed among that white space.
  bool capitalized = false;     // Word starting with an upper-case letter.
  // Numbers only.
  bool valid = false;       // Grouping and decimals well formed for the style.
  double value = 0;         // Finite, at most 1e15, when valid.
  double place = 1;         // Place value of the last non-zero digit (1800: 100; 1.6: 0.1).
  bool grouped = false;     // Has thousands separators.
  bool decimal = false;     // Has a decimal part.
  bool leading_zero = false;  // "030", "007": a code, not an amount.
  int int_digits = 0;       // Digits before any decimal mark.
};

// The tokens of `text`, in order, spans offset by `base`. Any bytes are
// accepted. Work and memory are linear in text.size().
std::vector<Tok> Scan(std::string_view text, NumberStyle style, size_t base = 0);

// Cuts `text` into pieces of at most about `max_bytes`, each ending after a
// line feed where one exists in the last half of the piece (else after a
// space, else anywhere outside a UTF-8 sequence), so that callers scan
// bounded pieces and keep memory bounded. Returns the piece ends.
std::vector<size_t> Pieces(std::string_view text, size_t max_bytes);

// The style for an ISO 639-1 code: "de" German, "fr" French, else English.
NumberStyle StyleFor(std::string_view language);

// True when `t` is a symbol token equal to one of the code points in `set`.
bool IsSymbol(const Tok& t, std::u32string_view set);

}  // namespace rashomon::claims::internal

#endif  // RSH_CLAIMS_SCAN_H_
