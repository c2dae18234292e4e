// extract/batch_templates.h: lines shared by unrelated documents of a batch.
//
// Internal to the extract module. A line printed by several documents that
// otherwise share little (a site's newsletter pitch under each of its
// articles, a syndication footer) is template text. Copies of one article
// share most of their lines, so their shared prose is not flagged.
//
// Cost: one hash per line, then for each line key found in enough
// documents, the overlap of at most kMaxPairs document pairs, so 10,000
// identical documents cost linear time.
//
// Thread-safety: pure function.
#ifndef RSH_EXTRACT_BATCH_TEMPLATES_H_
#define RSH_EXTRACT_BATCH_TEMPLATES_H_

#include <cstdint>
#include <unordered_set>
#include <vector>

namespace rashomon::extract::internal {

// `doc_line_hashes[d]` holds the hashes of the line keys of document d, in
// any order, duplicates allowed. Returns the hashes found in at least
// `min_documents` documents whose mean pairwise Jaccard overlap of line
// sets is at most `max_overlap`.
std::unordered_set<uint64_t> FindTemplateLines(
    const std::vector<std::vector<uint64_t>>& doc_line_hashes, int min_documents,
    double max_overlap);

}  // namespace rashomon::extract::internal

#endif  // RSH_EXTRACT_BATCH_TEMPLATES_H_
