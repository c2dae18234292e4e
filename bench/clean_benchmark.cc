// Google Benchmark of the cleaner on fixed, generated articles.
#include <benchmark/benchmark.h>

#include <random>
#include <string>
#include <vector>

#include "base/document.h"
#include "extract/cleaner.h"

namespace rashomon {
namespace {

// One article; the headline differs per article (a headline shared by
// unrelated articles of a batch would rightly go as template text).
std::string MakeArticle(std::mt19937* rng, int index) {
  static const char* kWords[] = {"port", "ship",   "crew", "storm",   "officials", "said",
                                 "on",   "Monday", "the",  "harbour", "coast",     "guard",
                                 "fuel", "tonnes", "of",   "and",     "after",     "divers"};
  std::uniform_int_distribution<int> pick(0, 17);
  std::string a =
      "Headline Number " + std::to_string(index) + " About The Port\n\nAdvertisement\n\n";
  for (int p = 0; p < 12; ++p) {
    for (int w = 0; w < 60; ++w) {
      a += kWords[pick(*rng)];
      a += w % 15 == 14 ? ". " : " ";
    }
    a += "end.\n\n";
  }
  a += "Follow us:\nDownload our app for the latest news!\n";
  return a;
}

void BM_Clean_Batch(benchmark::State& state) {
  std::mt19937 rng(42);
  std::vector<Document> docs(200);
  size_t bytes = 0;
  for (size_t i = 0; i < docs.size(); ++i) {
    Document& d = docs[i];
    d.source = "doc";
    d.raw = MakeArticle(&rng, static_cast<int>(i));
    bytes += d.raw.size();
  }
  extract::CleanOptions options;
  options.threads = static_cast<int>(state.range(0));
  {
    std::vector<Document> check = docs;
    extract::CleanBatch(options, &check);
    if (check[0].removed.size() != 3) state.SkipWithError("unexpected cleaning result");
  }
  for (auto _ : state) {
    std::vector<Document> batch = docs;
    extract::CleanBatch(options, &batch);
    benchmark::DoNotOptimize(batch.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * docs.size()));
}
BENCHMARK(BM_Clean_Batch)->Arg(1)->Arg(2)->UseRealTime();

}  // namespace
}  // namespace rashomon

BENCHMARK_MAIN();
