// Google Benchmark of claims/quantity.h and claims/dates.h on the perf
// corpus (../shared/data/perf/articles.jsonl.zst, news articles of about
// 6 KB): FindQuantities, FindDates, and both, over the first 3,000
// articles. Items are documents, bytes are text bytes; the counters give
// documents/s, MB/s and mentions per document. Without the corpus every
// benchmark is skipped with a message.
//
//   quantity_benchmark [--benchmark_filter=...] [corpus path]
#include <benchmark/benchmark.h>

#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "base/document.h"
#include "base/iso_time.h"
#include "bench/corpus_util.h"
#include "bench/gbench_util.h"
#include "claims/dates.h"
#include "claims/quantity.h"

namespace rashomon {
namespace {

constexpr size_t kDocuments = 3000;
std::string g_corpus_path = RSH_SHARED_DIR "/data/perf/articles.jsonl.zst";

struct Corpus {
  std::vector<Document> docs;
  std::vector<int64_t> published_days;
  size_t bytes = 0;
};

const Corpus& GetCorpus() {
  static const Corpus* corpus = [] {
    auto* c = new Corpus;
    if (!std::filesystem::exists(g_corpus_path)) return c;
    c->docs = bench::LoadCorpus(g_corpus_path, kDocuments);
    c->bytes = bench::RawBytes(c->docs);
    for (const Document& d : c->docs) {
      int64_t ms = 0;
      c->published_days.push_back(ParseIsoInstant(d.published, &ms) ? ms / 86400000 : claims::kNoDay);
    }
    // Check the output once before timing: the corpus has figures and dates.
    size_t quantities = 0, dates = 0;
    for (const Document& d : c->docs) {
      quantities += claims::FindQuantities(d.raw).size();
      dates += claims::FindDates(d.raw).size();
    }
    std::fprintf(stderr, "quantity_benchmark: %zu documents, %.1f MB, %zu quantities, %zu dates\n",
                 c->docs.size(), c->bytes / 1e6, quantities, dates);
    return c;
  }();
  return *corpus;
}

bool Ready(benchmark::State& state, const Corpus& c) {
  return bench::CorpusReady(state, c.docs.size(), g_corpus_path);
}

void SetRates(benchmark::State& state, const Corpus& c, size_t mentions) {
  bench::SetCorpusRates(state, c.docs.size(), c.bytes);
  state.counters["mentions_per_doc"] =
      static_cast<double>(mentions) / (static_cast<double>(state.iterations()) * c.docs.size());
}

void BM_FindQuantities_Corpus(benchmark::State& state) {
  const Corpus& c = GetCorpus();
  if (!Ready(state, c)) return;
  size_t mentions = 0;
  for (auto _ : state) {
    for (const Document& d : c.docs) mentions += claims::FindQuantities(d.raw).size();
  }
  SetRates(state, c, mentions);
}
BENCHMARK(BM_FindQuantities_Corpus)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_FindDates_Corpus(benchmark::State& state) {
  const Corpus& c = GetCorpus();
  if (!Ready(state, c)) return;
  size_t mentions = 0;
  for (auto _ : state) {
    for (size_t k = 0; k < c.docs.size(); ++k) {
      claims::DateOptions options;
      options.published_day = c.published_days[k];
      mentions += claims::FindDates(c.docs[k].raw, options).size();
    }
  }
  SetRates(state, c, mentions);
}
BENCHMARK(BM_FindDates_Corpus)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_FindBoth_Corpus(benchmark::State& state) {
  const Corpus& c = GetCorpus();
  if (!Ready(state, c)) return;
  size_t mentions = 0;
  for (auto _ : state) {
    for (size_t k = 0; k < c.docs.size(); ++k) {
      claims::DateOptions options;
      options.published_day = c.published_days[k];
      mentions += claims::FindQuantities(c.docs[k].raw).size();
      mentions += claims::FindDates(c.docs[k].raw, options).size();
    }
  }
  SetRates(state, c, mentions);
}
BENCHMARK(BM_FindBoth_Corpus)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
}  // namespace rashomon

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (argc > 1 && argv[1][0] != '-') rashomon::g_corpus_path = argv[1];
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
