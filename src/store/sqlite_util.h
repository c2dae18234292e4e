// store/sqlite_util.h: internal helpers over the SQLite C API: error codes
// as Statuses, and a reset-on-scope-exit handle of a cached statement.
//
// Thread-safety: as the connection they use (one thread at a time).
#ifndef RSH_STORE_SQLITE_UTIL_H_
#define RSH_STORE_SQLITE_UTIL_H_

#include <sqlite3.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "base/result.h"
#include "base/status.h"

namespace rashomon::store::internal {

// The Status for SQLite result code `rc` (extended codes understood), with
// `what` and the connection's error message: busy and locked are
// kUnavailable, corrupt and not-a-database kDataLoss, constraints
// kInvalidArgument, full and no-memory kResourceExhausted.
Status SqliteStatus(sqlite3* db, int rc, std::string_view what);

// A prepared statement borrowed from a cache: bindings and state are reset
// when the handle goes out of scope, so the statement can be reused. Bind
// errors are kept and returned by the next Step.
class Stmt {
 public:
  explicit Stmt(sqlite3_stmt* stmt) : stmt_(stmt) {}
  Stmt(Stmt&& other) noexcept : stmt_(other.stmt_), status_(std::move(other.status_)) {
    other.stmt_ = nullptr;
  }
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;
  Stmt& operator=(Stmt&&) = delete;
  ~Stmt();

  // Parameters are 1-based, as in SQLite. Text and blobs are copied.
  Stmt& Bind(int index, int64_t value);
  Stmt& Bind(int index, double value);
  Stmt& Bind(int index, std::string_view text);
  Stmt& BindBlob(int index, std::string_view bytes);

  // True when a row is ready, false when done. A failed step is returned
  // as SqliteStatus; when `query_error` is true a plain SQLITE_ERROR (an
  // FTS5 syntax error, an unknown column in a query) is kInvalidArgument.
  Result<bool> Step(bool query_error = false);
  // Steps to the end, for statements that return no rows.
  Status Run();

  int64_t ColumnInt(int index) const;
  double ColumnDouble(int index) const;
  std::string ColumnText(int index) const;  // Text or blob bytes; "" for NULL.
  bool ColumnIsNull(int index) const;

 private:
  void Keep(int rc, int index);
  sqlite3_stmt* stmt_;
  Status status_;
};

}  // namespace rashomon::store::internal

#endif  // RSH_STORE_SQLITE_UTIL_H_
