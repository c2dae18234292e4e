// extract/cleaner.h: clean plain-text articles and keep an audit trail.
//
// CleanBatch turns each Document's raw text into ordered blocks (title,
// standfirst, dateline, heading, body, quote, caption, summary) and records
// every removed line with a reason (ad_marker, promo, credit, caption,
// widget, related_link, repeat, template, author_bio, byline, timestamp)
// and the rule that fired. Names from a byline fill Document::authors when
// the input gave none. The evidence is general: vocabulary of page furniture, the shape
// of a line, its neighbours, its place in the document, repeats inside the
// document, and lines shared by otherwise unrelated documents of the batch.
// docs/cleaning.md describes every rule. HTML is not read here:
// extract/extractor.h finds the article in a page first, then hands its
// blocks to this cleaner, one a line.
//
//   CleanOptions options;
//   options.threads = 2;
//   CleanBatch(options, &documents);   // fills title, blocks, removed, language
//
// Thread-safety: CleanBatch is reentrant; it uses `options.threads` threads
// internally. No I/O, no globals, deterministic for any thread count.
#ifndef RSH_EXTRACT_CLEANER_H_
#define RSH_EXTRACT_CLEANER_H_

#include <vector>

#include "base/document.h"

namespace rashomon::extract {

struct CleanOptions {
  // A line found in at least this many documents of the batch is template
  // text when those documents are otherwise unrelated. Default 3.
  int template_min_documents = 3;
  // "Otherwise unrelated": the mean Jaccard overlap of the documents' line
  // sets is at most this. Copies and syndicated versions overlap more, so
  // their shared prose stays. Default 0.3.
  double template_max_overlap = 0.3;
  // Promo score (see docs/cleaning.md) from which a line is removed
  // wherever it stands. Default 4.0.
  double promo_threshold = 4.0;
  // Lower promo score that suffices in the tail of a document, after its
  // last paragraph of article prose. Default 2.5.
  double promo_tail_threshold = 2.5;
  // Sweep the page furniture before the title and after the article's
  // last paragraph by position and shape (docs/cleaning.md, "page
  // furniture"). HTML extraction turns it off: the page's markup has
  // already told the article's bounds. Default true.
  bool sweep_page_furniture = true;
  // Threads used for the per-document work. Default 1.
  int threads = 1;
};

// Cleans `docs` as one batch (see the file comment). Reads each document's
// `raw`, `given_title`; replaces its title, language, language_confidence,
// blocks, removed and appends to warnings (invalid UTF-8 replaced).
void CleanBatch(const CleanOptions& options, std::vector<Document>* docs);

// Cleans one document on its own (no cross-document evidence).
void CleanDocument(const CleanOptions& options, Document* doc);

}  // namespace rashomon::extract

#endif  // RSH_EXTRACT_CLEANER_H_
