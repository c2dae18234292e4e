#include "dedup/dedup.h"

#include <algorithm>
#include <numeric>
#include <span>
#include <tuple>
#include <unordered_map>
#include <utility>

#include "base/check.h"
#include "base/parallel.h"
#include "base/union_find.h"
#include "dedup/minhash.h"
#include "dedup/simhash.h"
#include "dedup/simhash_index.h"

#define XXH_INLINE_ALL
#include <xxhash.h>

namespace rashomon::dedup {
namespace {

// Documents handed to one thread at a time (each block has its own scratch).
constexpr size_t kDocBlock = 32;
// Candidate pairs checked between two union-find passes.
constexpr size_t kPairBatch = 8192;

using Pair = std::pair<uint32_t, uint32_t>;

// Runs `fn(i)` for i in [0, n) on `threads` threads in blocks of `block`.
template <typename Fn>
void ForBlocks(size_t n, size_t block, int threads, Fn&& fn) {
  const size_t blocks = (n + block - 1) / block;
  ParallelFor(blocks, threads, [&](size_t b) {
    const size_t end = std::min(n, (b + 1) * block);
    fn(b * block, end);
  });
}

// A distinct normalised text: its first input and its signature inputs.
struct Unique {
  size_t first = 0;     // Smallest input index with this text.
  uint64_t exact = 0;   // ExactHash.
  size_t shingles = 0;  // Shingles with repeats; 0: never grouped.
};

// Everything FindCopies computes, shared by its steps.
class Run {
 public:
  Run(const std::vector<DedupInput>& inputs, const DedupOptions& options)
      : inputs_(inputs),
        options_(options),
        threads_(options.threads > 0 ? options.threads : HardwareThreads()) {}

  std::vector<CopyGroup> Go(DedupStats* stats);

 private:
  void CollapseExact();
  void Sign();
  std::vector<Pair> Candidates();
  void CheckPairs(const std::vector<Pair>& pairs, UnionFind* uf);
  void BuildSets(const std::vector<uint32_t>& docs);
  bool IsCopy(uint32_t a, uint32_t b) const;
  std::vector<CopyGroup> Groups(UnionFind* uf);

  const std::vector<DedupInput>& inputs_;
  const DedupOptions& options_;
  const int threads_;
  std::vector<uint32_t> class_of_;  // Input -> unique document.
  std::vector<Unique> unique_;      // Sorted by exact hash: the canonical order.
  std::vector<uint32_t> signatures_;
  std::vector<uint64_t> fingerprints_;
  int perms_ = 0;
  std::vector<std::vector<uint32_t>> sets_;
  std::vector<bool> has_set_;
  DedupStats stats_;
};

void Run::CollapseExact() {
  std::vector<uint64_t> exact(inputs_.size());
  ForBlocks(inputs_.size(), kDocBlock * 4, threads_, [&](size_t begin, size_t end) {
    Shingler shingler(options_.shingles);
    for (size_t i = begin; i < end; ++i) exact[i] = shingler.ExactHash(inputs_[i].text);
  });
  std::vector<uint32_t> order(inputs_.size());
  std::iota(order.begin(), order.end(), 0u);
  std::sort(order.begin(), order.end(),
            [&](uint32_t a, uint32_t b) { return std::tie(exact[a], a) < std::tie(exact[b], b); });
  class_of_.resize(inputs_.size());
  for (size_t k = 0; k < order.size(); ++k) {
    const uint32_t i = order[k];
    if (k == 0 || exact[i] != exact[order[k - 1]]) unique_.push_back(Unique{i, exact[i], 0});
    class_of_[i] = static_cast<uint32_t>(unique_.size() - 1);
  }
}

void Run::Sign() {
  const size_t n = unique_.size();
  const bool minhash = options_.method == Method::kMinHash;
  const MinHasher hasher(options_.num_permutations, options_.seed);
  perms_ = hasher.num_permutations();
  if (minhash) {
    signatures_.resize(n * static_cast<size_t>(perms_));
  } else {
    fingerprints_.resize(n);
  }
  ForBlocks(n, kDocBlock, threads_, [&](size_t begin, size_t end) {
    Shingler shingler(options_.shingles);
    SimHasher simhasher;
    for (size_t u = begin; u < end; ++u) {
      const std::string_view text = inputs_[unique_[u].first].text;
      ShingleInfo info;
      if (minhash) {
        std::span<uint32_t> sig(&signatures_[u * static_cast<size_t>(perms_)],
                                static_cast<size_t>(perms_));
        hasher.Reset(sig);
        info = shingler.Shingle(text, [&](std::span<const uint64_t> b) { hasher.Update(b, sig); });
      } else {
        simhasher.Reset();
        info = shingler.Shingle(text, [&](std::span<const uint64_t> b) { simhasher.Update(b); });
        fingerprints_[u] = simhasher.Finish();
      }
      unique_[u].shingles = info.shingles;
    }
  });
  stats_.signature_bytes = signatures_.size() * 4 + fingerprints_.size() * 8;
}

// Queries then adds each document in canonical order, so each pair comes
// once, as (earlier, later), and the capped buckets do not depend on the
// input order.
std::vector<Pair> Run::Candidates() {
  std::vector<Pair> pairs;
  std::vector<uint32_t> found;
  const size_t cap = std::max<size_t>(options_.max_bucket_compare, 1);
  if (options_.method == Method::kMinHash) {
    const double c = std::clamp(options_.containment_threshold, 0.0, 1.0);
    const double ratio = std::max(options_.max_size_ratio, 1.0);
    const double threshold = std::min(options_.jaccard_threshold, c / (1.0 + ratio - c));
    stats_.lsh = ChooseLshParams(threshold, perms_, options_.lsh_min_probability);
    LshIndex index(stats_.lsh);
    for (uint32_t u = 0; u < unique_.size(); ++u) {
      if (unique_[u].shingles == 0) continue;
      std::span<const uint32_t> sig(&signatures_[u * static_cast<size_t>(perms_)],
                                    static_cast<size_t>(perms_));
      found.clear();
      index.Query(sig, cap, &found);
      for (uint32_t v : found) pairs.emplace_back(v, u);
      index.Add(u, sig);
    }
    stats_.index_bytes = index.MemoryBytes();
  } else {
    SimHashIndex index(options_.simhash_max_distance);
    for (uint32_t u = 0; u < unique_.size(); ++u) {
      if (unique_[u].shingles == 0) continue;
      found.clear();
      index.Query(fingerprints_[u], cap, &found);
      for (uint32_t v : found) pairs.emplace_back(v, u);
      index.Add(u, fingerprints_[u]);
    }
    stats_.index_bytes = index.MemoryBytes();
  }
  return pairs;
}

void Run::BuildSets(const std::vector<uint32_t>& docs) {
  ForBlocks(docs.size(), kDocBlock, threads_, [&](size_t begin, size_t end) {
    Shingler shingler(options_.shingles);
    for (size_t k = begin; k < end; ++k) {
      const uint32_t u = docs[k];
      sets_[u] = shingler.ShingleSet(inputs_[unique_[u].first].text);
    }
  });
  for (uint32_t u : docs) {
    has_set_[u] = true;
    ++stats_.documents_with_sets;
    stats_.set_bytes += sets_[u].capacity() * sizeof(uint32_t);
  }
}

bool Run::IsCopy(uint32_t a, uint32_t b) const {
  const SetOverlap o = Overlap(sets_[a], sets_[b]);
  if (o.jaccard() >= options_.jaccard_threshold) return true;
  const size_t smaller = std::min(o.size_a, o.size_b);
  return smaller >= std::max<size_t>(options_.min_containment_shingles, 1) &&
         static_cast<double>(o.common) >= options_.containment_threshold * smaller;
}

// Checks the pairs in batches, in rounds. A pair whose documents are
// already joined is skipped. Each round checks only the pairs that would
// join two groups if all the pairs picked before them passed (a spanning
// forest of the pending pairs); the others wait for the next round, when
// most are joined already. Neither shortcut can change the final groups,
// the connected components of all passing pairs, but 10,000 near-identical
// documents cost about one check each instead of one per candidate.
void Run::CheckPairs(const std::vector<Pair>& pairs, UnionFind* uf) {
  std::vector<Pair> pending, todo, rest;
  std::vector<uint32_t> need;
  std::vector<char> ok;
  std::unordered_map<uint32_t, uint32_t> local_id;  // Root -> node of `forest`.
  for (size_t begin = 0; begin < pairs.size(); begin += kPairBatch) {
    const size_t end = std::min(pairs.size(), begin + kPairBatch);
    pending.assign(pairs.begin() + static_cast<std::ptrdiff_t>(begin),
                   pairs.begin() + static_cast<std::ptrdiff_t>(end));
    while (!pending.empty()) {
      todo.clear();
      rest.clear();
      need.clear();
      local_id.clear();
      UnionFind forest(2 * pending.size());
      auto node = [&](uint32_t root) {
        return local_id.emplace(root, static_cast<uint32_t>(local_id.size())).first->second;
      };
      for (const Pair& p : pending) {
        const uint32_t ra = uf->Find(p.first), rb = uf->Find(p.second);
        if (ra == rb) continue;
        const uint32_t la = forest.Find(node(ra)), lb = forest.Find(node(rb));
        if (la == lb) {
          rest.push_back(p);
          continue;
        }
        forest.Union(la, lb);
        todo.push_back(p);
        for (uint32_t u : {p.first, p.second}) {
          if (!has_set_[u]) need.push_back(u);
        }
      }
      std::sort(need.begin(), need.end());
      need.erase(std::unique(need.begin(), need.end()), need.end());
      BuildSets(need);
      ok.assign(todo.size(), 0);
      ForBlocks(todo.size(), 64, threads_, [&](size_t b, size_t e) {
        for (size_t k = b; k < e; ++k) ok[k] = IsCopy(todo[k].first, todo[k].second);
      });
      stats_.checked_pairs += todo.size();
      for (size_t k = 0; k < todo.size(); ++k) {
        if (!ok[k]) continue;
        ++stats_.copy_pairs;
        uf->Union(todo[k].first, todo[k].second);
      }
      pending.swap(rest);
    }
  }
}

// Orders inputs by the representative rule.
struct RankKey {
  std::string published;  // NormalizePublished; empty sorts last.
  size_t length = 0;
  uint64_t raw_hash = 0;
  size_t index = 0;

  bool operator<(const RankKey& o) const {
    if (published.empty() != o.published.empty()) return !published.empty();
    if (published != o.published) return published < o.published;
    if (length != o.length) return length > o.length;
    if (raw_hash != o.raw_hash) return raw_hash < o.raw_hash;
    return index < o.index;
  }
};

std::vector<CopyGroup> Run::Groups(UnionFind* uf) {
  // Unique documents by component root; the component's inputs.
  std::vector<std::vector<uint32_t>> members_of(unique_.size());
  for (uint32_t i = 0; i < inputs_.size(); ++i) {
    const uint32_t u = class_of_[i];
    if (unique_[u].shingles == 0) continue;
    members_of[uf->Find(u)].push_back(i);
  }
  struct Built {
    CopyGroup group;
    RankKey rep_key;
  };
  std::vector<Built> built;
  for (const std::vector<uint32_t>& inputs : members_of) {
    if (inputs.size() < 2) continue;
    std::vector<RankKey> keys;
    keys.reserve(inputs.size());
    for (uint32_t i : inputs) {
      const std::string_view text = inputs_[i].text;
      keys.push_back(RankKey{NormalizePublished(inputs_[i].published), text.size(),
                             XXH3_64bits(text.data(), text.size()), i});
    }
    std::sort(keys.begin(), keys.end());
    Built b;
    b.group.representative = keys[0].index;
    const uint32_t rep = class_of_[keys[0].index];
    for (const RankKey& k : keys) {
      const uint32_t u = class_of_[k.index];
      CopyMember m;
      m.index = k.index;
      m.exact = u == rep;
      if (m.exact) {
        m.jaccard = m.in_representative = m.contains_representative = 1.0;
      } else {
        RSH_CHECK(has_set_[u] && has_set_[rep]);
        const SetOverlap o = Overlap(sets_[u], sets_[rep]);
        m.jaccard = o.jaccard();
        m.in_representative = o.a_in_b();
        m.contains_representative = o.b_in_a();
      }
      b.group.members.push_back(m);
    }
    b.rep_key = std::move(keys[0]);
    built.push_back(std::move(b));
  }
  std::sort(built.begin(), built.end(), [](const Built& x, const Built& y) {
    if (x.group.members.size() != y.group.members.size()) {
      return x.group.members.size() > y.group.members.size();
    }
    return x.rep_key < y.rep_key;
  });
  std::vector<CopyGroup> groups;
  groups.reserve(built.size());
  for (Built& b : built) groups.push_back(std::move(b.group));
  return groups;
}

std::vector<CopyGroup> Run::Go(DedupStats* stats) {
  stats_.documents = inputs_.size();
  CollapseExact();
  Sign();
  for (const Unique& u : unique_) {
    if (u.shingles > 0) ++stats_.unique_documents;
  }
  for (uint32_t c : class_of_) {
    if (unique_[c].shingles == 0) ++stats_.empty_documents;
  }
  const std::vector<Pair> pairs = Candidates();
  stats_.candidate_pairs = pairs.size();
  sets_.resize(unique_.size());
  has_set_.assign(unique_.size(), false);
  UnionFind uf(unique_.size());
  CheckPairs(pairs, &uf);
  std::vector<CopyGroup> groups = Groups(&uf);
  if (stats != nullptr) *stats = stats_;
  return groups;
}

}  // namespace

std::vector<CopyGroup> FindCopies(const std::vector<DedupInput>& inputs,
                                  const DedupOptions& options, DedupStats* stats) {
  RSH_CHECK(inputs.size() < UINT32_MAX);
  Run run(inputs, options);
  return run.Go(stats);
}

}  // namespace rashomon::dedup
