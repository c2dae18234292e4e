// Google Benchmark of dedup on the perf corpus (../shared/data/perf/
// articles.jsonl.zst, 37,554 news articles of about 6 KB): shingling alone,
// MinHash and SimHash signatures on 1 and 2 threads, LSH index build and
// query, and FindCopies end to end. Items are documents, bytes are text
// bytes; the counters give memory per document. Without the corpus every
// benchmark is skipped with a message.
//
//   dedup_benchmark [--benchmark_filter=...] [corpus path]
#include <benchmark/benchmark.h>

#include <cstdio>
#include <filesystem>
#include <span>
#include <string>
#include <vector>

#include "base/document.h"
#include "base/parallel.h"
#include "bench/corpus_util.h"
#include "bench/gbench_util.h"
#include "dedup/dedup.h"
#include "dedup/lsh.h"
#include "dedup/minhash.h"
#include "dedup/shingles.h"
#include "dedup/simhash.h"

namespace rashomon {
namespace {

std::string g_corpus_path = RSH_SHARED_DIR "/data/perf/articles.jsonl.zst";

struct Corpus {
  std::vector<Document> docs;
  std::vector<dedup::DedupInput> inputs;
  size_t bytes = 0;
};

// The corpus, read once (ingest: decompress and parse the JSONL).
const Corpus& GetCorpus() {
  static const Corpus* corpus = [] {
    auto* c = new Corpus;
    if (!std::filesystem::exists(g_corpus_path)) return c;
    c->docs = bench::LoadCorpus(g_corpus_path, 0);
    c->bytes = bench::RawBytes(c->docs);
    for (const Document& d : c->docs) c->inputs.push_back(dedup::DedupInput{d.raw, d.published});
    std::fprintf(stderr, "dedup_benchmark: %zu documents, %.1f MB of text\n", c->docs.size(),
                 c->bytes / 1e6);
    return c;
  }();
  return *corpus;
}

bool Ready(benchmark::State& state, const Corpus& c) {
  return bench::CorpusReady(state, c.docs.size(), g_corpus_path);
}

void SetRates(benchmark::State& state, const Corpus& c) {
  bench::SetCorpusRates(state, c.docs.size(), c.bytes);
}

// MinHash signatures of every document, `threads` threads, 32-document blocks.
std::vector<uint32_t> Signatures(const Corpus& c, const dedup::MinHasher& hasher, int threads) {
  const size_t p = static_cast<size_t>(hasher.num_permutations());
  std::vector<uint32_t> sigs(c.docs.size() * p);
  const size_t blocks = (c.docs.size() + 31) / 32;
  ParallelFor(blocks, threads, [&](size_t b) {
    dedup::Shingler shingler(dedup::ShingleOptions{});
    for (size_t i = b * 32; i < std::min(c.docs.size(), (b + 1) * 32); ++i) {
      std::span<uint32_t> sig(&sigs[i * p], p);
      hasher.Reset(sig);
      shingler.Shingle(c.docs[i].raw,
                       [&](std::span<const uint64_t> batch) { hasher.Update(batch, sig); });
    }
  });
  return sigs;
}

void BM_Shingle_Only(benchmark::State& state) {
  const Corpus& c = GetCorpus();
  if (!Ready(state, c)) return;
  dedup::Shingler shingler(dedup::ShingleOptions{});
  size_t shingles = 0;
  for (auto _ : state) {
    shingles = 0;
    for (const Document& d : c.docs) {
      shingles += shingler.Shingle(d.raw, [](std::span<const uint64_t>) {}).shingles;
    }
    benchmark::DoNotOptimize(shingles);
  }
  state.counters["shingles/doc"] = static_cast<double>(shingles) / c.docs.size();
  SetRates(state, c);
}
BENCHMARK(BM_Shingle_Only)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_Signature_MinHash(benchmark::State& state) {
  const Corpus& c = GetCorpus();
  if (!Ready(state, c)) return;
  const dedup::MinHasher hasher(128);
  const int threads = static_cast<int>(state.range(0));
  if (Signatures(c, hasher, threads) != Signatures(c, hasher, 1)) {
    state.SkipWithError("signatures depend on the thread count");
    return;
  }
  for (auto _ : state) benchmark::DoNotOptimize(Signatures(c, hasher, threads).data());
  state.counters["sig_bytes/doc"] = 4.0 * hasher.num_permutations();
  SetRates(state, c);
}
BENCHMARK(BM_Signature_MinHash)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_Signature_SimHash(benchmark::State& state) {
  const Corpus& c = GetCorpus();
  if (!Ready(state, c)) return;
  dedup::Shingler shingler(dedup::ShingleOptions{});
  dedup::SimHasher simhasher;
  uint64_t x = 0;
  for (auto _ : state) {
    for (const Document& d : c.docs) {
      simhasher.Reset();
      shingler.Shingle(d.raw, [&](std::span<const uint64_t> b) { simhasher.Update(b); });
      x ^= simhasher.Finish();
    }
    benchmark::DoNotOptimize(x);
  }
  SetRates(state, c);
}
BENCHMARK(BM_Signature_SimHash)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_Lsh_BuildAndQuery(benchmark::State& state) {
  const Corpus& c = GetCorpus();
  if (!Ready(state, c)) return;
  const dedup::MinHasher hasher(128);
  const std::vector<uint32_t> sigs = Signatures(c, hasher, 2);
  const dedup::LshParams params =
      dedup::ChooseLshParams(state.range(0) / 100.0, hasher.num_permutations());
  const size_t p = static_cast<size_t>(hasher.num_permutations());
  size_t candidates = 0, bytes = 0;
  std::vector<uint32_t> found;
  for (auto _ : state) {
    dedup::LshIndex index(params);
    candidates = 0;
    for (uint32_t i = 0; i < c.docs.size(); ++i) {
      std::span<const uint32_t> sig(&sigs[i * p], p);
      found.clear();
      index.Query(sig, 32, &found);
      candidates += found.size();
      index.Add(i, sig);
    }
    bytes = index.MemoryBytes();
  }
  state.counters["bands"] = params.bands;
  state.counters["rows"] = params.rows;
  state.counters["candidates"] = static_cast<double>(candidates);
  state.counters["index_bytes/doc"] = static_cast<double>(bytes) / c.docs.size();
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * c.docs.size()));
}
// Thresholds 0.5 (Jaccard rule alone) and 0.21 (FindCopies' default, for partial copies).
BENCHMARK(BM_Lsh_BuildAndQuery)->Arg(50)->Arg(21)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_FindCopies(benchmark::State& state) {
  const Corpus& c = GetCorpus();
  if (!Ready(state, c)) return;
  dedup::DedupOptions options;
  options.method = state.range(0) == 0 ? dedup::Method::kMinHash : dedup::Method::kSimHash;
  options.threads = static_cast<int>(state.range(1));
  dedup::DedupStats stats;
  size_t groups = 0, grouped = 0;
  for (auto _ : state) {
    const auto result = dedup::FindCopies(c.inputs, options, &stats);
    groups = result.size();
    grouped = 0;
    for (const auto& g : result) grouped += g.members.size();
  }
  const double n = static_cast<double>(c.docs.size());
  state.counters["groups"] = static_cast<double>(groups);
  state.counters["grouped_docs"] = static_cast<double>(grouped);
  state.counters["candidates"] = static_cast<double>(stats.candidate_pairs);
  state.counters["checked"] = static_cast<double>(stats.checked_pairs);
  state.counters["docs_with_sets"] = static_cast<double>(stats.documents_with_sets);
  state.counters["sig_B/doc"] = stats.signature_bytes / n;
  state.counters["index_B/doc"] = stats.index_bytes / n;
  state.counters["set_B/doc"] = stats.set_bytes / n;
  state.counters["set_B/set_doc"] =
      stats.documents_with_sets ? static_cast<double>(stats.set_bytes) / stats.documents_with_sets
                                : 0;
  SetRates(state, c);
}
BENCHMARK(BM_FindCopies)
    ->ArgNames({"simhash", "threads"})
    ->Args({0, 1})
    ->Args({0, 2})
    ->Args({1, 2})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

}  // namespace
}  // namespace rashomon

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (argc > 1 && argv[1][0] != '-') rashomon::g_corpus_path = argv[1];
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
