// stories/features.h: what story clustering compares in a report.
//
// A report becomes two bags of terms with counts:
//   - words: case-folded, stemmed (Snowball, per language) content words of
//     the title (counted twice) and of the first `max_body_words` words of
//     the body, function words left out; ids carry the language, so that
//     words of different languages never meet by accident;
//   - entities: names (capitalised sequences not opening a sentence, and
//     each of their words), acronyms and multi-digit numbers, transliterated
//     to lower-case Latin ASCII ("ФМА", "FMA" and "Fma" are one entity;
//     "31,500", "31.500" and "31 500" one number); ids are language-free,
//     so reports in different languages meet through them.
// Term ids are 64-bit hashes of the term text.
//
//   Featurizer featurizer;                     // One per thread.
//   DocFeatures f = featurizer.Featurize({title, text, "en", "2024-03-14"});
//
// Thread-safety: a Featurizer is used by one thread at a time.
#ifndef RSH_STORIES_FEATURES_H_
#define RSH_STORIES_FEATURES_H_

#include <cstdint>
#include <limits>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace rashomon::text {
class LatinTransliterator;
class Stemmer;
}  // namespace rashomon::text

namespace rashomon::stories {

// One report as story clustering reads it. The views must outlive the call.
struct StoryInput {
  std::string_view title;
  std::string_view text;
  std::string_view language;   // ISO 639-1, or "" / "und" when unknown.
  std::string_view published;  // ISO 8601, or "" when unknown.
};

// A term of a sparse vector; vectors are sorted by id.
struct Term {
  uint64_t id = 0;
  float weight = 0;
};

inline constexpr int64_t kNoTime = std::numeric_limits<int64_t>::min();

struct DocFeatures {
  std::vector<Term> words;     // Raw counts (title words count twice).
  std::vector<Term> entities;  // Raw counts.
  std::string language;        // "" when unknown.
  int64_t time = kNoTime;      // Published (base/iso_time.h), seconds since the epoch (UTC).
};

class Featurizer {
 public:
  explicit Featurizer(int max_body_words = 600);
  ~Featurizer();
  Featurizer(const Featurizer&) = delete;
  Featurizer& operator=(const Featurizer&) = delete;

  DocFeatures Featurize(const StoryInput& input);

 private:
  // Per language: the stemmer, and a cache of what each case-folded word is
  // (stemming and transliteration cost far more than a lookup, and news
  // repeats its words). In features.cc.
  struct Language;
  Language& LanguageFor(const std::string& language);

  int max_body_words_;
  std::map<std::string, std::unique_ptr<Language>> languages_;
  std::unique_ptr<text::LatinTransliterator> latin_;
};

}  // namespace rashomon::stories

#endif  // RSH_STORIES_FEATURES_H_
