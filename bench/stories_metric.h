// bench/stories_metric.h: scores of a clustering against labels, as story
// clustering papers report them.
//   - pairwise: precision and recall over pairs of documents put in one
//     cluster (true when they share a label);
//   - BCubed: per document, the share of its cluster that shares its label
//     (precision) and the share of its label's documents in its cluster
//     (recall), averaged over documents.
// Used by bench/stories_eval and tests/stories_eval_test.cc.
#ifndef RSH_BENCH_STORIES_METRIC_H_
#define RSH_BENCH_STORIES_METRIC_H_

#include <cstddef>
#include <cstdint>
#include <map>
#include <utility>
#include <vector>

namespace rashomon::bench {

struct ClusterScores {
  double pair_precision = 0, pair_recall = 0, pair_f1 = 0;
  double bcubed_precision = 0, bcubed_recall = 0, bcubed_f1 = 0;
};

inline double F1(double p, double r) { return p + r > 0 ? 2 * p * r / (p + r) : 0; }

// `labels[i]` and `clusters[i]` are document i's true label and predicted
// cluster. REQUIRES: same sizes.
inline ClusterScores ScoreClusters(const std::vector<int64_t>& labels,
                                   const std::vector<int64_t>& clusters) {
  ClusterScores s;
  const size_t n = labels.size();
  if (n == 0) return s;
  std::map<std::pair<int64_t, int64_t>, double> both;  // (cluster, label) -> count
  std::map<int64_t, double> per_cluster, per_label;
  for (size_t i = 0; i < n; ++i) {
    both[{clusters[i], labels[i]}] += 1;
    per_cluster[clusters[i]] += 1;
    per_label[labels[i]] += 1;
  }
  auto pairs = [](double k) { return k * (k - 1) / 2; };
  double tp = 0, predicted = 0, actual = 0;
  for (const auto& [key, k] : both) tp += pairs(k);
  for (const auto& [c, k] : per_cluster) predicted += pairs(k);
  for (const auto& [l, k] : per_label) actual += pairs(k);
  s.pair_precision = predicted > 0 ? tp / predicted : 1;
  s.pair_recall = actual > 0 ? tp / actual : 1;
  s.pair_f1 = F1(s.pair_precision, s.pair_recall);
  // BCubed: a document in cell (c, l) of k documents scores k/|c| and k/|l|.
  for (const auto& [key, k] : both) {
    s.bcubed_precision += k * (k / per_cluster[key.first]);
    s.bcubed_recall += k * (k / per_label[key.second]);
  }
  s.bcubed_precision /= static_cast<double>(n);
  s.bcubed_recall /= static_cast<double>(n);
  s.bcubed_f1 = F1(s.bcubed_precision, s.bcubed_recall);
  return s;
}

}  // namespace rashomon::bench

#endif  // RSH_BENCH_STORIES_METRIC_H_
