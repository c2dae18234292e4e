// dedup/ascii_tokens.h: text::Tokenize with a fast path for ASCII (internal
// to dedup).
//
// ForEachToken reports exactly the tokens text::Tokenize returns (dedup_test
// checks it on random mixed text). ASCII letters and digits are scanned
// inline, with Tokenize's rules: an inner apostrophe or hyphen joins two
// letters or digits, an inner '.' or ',' joins two digits. As soon as a
// token (or the gap before one) meets a byte of a multi-byte character,
// the rest of its space-separated run goes to text::Tokenize: tokens never
// span a space, and every earlier token of the run ended at an ASCII byte
// whose meaning did not depend on what follows.
//
// Thread-safety: pure functions.
#ifndef RSH_DEDUP_ASCII_TOKENS_H_
#define RSH_DEDUP_ASCII_TOKENS_H_

#include <array>
#include <cstdint>
#include <string_view>

#include "text/tokens.h"

namespace rashomon::dedup::internal {

enum : uint8_t { kAlnum = 1, kDigit = 2, kJoiner = 4, kDigitSep = 8, kHigh = 16 };

struct ByteClasses {
  std::array<uint8_t, 256> of{};
  constexpr ByteClasses() {
    for (int c = '0'; c <= '9'; ++c) of[c] = kAlnum | kDigit;
    for (int c = 'a'; c <= 'z'; ++c) of[c] = of[c - 32] = kAlnum;
    of['\''] = of['-'] = kJoiner;
    of['.'] = of[','] = kDigitSep;
    for (int c = 0x80; c < 256; ++c) of[c] = kHigh;
  }
};
inline constexpr ByteClasses kByteClasses;

// Calls `emit(token)` for each token of `s` in order, as text::Tokenize
// would find them. REQUIRES: `s` is valid UTF-8.
template <typename Emit>
void ForEachToken(std::string_view s, Emit&& emit) {
  const size_t n = s.size();
  auto cls = [&s](size_t i) { return kByteClasses.of[static_cast<uint8_t>(s[i])]; };
  // Hands [from, end of the space-separated run) to text::Tokenize.
  auto slow = [&](size_t from) {
    size_t end = s.find(' ', from);
    if (end == std::string_view::npos) end = n;
    const std::string_view run = s.substr(from, end - from);
    for (const text::Token& t : text::Tokenize(run)) {
      emit(run.substr(t.span.begin, t.span.end - t.span.begin));
    }
    return end;
  };
  size_t i = 0;
  while (i < n) {
    const uint8_t first = cls(i);
    if (first & kHigh) {
      i = slow(i);
      continue;
    }
    if (!(first & kAlnum)) {
      ++i;
      continue;
    }
    const size_t begin = i++;
    bool undecided = false;
    while (i < n) {
      const uint8_t c = cls(i);
      if (c & kAlnum) {
        ++i;
        continue;
      }
      if (c & kHigh) {
        undecided = true;
      } else if ((c & (kJoiner | kDigitSep)) && i + 1 < n) {
        const uint8_t next = cls(i + 1);
        const bool joins =
            (c & kJoiner) ? (next & kAlnum) != 0 : (cls(i - 1) & kDigit) && (next & kDigit);
        if (joins) {
          i += 2;
          continue;
        }
        // A multi-byte letter (or digit, after a digit) might join.
        undecided = (next & kHigh) && ((c & kJoiner) || (cls(i - 1) & kDigit));
      }
      break;
    }
    if (undecided) {
      i = slow(begin);
    } else {
      emit(s.substr(begin, i - begin));
    }
  }
}

}  // namespace rashomon::dedup::internal

#endif  // RSH_DEDUP_ASCII_TOKENS_H_
