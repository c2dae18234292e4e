// claims/dates.h: calendar dates and periods mentioned in news text, as
// inclusive day intervals, so that reports can be checked for the same time.
//
// FindDates reads absolute dates ("June 12, 2025", "12 June 2025", "2025-06-12",
// "March 2021", "in 2023", "mid-2024", "the 1990s", "late 2019 or early
// 2020", "between 2018 and 2019"), German and French forms ("12. Juni 2025",
// "12 juin 2025", "März 2021") and, when the publication day is known,
// relative ones ("on Monday", "yesterday", "last week", "last month"). Clock
// times and durations are not dates; numbers with units are claims/quantity.h.
// docs/quantities.md lists the rules and the bounds of parts of a year.
//
//   DateOptions options;
//   options.published_day = DaysFromCivil(2025, 6, 14);
//   FindDates("on Monday, 12 June 2025", options);  // 2025-06-09, 2025-06-12
//
// Thread-safety: pure functions.
#ifndef RSH_CLAIMS_DATES_H_
#define RSH_CLAIMS_DATES_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "text/sentences.h"

namespace rashomon::claims {

inline constexpr int64_t kNoDay = INT64_MIN;

struct DateMention {
  text::Span span;                      // Bytes of the mention in the text.
  int64_t first_day = 0, last_day = 0;  // Inclusive interval, days since 1970-01-01 (UTC civil calendar).
  bool relative = false;                // Resolved against the publication day ("on Monday", "yesterday", "last week").
  std::string normalized;               // ISO form: "2022-02", "2023-09/2024-04", "2025-06-12".
};

struct DateOptions {
  // ISO 639-1 code of the text: selects month and weekday names ("en", "de",
  // "fr"; others read ISO dates and English names). Default "en".
  std::string_view language = "en";
  // Publication day (days since 1970-01-01); relative dates are dropped when
  // it is kNoDay. Default kNoDay.
  int64_t published_day = kNoDay;
  // Most mentions returned; the scan stops after that many. Default 10,000.
  size_t max_mentions = 10000;
};

// Every date mentioned in `text`, in order of position. Any bytes are
// accepted; never throws; work is linear in text.size(). Years are read in
// 1000..2999 only. Spans index `text`; the result keeps no reference to it.
std::vector<DateMention> FindDates(std::string_view text, const DateOptions& options = {});

// Whether the day intervals of `a` and `b` share at least one day.
bool Overlap(const DateMention& a, const DateMention& b);

}  // namespace rashomon::claims

#endif  // RSH_CLAIMS_DATES_H_
