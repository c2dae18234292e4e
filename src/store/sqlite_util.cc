#include "store/sqlite_util.h"

#include <string>
#include <utility>

namespace rashomon::store::internal {

Status SqliteStatus(sqlite3* db, int rc, std::string_view what) {
  std::string message(what);
  message += ": ";
  const char* detail = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  message += detail != nullptr ? detail : sqlite3_errstr(rc);
  switch (rc & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
    case SQLITE_PROTOCOL:
      return UnavailableError(std::move(message));
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return DataLossError(std::move(message));
    case SQLITE_CONSTRAINT:
    case SQLITE_MISMATCH:
    case SQLITE_TOOBIG:
    case SQLITE_RANGE:
      return InvalidArgumentError(std::move(message));
    case SQLITE_FULL:
    case SQLITE_NOMEM:
      return ResourceExhaustedError(std::move(message));
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_AUTH:
      return PermissionDeniedError(std::move(message));
    default:
      return InternalError(std::move(message));
  }
}

Stmt::~Stmt() {
  if (stmt_ != nullptr) {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
}

void Stmt::Keep(int rc, int index) {
  if (rc != SQLITE_OK && status_.ok()) {
    status_ =
        SqliteStatus(sqlite3_db_handle(stmt_), rc, "binding parameter " + std::to_string(index));
  }
}

Stmt& Stmt::Bind(int index, int64_t value) {
  Keep(sqlite3_bind_int64(stmt_, index, value), index);
  return *this;
}

Stmt& Stmt::Bind(int index, double value) {
  Keep(sqlite3_bind_double(stmt_, index, value), index);
  return *this;
}

Stmt& Stmt::Bind(int index, std::string_view text) {
  // A non-null pointer even for "", so that the value is '' and not NULL.
  Keep(sqlite3_bind_text64(stmt_, index, text.empty() ? "" : text.data(), text.size(),
                           SQLITE_TRANSIENT, SQLITE_UTF8),
       index);
  return *this;
}

Stmt& Stmt::BindBlob(int index, std::string_view bytes) {
  Keep(sqlite3_bind_blob64(stmt_, index, bytes.empty() ? "" : bytes.data(), bytes.size(),
                           SQLITE_TRANSIENT),
       index);
  return *this;
}

Result<bool> Stmt::Step(bool query_error) {
  if (!status_.ok()) return status_;
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  sqlite3* db = sqlite3_db_handle(stmt_);
  if (query_error && rc == SQLITE_ERROR) {
    return InvalidArgumentError(std::string("malformed full-text query: ") + sqlite3_errmsg(db));
  }
  return SqliteStatus(db, rc, "executing statement");
}

Status Stmt::Run() {
  for (;;) {
    RSH_ASSIGN_OR_RETURN(bool row, Step());
    if (!row) return Status::Ok();
  }
}

int64_t Stmt::ColumnInt(int index) const { return sqlite3_column_int64(stmt_, index); }

double Stmt::ColumnDouble(int index) const { return sqlite3_column_double(stmt_, index); }

std::string Stmt::ColumnText(int index) const {
  // Read the pointer before the size, as the SQLite documentation asks.
  const void* data = sqlite3_column_type(stmt_, index) == SQLITE_BLOB
                         ? sqlite3_column_blob(stmt_, index)
                         : static_cast<const void*>(sqlite3_column_text(stmt_, index));
  const int size = sqlite3_column_bytes(stmt_, index);
  if (data == nullptr || size <= 0) return std::string();
  return std::string(static_cast<const char*>(data), static_cast<size_t>(size));
}

bool Stmt::ColumnIsNull(int index) const {
  return sqlite3_column_type(stmt_, index) == SQLITE_NULL;
}

}  // namespace rashomon::store::internal
