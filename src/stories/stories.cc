#include "stories/stories.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>
#include <functional>
#include <mutex>
#include <queue>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <utility>

#include "base/check.h"
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
// Reports per work item of the parallel loops (amortises taking scratch).
constexpr size_t kChunk = 16;

// A 64-bit hash of title and text, read 8 bytes at a time (exact copies
// are found by it).
uint64_t HashText(std::string_view a, std::string_view b) {
  auto mix = [](uint64_t h) {
    h ^= h >> 31;
    h *= 0xbf58476d1ce4e5b9ULL;
    return h ^ (h >> 29);
  };
  uint64_t h = 0x9e3779b97f4a7c15ULL;
  for (std::string_view s : {a, b}) {
    size_t i = 0;
    for (; i + 8 <= s.size(); i += 8) {
      uint64_t x;
      std::memcpy(&x, s.data() + i, 8);
      h = mix(h ^ x);
    }
    uint64_t tail = 0;
    if (i < s.size()) std::memcpy(&tail, s.data() + i, s.size() - i);
    h = mix(mix(h ^ tail) ^ s.size());  // The size separates title from text.
  }
  return h;
}

// Sorts the first `keep` elements of `v` by `less` (a strict total order),
// after moving them to the front: std::partial_sort's result, in linear time
// for the many that are not kept.
template <typename T, typename Less>
void SelectFirst(std::vector<T>& v, size_t keep, Less less) {
  keep = std::min(keep, v.size());
  if (keep < v.size())
    std::nth_element(v.begin(), v.begin() + static_cast<ptrdiff_t>(keep), v.end(), less);
  std::sort(v.begin(), v.begin() + static_cast<ptrdiff_t>(keep), less);
}

// Term ids (64-bit hashes, features.h) to dense indices 0, 1, 2, ... in
// order of arrival, so that the per-term tables are flat arrays and the
// vectors hold 32-bit indices. Open addressing, linear probing; the hashes
// are well mixed already, so their low bits pick the slot.
class TermIds {
 public:
  static constexpr uint32_t kNone = UINT32_MAX;

  uint32_t size() const { return size_; }
  // The index of `id`, the next one if it is new.
  uint32_t Intern(uint64_t id) {
    if (2 * (size_ + 1) > slots_.size()) Grow();
    for (size_t s = id & mask_;; s = (s + 1) & mask_) {
      if (slots_[s].index == kNone) {
        RSH_CHECK(size_ < kNone);
        slots_[s] = {id, size_};
        return size_++;
      }
      if (slots_[s].id == id) return slots_[s].index;
    }
  }
  size_t MemoryBytes() const { return slots_.capacity() * sizeof(Slot); }

 private:
  struct Slot {
    uint64_t id = 0;
    uint32_t index = kNone;
  };
  void Grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(std::max<size_t>(1024, 2 * old.size()), Slot{});
    mask_ = slots_.size() - 1;
    for (const Slot& slot : old) {
      if (slot.index == kNone) continue;
      size_t s = slot.id & mask_;
      while (slots_[s].index != kNone) s = (s + 1) & mask_;
      slots_[s] = slot;
    }
  }
  std::vector<Slot> slots_;
  size_t mask_ = 0;
  uint32_t size_ = 0;
};

// Average linkage's bookkeeping: the sum of the edge strengths between two
// clusters, and their number.
struct Link {
  double sum = 0;
  int edges = 0;
};

// The links of one cluster to the others, sorted by cluster: flat, and as
// small as the neighbour lists they come from.
class Links {
 public:
  size_t size() const { return links_.size(); }
  auto begin() const { return links_.begin(); }
  auto end() const { return links_.end(); }
  void Erase(uint32_t c) {
    auto it = Position(c);
    if (it != links_.end() && it->first == c) links_.erase(it);
  }
  // Adds the links of `other` to these, summing those to the same cluster,
  // and calls `merged(c, link)` with the sum for each cluster `c` of
  // `other`. `scratch` is reused memory.
  template <typename Merged>
  void Merge(const Links& other, std::vector<std::pair<uint32_t, Link>>* scratch, Merged&& merged) {
    scratch->clear();
    scratch->reserve(links_.size() + other.links_.size());
    auto a = links_.cbegin(), b = other.links_.cbegin();
    while (a != links_.cend() || b != other.links_.cend()) {
      if (b == other.links_.cend() || (a != links_.cend() && a->first < b->first)) {
        scratch->push_back(*a++);
        continue;
      }
      if (a == links_.cend() || b->first < a->first) {
        scratch->push_back(*b++);
      } else {
        scratch->push_back(
            {a->first, {a->second.sum + b->second.sum, a->second.edges + b->second.edges}});
        ++a;
        ++b;
      }
      merged(scratch->back().first, scratch->back().second);
    }
    links_.swap(*scratch);
  }
  // The link to `from` becomes `link` to `to` (whether or not there was one).
  void Rename(uint32_t from, uint32_t to, const Link& link) {
    auto it = Position(from);
    RSH_DCHECK(it != links_.end() && it->first == from);
    auto target = Position(to);
    if (target != links_.end() && target->first == to) {
      target->second = link;
      links_.erase(it);
      return;
    }
    it->first = to;
    it->second = link;
    // Move the entry to its place among the others.
    if (target > it) {
      std::rotate(it, it + 1, target);
    } else {
      std::rotate(target, it, it + 1);
    }
  }
  void Clear() { links_ = {}; }
  void Reserve(size_t n) { links_.reserve(n); }
  // Adds the link to `c`. REQUIRES: `c` above every cluster linked so far.
  void Append(uint32_t c, const Link& link) {
    RSH_DCHECK(links_.empty() || links_.back().first < c);
    links_.push_back({c, link});
  }

 private:
  std::vector<std::pair<uint32_t, Link>>::iterator Position(uint32_t c) {
    return std::lower_bound(links_.begin(), links_.end(), c,
                            [](const auto& link, uint32_t x) { return link.first < x; });
  }
  std::vector<std::pair<uint32_t, Link>> links_;
};

}  // namespace

// A term of a vector: dense term index (TermIds) and count or weight.
struct StoryIndex::Weighted {
  uint32_t term;
  float weight;
};

// Every vector of a report lists its terms in the order of their 64-bit
// ids (features.h sorts them so), whatever their dense indices: sums and
// tie-breaks follow that order, so results do not depend on the order in
// which terms were first seen.
struct StoryIndex::Doc {
  std::vector<Weighted> raw_words;     // Counts, re-weighed as frequencies evolve.
  std::vector<Weighted> raw_entities;  // Counts.
  std::vector<Weighted> words;         // TF-IDF, unit length, the heaviest only.
  std::vector<Weighted> entities;      // TF-IDF, unit length, the heaviest only.
  std::vector<Weighted> cross;         // Entities also seen in other languages, unit length.
  // Terms looked up for candidates: the rarest words and entities that
  // other reports had when this one came.
  std::vector<uint32_t> query;
  int64_t time = kNoTime;
  uint32_t language = 0;  // Index in Tables::languages; 0 when unknown.
  uint32_t copy_of = 0;   // Index of the first identical report (itself if none).
};

// One report's vectors in small open-addressing tables, loaded once per
// report scored, so that its dot product with each candidate costs one
// probe per candidate term instead of a merge of two sorted lists. The sum
// runs over the candidate's terms in their order, which is the order in
// which a merge join adds the common terms: the result is the same float.
class StoryIndex::Dots {
 public:
  void Load(const Doc& a) {
    a_ = &a;
    words_.Load(a.words);
    entities_.Load(a.entities);
    cross_loaded_ = false;
  }
  float Words(const Doc& b) const { return words_.Dot(b.words); }
  float Entities(const Doc& b) const { return entities_.Dot(b.entities); }
  float Cross(const Doc& b) {
    if (!cross_loaded_) cross_.Load(a_->cross);  // Only across languages.
    cross_loaded_ = true;
    return cross_.Dot(b.cross);
  }

 private:
  // Linear probing at a load of at most 1/8, so that nearly every probe
  // ends at its first slot: a miss finds an empty slot, whose weight is 0.
  class Table {
   public:
    void Load(const std::vector<Weighted>& v) {
      size_t size = 64;
      while (size < 8 * v.size()) size *= 2;
      slots_.assign(size, Weighted{kEmpty, 0});
      shift_ = 32 - std::countr_zero(size);
      for (const Weighted& w : v) {
        size_t s = Slot(w.term);
        while (slots_[s].term != kEmpty) s = (s + 1) & (slots_.size() - 1);
        slots_[s] = w;
      }
    }
    float Dot(const std::vector<Weighted>& b) const {
      float sum = 0;
      const size_t mask = slots_.size() - 1;
      for (const Weighted& w : b) {
        size_t s = Slot(w.term);
        while (slots_[s].term != w.term && slots_[s].term != kEmpty) s = (s + 1) & mask;
        // Adds +0 when absent (weights are positive): the same float as
        // adding only the common terms. No branch to mispredict.
        sum += slots_[s].weight * w.weight;
      }
      return sum;
    }

   private:
    static constexpr uint32_t kEmpty = UINT32_MAX;
    size_t Slot(uint32_t term) const { return (term * 0x9e3779b1u) >> shift_; }
    std::vector<Weighted> slots_;
    int shift_ = 26;
  };
  const Doc* a_ = nullptr;
  Table words_, entities_, cross_;
  bool cross_loaded_ = false;
};

struct StoryIndex::Tables {
  // Per term, by dense index.
  TermIds ids;
  std::vector<uint32_t> df;
  // Languages each entity was seen in, one bit a language (hashed).
  std::vector<uint64_t> entity_languages;
  // The most recent reports with the term, a ring once full: the report
  // counted k-th (from 0) is at k % kMaxPosting.
  std::vector<std::vector<uint32_t>> postings;
  std::vector<double> idf;  // With the frequencies of the last Add.
  uint64_t counted = 0;     // Reports counted in df (exact copies are not).
  // Reports assumed seen before the first, none with the term: keeps the
  // IDF of a small collection dominated by one story from flattening the
  // words that story shares. Negligible once thousands are counted.
  double prior = 0;
  std::unordered_map<uint64_t, uint32_t> exact;  // Text hash -> first report.
  std::vector<std::string> languages = {""};     // Doc::language -> code.
  std::vector<uint64_t> language_bits = {0};

  // Workers' reusable state: featurisers, and scratch for scoring.
  struct Scratch {
    std::vector<float> shared;      // Per report: IDF mass shared with the query.
    std::vector<uint32_t> touched;  // Reports with shared > 0.
    std::vector<std::pair<float, uint32_t>> ranked;
    Dots dots;
  };
  std::mutex pool_mutex;
  std::vector<std::unique_ptr<Featurizer>> featurizers;
  std::vector<std::unique_ptr<Scratch>> scratches;

  template <typename T, typename Make>
  static std::unique_ptr<T> Take(std::mutex& mu, std::vector<std::unique_ptr<T>>& pool,
                                 Make&& make) {
    std::lock_guard<std::mutex> lock(mu);
    if (pool.empty()) return make();
    std::unique_ptr<T> x = std::move(pool.back());
    pool.pop_back();
    return x;
  }
  template <typename T>
  static void Give(std::mutex& mu, std::vector<std::unique_ptr<T>>& pool, std::unique_ptr<T> x) {
    std::lock_guard<std::mutex> lock(mu);
    pool.push_back(std::move(x));
  }
  uint32_t LanguageOf(const std::string& code) {
    for (size_t i = 0; i < languages.size(); ++i) {
      if (languages[i] == code) return static_cast<uint32_t>(i);
    }
    languages.push_back(code);
    language_bits.push_back(uint64_t{1} << (std::hash<std::string>()(code) % 64));
    return static_cast<uint32_t>(languages.size() - 1);
  }
  double Idf(uint32_t term) const {
    return std::log((static_cast<double>(counted) + prior + 1) / (df[term] + 0.5));
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
  const int threads = options_.threads;
  const size_t chunks = (n + kChunk - 1) / kChunk;
  auto chunk_of = [n](size_t c, auto&& fn) {
    for (size_t i = c * kChunk; i < std::min(n, (c + 1) * kChunk); ++i) fn(i);
  };

  // Exact copies are clustered once, with their first report.
  std::vector<uint64_t> text_hash(n);
  ParallelFor(chunks, threads, [&](size_t c) {
    chunk_of(c, [&](size_t i) { text_hash[i] = HashText(batch[i].title, batch[i].text); });
  });
  std::vector<bool> is_copy(n, false);
  for (size_t i = 0; i < n; ++i) {
    const auto index = static_cast<uint32_t>(first + i);
    auto [it, inserted] = t.exact.emplace(text_hash[i], index);
    docs_[index].copy_of = it->second;
    is_copy[i] = !inserted;
  }

  // 1. Features, in parallel (a featuriser per worker, reused across Adds).
  std::vector<DocFeatures> features(n);
  ParallelFor(chunks, threads, [&](size_t c) {
    std::unique_ptr<Featurizer> f = Tables::Take(t.pool_mutex, t.featurizers, [&] {
      return std::make_unique<Featurizer>(options_.max_body_words);
    });
    chunk_of(c, [&](size_t i) {
      if (!is_copy[i]) features[i] = f->Featurize(batch[i]);
    });
    Tables::Give(t.pool_mutex, t.featurizers, std::move(f));
  });

  // 2. Dense term indices (in arrival order, so the same on any number of
  // threads), then document frequencies, the languages each entity occurs
  // in, and postings: a report is posted under every term it has (a later
  // report may share any of them). Each term's entries change in report
  // order, so the terms are split among the workers.
  for (size_t i = 0; i < n; ++i) {
    if (is_copy[i]) continue;
    Doc& d = docs_[first + i];
    for (const auto& [from, to] : {std::pair{&features[i].words, &d.raw_words},
                                   std::pair{&features[i].entities, &d.raw_entities}}) {
      to->reserve(from->size());
      for (const Term& term : *from) to->push_back({t.ids.Intern(term.id), term.weight});
    }
    d.language = t.LanguageOf(features[i].language);
    d.time = features[i].time;
    features[i] = DocFeatures();
  }
  features = {};
  t.df.resize(t.ids.size(), 0);
  t.entity_languages.resize(t.ids.size(), 0);
  t.postings.resize(t.ids.size());
  const auto shards = static_cast<size_t>(std::max(1, threads));
  ParallelFor(shards, threads, [&](size_t shard) {
    for (size_t i = 0; i < n; ++i) {
      if (is_copy[i]) continue;
      const auto index = static_cast<uint32_t>(first + i);
      const Doc& d = docs_[index];
      const uint64_t language_bit = t.language_bits[d.language];
      for (const std::vector<Weighted>* terms : {&d.raw_words, &d.raw_entities}) {
        for (const Weighted& term : *terms) {
          if (term.term % shards != shard) continue;
          std::vector<uint32_t>& posting = t.postings[term.term];
          if (posting.size() < kMaxPosting) {
            posting.push_back(index);
          } else {
            posting[t.df[term.term] % kMaxPosting] = index;
          }
          ++t.df[term.term];
          if (terms == &d.raw_entities) t.entity_languages[term.term] |= language_bit;
        }
      }
    }
  });
  for (size_t i = 0; i < n; ++i) t.counted += is_copy[i] ? 0 : 1;
  t.idf.resize(t.ids.size());
  ParallelFor((t.idf.size() + 4095) / 4096, threads, [&](size_t c) {
    for (size_t x = c * 4096; x < std::min(t.idf.size(), (c + 1) * 4096); ++x) {
      t.idf[x] = t.Idf(static_cast<uint32_t>(x));
    }
  });

  // 3. Each new report looks up its rarest terms that another report
  // already has, words and entities apart (reports in other languages
  // share no word ids). Ties go to the lower 64-bit id (vector order).
  ParallelFor(chunks, threads, [&](size_t c) {
    std::vector<std::pair<double, uint32_t>> sorted;
    chunk_of(c, [&](size_t i) {
      if (is_copy[i]) return;
      Doc& d = docs_[first + i];
      for (const std::vector<Weighted>* terms : {&d.raw_words, &d.raw_entities}) {
        sorted.clear();
        for (uint32_t x = 0; x < terms->size(); ++x) {
          const uint32_t term = (*terms)[x].term;
          if (t.df[term] >= 2) sorted.push_back({-t.idf[term], x});
        }
        const size_t keep = std::min(kQueryTerms, sorted.size());
        SelectFirst(sorted, keep, std::less<>());
        for (size_t k = 0; k < keep; ++k) d.query.push_back((*terms)[sorted[k].second].term);
      }
    });
  });

  // 4. TF-IDF vectors of every report with today's frequencies, and the
  // vector of its entities that occur in more than one language.
  ParallelFor((docs_.size() + kChunk - 1) / kChunk, threads, [&](size_t c) {
    // Weighed in scratch, then copied: the vectors keep their exact size.
    std::vector<uint32_t> order;
    std::vector<Weighted> weighed;
    for (size_t i = c * kChunk; i < std::min(docs_.size(), (c + 1) * kChunk); ++i) {
      Doc& d = docs_[i];
      if (d.copy_of != i) continue;
      Weigh(d.raw_words, false, &order, &weighed);
      d.words.assign(weighed.begin(), weighed.end());
      Weigh(d.raw_entities, false, &order, &weighed);
      d.entities.assign(weighed.begin(), weighed.end());
      Weigh(d.raw_entities, true, &order, &weighed);
      d.cross.assign(weighed.begin(), weighed.end());
    }
  });
  ScoreNewDocuments(first);
  Cluster();
}

void StoryIndex::Weigh(const std::vector<Weighted>& raw, bool cross_only,
                       std::vector<uint32_t>* order, std::vector<Weighted>* out) const {
  const Tables& t = *tables_;
  out->clear();
  double norm = 0;
  for (const Weighted& term : raw) {
    if (cross_only) {
      const uint64_t languages = t.entity_languages[term.term];
      if ((languages & (languages - 1)) == 0) continue;  // Fewer than two.
    }
    const double w = (1 + std::log(std::max(1.0f, term.weight))) * t.idf[term.term] *
                     std::min(1.0f, term.weight);
    if (w <= 0) continue;
    out->push_back({term.term, static_cast<float>(w)});
    norm += w * w;
  }
  if (norm > 0) {
    const auto inv = static_cast<float>(1 / std::sqrt(norm));
    for (Weighted& term : *out) term.weight *= inv;
  }
  // Only the heaviest terms are compared (their weights stay those of the
  // whole vector): the light rest adds little to any cosine and would make
  // long articles slow to compare. Ties go to the earlier term.
  if (out->size() > kComparedTerms) {
    order->resize(out->size());
    for (uint32_t x = 0; x < order->size(); ++x) (*order)[x] = x;
    std::nth_element(order->begin(), order->begin() + kComparedTerms, order->end(),
                     [out](uint32_t a, uint32_t b) {
                       const float wa = (*out)[a].weight, wb = (*out)[b].weight;
                       return wa != wb ? wa > wb : a < b;
                     });
    order->resize(kComparedTerms);
    std::sort(order->begin(), order->end());
    for (size_t k = 0; k < kComparedTerms; ++k) (*out)[k] = (*out)[(*order)[k]];
    out->resize(kComparedTerms);
  }
}

float StoryIndex::Similarity(const Doc& a, const Doc& b, Dots& dots) const {
  float s;
  if (a.language != 0 && b.language != 0 && a.language != b.language) {
    // Across languages only names, acronyms and numbers meet; their vector
    // holds nothing else, so its cosine runs high and is discounted.
    s = static_cast<float>(options_.cross_language_weight) * dots.Cross(b);
  } else {
    const auto e = static_cast<float>(options_.entity_share);
    s = (1 - e) * dots.Words(b) + e * dots.Entities(b);
  }
  if (a.time != kNoTime && b.time != kNoTime) {
    const double days = std::fabs(static_cast<double>(a.time - b.time)) / 86400;
    const double window = std::max(0.1, options_.time_window_days);
    if (days > window) s *= static_cast<float>(std::exp(-(days - window) / window));
  }
  return s;
}

void StoryIndex::ScoreNewDocuments(size_t first) {
  const size_t total = docs_.size();
  Tables& t = *tables_;
  std::vector<std::vector<Neighbour>> found(total - first);
  const size_t candidates = static_cast<size_t>(std::max(1, options_.candidates));
  ParallelFor((total - first + kChunk - 1) / kChunk, options_.threads, [&](size_t c) {
    std::unique_ptr<Tables::Scratch> scratch =
        Tables::Take(t.pool_mutex, t.scratches, [] { return std::make_unique<Tables::Scratch>(); });
    std::vector<float>& shared = scratch->shared;
    if (shared.size() < total) shared.resize(total, 0);
    for (size_t k = c * kChunk; k < std::min(total - first, (c + 1) * kChunk); ++k) {
      const uint32_t i = static_cast<uint32_t>(first + k);
      const Doc& d = docs_[i];
      if (d.copy_of != i) continue;
      // Candidates share the report's rarest terms; the best-sharing are
      // scored. A dense accumulator: each report's sum grows in the order
      // of the query terms.
      std::vector<uint32_t>& touched = scratch->touched;
      touched.clear();
      for (uint32_t term : d.query) {
        const auto idf = static_cast<float>(t.idf[term]);
        for (uint32_t j : t.postings[term]) {
          if (j == i) continue;
          if (shared[j] == 0) touched.push_back(j);  // IDFs are positive.
          shared[j] += idf;
        }
      }
      std::vector<std::pair<float, uint32_t>>& ranked = scratch->ranked;
      ranked.clear();
      for (uint32_t j : touched) {
        ranked.push_back({shared[j], j});
        shared[j] = 0;
      }
      const size_t keep = std::min(ranked.size(), candidates);
      SelectFirst(ranked, keep, [](const auto& a, const auto& b) {
        return a.first != b.first ? a.first > b.first : a.second < b.second;
      });
      scratch->dots.Load(d);
      for (size_t x = 0; x < keep; ++x) {
        // The candidates lie anywhere in memory: fetch the next ones early.
        if (x + 2 < keep) __builtin_prefetch(&docs_[ranked[x + 2].second]);
        if (x + 1 < keep) {
          const Doc& next = docs_[ranked[x + 1].second];
          __builtin_prefetch(next.words.data());
          __builtin_prefetch(next.entities.data());
        }
        const uint32_t j = ranked[x].second;
        const float s = Similarity(d, docs_[j], scratch->dots);
        if (s > 0) found[k].push_back({j, s});
      }
    }
    Tables::Give(t.pool_mutex, t.scratches, std::move(scratch));
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
  // Sorted by (a, b, strength) as a counting sort by a, then a small sort
  // of each a's edges.
  using Edge = std::tuple<uint32_t, uint32_t, double>;
  std::vector<uint32_t> start(total + 1, 0);
  for (size_t i = 0; i < total; ++i) {
    for (const Neighbour& nb : neighbours_[i]) ++start[std::min<size_t>(i, nb.doc) + 1];
  }
  for (size_t i = 0; i < total; ++i) start[i + 1] += start[i];
  std::vector<Edge> edges(start[total]);
  {
    std::vector<uint32_t> fill(start.begin(), start.end() - 1);
    for (size_t i = 0; i < total; ++i) {
      for (const Neighbour& nb : neighbours_[i]) {
        const auto a = static_cast<uint32_t>(std::min<size_t>(i, nb.doc));
        const auto b = static_cast<uint32_t>(std::max<size_t>(i, nb.doc));
        const double s = nb.similarity;
        const double strength = std::max(s / options_.absolute_join,
                                         s / std::sqrt(scale[a] * scale[b]) / options_.scaled_join);
        edges[fill[a]++] = {a, b, strength};
      }
    }
  }
  for (size_t a = 0; a < total; ++a) {
    std::sort(edges.begin() + start[a], edges.begin() + start[a + 1]);
  }
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
  std::vector<Links> links(total);
  std::vector<uint32_t> stamp(total, 0);
  for (size_t i = 0; i < total; ++i) parent[i] = static_cast<uint32_t>(i);
  {
    std::vector<uint32_t> degree(total, 0);
    for (const auto& [a, b, s] : edges) ++degree[a], ++degree[b];
    for (size_t i = 0; i < total; ++i) links[i].Reserve(degree[i]);
  }
  for (const auto& [a, b, s] : edges) {  // Sorted: each list grows at its end.
    links[a].Append(b, {s, 1});
    links[b].Append(a, {s, 1});
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
  std::vector<Entry> initial;
  for (const auto& [a, b, s] : edges) {
    const double l = linkage(a, b, {s, 1});
    if (l >= 1.0) initial.push_back({l, a, b, 0, 0});
  }
  // Distinct entries: heapifying at once pops them in the same order.
  std::priority_queue<Entry> heap(std::less<Entry>(), std::move(initial));
  std::vector<std::pair<uint32_t, Link>> scratch;
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
    links[keep].Erase(gone);
    links[gone].Erase(keep);
    links[keep].Merge(links[gone], &scratch,
                      [&](uint32_t c, const Link& merged) { links[c].Rename(gone, keep, merged); });
    links[gone].Clear();
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
  constexpr size_t kNoStory = SIZE_MAX;
  std::vector<size_t> index_of(total, kNoStory);  // Root -> story.
  std::vector<Story> stories;
  for (size_t i = 0; i < total; ++i) {
    const uint32_t r = root(docs_[i].copy_of);
    if (index_of[r] == kNoStory) {
      index_of[r] = stories.size();
      stories.emplace_back();
    }
    stories[index_of[r]].documents.push_back(i);
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
  // holds; otherwise it gets a new one. Earlier stories by their index.
  std::vector<size_t> old_size(stories_.size(), 0), votes(stories_.size(), 0);
  for (size_t d = 0; d < story_of_.size(); ++d) ++old_size[story_of_[d]];
  std::vector<bool> taken(stories_.size(), false);
  std::vector<size_t> voted;
  for (Story& s : stories) {
    voted.clear();
    for (size_t d : s.documents) {
      if (d >= story_of_.size()) continue;
      if (votes[story_of_[d]]++ == 0) voted.push_back(story_of_[d]);
    }
    uint64_t best = 0;
    size_t best_votes = 0, best_old = 0;
    for (size_t old : voted) {
      const uint64_t id = stories_[old].id;
      const size_t v = votes[old];
      votes[old] = 0;
      if (2 * v > old_size[old] && !taken[old] &&
          (v > best_votes || (v == best_votes && id < best))) {
        best = id;
        best_votes = v;
        best_old = old;
      }
    }
    if (best == 0) {
      best = next_story_id_++;
    } else {
      taken[best_old] = true;
    }
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
    bytes += (d.raw_words.capacity() + d.raw_entities.capacity() + d.words.capacity() +
              d.entities.capacity() + d.cross.capacity()) *
                 sizeof(Weighted) +
             d.query.capacity() * sizeof(uint32_t);
  }
  for (const auto& list : neighbours_) bytes += list.capacity() * sizeof(Neighbour);
  const Tables& t = *tables_;
  bytes += t.ids.MemoryBytes() + t.df.capacity() * sizeof(uint32_t) +
           t.entity_languages.capacity() * sizeof(uint64_t) + t.idf.capacity() * sizeof(double) +
           t.postings.capacity() * sizeof(t.postings[0]);
  for (const auto& posting : t.postings) bytes += posting.capacity() * sizeof(uint32_t);
  bytes += t.exact.size() * (sizeof(uint64_t) + sizeof(uint32_t) + 2 * sizeof(void*));
  return bytes;
}

}  // namespace rashomon::stories
