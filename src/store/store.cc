#include "store/store.h"

#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <exception>
#include <string>
#include <unordered_map>
#include <utility>

#include "base/document_json.h"
#include "base/iso_time.h"
#include "store/schema.h"
#include "store/sqlite_util.h"
#include "text/normalize.h"
#include "text/utf8.h"

namespace rashomon::store {
namespace {

using internal::SqliteStatus;
using internal::Stmt;
using Json = nlohmann::json;

// Serialises `j`; strings with invalid UTF-8 get U+FFFD instead of throwing.
std::string Dump(const Json& j) { return j.dump(-1, ' ', false, Json::error_handler_t::replace); }

// The text that identifies a document's content: title and article text in
// NFC with white space collapsed, so that copies differing only in line
// breaks or composed accents are one document.
std::string ContentKey(std::string_view title, std::string_view text) {
  auto normal = [](std::string_view s) {
    return text::CollapseWhitespace(text::IsValidUtf8(s) ? text::NormalizeNfc(s) : std::string(s));
  };
  std::string key = normal(title);
  key += '\x1f';  // Unit separator: "ab"+"c" and "a"+"bc" differ.
  key += normal(text);
  return key;
}

// 128-bit FNV-1a of `key`, as 32 hex digits. Not cryptographic: documented
// in docs/schema.md, and a hit is verified against the stored text.
std::string ContentHash(std::string_view key) {
  using U128 = unsigned __int128;
  const U128 kPrime = (static_cast<U128>(1) << 88) + 0x13b;
  U128 h = (static_cast<U128>(0x6c62272e07bb0142ULL) << 64) | 0x62b821756295c58dULL;
  for (unsigned char c : key) {
    h ^= c;
    h *= kPrime;
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out(32, '0');
  for (int i = 31; i >= 0; --i) {
    out[i] = kHex[static_cast<unsigned>(h & 0xf)];
    h >>= 4;
  }
  return out;
}

// The Document fields without a column of their own.
Json MetaJson(const Document& d) {
  return {{"given_title", d.given_title},
          {"format", d.format == DocFormat::kHtml ? "html" : "text"},
          {"content_type", d.content_type},
          {"fetched", d.fetched},
          {"canonical_url", d.canonical_url},
          {"description", d.description},
          {"charset", d.charset},
          {"language_confidence", d.language_confidence},
          {"warnings", d.warnings}};
}

bool ParseBlockKind(std::string_view name, BlockKind* kind) {
  for (int k = 0; k <= static_cast<int>(BlockKind::kSummary); ++k) {
    if (BlockKindName(static_cast<BlockKind>(k)) == name) {
      *kind = static_cast<BlockKind>(k);
      return true;
    }
  }
  return false;
}

bool ParseRemoveReason(std::string_view name, RemoveReason* reason) {
  for (int k = 0; k <= static_cast<int>(RemoveReason::kComments); ++k) {
    if (RemoveReasonName(static_cast<RemoveReason>(k)) == name) {
      *reason = static_cast<RemoveReason>(k);
      return true;
    }
  }
  return false;
}

// Fills the JSON-held fields of `d`. Throws nlohmann exceptions on a wrong
// shape; the caller turns them into kDataLoss.
Status DecodeJsonColumns(const std::string& authors, const std::string& blocks,
                         const std::string& removed, const std::string& meta, Document* d) {
  d->authors = Json::parse(authors).get<std::vector<std::string>>();
  for (const Json& b : Json::parse(blocks)) {
    Block block;
    if (!ParseBlockKind(b.at("kind").get<std::string>(), &block.kind)) {
      return DataLossError("unknown block kind " + b.at("kind").dump());
    }
    block.text = b.at("text").get<std::string>();
    block.line = b.at("line").get<int>();
    d->blocks.push_back(std::move(block));
  }
  for (const Json& r : Json::parse(removed)) {
    RemovedLine line;
    if (!ParseRemoveReason(r.at("reason").get<std::string>(), &line.reason)) {
      return DataLossError("unknown removal reason " + r.at("reason").dump());
    }
    line.text = r.at("text").get<std::string>();
    line.rule = r.at("rule").get<std::string>();
    line.line = r.at("line").get<int>();
    d->removed.push_back(std::move(line));
  }
  const Json m = Json::parse(meta);
  d->given_title = m.at("given_title").get<std::string>();
  d->format = m.at("format").get<std::string>() == "html" ? DocFormat::kHtml : DocFormat::kText;
  d->content_type = m.at("content_type").get<std::string>();
  d->fetched = m.at("fetched").get<std::string>();
  d->canonical_url = m.at("canonical_url").get<std::string>();
  d->description = m.at("description").get<std::string>();
  d->charset = m.at("charset").get<std::string>();
  d->language_confidence = m.at("language_confidence").get<double>();
  d->warnings = m.at("warnings").get<std::vector<std::string>>();
  return Status::Ok();
}

// `j[key]` when it is a string, else "".
std::string Str(const Json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// `j[key]` when it is an integer, else 0.
int64_t Int(const Json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_number_integer() ? it->get<int64_t>() : 0;
}

// The size of `j[key]` when it is an array, else 0.
int64_t Count(const Json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_array() ? static_cast<int64_t>(it->size()) : 0;
}

// The array `j[key]`, or an empty one.
const Json& Array(const Json& j, const char* key) {
  static const Json* const kEmpty = new Json(Json::array());
  auto it = j.find(key);
  return it != j.end() && it->is_array() ? *it : *kEmpty;
}

int64_t SystemNowMillis() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace

class Store::Impl {
 public:
  Impl(sqlite3* db, StoreOptions options) : db_(db), options_(std::move(options)) {}
  ~Impl() {
    for (auto& [sql, stmt] : cache_) sqlite3_finalize(stmt);
    sqlite3_close_v2(db_);
  }

  // The cached statement for `sql`, prepared on first use.
  Result<Stmt> Prepare(const char* sql) {
    auto it = cache_.find(sql);
    if (it == cache_.end()) {
      sqlite3_stmt* stmt = nullptr;
      const int rc = sqlite3_prepare_v3(db_, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
      if (rc != SQLITE_OK) return SqliteStatus(db_, rc, "preparing statement");
      it = cache_.emplace(sql, stmt).first;
    }
    return Stmt(it->second);
  }

  Status Run(const char* sql) {
    RSH_ASSIGN_OR_RETURN(Stmt stmt, Prepare(sql));
    return stmt.Run();
  }

  // Runs `body` in an IMMEDIATE transaction, committed when it returns OK
  // and rolled back otherwise; inside another one, in a savepoint.
  template <typename Body>
  Status InTransaction(Body&& body) {
    const bool outer = depth_ == 0;
    RSH_RETURN_IF_ERROR(Run(outer ? "BEGIN IMMEDIATE" : "SAVEPOINT nested"));
    ++depth_;
    Status status;
    try {
      status = body();
    } catch (const std::exception& e) {
      status = InternalError(std::string("store: ") + e.what());
    }
    --depth_;
    if (!outer) {
      if (!status.ok()) (void)Run("ROLLBACK TO nested");
      const Status released = Run("RELEASE nested");
      return status.ok() ? released : status;
    }
    if (status.ok()) status = Run("COMMIT");
    // After a failed COMMIT the transaction is still open; after some
    // errors SQLite has rolled back already, and ROLLBACK's error is moot.
    if (!status.ok() && !sqlite3_get_autocommit(db_)) (void)Run("ROLLBACK");
    return status;
  }

  Result<int64_t> SingleInt(const char* sql) {
    RSH_ASSIGN_OR_RETURN(Stmt s, Prepare(sql));
    RSH_ASSIGN_OR_RETURN(bool row, s.Step());
    return row ? s.ColumnInt(0) : int64_t{0};
  }

  Result<int64_t> AddDocument(const Document& doc, int* inserted_count, bool* inserted);
  Status PutStoryRows(int64_t story_id, const Json& story);
  Result<std::vector<std::string>> StoryLanguages(int64_t story_id);

  sqlite3* db_;
  StoreOptions options_;
  std::unordered_map<std::string, sqlite3_stmt*> cache_;
  int depth_ = 0;  // Open InTransaction calls.
};

Result<int64_t> Store::Impl::AddDocument(const Document& doc, int* inserted_count, bool* inserted) {
  const std::string text = doc.ArticleText();
  const std::string key = ContentKey(doc.title, text);
  const std::string hash = ContentHash(key);
  {
    RSH_ASSIGN_OR_RETURN(Stmt find,
                         Prepare("SELECT id, title, text FROM documents WHERE content_hash = ?1"));
    find.Bind(1, hash);
    RSH_ASSIGN_OR_RETURN(bool found, find.Step());
    if (found) {
      if (ContentKey(find.ColumnText(1), find.ColumnText(2)) != key) {
        return InternalError("content hash collision of " + doc.source + " with document " +
                             std::to_string(find.ColumnInt(0)));
      }
      *inserted = false;
      return find.ColumnInt(0);
    }
  }
  if (options_.test_fail_after_inserts >= 0 &&
      *inserted_count >= options_.test_fail_after_inserts) {
    return InternalError("test failure after " + std::to_string(*inserted_count) + " inserts");
  }
  RSH_ASSIGN_OR_RETURN(
      Stmt insert,
      Prepare("INSERT INTO documents (source, url, title, language, published, outlet, authors, "
              "raw, text, blocks, removed, meta, content_hash) "
              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)"));
  insert.Bind(1, doc.source)
      .Bind(2, doc.url)
      .Bind(3, doc.title)
      .Bind(4, doc.language)
      .Bind(5, doc.published)
      .Bind(6, doc.outlet)
      .Bind(7, Dump(Json(doc.authors)))
      .BindBlob(8, doc.raw)
      .Bind(9, text)
      .Bind(10, Dump(BlocksJson(doc.blocks)))
      .Bind(11, Dump(RemovedJson(doc.removed)))
      .Bind(12, Dump(MetaJson(doc)))
      .Bind(13, hash);
  RSH_RETURN_IF_ERROR(insert.Run().WithPrefix(doc.source));
  ++*inserted_count;
  *inserted = true;
  return static_cast<int64_t>(sqlite3_last_insert_rowid(db_));
}

Status Store::Impl::PutStoryRows(int64_t story_id, const Json& story) {
  int64_t position = 0;
  for (const Json& c : Array(story, "claims")) {
    RSH_ASSIGN_OR_RETURN(Stmt s, Prepare("INSERT INTO claims (story_id, position, claim_id, "
                                         "status, sources, detail, text) "
                                         "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"));
    auto detail = c.find("detail");
    s.Bind(1, story_id).Bind(2, position++).Bind(3, Str(c, "id")).Bind(4, Str(c, "status"));
    s.Bind(5, Int(c, "sources"))
        .Bind(6, int64_t{detail != c.end() && detail->is_boolean() && detail->get<bool>()})
        .Bind(7, Str(c, "text"));
    RSH_RETURN_IF_ERROR(s.Run());
  }
  position = 0;
  for (const Json& c : Array(story, "conflicts")) {
    RSH_ASSIGN_OR_RETURN(Stmt s, Prepare("INSERT INTO conflicts (story_id, position, kind, "
                                         "about, sides) VALUES (?1, ?2, ?3, ?4, ?5)"));
    s.Bind(1, story_id).Bind(2, position++).Bind(3, Str(c, "kind")).Bind(4, Str(c, "about"));
    RSH_RETURN_IF_ERROR(s.Bind(5, Count(c, "sides")).Run());
  }
  position = 0;
  for (const Json& q : Array(story, "quotes")) {
    RSH_ASSIGN_OR_RETURN(Stmt s, Prepare("INSERT INTO quotes (story_id, position, speaker, "
                                         "text, documents) VALUES (?1, ?2, ?3, ?4, ?5)"));
    s.Bind(1, story_id).Bind(2, position++).Bind(3, Str(q, "speaker")).Bind(4, Str(q, "text"));
    RSH_RETURN_IF_ERROR(s.Bind(5, Count(q, "documents")).Run());
  }
  position = 0;
  for (const Json& c : Array(story, "citations")) {
    RSH_ASSIGN_OR_RETURN(Stmt s, Prepare("INSERT INTO citations (story_id, position, "
                                         "source_name, documents) VALUES (?1, ?2, ?3, ?4)"));
    s.Bind(1, story_id).Bind(2, position++).Bind(3, Str(c, "source_name"));
    RSH_RETURN_IF_ERROR(s.Bind(4, Count(c, "documents")).Run());
  }
  return Status::Ok();
}

Result<std::vector<std::string>> Store::Impl::StoryLanguages(int64_t story_id) {
  RSH_ASSIGN_OR_RETURN(Stmt s, Prepare("SELECT DISTINCT d.language FROM story_documents sd "
                                       "JOIN documents d ON d.id = sd.document_id "
                                       "WHERE sd.story_id = ?1 AND d.language != '' ORDER BY 1"));
  s.Bind(1, story_id);
  std::vector<std::string> out;
  for (;;) {
    RSH_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) return out;
    out.push_back(s.ColumnText(0));
  }
}

Store::Store(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Store::~Store() = default;

int Store::LatestSchemaVersion() { return internal::Migrations().back().version; }

Result<std::unique_ptr<Store>> Store::Open(const std::string& path, const StoreOptions& options) {
  sqlite3* db = nullptr;
  const int rc = sqlite3_open_v2(
      path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    Status status = SqliteStatus(db, rc, "opening " + path);
    sqlite3_close_v2(db);  // Frees the handle SQLite allocates even on failure.
    return status;
  }
  // The Impl owns `db` from here on and closes it on every return.
  auto impl = std::make_unique<Impl>(db, options);
  sqlite3_extended_result_codes(db, 1);
  sqlite3_busy_timeout(db, options.busy_timeout_ms);
  // WAL: readers do not block the writer. NORMAL sync is durable in WAL
  // but for the last transactions on power loss, never corrupting.
  for (const char* pragma :
       {"PRAGMA journal_mode = WAL", "PRAGMA foreign_keys = ON", "PRAGMA synchronous = NORMAL"}) {
    RSH_RETURN_IF_ERROR(impl->Run(pragma).WithPrefix(path));
  }
  RSH_RETURN_IF_ERROR(internal::Migrate(db, internal::Migrations()).WithPrefix(path));
  return std::unique_ptr<Store>(new Store(std::move(impl)));
}

Result<std::vector<int64_t>> Store::AddDocuments(const std::vector<Document>& docs,
                                                 std::vector<bool>* inserted) {
  std::vector<int64_t> ids;
  std::vector<bool> was_inserted;
  int inserted_count = 0;
  Status status = impl_->InTransaction([&]() -> Status {
    for (const Document& doc : docs) {
      bool one = false;
      RSH_ASSIGN_OR_RETURN(int64_t id, impl_->AddDocument(doc, &inserted_count, &one));
      ids.push_back(id);
      was_inserted.push_back(one);
    }
    return Status::Ok();
  });
  if (!status.ok()) return status;
  if (inserted != nullptr) *inserted = std::move(was_inserted);
  return ids;
}

Status Store::PutStory(int64_t story_id, const std::string& title,
                       const nlohmann::json& story_report,
                       const std::vector<int64_t>& document_ids) {
  if (!story_report.is_object()) return InvalidArgumentError("story report is not an object");
  const int64_t now = impl_->options_.now_millis ? impl_->options_.now_millis() : SystemNowMillis();
  return impl_->InTransaction([&]() -> Status {
    const std::string report = Dump(story_report);
    RSH_ASSIGN_OR_RETURN(Stmt del, impl_->Prepare("DELETE FROM stories WHERE id = ?1"));
    RSH_RETURN_IF_ERROR(del.Bind(1, story_id).Run());
    RSH_ASSIGN_OR_RETURN(Stmt put, impl_->Prepare("INSERT INTO stories (id, title, updated_at, "
                                                  "report) VALUES (?1, ?2, ?3, ?4)"));
    put.Bind(1, story_id).Bind(2, title).Bind(3, FormatUtcMillis(now)).Bind(4, report);
    RSH_RETURN_IF_ERROR(put.Run());
    RSH_ASSIGN_OR_RETURN(Stmt revive, impl_->Prepare("DELETE FROM retired_stories WHERE id = ?1"));
    RSH_RETURN_IF_ERROR(revive.Bind(1, story_id).Run());
    int64_t position = 0;
    for (int64_t document_id : document_ids) {
      RSH_ASSIGN_OR_RETURN(Stmt link, impl_->Prepare("INSERT INTO story_documents (story_id, "
                                                     "document_id, position) VALUES (?1, ?2, ?3)"));
      link.Bind(1, story_id).Bind(2, document_id).Bind(3, position++);
      RSH_RETURN_IF_ERROR(link.Run().WithPrefix("linking document " + std::to_string(document_id)));
    }
    return impl_->PutStoryRows(story_id, story_report);
  });
}

Status Store::InTransaction(const std::function<Status()>& body) {
  return impl_->InTransaction(body);
}

Status Store::DeleteStory(int64_t story_id, std::optional<int64_t> merged_into) {
  return impl_->InTransaction([&]() -> Status {
    RSH_ASSIGN_OR_RETURN(Stmt del, impl_->Prepare("DELETE FROM stories WHERE id = ?1"));
    RSH_RETURN_IF_ERROR(del.Bind(1, story_id).Run());
    if (sqlite3_changes(impl_->db_) == 0) return Status::Ok();
    RSH_ASSIGN_OR_RETURN(Stmt retire, impl_->Prepare("INSERT OR REPLACE INTO retired_stories "
                                                     "(id, merged_into) VALUES (?1, ?2)"));
    retire.Bind(1, story_id);
    if (merged_into.has_value()) retire.Bind(2, *merged_into);
    return retire.Run();
  });
}

Result<int64_t> Store::NewStoryId() {
  int64_t id = 0;
  RSH_RETURN_IF_ERROR(impl_->InTransaction([&]() -> Status {
    // Also above any id PutStory was given directly.
    RSH_ASSIGN_OR_RETURN(const int64_t top, impl_->SingleInt("SELECT max(coalesce((SELECT value "
                                                             "FROM counters WHERE name = "
                                                             "'story_id'), 0), coalesce((SELECT "
                                                             "max(id) FROM stories), 0), "
                                                             "coalesce((SELECT max(id) FROM "
                                                             "retired_stories), 0))"));
    id = top + 1;
    RSH_ASSIGN_OR_RETURN(Stmt set, impl_->Prepare("INSERT OR REPLACE INTO counters (name, value) "
                                                  "VALUES ('story_id', ?1)"));
    return set.Bind(1, id).Run();
  }));
  return id;
}

Result<std::optional<int64_t>> Store::MergedInto(int64_t story_id) {
  std::optional<int64_t> out;
  int64_t id = story_id;
  for (int hops = 0; hops < 1000; ++hops) {  // Bounded: a corrupt table may hold a cycle.
    RSH_ASSIGN_OR_RETURN(Stmt s, impl_->Prepare("SELECT merged_into FROM retired_stories "
                                                "WHERE id = ?1 AND merged_into IS NOT NULL"));
    s.Bind(1, id);
    RSH_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    id = s.ColumnInt(0);
    out = id;
  }
  return out;
}

Result<std::vector<std::pair<int64_t, int64_t>>> Store::StoryDocuments() {
  RSH_ASSIGN_OR_RETURN(Stmt s, impl_->Prepare("SELECT story_id, document_id FROM story_documents "
                                              "ORDER BY story_id, position"));
  std::vector<std::pair<int64_t, int64_t>> out;
  for (;;) {
    RSH_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) return out;
    out.emplace_back(s.ColumnInt(0), s.ColumnInt(1));
  }
}

Status Store::ScanDocuments(const std::function<Status(DocumentHeader&&)>& fn) {
  RSH_ASSIGN_OR_RETURN(Stmt s, impl_->Prepare("SELECT id, source, title, language, published, "
                                              "text FROM documents ORDER BY id"));
  for (;;) {
    RSH_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) return Status::Ok();
    DocumentHeader h;
    h.id = s.ColumnInt(0);
    h.source = s.ColumnText(1);
    h.title = s.ColumnText(2);
    h.language = s.ColumnText(3);
    h.published = s.ColumnText(4);
    h.text = s.ColumnText(5);
    RSH_RETURN_IF_ERROR(fn(std::move(h)));
  }
}

Status Store::PutSignature(int64_t document_id, std::span<const uint32_t> minhash) {
  std::string blob(minhash.size() * 4, '\0');
  for (size_t i = 0; i < minhash.size(); ++i) {  // Little-endian on every machine.
    for (int b = 0; b < 4; ++b) blob[i * 4 + b] = static_cast<char>((minhash[i] >> (8 * b)) & 0xff);
  }
  RSH_ASSIGN_OR_RETURN(Stmt s, impl_->Prepare("INSERT OR REPLACE INTO signatures (document_id, "
                                              "minhash) VALUES (?1, ?2)"));
  return s.Bind(1, document_id).BindBlob(2, blob).Run();
}

Status Store::ScanSignatures(
    const std::function<Status(int64_t document_id, std::vector<uint32_t>&& minhash)>& fn) {
  RSH_ASSIGN_OR_RETURN(Stmt s, impl_->Prepare("SELECT document_id, minhash FROM signatures "
                                              "ORDER BY document_id"));
  for (;;) {
    RSH_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) return Status::Ok();
    const std::string blob = s.ColumnText(1);
    if (blob.size() % 4 != 0) {
      return DataLossError("signature of document " + std::to_string(s.ColumnInt(0)) +
                           ": " + std::to_string(blob.size()) + " bytes");
    }
    std::vector<uint32_t> minhash(blob.size() / 4);
    for (size_t i = 0; i < minhash.size(); ++i) {
      uint32_t v = 0;
      for (int b = 0; b < 4; ++b) v |= static_cast<uint32_t>(static_cast<uint8_t>(blob[i * 4 + b])) << (8 * b);
      minhash[i] = v;
    }
    RSH_RETURN_IF_ERROR(fn(s.ColumnInt(0), std::move(minhash)));
  }
}

Status Store::AddCopy(int64_t document_id, int64_t copy_of, double jaccard) {
  RSH_ASSIGN_OR_RETURN(Stmt s, impl_->Prepare("INSERT OR REPLACE INTO copies (document_id, "
                                              "copy_of, jaccard) VALUES (?1, ?2, ?3)"));
  s.Bind(1, document_id).Bind(2, copy_of).Bind(3, jaccard);
  return s.Run();
}

Result<int64_t> Store::DocumentCount() { return impl_->SingleInt("SELECT count(*) FROM documents"); }

Result<int64_t> Store::StoryCount() { return impl_->SingleInt("SELECT count(*) FROM stories"); }

Result<std::vector<StorySummary>> Store::ListStories(int limit, int offset,
                                                     std::string_view fts_query) {
  if (limit < 0 || offset < 0) return InvalidArgumentError("negative limit or offset");
  static constexpr char kAll[] =
      "SELECT s.id, s.title, s.updated_at, "
      "(SELECT count(*) FROM story_documents sd WHERE sd.story_id = s.id), "
      "(SELECT count(*) FROM conflicts c WHERE c.story_id = s.id) "
      "FROM stories s ORDER BY s.updated_at DESC, s.id LIMIT ?1 OFFSET ?2";
  static constexpr char kMatching[] =
      "SELECT s.id, s.title, s.updated_at, "
      "(SELECT count(*) FROM story_documents sd WHERE sd.story_id = s.id), "
      "(SELECT count(*) FROM conflicts c WHERE c.story_id = s.id) "
      "FROM stories s WHERE s.id IN (SELECT sd.story_id FROM story_documents sd "
      "WHERE sd.document_id IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?3)) "
      "ORDER BY s.updated_at DESC, s.id LIMIT ?1 OFFSET ?2";
  RSH_ASSIGN_OR_RETURN(Stmt s, impl_->Prepare(fts_query.empty() ? kAll : kMatching));
  s.Bind(1, int64_t{limit}).Bind(2, int64_t{offset});
  if (!fts_query.empty()) s.Bind(3, fts_query);
  std::vector<StorySummary> out;
  for (;;) {
    RSH_ASSIGN_OR_RETURN(bool row, s.Step(/*query_error=*/!fts_query.empty()));
    if (!row) break;
    StorySummary summary;
    summary.id = s.ColumnInt(0);
    summary.title = s.ColumnText(1);
    summary.updated_at = s.ColumnText(2);
    summary.documents = s.ColumnInt(3);
    summary.conflicts = s.ColumnInt(4);
    out.push_back(std::move(summary));
  }
  for (StorySummary& summary : out) {
    RSH_ASSIGN_OR_RETURN(summary.languages, impl_->StoryLanguages(summary.id));
  }
  return out;
}

Result<std::optional<nlohmann::json>> Store::GetStory(int64_t id) {
  RSH_ASSIGN_OR_RETURN(Stmt s,
                       impl_->Prepare("SELECT report, updated_at FROM stories WHERE id = ?1"));
  s.Bind(1, id);
  RSH_ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return std::optional<nlohmann::json>();
  Json report = Json::parse(s.ColumnText(0), nullptr, /*allow_exceptions=*/false);
  if (report.is_discarded() || !report.is_object()) {
    return DataLossError("story " + std::to_string(id) + ": bad JSON");
  }
  report["updated_at"] = s.ColumnText(1);
  return std::optional<nlohmann::json>(std::move(report));
}

Result<std::optional<StoredDocument>> Store::GetDocument(int64_t id) {
  RSH_ASSIGN_OR_RETURN(
      Stmt s, impl_->Prepare("SELECT source, url, title, language, published, outlet, authors, "
                             "raw, text, blocks, removed, meta, content_hash "
                             "FROM documents WHERE id = ?1"));
  s.Bind(1, id);
  RSH_ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return std::optional<StoredDocument>();
  StoredDocument out;
  out.id = id;
  Document& d = out.document;
  d.source = s.ColumnText(0);
  d.url = s.ColumnText(1);
  d.title = s.ColumnText(2);
  d.language = s.ColumnText(3);
  d.published = s.ColumnText(4);
  d.outlet = s.ColumnText(5);
  d.raw = s.ColumnText(7);
  out.text = s.ColumnText(8);
  out.content_hash = s.ColumnText(12);
  Status status;
  try {
    status =
        DecodeJsonColumns(s.ColumnText(6), s.ColumnText(9), s.ColumnText(10), s.ColumnText(11), &d);
  } catch (const std::exception& e) {
    status = DataLossError(e.what());
  }
  if (!status.ok()) return status.WithPrefix("document " + std::to_string(id));
  RSH_ASSIGN_OR_RETURN(Stmt st, impl_->Prepare("SELECT story_id FROM story_documents "
                                               "WHERE document_id = ?1 ORDER BY story_id"));
  st.Bind(1, id);
  for (;;) {
    RSH_ASSIGN_OR_RETURN(bool more, st.Step());
    if (!more) break;
    out.stories.push_back(st.ColumnInt(0));
  }
  RSH_ASSIGN_OR_RETURN(Stmt cp, impl_->Prepare("SELECT copy_of, jaccard, 1 FROM copies WHERE "
                                               "document_id = ?1 UNION ALL SELECT document_id, "
                                               "jaccard, 0 FROM copies WHERE copy_of = ?1 "
                                               "ORDER BY 1"));
  cp.Bind(1, id);
  for (;;) {
    RSH_ASSIGN_OR_RETURN(bool more, cp.Step());
    if (!more) break;
    out.copies.push_back({cp.ColumnInt(0), cp.ColumnDouble(1), cp.ColumnInt(2) != 0});
  }
  return std::optional<StoredDocument>(std::move(out));
}

Result<std::vector<SearchHit>> Store::Search(std::string_view fts_query, int limit) {
  if (fts_query.empty()) return InvalidArgumentError("empty full-text query");
  if (limit < 0) return InvalidArgumentError("negative limit");
  RSH_ASSIGN_OR_RETURN(
      Stmt s, impl_->Prepare("SELECT rowid, title, snippet(documents_fts, 1, ?2, ?3, '…', 16), "
                             "rank FROM documents_fts WHERE documents_fts MATCH ?1 "
                             "ORDER BY rank LIMIT ?4"));
  s.Bind(1, fts_query)
      .Bind(2, impl_->options_.snippet_open)
      .Bind(3, impl_->options_.snippet_close)
      .Bind(4, int64_t{limit});
  std::vector<SearchHit> out;
  for (;;) {
    RSH_ASSIGN_OR_RETURN(bool row, s.Step(/*query_error=*/true));
    if (!row) return out;
    out.push_back({s.ColumnInt(0), s.ColumnText(1), s.ColumnText(2), s.ColumnDouble(3)});
  }
}

Status Store::IntegrityCheck() {
  RSH_ASSIGN_OR_RETURN(Stmt s, impl_->Prepare("PRAGMA integrity_check(10)"));
  std::string findings;
  for (;;) {
    RSH_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    if (!findings.empty()) findings += "; ";
    findings += s.ColumnText(0);
  }
  if (findings == "ok") return Status::Ok();
  return DataLossError("integrity check: " + findings);
}

}  // namespace rashomon::store
