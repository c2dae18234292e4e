#include "store/schema.h"

#include <string>

#include "base/check.h"
#include "store/sqlite_util.h"

namespace rashomon::store::internal {
namespace {

// Version 1: the initial schema (docs/schema.md).
constexpr char kSchemaV1[] = R"sql(
CREATE TABLE documents (
  id INTEGER PRIMARY KEY,
  source TEXT NOT NULL,
  url TEXT NOT NULL DEFAULT '',
  title TEXT NOT NULL DEFAULT '',
  language TEXT NOT NULL DEFAULT '',
  published TEXT NOT NULL DEFAULT '',
  outlet TEXT NOT NULL DEFAULT '',
  authors TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(authors)),
  raw BLOB NOT NULL DEFAULT x'',
  text TEXT NOT NULL DEFAULT '',
  blocks TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(blocks)),
  removed TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(removed)),
  meta TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(meta)),
  content_hash TEXT NOT NULL UNIQUE
);

CREATE VIRTUAL TABLE documents_fts USING fts5(
  title, text, content='documents', content_rowid='id',
  tokenize='unicode61 remove_diacritics 2');

CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
  INSERT INTO documents_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
END;
CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
  INSERT INTO documents_fts(documents_fts, rowid, title, text)
    VALUES ('delete', old.id, old.title, old.text);
END;
CREATE TRIGGER documents_fts_update AFTER UPDATE OF title, text ON documents BEGIN
  INSERT INTO documents_fts(documents_fts, rowid, title, text)
    VALUES ('delete', old.id, old.title, old.text);
  INSERT INTO documents_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
END;

CREATE TABLE stories (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL DEFAULT '',
  updated_at TEXT NOT NULL,
  report TEXT NOT NULL CHECK (json_valid(report))
);
CREATE INDEX stories_by_update ON stories(updated_at DESC, id);

CREATE TABLE story_documents (
  story_id INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
  document_id INTEGER NOT NULL REFERENCES documents(id),
  position INTEGER NOT NULL,
  PRIMARY KEY (story_id, document_id)
) WITHOUT ROWID;
CREATE INDEX story_documents_by_document ON story_documents(document_id);

CREATE TABLE claims (
  story_id INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  claim_id TEXT NOT NULL,
  status TEXT NOT NULL,
  sources INTEGER NOT NULL,
  detail INTEGER NOT NULL,
  text TEXT NOT NULL,
  PRIMARY KEY (story_id, position)
) WITHOUT ROWID;

CREATE TABLE conflicts (
  story_id INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  kind TEXT NOT NULL,
  about TEXT NOT NULL,
  sides INTEGER NOT NULL,
  PRIMARY KEY (story_id, position)
) WITHOUT ROWID;

CREATE TABLE quotes (
  story_id INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  speaker TEXT NOT NULL,
  text TEXT NOT NULL,
  documents INTEGER NOT NULL,
  PRIMARY KEY (story_id, position)
) WITHOUT ROWID;

CREATE TABLE citations (
  story_id INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  source_name TEXT NOT NULL,
  documents INTEGER NOT NULL,
  PRIMARY KEY (story_id, position)
) WITHOUT ROWID;
)sql";

// Version 2: story ids are never reused, and a story that merged into
// another remembers which (docs/schema.md).
constexpr char kSchemaV2[] = R"sql(
CREATE TABLE counters (
  name TEXT PRIMARY KEY,
  value INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO counters (name, value) SELECT 'story_id', coalesce(max(id), 0) FROM stories;

CREATE TABLE retired_stories (
  id INTEGER PRIMARY KEY,
  merged_into INTEGER
);
)sql";

// Version 3: each document's MinHash signature, and the near-copies found
// across the whole collection (docs/schema.md).
constexpr char kSchemaV3[] = R"sql(
CREATE TABLE signatures (
  document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
  minhash BLOB NOT NULL
);

CREATE TABLE copies (
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  copy_of INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  jaccard REAL NOT NULL,
  PRIMARY KEY (document_id, copy_of)
) WITHOUT ROWID;
CREATE INDEX copies_by_original ON copies(copy_of);
)sql";

constexpr Migration kMigrations[] = {
    {1, kSchemaV1},
    {2, kSchemaV2},
    {3, kSchemaV3},
};

Status Exec(sqlite3* db, const std::string& sql, std::string_view what) {
  const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) return SqliteStatus(db, rc, what);
  return Status::Ok();
}

Result<int> UserVersion(sqlite3* db) {
  sqlite3_stmt* raw = nullptr;
  const int rc = sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &raw, nullptr);
  if (rc != SQLITE_OK) return SqliteStatus(db, rc, "reading the schema version");
  Status status;
  int version = 0;
  {
    Stmt stmt(raw);  // Resets `raw` before it is finalized below.
    Result<bool> row = stmt.Step();
    if (!row.ok()) status = row.status();
    if (row.ok() && *row) version = static_cast<int>(stmt.ColumnInt(0));
  }
  sqlite3_finalize(raw);
  if (!status.ok()) return status;
  return version;
}

Status MigrateLocked(sqlite3* db, std::span<const Migration> migrations) {
  RSH_ASSIGN_OR_RETURN(const int current, UserVersion(db));
  const int latest = migrations.back().version;
  if (current > latest) {
    return FailedPreconditionError("database schema version " + std::to_string(current) +
                                   " is newer than this build knows (" + std::to_string(latest) +
                                   "); open it with a newer rashomon");
  }
  if (current < 0) return DataLossError("negative schema version " + std::to_string(current));
  for (const Migration& m : migrations) {
    if (m.version <= current) continue;
    RSH_RETURN_IF_ERROR(
        Exec(db, m.sql, "migrating to schema version " + std::to_string(m.version)));
  }
  if (current == latest) return Status::Ok();
  // The version is an integer we own; PRAGMA takes no bound parameters.
  return Exec(db, "PRAGMA user_version = " + std::to_string(latest), "setting schema version");
}

}  // namespace

std::span<const Migration> Migrations() { return kMigrations; }

Status Migrate(sqlite3* db, std::span<const Migration> migrations) {
  RSH_CHECK(!migrations.empty());
  for (size_t i = 0; i < migrations.size(); ++i) {
    RSH_CHECK(migrations[i].version == static_cast<int>(i) + 1);
  }
  // Up to date: no write lock, so readers open beside a busy writer.
  Result<int> current = UserVersion(db);
  if (current.ok() && *current == migrations.back().version) return Status::Ok();
  RSH_RETURN_IF_ERROR(Exec(db, "BEGIN IMMEDIATE", "starting the migration"));
  Status status = MigrateLocked(db, migrations);
  if (status.ok()) status = Exec(db, "COMMIT", "committing the migration");
  // A failed COMMIT leaves the transaction open; roll it back as any failure.
  if (!status.ok()) sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
  return status;
}

}  // namespace rashomon::store::internal
