// base/result.h: a value or the Status saying why there is none.
//
//   Result<std::string> r = ReadSomething();
//   if (!r.ok()) return r.status();
//   Use(*r);
//
// Thread-safety: a value type, like Status.
#ifndef RSH_BASE_RESULT_H_
#define RSH_BASE_RESULT_H_

#include <optional>
#include <utility>

#include "base/check.h"
#include "base/status.h"

namespace rashomon {

template <typename T>
class [[nodiscard]] Result {
 public:
  // REQUIRES: !status.ok().
  Result(Status status) : status_(std::move(status)) { RSH_CHECK(!status_.ok()); }  // NOLINT
  Result(T value) : value_(std::move(value)) {}                                     // NOLINT

  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }

  // REQUIRES: ok().
  const T& value() const& {
    RSH_CHECK(ok());
    return *value_;
  }
  T& value() & {
    RSH_CHECK(ok());
    return *value_;
  }
  T&& value() && {
    RSH_CHECK(ok());
    return std::move(*value_);
  }

  const T& operator*() const& { return value(); }
  T& operator*() & { return value(); }
  const T* operator->() const { return &value(); }
  T* operator->() { return &value(); }

 private:
  Status status_;
  std::optional<T> value_;
};

}  // namespace rashomon

#endif  // RSH_BASE_RESULT_H_
