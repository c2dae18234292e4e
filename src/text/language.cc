#include "text/language.h"

// compact_lang_det.h uses FILE without including <cstdio>.
#include <cstdio>
// Keep <cstdio> above.
#include <cld2/internal/cld2tablesummary.h>
#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>

#include "text/utf8.h"

namespace CLD2 {
// The quadgram table, defined both by libcld2 (the common languages) and by
// libcld2_full (160+ languages). Naming it makes the linker keep
// libcld2_full, which is listed first, even under --as-needed; its tables
// then take the place of libcld2's own at load time.
extern const CLD2TableSummary kQuad_obj;
}  // namespace CLD2

namespace rashomon::text {
namespace {

// CLD2 settles on a language within a few hundred words of running text;
// reading further costs time (it was half of cleaning on news articles) and
// changes the answer only for texts that switch language late.
constexpr size_t kMaxBytes = size_t{1} << 10;

// Returns the length of the longest prefix of `utf8` of at most `max` bytes
// that ends on a code point boundary.
size_t PrefixLength(std::string_view utf8, size_t max) {
  if (utf8.size() <= max) return utf8.size();
  size_t len = max;
  // A code point has at most three continuation bytes.
  while (len > max - 3 && (static_cast<unsigned char>(utf8[len]) & 0xC0) == 0x80) {
    --len;
  }
  return len;
}

// Maps CLD2's code for `lang` to ISO 639-1 where one exists ("iw" -> "he",
// "zh-Hant" -> "zh"), keeps ISO 639-2/3 codes for languages without one
// ("haw"), and gives "und" for CLD2's unknown and pseudo-languages.
std::string IsoCode(CLD2::Language lang) {
  if (lang == CLD2::UNKNOWN_LANGUAGE || lang == CLD2::TG_UNKNOWN_LANGUAGE ||
      lang >= CLD2::X_BORK_BORK_BORK) {
    return "und";
  }
  const char* raw = CLD2::LanguageCode(lang);
  std::string code = raw == nullptr ? "" : raw;
  code = code.substr(0, code.find('-'));
  if (code.empty() || code == "un" || code == "xx" || code == "xxx") {
    return "und";
  }
  if (code == "iw") return "he";
  if (code == "jw") return "jv";
  return code;
}

// Maps an ISO 639-1 hint to CLD2's language, or UNKNOWN_LANGUAGE.
CLD2::Language HintLanguage(std::string_view hint) {
  if (hint.empty() || hint.size() > 16) return CLD2::UNKNOWN_LANGUAGE;
  std::string name(hint);
  if (name == "he") name = "iw";
  if (name == "jv") name = "jw";
  return CLD2::GetLanguageFromName(name.c_str());
}

}  // namespace

LanguageGuess DetectLanguage(std::string_view utf8, std::string_view hint) {
  LanguageGuess guess;
  // Also keeps the full tables linked (see above).
  if (CLD2::kQuad_obj.kCLDTableSize == 0) return guess;
  const size_t len = PrefixLength(utf8, kMaxBytes);
  // CLD2's own checking entry point also rejects valid text that holds a
  // control character or a noncharacter, so validity is checked here.
  if (len == 0 || !IsValidUtf8(utf8.substr(0, len))) return guess;

  CLD2::CLDHints hints = {nullptr, nullptr, CLD2::UNKNOWN_ENCODING, HintLanguage(hint)};
  CLD2::Language language3[3];
  int percent3[3] = {0, 0, 0};
  double normalized_score3[3];
  int text_bytes = 0;
  bool reliable = false;
  const CLD2::Language lang = CLD2::ExtDetectLanguageSummary(
      utf8.data(), static_cast<int>(len), /*is_plain_text=*/true, &hints,
      /*flags=*/0, language3, percent3, normalized_score3,
      /*resultchunkvector=*/nullptr, &text_bytes, &reliable);
  guess.code = IsoCode(lang);
  if (guess.code == "und") return guess;
  guess.reliable = reliable;
  const int percent = language3[0] == lang ? percent3[0] : 0;
  guess.confidence = percent / 100.0 * (reliable ? 1.0 : 0.5);
  return guess;
}

}  // namespace rashomon::text
