// Claim analysis throughput: ClaimAnalyzer::Analyze (sentences, entities,
// quantities, dates, terms, quotes, citations) over the first documents of
// the perf corpus (../shared/data/perf/), and ResolveStory over them as one
// story. Reports documents/s and bytes/s.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <string>
#include <vector>

#include "bench/corpus_util.h"
#include "claims/claims.h"

namespace rashomon {
namespace {

constexpr size_t kDocuments = 2000;

const std::vector<Document>& Corpus() {
  static const std::vector<Document> docs =
      bench::LoadCorpus(RSH_SHARED_DIR "/data/perf/articles.jsonl.zst", kDocuments);
  return docs;
}

void BM_AnalyzeDocument_PerfCorpus(benchmark::State& state) {
  const std::vector<Document>& docs = Corpus();
  if (docs.empty()) {
    state.SkipWithError("no perf corpus");
    return;
  }
  claims::ClaimAnalyzer analyzer;
  // Check the output once before timing.
  if (analyzer.Analyze(docs.front().raw, {}).claims.empty()) {
    state.SkipWithError("first document gave no claims");
    return;
  }
  size_t bytes = 0, items = 0;
  for (auto _ : state) {
    for (const Document& d : docs) {
      claims::DocumentClaims c = analyzer.Analyze(d.raw, {});
      benchmark::DoNotOptimize(c);
      bytes += d.raw.size();
    }
    items += docs.size();
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.SetItemsProcessed(static_cast<int64_t>(items));
  state.counters["documents/s"] =
      benchmark::Counter(static_cast<double>(items), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_AnalyzeDocument_PerfCorpus)->Unit(benchmark::kMillisecond)->Iterations(1);

void BM_ResolveStory_PerfCorpus(benchmark::State& state) {
  const std::vector<Document>& docs = Corpus();
  claims::ClaimAnalyzer analyzer;
  std::vector<claims::DocumentClaims> story;
  for (size_t i = 0; i < docs.size() && i < 200; ++i)
    story.push_back(analyzer.Analyze(docs[i].raw, {}));
  for (auto _ : state) {
    claims::ResolveStory(&story);
    benchmark::DoNotOptimize(story);
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * story.size()));
}
BENCHMARK(BM_ResolveStory_PerfCorpus)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace rashomon

BENCHMARK_MAIN();
