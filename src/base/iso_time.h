// base/iso_time.h: ISO 8601 dates and date-times as instants.
//
//   int64_t ms;
//   if (ParseIsoInstant("2024-03-02T10:00:00+02:00", &ms)) ...  // 08:00 UTC
//   FormatUtcMillis(ms);  // "2024-03-02T08:00:00.000Z"
//
// Accepted: "YYYY-MM-DD", optionally followed by 'T', 't' or ' ' and
// "HH:MM[:SS[.fff]]" and an offset "Z", "+HH", "+HHMM" or "+HH:MM";
// surrounding white space is ignored. A date alone is midnight UTC, a time
// without an offset UTC. Impossible dates (2023-02-29) and times are refused.
//
// Thread-safety: pure functions.
#ifndef RSH_BASE_ISO_TIME_H_
#define RSH_BASE_ISO_TIME_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace rashomon {

// Days from 1970-01-01 to the proleptic Gregorian date y-m-d.
int64_t DaysFromCivil(int64_t y, int m, int d);

// The proleptic Gregorian date `days` after 1970-01-01 (DaysFromCivil's
// inverse), for any int64 day count that keeps the year in range.
void CivilFromDays(int64_t days, int64_t* y, int* m, int* d);

// Sets `*millis` to the instant of `iso` in milliseconds since the epoch
// (UTC); returns false, leaving it alone, when `iso` is not ISO 8601 as above.
bool ParseIsoInstant(std::string_view iso, int64_t* millis);

// "YYYY-MM-DDTHH:MM:SS.mmmZ", which sorts as the instants do for years
// 0000..9999; empty outside them.
std::string FormatUtcMillis(int64_t millis);

}  // namespace rashomon

#endif  // RSH_BASE_ISO_TIME_H_
