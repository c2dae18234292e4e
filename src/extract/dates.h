// extract/dates.h: dates as pages write them (internal to the extract module).
//
// Finds a calendar date, and the time and UTC offset when they are given,
// in a short text: ISO 8601 ("2024-05-03T15:47:42.389Z"), RFC 2822 ("Fri,
// 03 May 2024 15:47:42 +0200"), numeric day-first and year-first forms
// ("03.05.2024 15:47", "2024/05/03", "2024年5月3日"), and month names in
// about twenty languages ("3. Mai 2024, 15:47 Uhr", "May 3, 2024 3:47 pm
// EDT", "14 мая 2025"). Also reads the date in a URL path
// ("/2024/05/03/", "/20240503/", "-2024-05-03"). Metadata selection lives
// in extract/metadata.cc; NormalizeDate (extract/metadata.h) is the public
// entry point.
//
//   std::string iso = internal::FindDateInText("Von Anna, 3. Mai 2024, 15:47 Uhr");
//   // "2024-05-03T15:47:00"
//
// Thread-safety: pure functions over constant tables.
#ifndef RSH_EXTRACT_DATES_H_
#define RSH_EXTRACT_DATES_H_

#include <string>
#include <string_view>

namespace rashomon::extract::internal {

// A date as found; `hour` < 0 when no time was given.
struct DateTime {
  int year = 0, month = 0, day = 0;
  int hour = -1, minute = 0, second = 0;
  bool has_offset = false;
  int offset_minutes = 0;  // East of UTC; meaningful when has_offset.
};

// The first date in `text` (only its first 1,024 bytes are read) as the
// ISO 8601 form of extract/metadata.h, or "" when there is none.
std::string FindDateInText(std::string_view text);

// Like FindDateInText but fills `*out`; false when there is no date.
bool ParseDateTime(std::string_view text, DateTime* out);

// "2024-05-03T15:47:42+02:00", "2024-05-03T15:47:42" or "2024-05-03".
std::string FormatDateTime(const DateTime& date);

// The day a URL path names ("2024-05-03"), or "". Reads /YYYY/MM/DD/,
// YYYY-MM-DD and 8-digit YYYYMMDD runs in the path, years 1990..2099.
std::string DateFromUrl(std::string_view url);

}  // namespace rashomon::extract::internal

#endif  // RSH_EXTRACT_DATES_H_
