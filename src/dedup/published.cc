// NormalizePublished (dedup/dedup.h): ISO 8601 to a sortable UTC key.
#include <cstdint>
#include <string>
#include <string_view>

#include "base/iso_time.h"
#include "dedup/dedup.h"

namespace rashomon::dedup {

std::string NormalizePublished(std::string_view published) {
  int64_t millis = 0;
  return ParseIsoInstant(published, &millis) ? FormatUtcMillis(millis) : std::string();
}

}  // namespace rashomon::dedup
