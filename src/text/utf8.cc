#include "text/utf8.h"

#include <cstring>

namespace rashomon::text {
namespace {

constexpr uint64_t kHighBits = 0x8080808080808080ULL;
constexpr char kReplacement[] = "\xEF\xBF\xBD";  // U+FFFD

inline bool IsContinuation(uint8_t b) { return (b & 0xC0) == 0x80; }

// Returns a pointer past the leading ASCII bytes of [p, end), read eight at
// a time: most news text is ASCII and this loop is the validator's hot path.
inline const uint8_t* SkipAscii(const uint8_t* p, const uint8_t* end) {
  while (end - p >= 8) {
    uint64_t word;
    std::memcpy(&word, p, sizeof(word));
    if (word & kHighBits) break;
    p += 8;
  }
  while (p < end && *p < 0x80) ++p;
  return p;
}

// Checks the sequence that starts at p[0] (a non-ASCII byte) against the
// well-formed byte sequences of Unicode Table 3-7. Returns its length (2..4)
// when well-formed, else minus the length of its maximal subpart (1..3): the
// longest prefix that could start a well-formed sequence, or the single byte
// when none could.
inline int CheckSequence(const uint8_t* p, const uint8_t* end) {
  const uint8_t b0 = p[0];
  const ptrdiff_t avail = end - p;
  if (b0 < 0xC2) return -1;  // Stray continuation byte or overlong lead.
  if (b0 < 0xE0) return (avail >= 2 && IsContinuation(p[1])) ? 2 : -1;
  if (b0 > 0xF4) return -1;  // Would encode past U+10FFFF, or never valid.
  // The second byte's range is what rules out overlong forms (E0, F0),
  // surrogates (ED) and code points past U+10FFFF (F4).
  uint8_t lo = 0x80;
  uint8_t hi = 0xBF;
  int len = 3;
  if (b0 >= 0xF0) {
    len = 4;
    if (b0 == 0xF0) lo = 0x90;
    if (b0 == 0xF4) hi = 0x8F;
  } else if (b0 == 0xE0) {
    lo = 0xA0;
  } else if (b0 == 0xED) {
    hi = 0x9F;
  }
  if (avail < 2 || p[1] < lo || p[1] > hi) return -1;
  if (avail < 3 || !IsContinuation(p[2])) return -2;
  if (len == 3) return 3;
  if (avail < 4 || !IsContinuation(p[3])) return -3;
  return 4;
}

// Returns a pointer to the first byte of the first invalid sequence in
// [p, end), or `end` when the range is well-formed.
const uint8_t* FindInvalid(const uint8_t* p, const uint8_t* end) {
  for (;;) {
    p = SkipAscii(p, end);
    if (p == end) return end;
    const int len = CheckSequence(p, end);
    if (len < 0) return p;
    p += len;
  }
}

}  // namespace

bool IsValidUtf8(std::string_view s) {
  const auto* begin = reinterpret_cast<const uint8_t*>(s.data());
  const uint8_t* end = begin + s.size();
  return FindInvalid(begin, end) == end;
}

size_t RepairUtf8(std::string_view in, std::string* out) {
  const auto* begin = reinterpret_cast<const uint8_t*>(in.data());
  const uint8_t* end = begin + in.size();
  const uint8_t* bad = FindInvalid(begin, end);
  if (bad == end) {
    out->assign(in);
    return 0;
  }
  out->clear();
  // Each invalid byte becomes at most 3 output bytes; reserve for the common
  // case of a few bad bytes in a long text.
  out->reserve(in.size() + 16);
  size_t invalid = 0;
  const uint8_t* run = begin;  // Start of the pending well-formed run.
  while (bad != end) {
    out->append(reinterpret_cast<const char*>(run), bad - run);
    const int len = -CheckSequence(bad, end);
    out->append(kReplacement, 3);
    invalid += len;
    run = bad + len;
    bad = FindInvalid(run, end);
  }
  out->append(reinterpret_cast<const char*>(run), end - run);
  return invalid;
}

char32_t DecodeUtf8(std::string_view s, size_t* pos) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data()) + *pos;
  const uint8_t b0 = p[0];
  if (b0 < 0x80) {
    *pos += 1;
    return b0;
  }
  if (b0 < 0xE0) {
    *pos += 2;
    return (char32_t{b0 & 0x1Fu} << 6) | (p[1] & 0x3Fu);
  }
  if (b0 < 0xF0) {
    *pos += 3;
    return (char32_t{b0 & 0x0Fu} << 12) | (char32_t{p[1] & 0x3Fu} << 6) | (p[2] & 0x3Fu);
  }
  *pos += 4;
  return (char32_t{b0 & 0x07u} << 18) | (char32_t{p[1] & 0x3Fu} << 12) |
         (char32_t{p[2] & 0x3Fu} << 6) | (p[3] & 0x3Fu);
}

char32_t DecodeUtf8Lenient(std::string_view s, size_t* pos) {
  const auto* begin = reinterpret_cast<const uint8_t*>(s.data());
  const uint8_t* p = begin + *pos;
  if (*p < 0x80) {
    *pos += 1;
    return *p;
  }
  const int len = CheckSequence(p, begin + s.size());
  if (len < 0) {
    *pos += -len;
    return 0xFFFD;
  }
  return DecodeUtf8(s, pos);
}

char32_t DecodeUtf8Before(std::string_view s, size_t* pos) {
  size_t start = *pos - 1;
  // A well-formed sequence has at most three continuation bytes.
  while (start > 0 && *pos - start < 4 && IsContinuation(static_cast<uint8_t>(s[start]))) {
    --start;
  }
  size_t next = start;
  const char32_t cp = DecodeUtf8(s, &next);
  *pos = start;
  return cp;
}

void AppendUtf8(char32_t cp, std::string* out) {
  char buf[4];
  size_t n;
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
    return;
  }
  if (cp < 0x800) {
    buf[0] = static_cast<char>(0xC0 | (cp >> 6));
    buf[1] = static_cast<char>(0x80 | (cp & 0x3F));
    n = 2;
  } else if (cp < 0x10000) {
    buf[0] = static_cast<char>(0xE0 | (cp >> 12));
    buf[1] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    buf[2] = static_cast<char>(0x80 | (cp & 0x3F));
    n = 3;
  } else {
    buf[0] = static_cast<char>(0xF0 | (cp >> 18));
    buf[1] = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    buf[2] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    buf[3] = static_cast<char>(0x80 | (cp & 0x3F));
    n = 4;
  }
  out->append(buf, n);
}

bool IsWhiteSpace(char32_t cp) {
  if (cp < 0x80) return cp == ' ' || (cp >= '\t' && cp <= '\r');
  switch (cp) {
    case 0x0085:
    case 0x00A0:
    case 0x1680:
    case 0x2028:
    case 0x2029:
    case 0x202F:
    case 0x205F:
    case 0x3000:
    case 0xFEFF:
      return true;
    default:
      return cp >= 0x2000 && cp <= 0x200B;
  }
}

}  // namespace rashomon::text
