// API latency of `rashomon serve` (server/server.h): GET /api/stories/{id}
// over loopback on a store holding the perf corpus (../shared/data/perf/).
//
// Builds the store first, unless --db names a database that holds
// documents already (e.g. one kept by `ingest_store --db FILE`): the first
// LIMIT articles are read and extracted (untimed), then stored through
// collection::Collection::Ingest in batches of 500 (timed: documents/s).
// Then starts the server on a free loopback port and sends REQUESTS
// requests for story ids drawn at random (seeded) from every stored story,
// from CLIENTS client threads, each on one keep-alive connection, after
// 200 untimed warm-up requests. Prints p50, p90, p99 and the largest
// latency, requests/s and the mean response size; every answer must be 200.
//
//   api_latency [PATH] [LIMIT] [--db FILE] [--requests N] [--clients N]
//               [--threads N] [--ingest-threads N]
//
// LIMIT defaults to 0 (the whole corpus), REQUESTS to 20,000, CLIENTS to 2,
// server threads to 8, ingest threads to all cores. Without --db the
// database is a temporary file removed at the end; with --db it is kept.
#include <httplib.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <memory>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "base/parallel.h"
#include "bench/corpus_util.h"
#include "collection/collection.h"
#include "extract/extractor.h"
#include "server/server.h"
#include "store/store.h"

using namespace rashomon;

namespace {

struct Args {
  std::string path = RSH_SHARED_DIR "/data/perf/articles.jsonl.zst";
  size_t limit = 0;
  std::string db;
  size_t requests = 20000;
  int clients = 2;
  int threads = 8;
  int ingest_threads = 0;
};

bool ParseArgs(int argc, char** argv, Args* a) {
  int positional = 0;
  for (int i = 1; i < argc; ++i) {
    const bool has_value = i + 1 < argc;
    if (std::strcmp(argv[i], "--db") == 0 && has_value) {
      a->db = argv[++i];
    } else if (std::strcmp(argv[i], "--requests") == 0 && has_value) {
      a->requests = std::strtoul(argv[++i], nullptr, 10);
    } else if (std::strcmp(argv[i], "--clients") == 0 && has_value) {
      a->clients = std::atoi(argv[++i]);
    } else if (std::strcmp(argv[i], "--threads") == 0 && has_value) {
      a->threads = std::atoi(argv[++i]);
    } else if (std::strcmp(argv[i], "--ingest-threads") == 0 && has_value) {
      a->ingest_threads = std::atoi(argv[++i]);
    } else if (argv[i][0] == '-' && argv[i][1] == '-') {
      return false;
    } else if (positional == 0) {
      if (argv[i][0] != 0) a->path = argv[i];
      ++positional;
    } else if (positional == 1) {
      a->limit = std::strtoul(argv[i], nullptr, 10);
      ++positional;
    } else {
      return false;
    }
  }
  return a->requests > 0 && a->clients > 0 && a->threads > 0;
}

// Reads, extracts and ingests the corpus into `db`, printing documents/s.
bool BuildStore(const Args& args, const std::string& db) {
  std::vector<Document> docs = bench::LoadCorpus(args.path, args.limit);
  if (docs.empty()) {
    std::fprintf(stderr, "no documents in %s\n", args.path.c_str());
    return false;
  }
  const size_t bytes = bench::RawBytes(docs);
  extract::ExtractOptions extract_options;
  extract_options.clean.threads = args.ingest_threads > 0 ? args.ingest_threads : HardwareThreads();
  for (const extract::ExtractError& e : extract::ExtractBatch(extract_options, &docs)) {
    std::fprintf(stderr, "%s: %s\n", e.source.c_str(), e.reason.c_str());
  }
  collection::CollectionOptions options;
  options.threads = args.ingest_threads;
  auto c = collection::Collection::Open(db, options);
  if (!c.ok()) {
    std::fprintf(stderr, "%s\n", c.status().ToString().c_str());
    return false;
  }
  bool ok = true;
  const double seconds = bench::TimeSeconds([&] {
    auto r = (*c)->Ingest(docs);
    if (!r.ok()) {
      std::fprintf(stderr, "%s\n", r.status().ToString().c_str());
      ok = false;
    }
  });
  if (ok) bench::PrintRate("ingest (Collection::Ingest)", docs.size(), bytes, seconds);
  return ok;
}

// Every stored story id.
std::vector<int64_t> StoryIds(const std::string& db) {
  std::vector<int64_t> ids;
  auto store = store::Store::Open(db);
  if (!store.ok()) return ids;
  auto links = (*store)->StoryDocuments();
  if (!links.ok()) return ids;
  for (const auto& [story, doc] : *links) {
    if (ids.empty() || ids.back() != story) ids.push_back(story);
  }
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids;
}

double Percentile(const std::vector<double>& sorted, double p) {
  const size_t i = std::min(sorted.size() - 1, static_cast<size_t>(p * sorted.size()));
  return sorted[i];
}

}  // namespace

int main(int argc, char** argv) {
  Args args;
  if (!ParseArgs(argc, argv, &args)) {
    std::fprintf(stderr,
                 "usage: api_latency [PATH] [LIMIT] [--db FILE] [--requests N] [--clients N] "
                 "[--threads N] [--ingest-threads N]\n");
    return 1;
  }
  const bool keep = !args.db.empty();
  std::string db = args.db;
  if (!keep) {
    db = (std::filesystem::temp_directory_path() /
          ("rsh_api_latency_" + std::to_string(::getpid()) + ".db"))
             .string();
  }
  auto remove_db = [&] {
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(db + suffix);
  };
  int64_t stored = 0;
  if (keep && std::filesystem::exists(db)) {
    auto store = store::Store::Open(db);
    if (store.ok()) stored = (*store)->DocumentCount().ok() ? *(*store)->DocumentCount() : 0;
  }
  if (stored == 0 && !BuildStore(args, db)) return 1;
  std::vector<int64_t> story_ids = StoryIds(db);
  {
    auto store = store::Store::Open(db);
    stored = store.ok() && (*store)->DocumentCount().ok() ? *(*store)->DocumentCount() : 0;
  }
  std::printf("database %s: %lld documents, %zu stories\n", db.c_str(),
              static_cast<long long>(stored), story_ids.size());
  if (story_ids.empty()) return 1;

  server::ServerOptions options;
  options.db_path = db;
  options.port = 0;
  options.threads = args.threads;
  server::Server server(options);
  auto port = server.Start();
  if (!port.ok()) {
    std::fprintf(stderr, "%s\n", port.status().ToString().c_str());
    return 1;
  }

  std::atomic<size_t> failures{0}, response_bytes{0};
  std::vector<std::vector<double>> latencies(args.clients);
  auto run_client = [&](int client, size_t n, bool record) {
    httplib::Client http("127.0.0.1", *port);
    http.set_keep_alive(true);
    http.set_tcp_nodelay(true);
    std::mt19937_64 rng(12345 + client);
    std::uniform_int_distribution<size_t> pick(0, story_ids.size() - 1);
    for (size_t i = 0; i < n; ++i) {
      const std::string path = "/api/stories/" + std::to_string(story_ids[pick(rng)]);
      const auto t0 = std::chrono::steady_clock::now();
      httplib::Result r = http.Get(path);
      const double ms =
          std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
      if (!r || r->status != 200) {
        ++failures;
        continue;
      }
      if (record) {
        latencies[client].push_back(ms);
        response_bytes += r->body.size();
      }
    }
  };
  run_client(0, 200, false);  // Warm-up: page cache, connections, allocators.

  std::vector<std::thread> clients;
  const double seconds = bench::TimeSeconds([&] {
    for (int c = 0; c < args.clients; ++c) {
      const size_t n = args.requests / args.clients +
                       (c < static_cast<int>(args.requests % args.clients) ? 1 : 0);
      clients.emplace_back(run_client, c, n, true);
    }
    for (std::thread& t : clients) t.join();
  });
  server.Stop();
  server.Wait();

  std::vector<double> all;
  for (const auto& l : latencies) all.insert(all.end(), l.begin(), l.end());
  std::sort(all.begin(), all.end());
  if (all.empty()) {
    std::fprintf(stderr, "no successful request (%zu failures)\n", failures.load());
    return 1;
  }
  std::printf(
      "GET /api/stories/{id}: %zu requests, %d clients, %d server threads: p50 %.2f ms, p90 "
      "%.2f ms, p99 %.2f ms, max %.2f ms, %.0f requests/s, mean response %.1f KB, %zu failures\n",
      all.size(), args.clients, args.threads, Percentile(all, 0.50), Percentile(all, 0.90),
      Percentile(all, 0.99), all.back(), all.size() / seconds,
      response_bytes.load() / 1e3 / all.size(), failures.load());
  if (!keep) remove_db();
  return failures == 0 ? 0 : 1;
}
