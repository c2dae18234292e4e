// base/check.h: invariant checks for our own code (never for input).
//
// RSH_CHECK(cond) aborts with file, line and the condition when `cond` is
// false, in every build. RSH_DCHECK does the same only in debug builds.
// Bad input is data (a Verdict) or a Status, never a failed check.
#ifndef RSH_BASE_CHECK_H_
#define RSH_BASE_CHECK_H_

namespace rashomon::internal {
[[noreturn]] void CheckFailed(const char* file, int line, const char* cond);
}  // namespace rashomon::internal

#define RSH_CHECK(cond) \
  ((cond) ? (void)0 : ::rashomon::internal::CheckFailed(__FILE__, __LINE__, #cond))

#ifdef NDEBUG
#define RSH_DCHECK(cond) ((void)0)
#else
#define RSH_DCHECK(cond) RSH_CHECK(cond)
#endif

#endif  // RSH_BASE_CHECK_H_
