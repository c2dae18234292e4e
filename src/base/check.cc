#include "base/check.h"

#include <cstdio>
#include <cstdlib>

namespace rashomon::internal {

void CheckFailed(const char* file, int line, const char* cond) {
  std::fprintf(stderr, "%s:%d: RSH_CHECK failed: %s\n", file, line, cond);
  std::abort();
}

}  // namespace rashomon::internal
