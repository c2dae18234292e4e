#include "dedup/simhash.h"

#include <array>

namespace rashomon::dedup {
namespace {

// kSpread[b] has byte i equal to bit i of b: adding it counts 8 bits at once.
struct SpreadTable {
  std::array<uint64_t, 256> v{};
  constexpr SpreadTable() {
    for (int b = 0; b < 256; ++b) {
      uint64_t x = 0;
      for (int i = 0; i < 8; ++i) x |= static_cast<uint64_t>((b >> i) & 1) << (8 * i);
      v[static_cast<size_t>(b)] = x;
    }
  }
};
constexpr SpreadTable kSpread;

}  // namespace

void SimHasher::Reset() {
  for (uint64_t& l : lanes_) l = 0;
  for (uint64_t& o : ones_) o = 0;
  count_ = 0;
  pending_ = 0;
}

void SimHasher::Drain() {
  for (int b = 0; b < 8; ++b) {
    for (int i = 0; i < 8; ++i) ones_[8 * b + i] += (lanes_[b] >> (8 * i)) & 0xFF;
    lanes_[b] = 0;
  }
  pending_ = 0;
}

void SimHasher::Update(std::span<const uint64_t> shingles) {
  for (uint64_t h : shingles) {
    for (int b = 0; b < 8; ++b) lanes_[b] += kSpread.v[(h >> (8 * b)) & 0xFF];
    if (++pending_ == 255) Drain();  // A byte lane holds at most 255.
  }
  count_ += shingles.size();
}

uint64_t SimHasher::Finish() const {
  uint64_t result = 0;
  for (int b = 0; b < 8; ++b) {
    for (int i = 0; i < 8; ++i) {
      const uint64_t ones = ones_[8 * b + i] + ((lanes_[b] >> (8 * i)) & 0xFF);
      if (2 * ones > count_) result |= uint64_t{1} << (8 * b + i);
    }
  }
  return result;
}

}  // namespace rashomon::dedup
