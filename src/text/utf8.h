// text/utf8.h: UTF-8 validation and repair.
//
// Input bytes are untrusted: RepairUtf8 turns any byte sequence into valid
// UTF-8 by replacing each maximal invalid subsequence with U+FFFD (the
// Unicode "substitution of maximal subparts" practice), and counts them.
// Overlong forms, surrogates (U+D800..U+DFFF) and code points past U+10FFFF
// are invalid.
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

// Appends the UTF-8 encoding of `cp` to `out`. REQUIRES: cp is a scalar value.
void AppendUtf8(char32_t cp, std::string* out);

}  // namespace rashomon::text

#endif  // RSH_TEXT_UTF8_H_
