#include "dedup/shingles.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>

#include "dedup/ascii_tokens.h"
#include "text/chars.h"
#include "text/tokens.h"
#include "text/utf8.h"

#define XXH_INLINE_ALL
#include <xxhash.h>

namespace rashomon::dedup {
namespace {

// Tokenize runs over chunks of the normalised text this long (cut at a
// space), so that the token vector stays small for huge documents.
constexpr size_t kChunkBytes = size_t{1} << 16;
// Shingles handed to the sink at a time.
constexpr size_t kBatch = 2048;
// Longest shingle, in units.
constexpr int kMaxShingle = 64;

// ASCII bytes as normalised: white space becomes ' ', letters lower case.
struct AsciiTables {
  std::array<char, 128> fold{};
  constexpr AsciiTables() {
    for (int c = 0; c < 128; ++c) fold[c] = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    fold['\t'] = fold['\n'] = fold['\v'] = fold['\f'] = fold['\r'] = ' ';
  }
};
constexpr AsciiTables kAscii;

// The murmur3 64-bit finaliser: a bijection with full avalanche.
inline uint64_t Mix64(uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ULL;
  x ^= x >> 33;
  return x;
}

// Hash of `n` unit hashes in order; the length enters too, so that a short
// document's single shingle never equals a full-size one.
inline uint64_t CombineUnits(const uint64_t* units, size_t n) {
  uint64_t h = n;
  for (size_t i = 0; i < n; ++i) h = h * 0x9E3779B97F4A7C15ULL + units[i];
  return Mix64(h);
}

inline size_t EncodeUtf8(char32_t cp, char* out) {
  if (cp < 0x80) {
    out[0] = static_cast<char>(cp);
    return 1;
  }
  if (cp < 0x800) {
    out[0] = static_cast<char>(0xC0 | (cp >> 6));
    out[1] = static_cast<char>(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    out[0] = static_cast<char>(0xE0 | (cp >> 12));
    out[1] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out[2] = static_cast<char>(0x80 | (cp & 0x3F));
    return 3;
  }
  out[0] = static_cast<char>(0xF0 | (cp >> 18));
  out[1] = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
  out[2] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
  out[3] = static_cast<char>(0x80 | (cp & 0x3F));
  return 4;
}

constexpr uint64_t kOnes = 0x0101010101010101ULL;
constexpr uint64_t kHighBits = 0x8080808080808080ULL;

// The common case of Fold, 8 bytes at a time (SWAR, little-endian): when
// the bytes are printable ASCII with no two spaces in a row (and no
// leading space after a space), lower-cases them in place, updates the
// counters and returns true. Otherwise returns false and changes nothing.
inline bool FoldAsciiBlock(uint64_t* block, bool* prev_space, size_t* chars) {
  const uint64_t x = *block;
  // Any byte >= 0x80, or < 0x20 (control characters, \t, \n...)?
  if (((x | ((x - kOnes * 0x20) & ~x)) & kHighBits) != 0) return false;
  const uint64_t t = x ^ (kOnes * 0x20);  // Zero bytes where x has a space.
  const uint64_t low7 = kOnes * 0x7F;
  const uint64_t spaces = ~(((t & low7) + low7) | t | low7);  // 0x80 in each space byte.
  if ((spaces & (spaces << 8)) != 0 || (*prev_space && (spaces & 0x80) != 0)) return false;
  const uint64_t at_least_a = x + kOnes * (0x80 - 'A');
  const uint64_t above_z = x + kOnes * (0x80 - 'Z' - 1);
  *block = x | (((at_least_a & ~above_z) & kHighBits) >> 2);
  *chars += 8 - static_cast<size_t>(std::popcount(spaces));
  *prev_space = (spaces >> 63) != 0;
  return true;
}

struct FoldCounts {
  size_t chars = 0;      // Non-space code points written.
  size_t spaceless = 0;  // Of them, letters of the spaceless scripts.
};

// Writes the normalised `text` to `out` (see the header) and counts its
// characters. Output grows at most threefold (an invalid byte becomes the
// 3-byte U+FFFD; simple case folding at most turns 2 bytes into 3), and
// each step writes at most 5 bytes (a space and a code point) before the
// budget check.
void Fold(std::string_view text, size_t budget, std::string* out, FoldCounts* counts) {
  const size_t n = text.size();
  out->resize(std::min(n, budget) * 3 + 8);
  char* const dst = out->data();
  // Locals, not *counts: stores through char* could alias them. A space is
  // written unless the previous output was one (or there was none yet), and
  // a trailing one is dropped at the end; the ASCII path has no branch on
  // the byte's class.
  size_t w = 0, chars = 0, spaceless = 0;
  bool prev_space = true;
  size_t pos = 0;
  while (pos < n && w < budget) {
    if (pos + 8 <= n) {
      uint64_t block;
      std::memcpy(&block, text.data() + pos, 8);
      if (FoldAsciiBlock(&block, &prev_space, &chars)) {
        std::memcpy(dst + w, &block, 8);
        w += 8;
        pos += 8;
        continue;
      }
    }
    const auto b = static_cast<uint8_t>(text[pos]);
    if (b < 0x80) {
      ++pos;
      const char c = kAscii.fold[b];
      const bool space = c == ' ';
      dst[w] = c;
      w += !(space && prev_space);
      chars += !space;
      prev_space = space;
      continue;
    }
    char32_t cp = text::DecodeUtf8Lenient(text, &pos);
    if (text::IsWhiteSpace(cp)) {
      if (!prev_space) dst[w++] = ' ';
      prev_space = true;
      continue;
    }
    cp = text::FoldCaseCodePoint(cp);
    w += EncodeUtf8(cp, dst + w);
    prev_space = false;
    ++chars;
    if (IsSpacelessScript(cp)) ++spaceless;
  }
  if (w > 0 && dst[w - 1] == ' ') --w;
  out->resize(w);
  counts->chars = chars;
  counts->spaceless = spaceless;
}

// The end of the chunk of `s` that starts at `begin`: after the last space
// within kChunkBytes, else at a code point boundary.
size_t ChunkEnd(std::string_view s, size_t begin) {
  if (s.size() - begin <= kChunkBytes) return s.size();
  size_t end = begin + kChunkBytes;
  const size_t space = s.rfind(' ', end);
  if (space != std::string_view::npos && space > begin) return space + 1;
  while (end > begin + 1 && (static_cast<uint8_t>(s[end]) & 0xC0) == 0x80) --end;
  return end;
}

}  // namespace

bool IsSpacelessScript(char32_t cp) {
  if (cp < 0x0E00) return false;
  if (cp < 0x0F00) return true;  // Thai, Lao.
  if (cp < 0x1000) return false;
  if (cp < 0x10A0) return true;                  // Myanmar.
  if (cp >= 0x1780 && cp < 0x1800) return true;  // Khmer.
  if (cp >= 0x19E0 && cp < 0x1A00) return true;  // Khmer symbols.
  if (cp < 0x2E80) return false;
  if (cp < 0x2FE0) return true;                   // CJK and Kangxi radicals.
  if (cp >= 0x3005 && cp <= 0x3007) return true;  // 々 〆 〇
  if (cp >= 0x3040 && cp < 0x3130) return true;   // Hiragana, Katakana, Bopomofo.
  if (cp >= 0x31A0 && cp < 0x3200) return true;   // Bopomofo ext., Katakana ext.
  if (cp >= 0x3400 && cp < 0xA000) return true;   // CJK ext. A, unified ideographs.
  if (cp >= 0xA9E0 && cp < 0xAA80) return true;   // Myanmar ext. B, A.
  if (cp >= 0xF900 && cp < 0xFB00) return true;   // CJK compatibility ideographs.
  if (cp >= 0xFF66 && cp < 0xFFA0) return true;   // Halfwidth Katakana.
  return cp >= 0x20000 && cp < 0x32400;           // CJK ext. B to H, compatibility supplement.
}

Shingler::Shingler(const ShingleOptions& options) : options_(options) {
  options_.word_size = std::clamp(options_.word_size, 1, kMaxShingle);
  options_.char_size = std::clamp(options_.char_size, 1, kMaxShingle);
}

void Shingler::Normalize(std::string_view text, std::string* out) const {
  FoldCounts counts;
  Fold(text, options_.max_bytes, out, &counts);
}

uint64_t Shingler::ExactHash(std::string_view text) {
  FoldCounts counts;
  Fold(text, options_.max_bytes, &folded_, &counts);
  return XXH3_64bits(folded_.data(), folded_.size());
}

ShingleInfo Shingler::Shingle(std::string_view text, const ShingleSink& sink) {
  FoldCounts counts;
  Fold(text, options_.max_bytes, &folded_, &counts);
  ShingleInfo info;
  info.exact_hash = XXH3_64bits(folded_.data(), folded_.size());
  info.char_shingles = counts.spaceless > 0 &&
                       static_cast<double>(counts.spaceless) >= options_.char_share * counts.chars;
  const size_t k =
      static_cast<size_t>(info.char_shingles ? options_.char_size : options_.word_size);
  const std::string_view s = folded_;
  units_.clear();
  batch_.clear();
  auto flush = [&] {
    if (batch_.empty()) return;
    info.shingles += batch_.size();
    sink(batch_);
    batch_.clear();
  };
  for (size_t begin = 0; begin < s.size();) {
    const size_t end = ChunkEnd(s, begin);
    const std::string_view chunk = s.substr(begin, end - begin);
    if (info.char_shingles) {
      internal::ForEachToken(chunk, [this](std::string_view word) {
        for (size_t p = 0; p < word.size();) {
          units_.push_back(Mix64(text::DecodeUtf8Lenient(word, &p) ^ 0x5bd1e995ULL));
        }
      });
    } else {
      internal::ForEachToken(chunk, [this](std::string_view word) {
        units_.push_back(XXH3_64bits(word.data(), word.size()));
      });
    }
    size_t i = 0;
    for (; i + k <= units_.size(); ++i) {
      batch_.push_back(CombineUnits(&units_[i], k));
      if (batch_.size() >= kBatch) flush();
    }
    // Keep the last k-1 units: the next chunk's first shingles start there.
    units_.erase(units_.begin(), units_.begin() + static_cast<std::ptrdiff_t>(i));
    begin = end;
  }
  if (info.shingles == 0 && batch_.empty() && !units_.empty()) {
    batch_.push_back(CombineUnits(units_.data(), units_.size()));
  }
  flush();
  return info;
}

std::vector<uint32_t> Shingler::ShingleSet(std::string_view text) {
  std::vector<uint32_t> set;
  Shingle(text, [&set](std::span<const uint64_t> batch) {
    for (uint64_t h : batch) set.push_back(ShingleKey(h));
  });
  std::sort(set.begin(), set.end());
  set.erase(std::unique(set.begin(), set.end()), set.end());
  set.shrink_to_fit();
  return set;
}

uint64_t ExactHash(std::string_view text, const ShingleOptions& options) {
  Shingler shingler(options);
  return shingler.ExactHash(text);
}

size_t IntersectionSize(std::span<const uint32_t> a, std::span<const uint32_t> b) {
  size_t i = 0, j = 0, common = 0;
  const size_t na = a.size(), nb = b.size();
  // Branch-light merge: both cursors advance by comparisons, not branches.
  while (i < na && j < nb) {
    const uint32_t x = a[i], y = b[j];
    common += x == y;
    i += x <= y;
    j += y <= x;
  }
  return common;
}

double SetOverlap::jaccard() const {
  const size_t uni = size_a + size_b - common;
  return uni == 0 ? 0.0 : static_cast<double>(common) / static_cast<double>(uni);
}

double SetOverlap::a_in_b() const {
  return size_a == 0 ? 0.0 : static_cast<double>(common) / static_cast<double>(size_a);
}

double SetOverlap::b_in_a() const {
  return size_b == 0 ? 0.0 : static_cast<double>(common) / static_cast<double>(size_b);
}

SetOverlap Overlap(std::span<const uint32_t> a, std::span<const uint32_t> b) {
  return SetOverlap{a.size(), b.size(), IntersectionSize(a, b)};
}

}  // namespace rashomon::dedup
