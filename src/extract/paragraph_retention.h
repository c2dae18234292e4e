// extract/paragraph_retention.h: how much of a clean corpus cleaning keeps.
//
// On a corpus of clean article prose every removed body paragraph is a
// false positive, so the kept share measures over-cleaning. A body
// paragraph is a line of the input that reads as article prose whatever
// the cleaner thinks: at least 12 words and a final . ! or ? (closing quotes
// and brackets allowed after it). All non-blank lines are counted too, since
// "clean" corpora still carry markers such as "Advertisement" or "Read more:".
// Used by bench/clean_corpus and by a lower-bound test.
//
// Thread-safety: pure function.
#ifndef RSH_EXTRACT_PARAGRAPH_RETENTION_H_
#define RSH_EXTRACT_PARAGRAPH_RETENTION_H_

#include <cstddef>
#include <vector>

#include "base/document.h"

namespace rashomon::extract {

struct RetentionStats {
  size_t lines = 0;            // Non-blank lines of the raw texts.
  size_t lines_kept = 0;       // Of those, the ones not removed.
  size_t paragraphs = 0;       // Body paragraphs (see the file comment).
  size_t paragraphs_kept = 0;  // Of those, the ones not removed.
  double LineRatio() const { return Ratio(lines_kept, lines); }
  double ParagraphRatio() const { return Ratio(paragraphs_kept, paragraphs); }

 private:
  static double Ratio(size_t a, size_t b) {
    return b == 0 ? 1.0 : static_cast<double>(a) / static_cast<double>(b);
  }
};

// REQUIRES: `docs` were cleaned (RemovedLine::line set). A caption whose
// credit was cut off counts as kept.
RetentionStats MeasureRetention(const std::vector<Document>& docs);

}  // namespace rashomon::extract

#endif  // RSH_EXTRACT_PARAGRAPH_RETENTION_H_
