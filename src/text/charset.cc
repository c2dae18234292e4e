#include "text/charset.h"

#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>
#include <unicode/ucsdet.h>
#include <unicode/utf16.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <memory>

#include "text/utf8.h"

namespace rashomon::text {
namespace {

// ICU never sees more than this of a page: detection settles long before.
constexpr size_t kDetectBytes = 64 << 10;
// Real labels are short ("windows-1251", "iso-8859-15"); longer strings are
// not labels, and ICU wants a NUL-terminated copy.
constexpr size_t kMaxLabelBytes = 40;
constexpr size_t kUCharChunk = 8192;

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Trims the white space and quotes that surround labels in headers and
// attributes.
std::string_view TrimLabel(std::string_view s) {
  auto junk = [](char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '"' || c == '\'';
  };
  while (!s.empty() && junk(s.front())) s.remove_prefix(1);
  while (!s.empty() && junk(s.back())) s.remove_suffix(1);
  return s;
}

bool IsLabelByte(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.' ||
         c == ':' || c == '+' || c == '(' || c == ')';
}

// Labels browsers read differently from the charset they name (the WHATWG
// Encoding Standard), and the spellings of UTF-8 and windows-1252 that need
// no ICU lookup. Compared after lower-casing.
struct Override {
  std::string_view label;
  std::string_view name;
};
constexpr Override kOverrides[] = {
    {"utf-8", "UTF-8"},
    {"utf8", "UTF-8"},
    {"unicode-1-1-utf-8", "UTF-8"},
    {"iso-8859-1", "windows-1252"},
    {"iso8859-1", "windows-1252"},
    {"iso_8859-1", "windows-1252"},
    {"latin1", "windows-1252"},
    {"l1", "windows-1252"},
    {"us-ascii", "windows-1252"},
    {"ascii", "windows-1252"},
    {"ansi_x3.4-1968", "windows-1252"},
    {"cp1252", "windows-1252"},
    {"windows-1252", "windows-1252"},
    {"x-cp1252", "windows-1252"},
    {"cp819", "windows-1252"},
    {"ibm819", "windows-1252"},
    {"iso-8859-9", "windows-1254"},
    {"latin5", "windows-1254"},
    {"iso-8859-11", "windows-874"},
    {"tis-620", "windows-874"},
    {"gbk", "GB18030"},
    {"gb2312", "GB18030"},
    {"x-gbk", "GB18030"},
    {"cp936", "GB18030"},
    {"gb_2312-80", "GB18030"},
    {"chinese", "GB18030"},
    {"csgb2312", "GB18030"},
    {"x-sjis", "Shift_JIS"},
    {"sjis", "Shift_JIS"},
    {"ms_kanji", "Shift_JIS"},
    {"windows-31j", "Shift_JIS"},
    {"ks_c_5601-1987", "EUC-KR"},
    {"windows-949", "EUC-KR"},
    {"cp949", "EUC-KR"},
};

// Standard names that browsers map to a superset, once ICU has resolved a
// label to them.
constexpr Override kSupersets[] = {
    {"ISO-8859-1", "windows-1252"}, {"US-ASCII", "windows-1252"}, {"ISO-8859-9", "windows-1254"},
    {"TIS-620", "windows-874"},     {"GBK", "GB18030"},           {"GB2312", "GB18030"},
    {"windows-936", "GB18030"},     {"KS_C_5601-1987", "EUC-KR"},
};

struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};
using ConverterPtr = std::unique_ptr<UConverter, ConverterCloser>;

struct DetectorCloser {
  void operator()(UCharsetDetector* d) const { ucsdet_close(d); }
};

// Writes U+FFFD for each unconvertible sequence. ICU's own substitution
// writes U+001A for single-byte charsets whose substitution byte is 0x1A.
void SubstituteReplacementCharacter(const void* /*context*/, UConverterToUnicodeArgs* args,
                                    const char* /*bytes*/, int32_t /*length*/,
                                    UConverterCallbackReason reason, UErrorCode* error) {
  if (reason > UCNV_IRREGULAR) return;  // Reset, close or clone: nothing to write.
  static const UChar kReplacement = 0xFFFD;
  *error = U_ZERO_ERROR;
  ucnv_cbToUWriteUChars(args, &kReplacement, 1, 0, error);
}

// Appends `units` (UTF-16) to `out` as UTF-8. A high surrogate at the end of
// `units` is kept in `*pending` for the next call; unpaired surrogates become
// U+FFFD.
void AppendUtf16(const UChar* units, size_t n, UChar* pending, std::string* out) {
  for (size_t i = 0; i < n; ++i) {
    UChar u = units[i];
    if (*pending != 0) {
      UChar high = *pending;
      *pending = 0;
      if (U16_IS_TRAIL(u)) {
        AppendUtf8(static_cast<char32_t>(U16_GET_SUPPLEMENTARY(high, u)), out);
        continue;
      }
      AppendUtf8(0xFFFD, out);
    }
    if (U16_IS_LEAD(u)) {
      *pending = u;
    } else if (U16_IS_TRAIL(u)) {
      AppendUtf8(0xFFFD, out);
    } else {
      AppendUtf8(u, out);
    }
  }
}

// ICU's standard name of the converter `icu_name` uses, preferring the
// names web pages use.
std::string StandardName(const char* icu_name) {
  for (const char* standard : {"MIME", "IANA", "WINDOWS"}) {
    UErrorCode error = U_ZERO_ERROR;
    const char* name = ucnv_getStandardName(icu_name, standard, &error);
    if (U_SUCCESS(error) && name != nullptr && *name != '\0') return name;
  }
  return icu_name;
}

}  // namespace

CharsetGuess DetectCharset(std::string_view bytes) {
  CharsetGuess guess;
  if (bytes.empty()) return guess;
  UErrorCode error = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, DetectorCloser> detector(ucsdet_open(&error));
  if (U_FAILURE(error) || detector == nullptr) return guess;
  ucsdet_enableInputFilter(detector.get(), true);
  bytes = bytes.substr(0, kDetectBytes);
  ucsdet_setText(detector.get(), bytes.data(), static_cast<int32_t>(bytes.size()), &error);
  const UCharsetMatch* match = ucsdet_detect(detector.get(), &error);
  if (U_FAILURE(error) || match == nullptr) return guess;
  const char* name = ucsdet_getName(match, &error);
  int confidence = ucsdet_getConfidence(match, &error);
  if (U_FAILURE(error) || name == nullptr) return guess;
  // Names ICU detects but cannot convert (IBM424_rtl) give no guess.
  guess.name = CanonicalCharset(name);
  if (!guess.name.empty()) guess.confidence = std::clamp(confidence, 0, 100);
  return guess;
}

std::string CanonicalCharset(std::string_view label) {
  label = TrimLabel(label);
  if (label.empty() || label.size() > kMaxLabelBytes ||
      !std::all_of(label.begin(), label.end(), IsLabelByte)) {
    return "";
  }
  std::string lower = AsciiLower(label);
  for (const Override& o : kOverrides) {
    if (lower == o.label) return std::string(o.name);
  }
  UErrorCode error = U_ZERO_ERROR;
  // Index 0 is the name of the converter the alias belongs to.
  const char* icu_name = ucnv_getAlias(lower.c_str(), 0, &error);
  if (U_FAILURE(error) || icu_name == nullptr) return "";
  std::string name = StandardName(icu_name);
  for (const Override& o : kSupersets) {
    if (name == o.label) return std::string(o.name);
  }
  return name;
}

bool ConvertToUtf8(std::string_view bytes, std::string_view charset, std::string* out) {
  out->clear();
  std::string name = CanonicalCharset(charset);
  if (name.empty()) return false;
  if (name == "UTF-8") {
    RepairUtf8(bytes, out);
    return true;
  }
  UErrorCode error = U_ZERO_ERROR;
  ConverterPtr converter(ucnv_open(name.c_str(), &error));
  if (U_FAILURE(error) || converter == nullptr) return false;
  ucnv_setToUCallBack(converter.get(), SubstituteReplacementCharacter, nullptr, nullptr, nullptr,
                      &error);
  if (U_FAILURE(error)) return false;
  out->reserve(bytes.size() + bytes.size() / 2);
  std::array<UChar, kUCharChunk> units;
  const char* source = bytes.data();
  const char* source_end = source + bytes.size();
  UChar pending = 0;
  for (;;) {
    UChar* target = units.data();
    error = U_ZERO_ERROR;
    ucnv_toUnicode(converter.get(), &target, units.data() + units.size(), &source, source_end,
                   nullptr, /*flush=*/true, &error);
    AppendUtf16(units.data(), static_cast<size_t>(target - units.data()), &pending, out);
    if (error == U_BUFFER_OVERFLOW_ERROR) continue;
    // Any other failure (none is expected with the callback) ends the
    // conversion with a marker rather than dropping the rest silently.
    if (U_FAILURE(error)) AppendUtf8(0xFFFD, out);
    break;
  }
  if (pending != 0) AppendUtf8(0xFFFD, out);
  return true;
}

}  // namespace rashomon::text
