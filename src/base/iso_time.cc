#include "base/iso_time.h"

#include <cstdio>

namespace rashomon {
namespace {

// Reads exactly `n` ASCII digits at `*pos`.
bool Digits(std::string_view s, size_t* pos, int n, int* out) {
  if (*pos + static_cast<size_t>(n) > s.size()) return false;
  int v = 0;
  for (int i = 0; i < n; ++i) {
    const char c = s[*pos + static_cast<size_t>(i)];
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  *pos += static_cast<size_t>(n);
  *out = v;
  return true;
}

bool Take(std::string_view s, size_t* pos, char c) {
  if (*pos < s.size() && s[*pos] == c) {
    ++*pos;
    return true;
  }
  return false;
}

int DaysInMonth(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : kDays[m - 1];
}

// Parses "+HH:MM", "+HHMM", "+HH", "Z" at `*pos`; seconds east of UTC.
bool ParseOffset(std::string_view s, size_t* pos, int* seconds) {
  *seconds = 0;
  if (*pos == s.size()) return true;
  if (Take(s, pos, 'Z') || Take(s, pos, 'z')) return true;
  const char sign = s[*pos];
  if (sign != '+' && sign != '-') return false;
  ++*pos;
  int hh = 0, mm = 0;
  if (!Digits(s, pos, 2, &hh)) return false;
  if (*pos < s.size()) {
    Take(s, pos, ':');
    if (!Digits(s, pos, 2, &mm)) return false;
  }
  if (hh > 23 || mm > 59) return false;
  *seconds = (sign == '-' ? -1 : 1) * (hh * 3600 + mm * 60);
  return true;
}

}  // namespace

// Howard Hinnant's civil_from_days.
void CivilFromDays(int64_t z, int64_t* y, int* m, int* d) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  *d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  *m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  *y = yoe + era * 400 + (*m <= 2);
}


// Howard Hinnant's days_from_civil.
int64_t DaysFromCivil(int64_t y, int m, int d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

bool ParseIsoInstant(std::string_view iso, int64_t* millis_out) {
  std::string_view s = iso;
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n')) {
    s.remove_prefix(1);
  }
  while (!s.empty() &&
         (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  size_t pos = 0;
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0, millis = 0, offset = 0;
  if (!Digits(s, &pos, 4, &year) || !Take(s, &pos, '-') || !Digits(s, &pos, 2, &month) ||
      !Take(s, &pos, '-') || !Digits(s, &pos, 2, &day)) {
    return false;
  }
  if (month < 1 || month > 12 || day < 1 || day > DaysInMonth(year, month)) return false;
  if (pos < s.size()) {
    if (!Take(s, &pos, 'T') && !Take(s, &pos, 't') && !Take(s, &pos, ' ')) return false;
    if (!Digits(s, &pos, 2, &hour) || !Take(s, &pos, ':') || !Digits(s, &pos, 2, &minute)) {
      return false;
    }
    if (Take(s, &pos, ':') && !Digits(s, &pos, 2, &second)) return false;
    if (Take(s, &pos, '.') || Take(s, &pos, ',')) {
      int scale = 100, digits = 0;
      for (; pos < s.size() && s[pos] >= '0' && s[pos] <= '9'; ++pos, ++digits) {
        millis += (s[pos] - '0') * scale;
        scale /= 10;
      }
      if (digits == 0) return false;
    }
    if (hour > 23 || minute > 59 || second > 60) return false;
    if (!ParseOffset(s, &pos, &offset) || pos != s.size()) return false;
  }
  const int64_t seconds =
      DaysFromCivil(year, month, day) * 86400 + hour * 3600 + minute * 60 + second - offset;
  *millis_out = seconds * 1000 + millis;
  return true;
}

std::string FormatUtcMillis(int64_t millis) {
  const int64_t total = millis >= 0 ? millis / 1000 : -((-millis + 999) / 1000);
  const int ms = static_cast<int>(millis - total * 1000);
  const int64_t days = total >= 0 ? total / 86400 : -((-total + 86399) / 86400);
  const int64_t rest = total - days * 86400;
  int64_t y = 0;
  int m = 0, d = 0;
  CivilFromDays(days, &y, &m, &d);
  if (y < 0 || y > 9999) return "";
  char buf[96];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", static_cast<int>(y), m, d,
                static_cast<int>(rest / 3600), static_cast<int>(rest % 3600 / 60),
                static_cast<int>(rest % 60), ms);
  return buf;
}

}  // namespace rashomon
