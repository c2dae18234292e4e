// Corpus benchmark of `clean` on the perf corpus (../shared/data/perf/):
// throughput single thread and on all cores, and the share of body
// paragraphs kept on the first 1,000 articles (clean prose, so every removed
// paragraph counts as a false positive).
//
//   clean_corpus [PATH] [MAX_DOCS]
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "base/parallel.h"
#include "bench/corpus_util.h"
#include "extract/cleaner.h"
#include "extract/paragraph_retention.h"

using namespace rashomon;

int main(int argc, char** argv) {
  std::string path =
      argc > 1 && argv[1][0] != 0 ? argv[1] : RSH_SHARED_DIR "/data/perf/articles.jsonl.zst";
  size_t max_docs = argc > 2 ? std::strtoul(argv[2], nullptr, 10) : 20000;
  std::vector<Document> corpus = bench::LoadCorpus(path, max_docs);
  if (corpus.empty()) {
    std::fprintf(stderr, "no documents in %s\n", path.c_str());
    return 1;
  }
  const size_t bytes = bench::RawBytes(corpus);
  std::printf("clean on %s\n", path.c_str());
  for (int threads : {1, HardwareThreads()}) {
    std::vector<Document> docs = corpus;
    extract::CleanOptions options;
    options.threads = threads;
    double s = bench::TimeSeconds([&] {
      // Batches as the CLI makes them.
      for (size_t i = 0; i < docs.size(); i += 2000) {
        std::vector<Document> batch(
            std::make_move_iterator(docs.begin() + i),
            std::make_move_iterator(docs.begin() + std::min(docs.size(), i + 2000)));
        extract::CleanBatch(options, &batch);
      }
    });
    std::string name = "clean threads=" + std::to_string(threads);
    bench::PrintRate(name.c_str(), docs.size(), bytes, s);
  }
  std::vector<Document> first(corpus.begin(),
                              corpus.begin() + std::min<size_t>(1000, corpus.size()));
  extract::CleanBatch(extract::CleanOptions(), &first);
  extract::RetentionStats r = extract::MeasureRetention(first);
  std::printf("body paragraphs kept (first %zu articles): %zu of %zu = %.4f\n", first.size(),
              r.paragraphs_kept, r.paragraphs, r.ParagraphRatio());
  std::printf("all non-blank lines kept (first %zu articles): %zu of %zu = %.4f\n", first.size(),
              r.lines_kept, r.lines, r.LineRatio());
  return 0;
}
