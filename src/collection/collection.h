// collection/collection.h: a growing collection of reports in a store, its
// stories kept checked as documents arrive.
//
//   RSH_ASSIGN_OR_RETURN(std::unique_ptr<Collection> c, Collection::Open("news.db"));
//   RSH_ASSIGN_OR_RETURN(IngestResult r, c->Ingest(docs));   // Extracted documents.
//   // r.ids[i]: the stored id of docs[i]; r.stories_updated: stories re-checked.
//
// Ingest stores new documents (the same document twice is stored once, see
// store/store.h) with their MinHash signatures, records their near-copies
// among all stored documents (an LSH index of the stored signatures), adds
// them to the story index (stories/stories.h), and
// re-runs the crosscheck and the report (pipeline/, report/) of the stories
// whose documents changed, only those. Each batch of `batch_size` documents
// is one transaction: documents, story reports and removed stories commit
// together, so an interrupted ingest leaves the database as it was after
// the last committed batch.
//
// Story ids are the store's: a story keeps its id while most of its stored
// documents stay together; a new story gets the next free id.
//
// The stored story object is the story of docs/report-schema.md plus
// "sources" (docs/api.md): one entry per document with its stored "id".
//
// Thread-safety: not thread-safe (one store connection); guard a shared
// Collection with a mutex. Other Store connections may read meanwhile.
#ifndef RSH_COLLECTION_COLLECTION_H_
#define RSH_COLLECTION_COLLECTION_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "base/document.h"
#include "base/result.h"
#include "pipeline/analyze.h"
#include "store/store.h"

namespace rashomon::collection {

struct CollectionOptions {
  int threads = 0;          // Workers; 0: all cores. Default 0.
  size_t batch_size = 500;  // Documents per transaction. Default 500.
  pipeline::AnalyzeOptions analyze;  // Its `threads` is replaced by `threads`.
  store::StoreOptions store;
  // Called after each committed batch with documents done and total.
  std::function<void(size_t done, size_t total)> progress;
};

struct IngestResult {
  std::vector<int64_t> ids;     // Stored id of each input document, in order.
  std::vector<bool> inserted;   // False when the document was stored already.
  std::vector<int64_t> story_of;  // Story id of each input document.
  size_t batches = 0;           // Transactions committed.
  size_t stories_updated = 0;   // Stories (re)written.
  size_t stories_removed = 0;   // Stories that merged into others or lost all documents.
};

class Collection {
 public:
  // Opens (or creates) the database at `path` and loads its documents into
  // the story index. Errors: those of store::Store::Open.
  [[nodiscard]] static Result<std::unique_ptr<Collection>> Open(
      const std::string& path, const CollectionOptions& options = {});

  ~Collection();
  Collection(const Collection&) = delete;
  Collection& operator=(const Collection&) = delete;

  // Stores `docs` (extracted documents) in batches and updates the stories
  // they touch. On an error, the batches committed before it stay, the
  // failing one is rolled back and the error is returned.
  [[nodiscard]] Result<IngestResult> Ingest(const std::vector<Document>& docs);

  // The collection's store connection (for reads; do not write to it).
  store::Store& store();

 private:
  class Impl;
  explicit Collection(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace rashomon::collection

#endif  // RSH_COLLECTION_COLLECTION_H_
