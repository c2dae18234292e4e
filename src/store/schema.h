// store/schema.h: internal: the schema migrations of the store database.
//
// Each migration brings the database from version `version - 1` to
// `version` (PRAGMA user_version). The tables are described in
// docs/schema.md, which must change with them. To change the schema, append
// one entry to kMigrations (schema.cc) and never edit a released one.
//
// Thread-safety: as the connection given.
#ifndef RSH_STORE_SCHEMA_H_
#define RSH_STORE_SCHEMA_H_

#include <sqlite3.h>

#include <span>

#include "base/status.h"

namespace rashomon::store::internal {

struct Migration {
  int version;      // The version the database has after it.
  const char* sql;  // Statements separated by ';'.
};

// The migrations of this build, versions 1, 2, ... in order.
std::span<const Migration> Migrations();

// Applies the migrations of `migrations` newer than the database's version,
// all in one IMMEDIATE transaction, and sets user_version to the last one's.
// kFailedPrecondition when the database's version is newer than the last.
// REQUIRES: `migrations` non-empty, numbered 1, 2, ... in order.
[[nodiscard]] Status Migrate(sqlite3* db, std::span<const Migration> migrations);

}  // namespace rashomon::store::internal

#endif  // RSH_STORE_SCHEMA_H_
