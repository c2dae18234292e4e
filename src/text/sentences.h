// text/sentences.h: sentence segmentation with byte offsets.
//
// Uses ICU's sentence BreakIterator over the UTF-8 text directly (UText), so
// offsets are byte offsets into the given string, then repairs the breaks ICU
// gets wrong in news text: after titles and abbreviations ("Mr.", "Dr.",
// "Gen."), month abbreviations before a number ("Jan. 5"), initials
// ("John F. Kennedy"), and "U.S."-style acronyms when the next word is not a
// sentence start (lower case or a digit).
//
//   SentenceSplitter splitter;
//   for (const Span& s : splitter.Split(text)) Use(text.substr(s.begin, s.end - s.begin));
//
// Thread-safety: a SentenceSplitter is not thread-safe (it owns an ICU
// iterator); use one per thread. Creating one costs about as much as
// splitting a short article, so reuse it.
#ifndef RSH_TEXT_SENTENCES_H_
#define RSH_TEXT_SENTENCES_H_

#include <cstddef>
#include <memory>
#include <string_view>
#include <vector>

namespace rashomon::text {

// A half-open byte range [begin, end) into a text.
struct Span {
  size_t begin = 0;
  size_t end = 0;
  friend bool operator==(const Span&, const Span&) = default;
};

class SentenceSplitter {
 public:
  SentenceSplitter();
  ~SentenceSplitter();
  SentenceSplitter(const SentenceSplitter&) = delete;
  SentenceSplitter& operator=(const SentenceSplitter&) = delete;

  // Returns the sentences of `text` in order. Each span starts at a
  // non-space character and ends after the sentence's last non-space
  // character (closing quotes and brackets included); white space between
  // sentences belongs to none. REQUIRES: `text` is valid UTF-8.
  std::vector<Span> Split(std::string_view text);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace rashomon::text

#endif  // RSH_TEXT_SENTENCES_H_
