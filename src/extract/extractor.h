// extract/extractor.h: turn ingested documents, HTML or text, into clean articles.
//
// For an HTML document: decode its charset (html/encoding.h), parse it
// (html/parser.h), read its metadata (extract/metadata.h) and its main
// content (extract/html_extract.h), then hand the extracted blocks, one a
// line, to the cleaner (extract/cleaner.h), which removes the furniture
// that survived and keeps the audit trail. Text documents go straight to
// the cleaner. Metadata the input gave (JSONL fields) wins over metadata
// found in the page.
//
//   ExtractOptions options;
//   std::vector<ExtractError> errors = ExtractBatch(options, &docs);
//
// Thread-safety: reentrant; uses `options.clean.threads` threads.
#ifndef RSH_EXTRACT_EXTRACTOR_H_
#define RSH_EXTRACT_EXTRACTOR_H_

#include <string>
#include <vector>

#include "base/document.h"
#include "extract/cleaner.h"
#include "html/parser.h"

namespace rashomon::extract {

struct ExtractOptions {
  CleanOptions clean;        // Cleaning rules and threads.
  html::ParseOptions parse;  // HTML budgets.
};

struct ExtractError {
  std::string source;  // Document::source of the rejected document.
  std::string reason;  // e.g. "HTML page over the 20 MiB budget (52428800 bytes)".
};

// Extracts every document of `*docs` in place (see the file comment).
// Documents that cannot be extracted (over a budget) are removed from
// `*docs` and returned as errors, in input order; the others keep their order.
std::vector<ExtractError> ExtractBatch(const ExtractOptions& options, std::vector<Document>* docs);

}  // namespace rashomon::extract

#endif  // RSH_EXTRACT_EXTRACTOR_H_
