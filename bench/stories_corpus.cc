// Story clustering throughput on the perf corpus (../shared/data/perf/):
// StoryIndex::Add over the articles (title and text as given; no
// extraction), on one thread and on all cores, as one batch and in
// batches of 1,000 (incremental arrival). Prints documents/s, MB/s, the
// index's bytes per document and a digest of the stories (equal digests:
// identical stories, e.g. across thread counts or after an optimisation).
//
//   stories_corpus [PATH] [LIMIT] [THREADS BATCH]
//
// THREADS and BATCH run one configuration only (for profiling).
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "base/parallel.h"
#include "bench/corpus_util.h"
#include "stories/stories.h"

using namespace rashomon;

namespace {

// FNV-1a over the stories' documents (ids aside), in their order.
uint64_t Digest(const std::vector<stories::Story>& all) {
  uint64_t h = 0xcbf29ce484222325ULL;
  auto mix = [&h](uint64_t v) {
    h ^= v;
    h *= 0x100000001b3ULL;
  };
  for (const stories::Story& s : all) {
    for (size_t d : s.documents) mix(d);
    mix(~uint64_t{0});
  }
  return h;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string path =
      argc > 1 && argv[1][0] != 0 ? argv[1] : RSH_SHARED_DIR "/data/perf/articles.jsonl.zst";
  const size_t limit = argc > 2 ? std::strtoul(argv[2], nullptr, 10) : 0;
  const std::vector<Document> docs = bench::LoadCorpus(path, limit);
  if (docs.empty()) {
    std::fprintf(stderr, "stories_corpus: no documents in %s\n", path.c_str());
    return 1;
  }
  std::vector<stories::StoryInput> inputs;
  for (const Document& d : docs) inputs.push_back({d.given_title, d.raw, "en", d.published});
  const double mb = bench::RawBytes(docs) / 1e6;
  std::printf("stories on %s: %zu documents, %.1f MB\n", path.c_str(), docs.size(), mb);
  std::vector<int> thread_counts = {1, HardwareThreads()};
  std::vector<size_t> batch_sizes = {docs.size(), size_t{1000}};
  if (argc > 4) {
    thread_counts = {std::atoi(argv[3])};
    batch_sizes = {std::strtoul(argv[4], nullptr, 10)};
  }
  for (int threads : thread_counts) {
    for (size_t batch : batch_sizes) {
      stories::StoryOptions options;
      options.threads = threads;
      stories::StoryIndex index(options);
      const double s = bench::TimeSeconds([&] {
        for (size_t b = 0; b < inputs.size(); b += batch) {
          index.Add({inputs.begin() + b, inputs.begin() + std::min(inputs.size(), b + batch)});
        }
      });
      std::printf(
          "  %d thread(s), batches of %6zu: %8.0f documents/s %6.1f MB/s  %zu stories  "
          "%.0f index bytes/document  digest %016llx\n",
          threads, batch, docs.size() / s, mb / s, index.Stories().size(),
          static_cast<double>(index.MemoryBytes()) / docs.size(),
          static_cast<unsigned long long>(Digest(index.Stories())));
    }
  }
  return 0;
}
