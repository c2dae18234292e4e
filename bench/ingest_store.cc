// Incremental ingest into the store (`rashomon ingest`) on the perf corpus
// (../shared/data/perf/): the first LIMIT articles are read and extracted
// (untimed), then stored through collection::Collection::Ingest into a new
// database in batches of BATCH (each a transaction: documents, story index,
// re-check of the stories that changed, their reports). Prints documents/s
// and MB/s (raw input) of:
//   - the first ingest (everything new);
//   - reopening the database (the story index rebuilt from it);
//   - the same documents again (all already stored: the idempotent path);
// and the database size.
//
//   ingest_store [PATH] [LIMIT] [BATCH] [--threads N] [--db FILE]
//
// LIMIT defaults to 5,000 (0: all), BATCH to 500, threads to all cores. The
// database is a temporary file removed at the end, unless --db names one
// (then it is kept, e.g. for bench/api_latency).
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "bench/corpus_util.h"
#include "collection/collection.h"
#include "base/parallel.h"
#include "extract/extractor.h"

using namespace rashomon;

int main(int argc, char** argv) {
  std::string path = RSH_SHARED_DIR "/data/perf/articles.jsonl.zst";
  size_t limit = 5000, batch = 500;
  int threads = 0;
  std::string db;
  int positional = 0;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--threads") == 0 && i + 1 < argc) {
      threads = std::atoi(argv[++i]);
    } else if (std::strcmp(argv[i], "--db") == 0 && i + 1 < argc) {
      db = argv[++i];
    } else if (positional == 0) {
      if (argv[i][0] != 0) path = argv[i];
      ++positional;
    } else if (positional == 1) {
      limit = std::strtoul(argv[i], nullptr, 10);
      ++positional;
    } else if (positional == 2) {
      batch = std::strtoul(argv[i], nullptr, 10);
      ++positional;
    } else {
      std::fprintf(stderr, "usage: ingest_store [PATH] [LIMIT] [BATCH] [--threads N] [--db FILE]\n");
      return 1;
    }
  }
  const bool keep = !db.empty();
  if (!keep) {
    db = (std::filesystem::temp_directory_path() /
          ("rsh_ingest_store_" + std::to_string(::getpid()) + ".db"))
             .string();
  }
  auto remove_db = [&] {
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(db + suffix);
  };
  remove_db();

  std::vector<Document> docs = bench::LoadCorpus(path, limit);
  if (docs.empty()) {
    std::fprintf(stderr, "no documents in %s\n", path.c_str());
    return 1;
  }
  const size_t bytes = bench::RawBytes(docs);
  extract::ExtractOptions extract_options;
  for (const extract::ExtractError& e : extract::ExtractBatch(extract_options, &docs)) {
    std::fprintf(stderr, "%s: %s\n", e.source.c_str(), e.reason.c_str());
  }
  collection::CollectionOptions options;
  options.threads = threads;
  options.batch_size = batch;
  std::printf("%zu documents (%.1f MB), batches of %zu, %d threads, database %s\n", docs.size(),
              bytes / 1e6, batch, threads > 0 ? threads : HardwareThreads(), db.c_str());

  std::unique_ptr<collection::Collection> c;
  const double open_new = bench::TimeSeconds([&] {
    auto opened = collection::Collection::Open(db, options);
    if (!opened.ok()) {
      std::fprintf(stderr, "%s\n", opened.status().ToString().c_str());
      std::exit(1);
    }
    c = std::move(*opened);
  });
  (void)open_new;
  collection::IngestResult first;
  const double ingest = bench::TimeSeconds([&] {
    auto r = c->Ingest(docs);
    if (!r.ok()) {
      std::fprintf(stderr, "%s\n", r.status().ToString().c_str());
      std::exit(1);
    }
    first = std::move(*r);
  });
  bench::PrintRate("ingest (all new)", docs.size(), bytes, ingest);
  const int64_t stories = *c->store().StoryCount();
  const int64_t stored = *c->store().DocumentCount();
  std::printf("  %lld documents stored, %lld stories, %zu story writes\n",
              static_cast<long long>(stored), static_cast<long long>(stories),
              first.stories_updated);
  c.reset();

  const double reopen = bench::TimeSeconds([&] {
    auto opened = collection::Collection::Open(db, options);
    if (!opened.ok()) std::exit(1);
    c = std::move(*opened);
  });
  bench::PrintRate("reopen (index rebuilt)", static_cast<size_t>(stored), bytes, reopen);
  const double again = bench::TimeSeconds([&] {
    auto r = c->Ingest(docs);
    if (!r.ok() || r->stories_updated != 0) std::exit(1);
  });
  bench::PrintRate("ingest again (all stored)", docs.size(), bytes, again);
  c.reset();
  std::error_code ec;
  const auto size = std::filesystem::file_size(db, ec);
  std::printf("database: %.1f MB (%.1f KB per document)\n", size / 1e6,
              size / 1e3 / static_cast<double>(stored));
  if (!keep) remove_db();
  return 0;
}
