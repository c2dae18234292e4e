#include "text/stem.h"

#include <libstemmer.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <string>

namespace rashomon::text {
namespace {

// Snowball's algorithm names for ISO 639-1 codes (libstemmer 2.2).
const char* SnowballName(std::string_view language) {
  struct Entry {
    const char* iso;
    const char* snowball;
  };
  static constexpr Entry kNames[] = {
      {"ar", "arabic"},     {"ca", "catalan"},    {"da", "danish"},     {"de", "german"},
      {"el", "greek"},      {"en", "english"},    {"es", "spanish"},    {"eu", "basque"},
      {"fi", "finnish"},    {"fr", "french"},     {"ga", "irish"},      {"hi", "hindi"},
      {"hu", "hungarian"},  {"hy", "armenian"},   {"id", "indonesian"}, {"it", "italian"},
      {"lt", "lithuanian"}, {"ne", "nepali"},     {"nl", "dutch"},      {"no", "norwegian"},
      {"nb", "norwegian"},  {"pt", "portuguese"}, {"ro", "romanian"},   {"ru", "russian"},
      {"sr", "serbian"},    {"sv", "swedish"},    {"ta", "tamil"},      {"tr", "turkish"},
      {"yi", "yiddish"},
  };
  for (const Entry& e : kNames) {
    if (language == e.iso) return e.snowball;
  }
  return nullptr;
}

bool IsAscii(std::string_view s) {
  for (char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

}  // namespace

struct Stemmer::Impl {
  sb_stemmer* stemmer = nullptr;
  ~Impl() { sb_stemmer_delete(stemmer); }
};

Stemmer::Stemmer(std::string_view language) {
  const char* name = SnowballName(language);
  if (name == nullptr) return;
  sb_stemmer* s = sb_stemmer_new(name, "UTF_8");
  if (s == nullptr) return;
  impl_ = std::make_unique<Impl>();
  impl_->stemmer = s;
}

Stemmer::~Stemmer() = default;

std::string Stemmer::Stem(std::string_view word) {
  if (!impl_ || word.empty() || word.size() > 4096) return std::string(word);
  const sb_symbol* out =
      sb_stemmer_stem(impl_->stemmer, reinterpret_cast<const sb_symbol*>(word.data()),
                      static_cast<int>(word.size()));
  if (out == nullptr) return std::string(word);  // Out of memory.
  return std::string(reinterpret_cast<const char*>(out),
                     static_cast<size_t>(sb_stemmer_length(impl_->stemmer)));
}

struct LatinTransliterator::Impl {
  std::unique_ptr<icu::Transliterator> translit;
};

LatinTransliterator::LatinTransliterator() : impl_(std::make_unique<Impl>()) {
  UErrorCode status = U_ZERO_ERROR;
  impl_->translit.reset(icu::Transliterator::createInstance(
      icu::UnicodeString::fromUTF8("Any-Latin; Latin-ASCII"), UTRANS_FORWARD, status));
  if (U_FAILURE(status)) impl_->translit.reset();
}

LatinTransliterator::~LatinTransliterator() = default;

std::string LatinTransliterator::ToLatinAscii(std::string_view utf8) {
  if (IsAscii(utf8) || !impl_->translit || utf8.size() > (1u << 20)) return std::string(utf8);
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  impl_->translit->transliterate(u);
  std::string out;
  u.toUTF8String(out);
  return out;
}

}  // namespace rashomon::text
