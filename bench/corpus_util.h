// bench/corpus_util.h: shared helpers of the corpus benchmarks.
//
// Reads the first documents of a corpus through ingest and times a
// function over them, so each benchmark prints documents/s and MB/s the
// same way.
#ifndef RSH_BENCH_CORPUS_UTIL_H_
#define RSH_BENCH_CORPUS_UTIL_H_

#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "base/document.h"
#include "base/file_system.h"
#include "ingest/ingest.h"

namespace rashomon::bench {

// The first `limit` documents of `path` (0: all). Errors are printed.
inline std::vector<Document> LoadCorpus(const std::string& path, size_t limit) {
  std::vector<Document> docs;
  ingest::IngestOptions options;
  ingest::ReadInputs(
      {path}, options, RealFileSystem(),
      [&](Document d) {
        if (limit == 0 || docs.size() < limit) docs.push_back(std::move(d));
      },
      [](const ingest::InputError& e) {
        std::fprintf(stderr, "%s: %s\n", e.source.c_str(), e.reason.c_str());
      });
  return docs;
}

inline size_t RawBytes(const std::vector<Document>& docs) {
  size_t n = 0;
  for (const Document& d : docs) n += d.raw.size();
  return n;
}

// Prints one result line: name, documents/s, MB/s.
inline void PrintRate(const char* name, size_t docs, size_t bytes, double seconds) {
  std::printf("%-34s %8zu docs %8.1f MB %8.3f s %10.0f docs/s %8.1f MB/s\n", name, docs,
              bytes / 1e6, seconds, docs / seconds, bytes / 1e6 / seconds);
}

template <typename F>
double TimeSeconds(F&& f) {
  auto t0 = std::chrono::steady_clock::now();
  f();
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace rashomon::bench

#endif  // RSH_BENCH_CORPUS_UTIL_H_
