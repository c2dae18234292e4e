#include "extract/batch_templates.h"

#include <algorithm>
#include <unordered_map>

namespace rashomon::extract::internal {
namespace {

constexpr size_t kMaxPairs = 12;

double Jaccard(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b) {
  size_t i = 0, j = 0, common = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] == b[j]) {
      ++common, ++i, ++j;
    } else if (a[i] < b[j]) {
      ++i;
    } else {
      ++j;
    }
  }
  size_t uni = a.size() + b.size() - common;
  return uni == 0 ? 1.0 : static_cast<double>(common) / static_cast<double>(uni);
}

}  // namespace

std::unordered_set<uint64_t> FindTemplateLines(
    const std::vector<std::vector<uint64_t>>& doc_line_hashes, int min_documents,
    double max_overlap) {
  std::unordered_set<uint64_t> result;
  if (min_documents < 2 || doc_line_hashes.size() < static_cast<size_t>(min_documents)) {
    return result;
  }
  std::vector<std::vector<uint64_t>> sets(doc_line_hashes.size());
  std::unordered_map<uint64_t, std::vector<uint32_t>> docs_of;
  for (size_t d = 0; d < doc_line_hashes.size(); ++d) {
    sets[d] = doc_line_hashes[d];
    std::sort(sets[d].begin(), sets[d].end());
    sets[d].erase(std::unique(sets[d].begin(), sets[d].end()), sets[d].end());
    for (uint64_t h : sets[d]) docs_of[h].push_back(static_cast<uint32_t>(d));
  }
  // The same document pairs come up for every line they share: compute
  // each pair's overlap once.
  std::unordered_map<uint64_t, double> pair_overlap;
  auto overlap = [&](uint32_t a, uint32_t b) {
    uint64_t k = (static_cast<uint64_t>(a) << 32) | b;
    auto [it, inserted] = pair_overlap.try_emplace(k, 0.0);
    if (inserted) it->second = Jaccard(sets[a], sets[b]);
    return it->second;
  };
  for (const auto& [hash, docs] : docs_of) {
    if (docs.size() < static_cast<size_t>(min_documents)) continue;
    // Neighbouring documents in the list, spread over the whole list.
    size_t pairs = std::min(kMaxPairs, docs.size() - 1);
    size_t step = (docs.size() - 1) / pairs;
    double sum = 0.0;
    for (size_t p = 0; p < pairs; ++p) {
      size_t a = p * step;
      sum += overlap(docs[a], docs[a + 1]);
    }
    if (sum / static_cast<double>(pairs) <= max_overlap) result.insert(hash);
  }
  return result;
}

}  // namespace rashomon::extract::internal
