#include "dedup/lsh.h"

#include <algorithm>
#include <cmath>

#include "base/check.h"

#define XXH_INLINE_ALL
#include <xxhash.h>

namespace rashomon::dedup {
namespace {

constexpr uint32_t kNone = UINT32_MAX;

inline size_t SlotOf(uint32_t key, size_t mask) {
  return static_cast<size_t>((key * 0x9E3779B97F4A7C15ULL) >> 32) & mask;
}

inline uint32_t TableKey(uint64_t band_key) { return static_cast<uint32_t>(band_key >> 32); }

}  // namespace

double CandidateProbability(double jaccard, const LshParams& params) {
  if (params.bands <= 0 || params.rows <= 0) return 0.0;
  const double j = std::clamp(jaccard, 0.0, 1.0);
  return 1.0 - std::pow(1.0 - std::pow(j, params.rows), params.bands);
}

LshParams ChooseLshParams(double threshold, int num_permutations, double min_probability) {
  const double t = std::clamp(threshold, 0.01, 1.0);
  const int p = std::max(num_permutations, 1);
  for (int rows = p; rows >= 1; --rows) {
    const LshParams params{p / rows, rows};
    if (CandidateProbability(t, params) >= min_probability) return params;
  }
  return LshParams{p, 1};
}

LshIndex::LshIndex(const LshParams& params, int band_begin, int band_end) : params_(params) {
  RSH_CHECK(params.bands > 0 && params.rows > 0);
  band_begin_ = std::clamp(band_begin, 0, params.bands);
  const int end = band_end < 0 ? params.bands : std::clamp(band_end, band_begin_, params.bands);
  bands_.resize(static_cast<size_t>(end - band_begin_));
}

uint64_t LshIndex::BandKey(std::span<const uint32_t> signature, int band, int rows) {
  const size_t offset = static_cast<size_t>(band) * static_cast<size_t>(rows);
  RSH_CHECK(offset + static_cast<size_t>(rows) <= signature.size());
  return XXH3_64bits_withSeed(signature.data() + offset, static_cast<size_t>(rows) * 4,
                              static_cast<uint64_t>(band));
}

void LshIndex::Grow(Band* band) {
  std::vector<uint64_t> old = std::move(band->slots);
  band->slots.assign(old.empty() ? 64 : old.size() * 2, 0);
  const size_t mask = band->slots.size() - 1;
  for (uint64_t slot : old) {
    if (slot == 0) continue;
    size_t i = SlotOf(static_cast<uint32_t>(slot >> 32), mask);
    while (band->slots[i] != 0) i = (i + 1) & mask;
    band->slots[i] = slot;
  }
}

void LshIndex::Insert(Band* band, uint32_t key, uint32_t id) {
  if ((band->used + 1) * 2 > band->slots.size()) Grow(band);
  RSH_CHECK(band->entries.size() < kNone - 1);
  const auto entry = static_cast<uint32_t>(band->entries.size());
  const size_t mask = band->slots.size() - 1;
  for (size_t i = SlotOf(key, mask);; i = (i + 1) & mask) {
    uint64_t& slot = band->slots[i];
    if (slot == 0) {
      band->entries.push_back(Entry{id, kNone});
      slot = (uint64_t{key} << 32) | (entry + 1);
      ++band->used;
      return;
    }
    if (static_cast<uint32_t>(slot >> 32) == key) {
      const auto head = static_cast<uint32_t>(slot) - 1;
      band->entries.push_back(Entry{id, head});
      slot = (uint64_t{key} << 32) | (entry + 1);
      return;
    }
  }
}

void LshIndex::Add(uint32_t id, std::span<const uint32_t> signature) {
  for (size_t b = 0; b < bands_.size(); ++b) {
    const int band = band_begin_ + static_cast<int>(b);
    Insert(&bands_[b], TableKey(BandKey(signature, band, params_.rows)), id);
  }
  ++size_;
}

void LshIndex::Query(std::span<const uint32_t> signature, size_t max_per_bucket,
                     std::vector<uint32_t>* out) const {
  const size_t start = out->size();
  for (size_t b = 0; b < bands_.size(); ++b) {
    const Band& band = bands_[b];
    if (band.slots.empty()) continue;
    const int band_number = band_begin_ + static_cast<int>(b);
    const uint32_t key = TableKey(BandKey(signature, band_number, params_.rows));
    const size_t mask = band.slots.size() - 1;
    for (size_t i = SlotOf(key, mask); band.slots[i] != 0; i = (i + 1) & mask) {
      if (static_cast<uint32_t>(band.slots[i] >> 32) != key) continue;
      uint32_t e = static_cast<uint32_t>(band.slots[i]) - 1;
      for (size_t taken = 0; e != kNone && taken < max_per_bucket; ++taken) {
        out->push_back(band.entries[e].id);
        e = band.entries[e].next;
      }
      break;
    }
  }
  std::sort(out->begin() + static_cast<std::ptrdiff_t>(start), out->end());
  out->erase(std::unique(out->begin() + static_cast<std::ptrdiff_t>(start), out->end()),
             out->end());
}

size_t LshIndex::MemoryBytes() const {
  size_t bytes = 0;
  for (const Band& band : bands_) {
    bytes += band.slots.capacity() * sizeof(uint64_t) + band.entries.capacity() * sizeof(Entry);
  }
  return bytes;
}

}  // namespace rashomon::dedup
