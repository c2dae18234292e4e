// text/utf8.h: UTF-8 validation and repair, and code point helpers.
//
// Input bytes are untrusted: RepairUtf8 turns any byte sequence into valid
// UTF-8 by replacing each maximal invalid subsequence with U+FFFD (the
// Unicode "substitution of maximal subparts" practice) and counts the bad
// bytes. Overlong forms, surrogates (U+D800..U+DFFF) and code points past
// U+10FFFF are invalid.
//
//   std::string out;
//   size_t bad = RepairUtf8(bytes, &out);
//
// Thread-safety: pure functions.
#ifndef RSH_TEXT_UTF8_H_
#define RSH_TEXT_UTF8_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace rashomon::text {

// True when `s` is well-formed UTF-8.
bool IsValidUtf8(std::string_view s);

// Writes `in` to `out` with every invalid sequence replaced by U+FFFD and
// returns the number of bytes that were invalid (0 when `in` was valid, in
// which case `out` equals `in`). `out` may not alias `in`.
size_t RepairUtf8(std::string_view in, std::string* out);

// Decodes the code point starting at `s[*pos]` and advances `*pos` past it.
// REQUIRES: `s` is valid UTF-8 and *pos < s.size().
char32_t DecodeUtf8(std::string_view s, size_t* pos);

// Like DecodeUtf8 but defined for any bytes: an invalid sequence decodes as
// U+FFFD and `*pos` advances past its maximal subpart, as RepairUtf8 counts
// it. For functions that must stay safe on unchecked input.
// REQUIRES: *pos < s.size().
char32_t DecodeUtf8Lenient(std::string_view s, size_t* pos);

// Decodes the code point that ends just before `s[*pos]` and moves `*pos`
// back to its first byte. REQUIRES: `s` is valid UTF-8, 0 < *pos <= s.size()
// and *pos is on a code point boundary.
char32_t DecodeUtf8Before(std::string_view s, size_t* pos);

// Appends the UTF-8 encoding of `cp` to `out`. REQUIRES: cp is a scalar value.
void AppendUtf8(char32_t cp, std::string* out);

// True for the white space the text module trims and collapses: Unicode's
// White_Space property (ASCII \t \n \v \f \r and space, U+0085, U+00A0,
// U+1680, U+2000..U+200A, U+2028, U+2029, U+202F, U+205F, U+3000) plus
// U+200B ZERO WIDTH SPACE and U+FEFF (a stray byte-order mark).
bool IsWhiteSpace(char32_t cp);

}  // namespace rashomon::text

#endif  // RSH_TEXT_UTF8_H_
