#include "crosscheck/sentence_vectors.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <string>
#include <unordered_map>

#include "base/iso_time.h"

namespace rashomon::crosscheck {
namespace {

// Features in more sentences than this are not used to find pairs (they
// still count in the cosine): they would make the search quadratic.
constexpr size_t kMaxPosting = 400;
// Discount of the cross-language cosine (it holds only names and numbers).
constexpr double kCrossLanguageWeight = 0.75;

uint64_t Hash(char tag, std::string_view a, std::string_view b = {}) {
  uint64_t h = 0xcbf29ce484222325ULL ^ static_cast<unsigned char>(tag);
  for (std::string_view s : {a, b}) {
    for (char c : s) {
      h ^= static_cast<unsigned char>(c);
      h *= 0x100000001b3ULL;
    }
    h ^= 0x1f;
    h *= 0x100000001b3ULL;
  }
  return h;
}

// A quantity as a language-free token: dimension, unit and its value with
// three significant digits ("12 km" and "12 Kilometer" meet; 12 mi does not).
std::string QuantityToken(const claims::Quantity& q) {
  double v = std::isfinite(q.high) ? (q.low + q.high) / 2 : q.low;
  if (!std::isfinite(v)) return {};
  char buf[64];
  std::snprintf(buf, sizeof buf, "%d|%s|%.3g", static_cast<int>(q.dimension), q.unit.c_str(), v);
  return buf;
}

bool SameLanguage(std::string_view a, std::string_view b) {
  return a.empty() || b.empty() || a == "und" || b == "und" || a == b;
}

}  // namespace

SentenceVectors::SentenceVectors(const std::vector<StoryDocument>& docs,
                                 const std::vector<SentenceRef>& refs)
    : docs_(docs), refs_(refs), vectors_(refs.size()), cross_norm_(refs.size(), 0),
      centrality_(refs.size(), 0) {
  // Raw features, then document frequencies over the story's sentences.
  std::vector<std::vector<std::pair<uint64_t, bool>>> raw(refs.size());
  std::unordered_map<uint64_t, uint32_t> df;
  for (size_t i = 0; i < refs.size(); ++i) {
    const StoryDocument& d = docs[refs[i].document];
    const claims::Claim& claim = d.claims->claims[refs[i].claim];
    auto& f = raw[i];
    for (const std::string& term : claim.terms) {
      f.push_back({Hash('w', d.language, term), false});
      // "nine-page" also meets "nine page" (and a translation's "nine -page").
      size_t start = 0;
      for (size_t dash = term.find('-'); dash != std::string::npos; dash = term.find('-', start)) {
        if (dash > start) f.push_back({Hash('w', d.language, term.substr(start, dash - start)), false});
        start = dash + 1;
      }
      if (start > 0 && start < term.size()) {
        f.push_back({Hash('w', d.language, term.substr(start)), false});
      }
    }
    for (const claims::Entity& e : claim.entities) f.push_back({Hash('e', e.key), true});
    // Dates as the years they span (at most three): "late 2019 or early
    // 2020" meets "between 2019 and 2020" and "the end of 2019".
    for (const claims::DateMention& date : claim.dates) {
      int64_t first_year = 0, last_year = 0;
      int month = 0, day = 0;
      CivilFromDays(date.first_day, &first_year, &month, &day);
      CivilFromDays(date.last_day, &last_year, &month, &day);
      if (last_year < first_year || last_year - first_year > 2) continue;
      for (int64_t y = first_year; y <= last_year; ++y) {
        f.push_back({Hash('d', std::to_string(y)), true});
      }
    }
    for (const claims::Quantity& q : claim.quantities) {
      const std::string token = QuantityToken(q);
      if (!token.empty()) f.push_back({Hash('q', token), true});
    }
    std::sort(f.begin(), f.end());
    f.erase(std::unique(f.begin(), f.end(),
                        [](const auto& x, const auto& y) { return x.first == y.first; }),
            f.end());
    for (const auto& [id, free] : f) ++df[id];
  }
  const double n = static_cast<double>(refs.size());
  std::unordered_map<uint64_t, double> centroid;
  for (size_t i = 0; i < refs.size(); ++i) {
    double norm = 0, cross = 0;
    for (const auto& [id, free] : raw[i]) {
      const double w = std::log((n + 1) / (df[id] + 0.5));
      if (w <= 0) continue;
      const bool distinctive = free && df[id] >= 2 && df[id] <= docs.size();
      vectors_[i].push_back({id, static_cast<float>(w), free, distinctive});
      norm += w * w;
      if (free) cross += w * w;
    }
    const double inv = norm > 0 ? 1 / std::sqrt(norm) : 0;
    for (Feature& f : vectors_[i]) {
      f.weight = static_cast<float>(f.weight * inv);
      centroid[f.id] += f.weight;
    }
    cross_norm_[i] = static_cast<float>(std::sqrt(cross) * inv);
  }
  double centroid_norm = 0;
  for (const auto& [id, w] : centroid) centroid_norm += w * w;
  centroid_norm = std::sqrt(centroid_norm);
  for (size_t i = 0; i < refs.size(); ++i) {
    double dot = 0;
    for (const Feature& f : vectors_[i]) dot += f.weight * centroid[f.id];
    centrality_[i] = centroid_norm > 0 ? dot / centroid_norm : 0;
  }
}

double SentenceVectors::Similarity(size_t a, size_t b) const {
  const auto& x = vectors_[a];
  const auto& y = vectors_[b];
  const bool same = SameLanguage(docs_[refs_[a].document].language,
                                 docs_[refs_[b].document].language);
  double dot = 0;
  int shared_free = 0, shared_distinctive = 0;
  size_t i = 0, j = 0;
  while (i < x.size() && j < y.size()) {
    if (x[i].id < y[j].id) {
      ++i;
    } else if (y[j].id < x[i].id) {
      ++j;
    } else {
      if (same || x[i].language_free) dot += static_cast<double>(x[i].weight) * y[j].weight;
      shared_free += x[i].language_free;
      shared_distinctive += x[i].distinctive;
      ++i;
      ++j;
    }
  }
  if (same) return dot;
  if ((shared_free < 2 && shared_distinctive == 0) || cross_norm_[a] <= 0 || cross_norm_[b] <= 0) {
    return 0;
  }
  return kCrossLanguageWeight * dot / (cross_norm_[a] * cross_norm_[b]);
}

std::vector<SimilarPair> SentenceVectors::SimilarPairs(double min_similarity) const {
  // Term-at-a-time accumulation of the dot products of every later sentence
  // sharing a feature: the work is the sum over features of their posting
  // lengths, not a merge join per candidate.
  std::unordered_map<uint64_t, std::vector<std::pair<uint32_t, float>>> postings;
  for (size_t i = 0; i < vectors_.size(); ++i) {
    for (const Feature& f : vectors_[i]) {
      postings[f.id].push_back({static_cast<uint32_t>(i), f.weight});
    }
  }
  const size_t n = vectors_.size();
  std::vector<double> full(n, 0), free(n, 0);
  std::vector<int> shared_free(n, 0), shared_distinctive(n, 0);
  std::vector<size_t> stamp(n, SIZE_MAX);  // The last i that touched j.
  std::vector<uint32_t> touched;
  std::vector<SimilarPair> pairs;
  for (size_t i = 0; i < n; ++i) {
    touched.clear();
    for (const Feature& f : vectors_[i]) {
      const auto& posting = postings[f.id];
      if (posting.size() > kMaxPosting) continue;
      for (const auto& [j, w] : posting) {
        if (j <= i || refs_[j].document == refs_[i].document) continue;
        if (stamp[j] != i) {
          stamp[j] = i;
          touched.push_back(j);
        }
        const double product = static_cast<double>(f.weight) * w;
        if (f.language_free) {
          free[j] += product;
          ++shared_free[j];
          shared_distinctive[j] += f.distinctive;
        } else {
          full[j] += product;
        }
      }
    }
    const std::string_view language = docs_[refs_[i].document].language;
    for (uint32_t j : touched) {
      double s;
      if (SameLanguage(language, docs_[refs_[j].document].language)) {
        s = full[j] + free[j];
      } else {
        s = (shared_free[j] < 2 && shared_distinctive[j] == 0) || cross_norm_[i] <= 0 ||
                    cross_norm_[j] <= 0
                ? 0
                : kCrossLanguageWeight * free[j] / (cross_norm_[i] * cross_norm_[j]);
      }
      if (s >= min_similarity) pairs.push_back({i, j, s});
      full[j] = free[j] = 0;
      shared_free[j] = shared_distinctive[j] = 0;
    }
  }
  return pairs;
}

}  // namespace rashomon::crosscheck
