// text/stem.h: word stems (Snowball, libstemmer) and Latin transliteration
// (ICU), so that inflected forms and names written in other scripts meet.
//
//   text::Stemmer en("en");
//   en.Stem("elections");               // "elect"
//   text::LatinTransliterator latin;
//   latin.ToLatinAscii("ФМА");          // "FMA"
//
// Thread-safety: each object is used by one thread at a time; create one
// per worker (construction costs microseconds for a stemmer, about a
// millisecond for the transliterator).
#ifndef RSH_TEXT_STEM_H_
#define RSH_TEXT_STEM_H_

#include <memory>
#include <string>
#include <string_view>

namespace rashomon::text {

// A Snowball stemmer for one language.
class Stemmer {
 public:
  // `language` is an ISO 639-1 code ("en", "de", "ru", ...). A language
  // without a Snowball algorithm (or "und") gives a stemmer that returns
  // words unchanged: ok() is false then.
  explicit Stemmer(std::string_view language);
  ~Stemmer();
  Stemmer(const Stemmer&) = delete;
  Stemmer& operator=(const Stemmer&) = delete;

  bool ok() const { return impl_ != nullptr; }

  // The stem of `word`, which should be case folded already (see
  // FoldCase in text/normalize.h). REQUIRES: valid UTF-8.
  std::string Stem(std::string_view word);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Any script to Latin, then to ASCII ("Straße" -> "Strasse", "Светлана" ->
// "Svetlana", "北京" -> "bei jing"), with ICU's "Any-Latin; Latin-ASCII".
class LatinTransliterator {
 public:
  LatinTransliterator();
  ~LatinTransliterator();
  LatinTransliterator(const LatinTransliterator&) = delete;
  LatinTransliterator& operator=(const LatinTransliterator&) = delete;

  // `utf8` in Latin ASCII where ICU knows how; ASCII input is returned
  // as it is without calling ICU. Returns the input unchanged if ICU
  // cannot build the transliterator on this machine.
  std::string ToLatinAscii(std::string_view utf8);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace rashomon::text

#endif  // RSH_TEXT_STEM_H_
