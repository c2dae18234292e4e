// store/store.h: the SQLite database of documents, stories and their reports.
//
// A Store keeps extracted documents (metadata, raw bytes, article text,
// blocks, removed lines), each stored once by a hash of its normalised title
// and text; the report JSON of each story (docs/report-schema.md) with rows
// of its claims, conflicts, quotes and citations for listing and counting;
// and a full-text index (FTS5) over document titles and texts. The tables
// are described in docs/schema.md. It does not analyse or render: that is
// pipeline/ and report/. It is the only module that includes sqlite3.h.
//
//   RSH_ASSIGN_OR_RETURN(std::unique_ptr<Store> store, Store::Open("news.db"));
//   std::vector<bool> inserted;
//   RSH_ASSIGN_OR_RETURN(std::vector<int64_t> ids, store->AddDocuments(docs, &inserted));
//   RSH_RETURN_IF_ERROR(store->PutStory(story_id, title, story_json, ids));
//   RSH_ASSIGN_OR_RETURN(std::vector<SearchHit> hits, store->Search("bridge", 10));
//
// Every call returns a Status or Result; no exception leaves the module.
//
// Thread-safety: a Store is one SQLite connection and is not thread-safe.
// Use one Store per thread (WAL lets readers of one file run beside its one
// writer; a busy writer is waited for up to `busy_timeout_ms`), or guard a
// shared Store with a mutex.
#ifndef RSH_STORE_STORE_H_
#define RSH_STORE_STORE_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/document.h"
#include "base/result.h"
#include "base/status.h"

namespace rashomon::store {

struct StoreOptions {
  // How long a call waits for another connection's write lock before it
  // fails with kUnavailable, in milliseconds. Default 5000.
  int busy_timeout_ms = 5000;
  // Marks around the matched words in SearchHit::snippet. Default "[" and "]".
  std::string snippet_open = "[";
  std::string snippet_close = "]";
  // The time PutStory records as updated_at, in milliseconds since the
  // epoch (UTC). Default (empty): the system clock.
  std::function<int64_t()> now_millis;
  // Tests only: when >= 0, AddDocuments fails with kInternal after inserting
  // this many new documents of a batch. Default -1 (never).
  int test_fail_after_inserts = -1;
};

// A document as stored: the Document (metadata, raw, blocks, removed lines
// with their reasons and rules) and the columns computed when it was added.
struct StoredDocument {
  int64_t id = 0;
  Document document;
  std::string text;          // Its article text (Document::ArticleText), which FTS indexes.
  std::string content_hash;  // 32 hex digits, see docs/schema.md.
  std::vector<int64_t> stories;  // Ids of the stories it belongs to, ascending.
  // Its near-copies anywhere in the store (AddCopy), either way round.
  struct Copy {
    int64_t document_id = 0;
    double jaccard = 0;
    bool earlier = false;  // True: this document copies that one (stored before it).
  };
  std::vector<Copy> copies;  // By document id.
};

// The columns of a stored document that clustering reads (ScanDocuments).
struct DocumentHeader {
  int64_t id = 0;
  std::string source, title, language, published;
  std::string text;  // Its article text.
};

struct StorySummary {
  int64_t id = 0;
  std::string title;
  int64_t documents = 0;               // Documents linked to the story.
  std::vector<std::string> languages;  // Distinct non-empty languages of those, sorted.
  int64_t conflicts = 0;
  std::string updated_at;  // "YYYY-MM-DDTHH:MM:SS.mmmZ".
};

struct SearchHit {
  int64_t document_id = 0;
  std::string title;
  std::string snippet;  // Words of the text around a match, matches marked.
  double rank = 0.0;    // FTS5 bm25 rank: lower is better.
};

class Store {
 public:
  // The schema version this build writes (PRAGMA user_version).
  static int LatestSchemaVersion();

  // Opens or creates the database at `path` (":memory:" for a private
  // in-memory one) and migrates it to LatestSchemaVersion() in one
  // transaction. Errors: kFailedPrecondition when the database has a newer
  // schema version than this build knows; kUnavailable when it cannot be
  // opened or is locked; kDataLoss when it is not a database.
  [[nodiscard]] static Result<std::unique_ptr<Store>> Open(const std::string& path,
                                                           const StoreOptions& options = {});

  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;
  ~Store();

  // Stores `docs` in one transaction and returns the id of each, in order.
  // A document whose content hash is stored already (same normalised title
  // and article text) is not stored again: its existing id is returned and
  // its `inserted` entry is false. `inserted` may be null. On any error
  // nothing of the batch remains and `inserted` is left alone.
  [[nodiscard]] Result<std::vector<int64_t>> AddDocuments(const std::vector<Document>& docs,
                                                          std::vector<bool>* inserted);

  // Replaces story `story_id` (its title, report, documents, and its claim,
  // conflict, quote and citation rows, read from `story_report`, one story
  // object of docs/report-schema.md) in one transaction. Errors:
  // kInvalidArgument when `story_report` is not an object or a document id
  // is not stored (nothing changes then).
  [[nodiscard]] Status PutStory(int64_t story_id, const std::string& title,
                                const nlohmann::json& story_report,
                                const std::vector<int64_t>& document_ids);

  // Runs `body` in one transaction: the calls it makes (AddDocuments,
  // PutStory, DeleteStory, NewStoryId) join it, and commit together when it
  // returns OK; on an error nothing of it remains. Nests (a savepoint).
  [[nodiscard]] Status InTransaction(const std::function<Status()>& body);

  // Deletes story `story_id` and its rows, and retires its id (never given
  // again); `merged_into`, when set, is the story that took its documents
  // (MergedInto answers it). A story that is not stored: OK, no change.
  [[nodiscard]] Status DeleteStory(int64_t story_id, std::optional<int64_t> merged_into);

  // A story id never used before (larger than every id stored or retired).
  [[nodiscard]] Result<int64_t> NewStoryId();

  // For a retired story id, the story it merged into (following chains),
  // if any; nullopt for an id that is stored, unknown or merged nowhere.
  [[nodiscard]] Result<std::optional<int64_t>> MergedInto(int64_t story_id);

  // Every (story id, document id) link, by story then position.
  [[nodiscard]] Result<std::vector<std::pair<int64_t, int64_t>>> StoryDocuments();

  // Calls `fn` with every stored document's header, by ascending id; stops
  // at the first error `fn` returns.
  [[nodiscard]] Status ScanDocuments(const std::function<Status(DocumentHeader&&)>& fn);

  // Stores the MinHash signature of document `document_id` (replacing any).
  [[nodiscard]] Status PutSignature(int64_t document_id, std::span<const uint32_t> minhash);

  // Calls `fn` with every stored signature, by ascending document id.
  [[nodiscard]] Status ScanSignatures(
      const std::function<Status(int64_t document_id, std::vector<uint32_t>&& minhash)>& fn);

  // Records that `document_id` is a near-copy of `copy_of` (stored before
  // it), with their estimated Jaccard resemblance.
  [[nodiscard]] Status AddCopy(int64_t document_id, int64_t copy_of, double jaccard);

  // Documents and stories stored.
  [[nodiscard]] Result<int64_t> DocumentCount();
  [[nodiscard]] Result<int64_t> StoryCount();

  // Stories, most recently updated first (then by id), skipping `offset`
  // and returning at most `limit`. With a non-empty `fts_query` (FTS5
  // syntax), only the stories one of whose documents matches it. Errors:
  // kInvalidArgument for a malformed query or a negative limit or offset.
  [[nodiscard]] Result<std::vector<StorySummary>> ListStories(int limit, int offset,
                                                              std::string_view fts_query);

  // The report JSON stored for story `id`, with "updated_at" set to when
  // PutStory wrote it ("YYYY-MM-DDTHH:MM:SS.mmmZ"), or nullopt when there
  // is none.
  [[nodiscard]] Result<std::optional<nlohmann::json>> GetStory(int64_t id);

  // Document `id`, or nullopt when there is none. kDataLoss when its stored
  // JSON columns are corrupt.
  [[nodiscard]] Result<std::optional<StoredDocument>> GetDocument(int64_t id);

  // Documents matching `fts_query` (FTS5 syntax over title and text), best
  // first, at most `limit`. kInvalidArgument for an empty or malformed query
  // or a negative limit.
  [[nodiscard]] Result<std::vector<SearchHit>> Search(std::string_view fts_query, int limit);

  // OK when PRAGMA integrity_check reports "ok", else kDataLoss with its
  // first findings.
  [[nodiscard]] Status IntegrityCheck();

 private:
  class Impl;
  explicit Store(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace rashomon::store

#endif  // RSH_STORE_STORE_H_
