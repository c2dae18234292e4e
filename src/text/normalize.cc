#include "text/normalize.h"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>

#include <array>
#include <cstdint>

#include "text/utf8.h"

namespace rashomon::text {
namespace {

// True when every code point of `utf8` is below U+0300. All such code points
// are NFC_Quick_Check=Yes with combining class 0, so the text is already NFC.
// In UTF-8 they are exactly the texts whose bytes are all below 0xCC (lead
// bytes C2..CB and continuation bytes 80..BF). The inner loop has no early
// exit so that the compiler can vectorise it.
bool AllBelowU0300(std::string_view utf8) {
  const auto* p = reinterpret_cast<const uint8_t*>(utf8.data());
  const size_t n = utf8.size();
  constexpr size_t kBlock = 32;
  size_t i = 0;
  for (; i + kBlock <= n; i += kBlock) {
    unsigned hit = 0;
    for (size_t k = 0; k < kBlock; ++k) hit |= p[i + k] >= 0xCC;
    if (hit) return false;
  }
  for (; i < n; ++i) {
    if (p[i] >= 0xCC) return false;
  }
  return true;
}

inline bool IsAsciiSpace(uint8_t b) { return b == ' ' || (b >= '\t' && b <= '\r'); }

inline bool IsAsciiAlnum(uint8_t b) {
  return (b >= '0' && b <= '9') || ((b | 0x20) >= 'a' && (b | 0x20) <= 'z');
}

// Letters, decimal digits and combining marks: the parts of words. Marks are
// kept so that scripts which write vowels as marks (Devanagari, Thai, Arabic
// harakat) keep their words whole.
constexpr uint32_t kWordMask = U_GC_L_MASK | U_GC_ND_MASK | U_GC_M_MASK;

// True when the full case folding of `cp` may differ from its simple one,
// i.e. fold to several code points ("ß" -> "ss", "ﬁ" -> "fi"). These are
// the status-F lines of CaseFolding.txt, covered by a few wide ranges.
inline bool MayFoldToSeveral(char32_t cp) {
  return cp == 0x00DF || cp == 0x0130 || cp == 0x0149 || cp == 0x01F0 || cp == 0x0390 ||
         cp == 0x03B0 || cp == 0x0587 || (cp >= 0x1E96 && cp <= 0x1E9E) ||
         (cp >= 0x1F50 && cp <= 0x1FFF) || (cp >= 0xFB00 && cp <= 0xFB17);
}

// Appends the full case folding of the non-ASCII `cp` ("ß" -> "ss") to `out`.
void AppendFolded(char32_t cp, std::string* out) {
  if (!MayFoldToSeveral(cp)) {
    // The simple folding is a table lookup, much cheaper than the string
    // call below.
    AppendUtf8(static_cast<char32_t>(u_foldCase(static_cast<UChar32>(cp), U_FOLD_CASE_DEFAULT)),
               out);
    return;
  }
  UChar src[2];
  int32_t src_len = 0;
  U16_APPEND_UNSAFE(src, src_len, static_cast<UChar32>(cp));
  UChar dst[8];  // Full case folding yields at most 3 UTF-16 units.
  UErrorCode status = U_ZERO_ERROR;
  const int32_t dst_len = u_strFoldCase(dst, 8, src, src_len, U_FOLD_CASE_DEFAULT, &status);
  if (U_FAILURE(status)) {
    AppendUtf8(cp, out);
    return;
  }
  for (int32_t i = 0; i < dst_len;) {
    UChar32 c;
    U16_NEXT_UNSAFE(dst, i, c);
    AppendUtf8(static_cast<char32_t>(c), out);
  }
}

}  // namespace

std::string NormalizeNfc(std::string_view utf8) {
  // Most text never reaches ICU. ICU's StringPiece is 32-bit; texts too big
  // for it are returned as they are.
  if (AllBelowU0300(utf8) || utf8.size() > INT32_MAX) return std::string(utf8);
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return std::string(utf8);
  const icu::StringPiece piece(utf8.data(), static_cast<int32_t>(utf8.size()));
  if (nfc->isNormalizedUTF8(piece, status) || U_FAILURE(status)) {
    return std::string(utf8);
  }
  // ICU normalises UTF-8 to UTF-8 directly, with no UTF-16 round trip.
  std::string out;
  out.reserve(utf8.size());
  icu::StringByteSink<std::string> sink(&out);
  status = U_ZERO_ERROR;
  nfc->normalizeUTF8(0, piece, sink, nullptr, status);
  if (U_FAILURE(status)) return std::string(utf8);
  return out;
}

std::string CollapseWhitespace(std::string_view line) {
  std::string out;
  out.reserve(line.size());
  const auto* p = reinterpret_cast<const uint8_t*>(line.data());
  const size_t n = line.size();
  bool space_pending = false;  // White space seen after some output.
  size_t i = 0;
  while (i < n) {
    // Copy a run of ordinary ASCII bytes at once.
    size_t run = i;
    // A single ASCII space between two ordinary bytes stays in the run:
    // one append per run of words, not per word.
    while (run < n && p[run] < 0x80) {
      if (IsAsciiSpace(p[run])) {
        if (p[run] != ' ' || run == i || run + 1 >= n || p[run + 1] >= 0x80 ||
            IsAsciiSpace(p[run + 1])) {
          break;
        }
      }
      ++run;
    }
    if (run > i) {
      if (space_pending) out.push_back(' ');
      space_pending = false;
      out.append(line.data() + i, run - i);
      i = run;
      continue;
    }
    size_t next = i;
    const char32_t cp = DecodeUtf8Lenient(line, &next);
    if (IsWhiteSpace(cp)) {
      space_pending = !out.empty();
    } else {
      if (space_pending) out.push_back(' ');
      space_pending = false;
      out.append(line.data() + i, next - i);  // Invalid bytes pass through.
    }
    i = next;
  }
  return out;
}

std::string LooseKey(std::string_view utf8) {
  // ASCII bytes go through a table into a raw buffer (the hot path: every
  // line of every document); other code points are folded and appended.
  static const std::array<char, 128> kAscii = [] {
    std::array<char, 128> t{};
    for (int c = 0; c < 128; ++c) {
      if (IsAsciiAlnum(static_cast<uint8_t>(c))) {
        t[c] = static_cast<char>(c >= 'A' && c <= 'Z' ? c | 0x20 : c);
      }
    }
    return t;
  }();
  std::string out(utf8.size(), '\0');
  size_t len = 0;
  const auto* p = reinterpret_cast<const uint8_t*>(utf8.data());
  const size_t n = utf8.size();
  bool space_pending = false;
  size_t i = 0;
  while (i < n) {
    const uint8_t b = p[i];
    if (b < 0x80) {
      ++i;
      const char c = kAscii[b];
      if (c == 0) {
        space_pending = len != 0;
        continue;
      }
      if (space_pending) out[len++] = ' ';
      space_pending = false;
      out[len++] = c;
      continue;
    }
    const char32_t cp = DecodeUtf8Lenient(utf8, &i);
    if ((U_GET_GC_MASK(static_cast<UChar32>(cp)) & kWordMask) == 0) {
      space_pending = len != 0;
      continue;
    }
    // Folding may lengthen the text: finish in the slow, appending mode.
    out.resize(len);
    if (space_pending) out.push_back(' ');
    space_pending = false;
    AppendFolded(cp, &out);
    len = out.size();
    out.resize(len + (n - i) + 1);
  }
  out.resize(len);
  return out;
}

std::string FoldCase(std::string_view word) {
  std::string out;
  out.reserve(word.size());
  size_t i = 0;
  while (i < word.size()) {
    const auto b = static_cast<uint8_t>(word[i]);
    if (b < 0x80) {
      out.push_back(static_cast<char>(b >= 'A' && b <= 'Z' ? b | 0x20 : b));
      ++i;
      continue;
    }
    const size_t start = i;
    const char32_t cp = DecodeUtf8Lenient(word, &i);
    if (cp == 0xFFFD && !(i - start == 3 && static_cast<uint8_t>(word[start]) == 0xEF)) {
      out.append(word.data() + start, i - start);  // An invalid sequence, as it was.
    } else {
      AppendFolded(cp, &out);
    }
  }
  return out;
}

}  // namespace rashomon::text
