#include "dedup/simhash_index.h"

#include <algorithm>

#include "base/check.h"
#include "dedup/simhash.h"

namespace rashomon::dedup {
namespace {

constexpr uint32_t kNone = UINT32_MAX;
constexpr size_t kMaxScan = 4096;

inline size_t SlotOf(uint32_t key, size_t mask) {
  return static_cast<size_t>((key * 0x9E3779B97F4A7C15ULL) >> 32) & mask;
}

}  // namespace

SimHashIndex::SimHashIndex(int max_distance) : max_distance_(std::clamp(max_distance, 0, 7)) {
  const int blocks = max_distance_ + 1;
  int shift = 0;
  for (int b = 0; b < blocks; ++b) {
    const int bits = (64 - shift) / (blocks - b);
    Table table;
    table.shift = shift;
    table.mask = bits >= 64 ? ~uint64_t{0} : (uint64_t{1} << bits) - 1;
    tables_.push_back(std::move(table));
    shift += bits;
  }
}

uint32_t SimHashIndex::KeyOf(const Table& table, uint64_t fingerprint) const {
  uint64_t x = (fingerprint >> table.shift) & table.mask;
  // Mixed so that blocks wider than 32 bits still spread over the key.
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  return static_cast<uint32_t>(x >> 32) ^ static_cast<uint32_t>(x);
}

void SimHashIndex::Grow(Table* table) {
  std::vector<uint64_t> old = std::move(table->slots);
  table->slots.assign(old.empty() ? 64 : old.size() * 2, 0);
  const size_t mask = table->slots.size() - 1;
  for (uint64_t slot : old) {
    if (slot == 0) continue;
    size_t i = SlotOf(static_cast<uint32_t>(slot >> 32), mask);
    while (table->slots[i] != 0) i = (i + 1) & mask;
    table->slots[i] = slot;
  }
}

void SimHashIndex::Add(uint32_t id, uint64_t fingerprint) {
  RSH_CHECK(fingerprints_.size() < kNone - 1);
  const auto pos = static_cast<uint32_t>(fingerprints_.size());
  fingerprints_.push_back(fingerprint);
  ids_.push_back(id);
  for (Table& table : tables_) {
    if ((table.used + 1) * 2 > table.slots.size()) Grow(&table);
    const uint32_t key = KeyOf(table, fingerprint);
    const size_t mask = table.slots.size() - 1;
    for (size_t i = SlotOf(key, mask);; i = (i + 1) & mask) {
      uint64_t& slot = table.slots[i];
      if (slot == 0) {
        table.next.push_back(kNone);
        ++table.used;
      } else if (static_cast<uint32_t>(slot >> 32) == key) {
        table.next.push_back(static_cast<uint32_t>(slot) - 1);
      } else {
        continue;
      }
      slot = (uint64_t{key} << 32) | (pos + 1);
      break;
    }
  }
}

void SimHashIndex::Query(uint64_t fingerprint, size_t max_per_bucket,
                         std::vector<uint32_t>* out) const {
  const size_t start = out->size();
  for (const Table& table : tables_) {
    if (table.slots.empty()) continue;
    const uint32_t key = KeyOf(table, fingerprint);
    const size_t mask = table.slots.size() - 1;
    for (size_t i = SlotOf(key, mask); table.slots[i] != 0; i = (i + 1) & mask) {
      if (static_cast<uint32_t>(table.slots[i] >> 32) != key) continue;
      uint32_t p = static_cast<uint32_t>(table.slots[i]) - 1;
      size_t taken = 0;
      for (size_t scanned = 0; p != kNone && scanned < kMaxScan && taken < max_per_bucket;
           ++scanned, p = table.next[p]) {
        if (HammingDistance(fingerprints_[p], fingerprint) <= max_distance_) {
          out->push_back(ids_[p]);
          ++taken;
        }
      }
      break;
    }
  }
  std::sort(out->begin() + static_cast<std::ptrdiff_t>(start), out->end());
  out->erase(std::unique(out->begin() + static_cast<std::ptrdiff_t>(start), out->end()),
             out->end());
}

size_t SimHashIndex::MemoryBytes() const {
  size_t bytes = fingerprints_.capacity() * 8 + ids_.capacity() * 4;
  for (const Table& table : tables_)
    bytes += table.slots.capacity() * 8 + table.next.capacity() * 4;
  return bytes;
}

}  // namespace rashomon::dedup
