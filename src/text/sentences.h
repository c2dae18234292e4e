// text/sentences.h: sentence segmentation with byte offsets.
//
// Uses ICU's sentence BreakIterator over the UTF-8 text directly (UText), so
// offsets are byte offsets into the given string, then repairs the breaks ICU
// gets wrong in news text by joining the two sides again:
//  - after titles ("Mr.", "Dr.", "Gen.", "vs."): always;
//  - after month abbreviations and "No." when a number follows ("Jan. 5");
//  - after lower-case dotted abbreviations ("p.m.", "e.g.") when the next
//    word starts with a lower-case letter or a digit;
//  - after initials ("John F. Kennedy"), capital dotted acronyms ("U.S.")
//    and ambiguous abbreviations ("St.", "Jr.", "Inc.", "etc.") when the
//    next word starts with a lower-case letter or a digit, or is capitalised
//    but is not one of about 70 usual sentence starts ("The", "He", "But",
//    "In"...). So "The U.S. Army arrived." stays whole while "...back to the
//    U.S. The base closed." is two sentences. The rule errs when a sentence
//    ending in an acronym is followed by one starting with a name.
// Nothing is joined across a line break: ICU always breaks there, and line
// feeds separate paragraphs in extracted text.
//
//   SentenceSplitter splitter;
//   for (const Span& s : splitter.Split(text)) Use(text.substr(s.begin, s.end -
//   s.begin));
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
  // character (closing quotes and brackets included); white space (as
  // IsWhiteSpace in text/utf8.h) between sentences belongs to none. Texts
  // past 4 MiB are segmented in pieces cut after line feeds, which changes
  // nothing unless a single line exceeds 4 MiB. REQUIRES: `text` is valid
  // UTF-8 (invalid bytes are treated as '?' rather than trusted).
  std::vector<Span> Split(std::string_view text);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace rashomon::text

#endif  // RSH_TEXT_SENTENCES_H_
