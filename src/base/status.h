// base/status.h: the error value of rashomon.
//
// A Status says whether an operation that can fail for expected reasons
// (I/O, corrupt input, configuration) succeeded, and if not, why. Bugs are
// not Statuses: they abort through RSH_CHECK (base/check.h).
//
// Example:
//   Status s = fs.ReadFile(path, limit, &bytes);
//   if (!s.ok()) std::cerr << path << ": " << s.message() << "\n";
//
// Thread-safety: a Status is a value; distinct objects may be used from
// distinct threads.
#ifndef RSH_BASE_STATUS_H_
#define RSH_BASE_STATUS_H_

#include <string>
#include <string_view>

namespace rashomon {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,
  kNotFound,
  kAlreadyExists,
  kPermissionDenied,
  kResourceExhausted,  // Over a budget such as a size limit.
  kFailedPrecondition,
  kOutOfRange,
  kDataLoss,  // Corrupt or truncated data.
  kUnimplemented,
  kInternal,
  kUnavailable,
};

// Returns a stable lower_snake name for `code`, e.g. "not_found".
std::string_view StatusCodeName(StatusCode code);

class [[nodiscard]] Status {
 public:
  // An OK status.
  Status() = default;
  // REQUIRES: code != kOk or message is empty.
  Status(StatusCode code, std::string message);

  static Status Ok() { return Status(); }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }

  // "not_found: no such file" or "ok".
  std::string ToString() const;

  // Returns a copy whose message is `prefix + ": " + message()`.
  Status WithPrefix(std::string_view prefix) const;

  friend bool operator==(const Status& a, const Status& b) {
    return a.code_ == b.code_ && a.message_ == b.message_;
  }

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

Status InvalidArgumentError(std::string message);
Status NotFoundError(std::string message);
Status PermissionDeniedError(std::string message);
Status ResourceExhaustedError(std::string message);
Status FailedPreconditionError(std::string message);
Status DataLossError(std::string message);
Status InternalError(std::string message);
Status UnavailableError(std::string message);

}  // namespace rashomon

// Returns from the current function when `expr` (a Status) is not OK.
#define RSH_RETURN_IF_ERROR(expr)              \
  do {                                         \
    ::rashomon::Status rsh_status_ = (expr);   \
    if (!rsh_status_.ok()) return rsh_status_; \
  } while (0)

#define RSH_INTERNAL_CONCAT2(a, b) a##b
#define RSH_INTERNAL_CONCAT(a, b) RSH_INTERNAL_CONCAT2(a, b)

// Evaluates `rexpr` (a Result<T>); on error returns its Status, else moves
// the value into `lhs` (which may be a declaration: `auto x`).
#define RSH_ASSIGN_OR_RETURN(lhs, rexpr) \
  RSH_INTERNAL_ASSIGN_OR_RETURN(RSH_INTERNAL_CONCAT(rsh_result_, __LINE__), lhs, rexpr)
#define RSH_INTERNAL_ASSIGN_OR_RETURN(tmp, lhs, rexpr) \
  auto tmp = (rexpr);                                  \
  if (!tmp.ok()) return tmp.status();                  \
  lhs = std::move(tmp).value()

#endif  // RSH_BASE_STATUS_H_
