#include "stories/stories.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <mutex>
#include <queue>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <utility>

#include "base/parallel.h"

namespace rashomon::stories {
namespace {

// Words, and entities, of a report looked up in the postings.
constexpr size_t kQueryTerms = 24;
// Terms of each vector compared (the heaviest).
constexpr size_t kComparedTerms = 256;
// Reports remembered per posting (the most recent): a very common term
// stops finding old reports, never costs quadratic time.
constexpr size_t kMaxPosting = 512;

uint64_t HashText(std::string_view a, std::string_view b) {
  uint64_t h = 0x9e3779b97f4a7c15ULL;
  for (std::string_view s : {a, b}) {
    for (char c : s) {
      h ^= static_cast<unsigned char>(c);
      h *= 0x100000001b3ULL;
    }
    h ^= 0xff;
    h *= 0x100000001b3ULL;
  }
  return h;
}

float Dot(const std::vector<Term>& a, const std::vector<Term>& b) {
  float sum = 0;
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i].id < b[j].id) {
      ++i;
    } else if (b[j].id < a[i].id) {
      ++j;
    } else {
      sum += a[i++].weight * b[j++].weight;
    }
  }
  return sum;
}

}  // namespace

struct StoryIndex::Doc {
  DocFeatures raw;             // Counts, re-weighed as frequencies evolve.
  std::vector<Term> words;     // TF-IDF, unit length.
  std::vector<Term> entities;  // TF-IDF, unit length.
  std::vector<Term> cross;     // Entities also seen in other languages, unit length.
  // Terms looked up for candidates: the rarest words and entities that
  // other reports had when this one came.
  std::vector<uint64_t> query;
  uint32_t copy_of = 0;  // Index of the first identical report (itself if none).
};

struct StoryIndex::Tables {
  std::unordered_map<uint64_t, uint32_t> df;
  uint64_t counted = 0;  // Reports counted in df (exact copies are not).
  // Reports assumed seen before the first, none with the term: keeps the
  // IDF of a small collection dominated by one story from flattening the
  // words that story shares. Negligible once thousands are counted.
  double prior = 0;
  std::unordered_map<uint64_t, std::vector<uint32_t>> postings;
  std::unordered_map<uint64_t, uint32_t> exact;  // Text hash -> first report.
  // Languages each entity was seen in, one bit a language (hashed).
  std::unordered_map<uint64_t, uint64_t> entity_languages;
  std::mutex pool_mutex;
  std::vector<std::unique_ptr<Featurizer>> pool;

  std::unique_ptr<Featurizer> Take(int max_body_words) {
    std::lock_guard<std::mutex> lock(pool_mutex);
    if (pool.empty()) return std::make_unique<Featurizer>(max_body_words);
    std::unique_ptr<Featurizer> f = std::move(pool.back());
    pool.pop_back();
    return f;
  }
  void Give(std::unique_ptr<Featurizer> f) {
    std::lock_guard<std::mutex> lock(pool_mutex);
    pool.push_back(std::move(f));
  }
  double Idf(uint64_t id) const {
    auto it = df.find(id);
    const double n = it == df.end() ? 0 : it->second;
    return std::log((static_cast<double>(counted) + prior + 1) / (n + 0.5));
  }
};

StoryIndex::StoryIndex(StoryOptions options)
    : options_(options), tables_(std::make_unique<Tables>()) {
  if (options_.threads <= 0) options_.threads = HardwareThreads();
  tables_->prior = std::max(0.0, options_.idf_prior);
  options_.neighbours = std::max(1, options_.neighbours);
  options_.scale_rank = std::clamp(options_.scale_rank, 1, options_.neighbours);
}

StoryIndex::~StoryIndex() = default;

size_t StoryIndex::size() const { return docs_.size(); }

void StoryIndex::Add(const std::vector<StoryInput>& batch) {
  const size_t first = docs_.size();
  const size_t n = batch.size();
  if (n == 0) return;
  docs_.resize(first + n);
  neighbours_.resize(first + n);
  Tables& t = *tables_;

  // Exact copies are clustered once, with their first report.
  std::vector<bool> is_copy(n, false);
  for (size_t i = 0; i < n; ++i) {
    const auto index = static_cast<uint32_t>(first + i);
    auto [it, inserted] = t.exact.emplace(HashText(batch[i].title, batch[i].text), index);
    docs_[index].copy_of = it->second;
    is_copy[i] = !inserted;
  }

  // 1. Features, in parallel (a featuriser per worker, reused across Adds).
  std::vector<DocFeatures> features(n);
  constexpr size_t kChunk = 32;
  ParallelFor((n + kChunk - 1) / kChunk, options_.threads, [&](size_t c) {
    std::unique_ptr<Featurizer> f = t.Take(options_.max_body_words);
    for (size_t i = c * kChunk; i < std::min(n, (c + 1) * kChunk); ++i) {
      if (!is_copy[i]) features[i] = f->Featurize(batch[i]);
    }
    t.Give(std::move(f));
  });

  // 2. Document frequencies of everything seen so far, and the languages
  // each entity occurs in.
  for (size_t i = 0; i < n; ++i) {
    if (is_copy[i]) continue;
    ++t.counted;
    for (const Term& term : features[i].words) ++t.df[term.id];
    const uint64_t language_bit =
        features[i].language.empty()
            ? 0
            : uint64_t{1} << (std::hash<std::string>()(features[i].language) % 64);
    for (const Term& term : features[i].entities) {
      ++t.df[term.id];
      t.entity_languages[term.id] |= language_bit;
    }
    docs_[first + i].raw = std::move(features[i]);
  }

  // 3. Postings: a report is posted under every term it has (a later
  // report may share any of them); it looks up its rarest terms that
  // another report already has, words and entities apart (reports in other
  // languages share no word ids).
  ParallelFor(n, options_.threads, [&](size_t i) {
    if (is_copy[i]) return;
    Doc& d = docs_[first + i];
    auto rarest_shared = [&](const std::vector<Term>& terms) {
      std::vector<std::pair<double, uint64_t>> sorted;
      for (const Term& term : terms) {
        auto df = t.df.find(term.id);
        if (df != t.df.end() && df->second >= 2) sorted.push_back({-t.Idf(term.id), term.id});
      }
      const size_t keep = std::min(kQueryTerms, sorted.size());
      std::partial_sort(sorted.begin(), sorted.begin() + static_cast<ptrdiff_t>(keep),
                        sorted.end());
      for (size_t x = 0; x < keep; ++x) d.query.push_back(sorted[x].second);
    };
    rarest_shared(d.raw.words);
    rarest_shared(d.raw.entities);
  });
  for (size_t i = 0; i < n; ++i) {
    if (is_copy[i]) continue;
    const Doc& d = docs_[first + i];
    for (const std::vector<Term>* terms : {&d.raw.words, &d.raw.entities}) {
      for (const Term& term : *terms) {
        std::vector<uint32_t>& posting = t.postings[term.id];
        if (posting.size() >= kMaxPosting) posting.erase(posting.begin());
        posting.push_back(static_cast<uint32_t>(first + i));
      }
    }
  }

  // 4. TF-IDF vectors of every report with today's frequencies, and the
  // vector of its entities that occur in more than one language.
  ParallelFor(docs_.size(), options_.threads, [&](size_t i) {
    Doc& d = docs_[i];
    if (d.copy_of != i) return;
    auto weigh = [&](const std::vector<Term>& raw, bool cross_only, std::vector<Term>* out) {
      out->clear();
      double norm = 0;
      for (const Term& term : raw) {
        if (cross_only && std::popcount(t.entity_languages[term.id]) < 2) continue;
        const double w = (1 + std::log(std::max(1.0f, term.weight))) * t.Idf(term.id) *
                         std::min(1.0f, term.weight);
        if (w <= 0) continue;
        out->push_back({term.id, static_cast<float>(w)});
        norm += w * w;
      }
      if (norm > 0) {
        const auto inv = static_cast<float>(1 / std::sqrt(norm));
        for (Term& term : *out) term.weight *= inv;
      }
      // Only the heaviest terms are compared (their weights stay those of
      // the whole vector): the light rest adds little to any cosine and
      // would make long articles slow to compare.
      if (out->size() > kComparedTerms) {
        std::nth_element(out->begin(), out->begin() + kComparedTerms, out->end(),
                         [](const Term& a, const Term& b) {
                           return a.weight != b.weight ? a.weight > b.weight : a.id < b.id;
                         });
        out->resize(kComparedTerms);
        std::sort(out->begin(), out->end(),
                  [](const Term& a, const Term& b) { return a.id < b.id; });
      }
    };
    weigh(d.raw.words, false, &d.words);
    weigh(d.raw.entities, false, &d.entities);
    weigh(d.raw.entities, true, &d.cross);
  });
  ScoreNewDocuments(first);
  Cluster();
}

float StoryIndex::Similarity(const Doc& a, const Doc& b) const {
  float s;
  if (!a.raw.language.empty() && !b.raw.language.empty() && a.raw.language != b.raw.language) {
    // Across languages only names, acronyms and numbers meet; their vector
    // holds nothing else, so its cosine runs high and is discounted.
    s = static_cast<float>(options_.cross_language_weight) * Dot(a.cross, b.cross);
  } else {
    const auto e = static_cast<float>(options_.entity_share);
    s = (1 - e) * Dot(a.words, b.words) + e * Dot(a.entities, b.entities);
  }
  if (a.raw.time != kNoTime && b.raw.time != kNoTime) {
    const double days = std::fabs(static_cast<double>(a.raw.time - b.raw.time)) / 86400;
    const double window = std::max(0.1, options_.time_window_days);
    if (days > window) s *= static_cast<float>(std::exp(-(days - window) / window));
  }
  return s;
}

void StoryIndex::ScoreNewDocuments(size_t first) {
  const size_t total = docs_.size();
  const Tables& t = *tables_;
  std::vector<std::vector<Neighbour>> found(total - first);
  ParallelFor(total - first, options_.threads, [&](size_t k) {
    const uint32_t i = static_cast<uint32_t>(first + k);
    const Doc& d = docs_[i];
    if (d.copy_of != i) return;
    // Candidates share the report's rarest terms; the best-sharing are scored.
    std::unordered_map<uint32_t, float> shared;
    const std::vector<uint64_t>& lookup = d.query;
    for (size_t x = 0; x < lookup.size(); ++x) {
      auto it = t.postings.find(lookup[x]);
      if (it == t.postings.end()) continue;
      const float idf = static_cast<float>(t.Idf(lookup[x]));
      for (uint32_t j : it->second) {
        if (j != i) shared[j] += idf;
      }
    }
    std::vector<std::pair<float, uint32_t>> ranked;
    ranked.reserve(shared.size());
    for (const auto& [j, w] : shared) ranked.push_back({w, j});
    const size_t c = std::min(ranked.size(), static_cast<size_t>(std::max(1, options_.candidates)));
    std::partial_sort(ranked.begin(), ranked.begin() + static_cast<ptrdiff_t>(c), ranked.end(),
                      [](const auto& a, const auto& b) {
                        return a.first != b.first ? a.first > b.first : a.second < b.second;
                      });
    for (size_t x = 0; x < c; ++x) {
      const uint32_t j = ranked[x].second;
      const float s = Similarity(d, docs_[j]);
      if (s > 0) found[k].push_back({j, s});
    }
  });
  // Keep the nearest neighbours of both ends (pairs seen from both sides once).
  const size_t m = static_cast<size_t>(options_.neighbours);
  auto insert = [&](uint32_t a, uint32_t b, float s) {
    std::vector<Neighbour>& list = neighbours_[a];
    for (const Neighbour& nb : list) {
      if (nb.doc == b) return;
    }
    auto better = [](const Neighbour& x, const Neighbour& y) {
      return x.similarity != y.similarity ? x.similarity > y.similarity : x.doc < y.doc;
    };
    const Neighbour nb{b, s};
    if (list.size() >= m && !better(nb, list.back())) return;
    list.insert(std::upper_bound(list.begin(), list.end(), nb, better), nb);
    if (list.size() > m) list.pop_back();
  };
  for (size_t k = 0; k < found.size(); ++k) {
    const auto i = static_cast<uint32_t>(first + k);
    for (const Neighbour& nb : found[k]) {
      insert(i, nb.doc, nb.similarity);
      insert(nb.doc, i, nb.similarity);
    }
  }
}

void StoryIndex::Cluster() {
  const size_t total = docs_.size();
  const double m = options_.neighbours;
  // Local scale: the similarity of each report's k-th neighbour, near
  // copies aside (a copy says nothing of the topic's background).
  std::vector<double> scale(total, 1.0);
  for (size_t i = 0; i < total; ++i) {
    int rank = 0;
    for (const Neighbour& nb : neighbours_[i]) {
      scale[i] = nb.similarity;
      if (nb.similarity < options_.copy_similarity && ++rank == options_.scale_rank) break;
    }
    scale[i] = std::max(0.05, scale[i]);
  }
  // Edge strengths, each unordered pair once; 1.0 is the bar to join.
  std::vector<std::tuple<uint32_t, uint32_t, double>> edges;
  for (size_t i = 0; i < total; ++i) {
    for (const Neighbour& nb : neighbours_[i]) {
      const auto a = static_cast<uint32_t>(std::min<size_t>(i, nb.doc));
      const auto b = static_cast<uint32_t>(std::max<size_t>(i, nb.doc));
      const double s = nb.similarity;
      const double strength = std::max(s / options_.absolute_join,
                                       s / std::sqrt(scale[a] * scale[b]) / options_.scaled_join);
      edges.emplace_back(a, b, strength);
    }
  }
  std::sort(edges.begin(), edges.end());
  edges.erase(std::unique(edges.begin(), edges.end(),
                          [](const auto& x, const auto& y) {
                            return std::get<0>(x) == std::get<0>(y) &&
                                   std::get<1>(x) == std::get<1>(y);
                          }),
              edges.end());

  // Average linkage over the sparse graph. A report keeps at most m
  // neighbours, so at most m·min(|A|, |B|) pairs of two clusters can be
  // observed, not |A|·|B|: the denominator takes the smaller.
  std::vector<uint32_t> parent(total);
  std::vector<double> size(total, 1);
  struct Link {
    double sum = 0;  // Of edge strengths.
    int edges = 0;
  };
  std::vector<std::unordered_map<uint32_t, Link>> links(total);
  std::vector<uint32_t> stamp(total, 0);
  for (size_t i = 0; i < total; ++i) parent[i] = static_cast<uint32_t>(i);
  for (const auto& [a, b, s] : edges) {
    links[a][b] = {s, 1};
    links[b][a] = {s, 1};
  }
  auto linkage = [&](uint32_t a, uint32_t b, const Link& link) {
    return link.sum / std::min(size[a] * size[b], m * std::min(size[a], size[b]));
  };
  struct Entry {
    double linkage;
    uint32_t a, b, stamp_a, stamp_b;
    bool operator<(const Entry& o) const {
      if (linkage != o.linkage) return linkage < o.linkage;
      return std::tie(o.a, o.b) < std::tie(a, b);  // Lower ids first on ties.
    }
  };
  std::priority_queue<Entry> heap;
  for (const auto& [a, b, s] : edges) {
    const double l = linkage(a, b, links[a][b]);
    if (l >= 1.0) heap.push({l, a, b, 0, 0});
  }
  while (!heap.empty()) {
    const Entry e = heap.top();
    heap.pop();
    if (parent[e.a] != e.a || parent[e.b] != e.b || stamp[e.a] != e.stamp_a ||
        stamp[e.b] != e.stamp_b) {
      continue;
    }
    // Merge the cluster with fewer links into the other.
    uint32_t keep = e.a, gone = e.b;
    if (links[keep].size() < links[gone].size()) std::swap(keep, gone);
    parent[gone] = keep;
    size[keep] += size[gone];
    ++stamp[keep];
    links[keep].erase(gone);
    for (const auto& [c, link] : links[gone]) {
      if (c == keep) continue;
      Link& merged = links[keep][c];
      merged.sum += link.sum;
      merged.edges += link.edges;
      auto& back = links[c];
      back.erase(gone);
      back[keep] = merged;
    }
    links[gone].clear();
    for (const auto& [c, link] : links[keep]) {
      const double l = linkage(keep, c, link);
      if (l < 1.0) continue;
      const uint32_t a = std::min(keep, c), b = std::max(keep, c);
      heap.push({l, a, b, stamp[a], stamp[b]});
    }
  }
  auto root = [&](uint32_t x) {
    while (parent[x] != x) x = parent[x];
    return x;
  };

  // Stories: clusters of reports, with their exact copies.
  std::unordered_map<uint32_t, size_t> index_of;
  std::vector<Story> stories;
  for (size_t i = 0; i < total; ++i) {
    const uint32_t r = root(docs_[i].copy_of);
    auto [it, inserted] = index_of.emplace(r, stories.size());
    if (inserted) stories.emplace_back();
    stories[it->second].documents.push_back(i);
  }
  // The central report: the strongest sum of edges inside its story.
  std::vector<double> centrality(total, 0);
  for (const auto& [a, b, s] : edges) {
    if (root(a) == root(b)) {
      centrality[a] += s;
      centrality[b] += s;
    }
  }
  for (Story& s : stories) {
    s.central = s.documents.front();
    for (size_t d : s.documents) {
      if (centrality[d] > centrality[s.central]) s.central = d;
    }
  }
  std::sort(stories.begin(), stories.end(), [](const Story& a, const Story& b) {
    return a.documents.size() != b.documents.size() ? a.documents.size() > b.documents.size()
                                                    : a.documents.front() < b.documents.front();
  });
  // Ids: a story keeps the id of the earlier story most of whose reports it
  // holds; otherwise it gets a new one.
  std::unordered_map<uint64_t, size_t> old_size;
  for (size_t d = 0; d < story_of_.size(); ++d) ++old_size[stories_[story_of_[d]].id];
  std::unordered_map<uint64_t, bool> taken;
  for (Story& s : stories) {
    std::unordered_map<uint64_t, size_t> votes;
    for (size_t d : s.documents) {
      if (d < story_of_.size()) ++votes[stories_[story_of_[d]].id];
    }
    uint64_t best = 0;
    size_t best_votes = 0;
    for (const auto& [id, v] : votes) {
      if (2 * v > old_size[id] && !taken[id] &&
          (v > best_votes || (v == best_votes && id < best))) {
        best = id;
        best_votes = v;
      }
    }
    if (best == 0) best = next_story_id_++;
    taken[best] = true;
    s.id = best;
  }
  story_of_.assign(total, 0);
  for (size_t k = 0; k < stories.size(); ++k) {
    for (size_t d : stories[k].documents) story_of_[d] = k;
  }
  stories_ = std::move(stories);
}

size_t StoryIndex::MemoryBytes() const {
  size_t bytes = docs_.capacity() * sizeof(Doc) + neighbours_.capacity() * sizeof(void*) * 3;
  for (const Doc& d : docs_) {
    bytes += (d.words.capacity() + d.entities.capacity() + d.cross.capacity() +
              d.raw.words.capacity() + d.raw.entities.capacity()) *
                 sizeof(Term) +
             d.query.capacity() * sizeof(uint64_t) + d.raw.language.capacity();
  }
  for (const auto& list : neighbours_) bytes += list.capacity() * sizeof(Neighbour);
  const Tables& t = *tables_;
  bytes += t.df.size() * (sizeof(uint64_t) + sizeof(uint32_t) + 2 * sizeof(void*));
  bytes += t.exact.size() * (sizeof(uint64_t) + sizeof(uint32_t) + 2 * sizeof(void*));
  bytes += t.entity_languages.size() * (2 * sizeof(uint64_t) + 2 * sizeof(void*));
  for (const auto& [id, posting] : t.postings) {
    bytes += sizeof(id) + sizeof(posting) + 2 * sizeof(void*) + posting.capacity() * 4;
  }
  return bytes;
}

}  // namespace rashomon::stories
