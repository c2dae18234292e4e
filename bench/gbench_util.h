// bench/gbench_util.h: helpers shared by the Google Benchmark corpus
// benchmarks, so that each reports documents/s and MB/s the same way.
#ifndef RSH_BENCH_GBENCH_UTIL_H_
#define RSH_BENCH_GBENCH_UTIL_H_

#include <benchmark/benchmark.h>

#include <cstddef>
#include <cstdint>
#include <string>

namespace rashomon::bench {

// False, and the benchmark skipped with the reason, when the corpus at
// `path` gave no documents.
inline bool CorpusReady(benchmark::State& state, size_t documents, const std::string& path) {
  if (documents > 0) return true;
  state.SkipWithError(("no perf corpus at " + path).c_str());
  return false;
}

// Items and bytes processed, and docs_per_s and MB_per_s counters, for
// `documents` documents of `bytes` bytes handled once an iteration.
inline void SetCorpusRates(benchmark::State& state, size_t documents, size_t bytes) {
  const double docs = static_cast<double>(state.iterations()) * static_cast<double>(documents);
  const double total = static_cast<double>(state.iterations()) * static_cast<double>(bytes);
  state.SetItemsProcessed(static_cast<int64_t>(docs));
  state.SetBytesProcessed(static_cast<int64_t>(total));
  state.counters["docs_per_s"] = benchmark::Counter(docs, benchmark::Counter::kIsRate);
  state.counters["MB_per_s"] = benchmark::Counter(total / 1e6, benchmark::Counter::kIsRate);
}

}  // namespace rashomon::bench

#endif  // RSH_BENCH_GBENCH_UTIL_H_
