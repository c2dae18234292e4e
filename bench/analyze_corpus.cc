// The whole analysis (`rashomon analyze`) on the perf corpus
// (../shared/data/perf/): the first LIMIT articles are read (ingest) and
// extracted in batches of 2,000 as the CLI does (cli/command_util.cc
// LoadDocuments), then pipeline::Analyze runs, then the report is built and
// rendered (report::BuildReport, the JSON text, RenderMarkdown,
// RenderHtml; files are not written) and everything is freed, as the CLI
// does before it exits. Each phase is timed on its own, on one thread and
// on all cores (or on --threads N only), and printed as documents/s and
// MB/s of the raw input (wall time), with the process's CPU time (and its
// kernel part) and the cores kept busy, then the total.
//
// Analyze's stages (article texts, copies, stories, claims, per-story
// resolution and crosscheck) are timed from outside by running the same
// library calls again in the same order (a copy of pipeline/analyze.cc, to
// keep in step with it); their sum should be close to the Analyze time, and
// the story count of both must agree (checked). The digest of the stories
// and their conflicts must not depend on the thread count.
//
//   analyze_corpus [PATH] [LIMIT] [--threads N]
//
// LIMIT defaults to 5,000 (0: all). Ingest is single-threaded and timed
// once, until the LIMIT-th document arrives (the rest of the file is read
// untimed). Peak memory: about 1.6 GB for 5,000 articles, 6.4 GB for
// 20,000 (the report JSON is ~5.6 times the input).
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "base/iso_time.h"
#include "base/parallel.h"
#include "bench/corpus_util.h"
#include "claims/claims.h"
#include "claims/dates.h"
#include "crosscheck/crosscheck.h"
#include "dedup/dedup.h"
#include "extract/extractor.h"
#include "pipeline/analyze.h"
#include "report/report.h"
#include "stories/stories.h"

using namespace rashomon;

namespace {

constexpr size_t kExtractBatch = 2000;  // As cli/command_util.cc LoadDocuments.

struct Args {
  std::string path = RSH_SHARED_DIR "/data/perf/articles.jsonl.zst";
  size_t limit = 5000;
  int threads = 0;  // 0: 1 thread, then all cores.
};

bool ParseArgs(int argc, char** argv, Args* args) {
  int positional = 0;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--threads") == 0 && i + 1 < argc) {
      args->threads = std::atoi(argv[++i]);
      if (args->threads <= 0) return false;
    } else if (argv[i][0] == '-' && argv[i][1] == '-') {
      return false;
    } else if (positional == 0) {
      if (argv[i][0] != 0) args->path = argv[i];
      ++positional;
    } else if (positional == 1) {
      args->limit = std::strtoul(argv[i], nullptr, 10);
      ++positional;
    } else {
      return false;
    }
  }
  return true;
}

// Wall-clock and process CPU seconds (all threads; `sys` of them in the
// kernel: page faults, mmap and munmap of large blocks) of a step. CPU /
// wall is the number of cores the step kept busy.
struct Cost {
  double wall = 0;
  double cpu = 0;
  double sys = 0;
  Cost operator+(const Cost& o) const { return {wall + o.wall, cpu + o.cpu, sys + o.sys}; }
  Cost operator-(const Cost& o) const { return {wall - o.wall, cpu - o.cpu, sys - o.sys}; }
};

// Wall time since an arbitrary start, and the process's CPU times.
Cost Now() {
  rusage usage{};
  ::getrusage(RUSAGE_SELF, &usage);
  auto seconds = [](const timeval& t) {
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) * 1e-6;
  };
  const double wall =
      std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
  const double sys = seconds(usage.ru_stime);
  return {wall, seconds(usage.ru_utime) + sys, sys};
}

template <typename F>
Cost Measure(F&& f) {
  const Cost start = Now();
  f();
  return Now() - start;
}

// One result line: name, documents, MB, wall seconds, documents/s and MB/s
// (of wall time), CPU seconds (of which in the kernel) and cores used.
void Print(const char* name, size_t docs, size_t bytes, const Cost& c) {
  std::printf(
      "%-36s %6zu docs %5.1f MB %8.3f s %7.0f docs/s %6.2f MB/s  cpu %7.3f s (sys %6.3f) %4.2f "
      "cores\n",
      name, docs, bytes / 1e6, c.wall, docs / c.wall, bytes / 1e6 / c.wall, c.cpu, c.sys,
      c.cpu / c.wall);
}

// The first `limit` documents of `path` (0: all); `*cost` is the time
// until the last of them arrived.
std::vector<Document> LoadFirst(const std::string& path, size_t limit, Cost* cost) {
  std::vector<Document> docs;
  const Cost start = Now();
  Cost last = start;
  ingest::ReadInputs(
      {path}, ingest::IngestOptions{}, RealFileSystem(),
      [&](Document d) {
        if (limit != 0 && docs.size() >= limit) return;
        docs.push_back(std::move(d));
        last = Now();
      },
      [](const ingest::InputError& e) {
        std::fprintf(stderr, "%s: %s\n", e.source.c_str(), e.reason.c_str());
      });
  *cost = last - start;
  return docs;
}

// As pipeline/analyze.cc: days since 1970-01-01, or claims::kNoDay.
int64_t PublishedDay(const std::string& published) {
  int64_t millis = 0;
  if (published.empty() || !ParseIsoInstant(published, &millis)) return claims::kNoDay;
  constexpr int64_t kMillisPerDay = 86400000;
  return millis >= 0 ? millis / kMillisPerDay : -((-millis + kMillisPerDay - 1) / kMillisPerDay);
}

struct Timing {
  const char* name;
  Cost cost;
};

// What Analyze's stages hand on to each other, when re-run from outside.
struct StageState {
  std::vector<std::string> texts;
  std::vector<int> duplicate_of;
  std::vector<stories::Story> stories;
  std::vector<claims::DocumentClaims> claims;
  // Per story, kept as Analyze keeps them (freeing them is not a stage).
  std::vector<std::vector<claims::DocumentClaims>> story_claims;
  std::vector<crosscheck::StoryCheck> checks;
};

void FindCopies(const std::vector<Document>& docs, int threads, StageState* st) {
  std::vector<dedup::DedupInput> inputs(docs.size());
  for (size_t i = 0; i < docs.size(); ++i) inputs[i] = {st->texts[i], docs[i].published};
  dedup::DedupOptions options;
  options.threads = threads;
  st->duplicate_of.assign(docs.size(), -1);
  for (const dedup::CopyGroup& g : dedup::FindCopies(inputs, options)) {
    for (const dedup::CopyMember& m : g.members) {
      if (m.index != g.representative)
        st->duplicate_of[m.index] = static_cast<int>(g.representative);
    }
  }
}

void FindStories(const std::vector<Document>& docs, int threads, StageState* st) {
  std::vector<stories::StoryInput> inputs(docs.size());
  for (size_t i = 0; i < docs.size(); ++i) {
    inputs[i] = {docs[i].title, st->texts[i], docs[i].language, docs[i].published};
  }
  stories::StoryOptions options;
  options.threads = threads;
  stories::StoryIndex index(options);
  index.Add(inputs);
  st->stories = index.Stories();
}

void FindClaims(const std::vector<Document>& docs, int threads, StageState* st) {
  const size_t n = docs.size();
  st->claims.assign(n, {});
  const size_t workers = std::min(n, static_cast<size_t>(threads));
  ParallelFor(workers, threads, [&](size_t w) {
    claims::ClaimAnalyzer analyzer;  // One a worker, as Analyze does.
    for (size_t i = w; i < n; i += workers) {
      claims::ClaimOptions options;
      options.language = docs[i].language == "und" ? "" : docs[i].language;
      options.published_day = PublishedDay(docs[i].published);
      st->claims[i] = analyzer.Analyze(st->texts[i], options);
    }
  });
}

void CheckStory(const std::vector<Document>& docs, size_t k, StageState* st) {
  const stories::Story& s = st->stories[k];
  std::vector<claims::DocumentClaims>& story_claims = st->story_claims[k];
  std::unordered_map<size_t, int> local;
  for (size_t j = 0; j < s.documents.size(); ++j) {
    local[s.documents[j]] = static_cast<int>(j);
    story_claims.push_back(std::move(st->claims[s.documents[j]]));
  }
  claims::ResolveStory(&story_claims);
  std::vector<crosscheck::StoryDocument> inputs;
  for (size_t j = 0; j < s.documents.size(); ++j) {
    const size_t d = s.documents[j];
    crosscheck::StoryDocument sd;
    sd.source = docs[d].source;
    sd.language =
        docs[d].language == "und" ? std::string_view() : std::string_view(docs[d].language);
    sd.text = st->texts[d];
    sd.claims = &story_claims[j];
    if (st->duplicate_of[d] >= 0) {
      auto it = local.find(static_cast<size_t>(st->duplicate_of[d]));
      if (it != local.end()) sd.copy_of = it->second;
    }
    inputs.push_back(sd);
  }
  st->checks[k] = crosscheck::Crosscheck(inputs);
}

// Analyze's stages, run again from outside with the same calls in the same
// order; appends their times to `out` and returns the number of stories
// (to check against Analyze).
size_t TimeStages(const std::vector<Document>& docs, int threads, std::vector<Timing>* out) {
  StageState st;
  st.texts.resize(docs.size());
  out->push_back({"  texts (ArticleText)", Measure([&] {
                    ParallelFor(docs.size(), threads,
                                [&](size_t i) { st.texts[i] = docs[i].ArticleText(); });
                  })});
  out->push_back(
      {"  copies (dedup::FindCopies)", Measure([&] { FindCopies(docs, threads, &st); })});
  out->push_back(
      {"  stories (StoryIndex::Add)", Measure([&] { FindStories(docs, threads, &st); })});
  out->push_back({"  claims (ClaimAnalyzer)", Measure([&] { FindClaims(docs, threads, &st); })});
  st.story_claims.resize(st.stories.size());
  st.checks.resize(st.stories.size());
  out->push_back({"  resolve + crosscheck", Measure([&] {
                    ParallelFor(st.stories.size(), threads,
                                [&](size_t k) { CheckStory(docs, k, &st); });
                  })});
  return st.stories.size();
}

// FNV-1a over the stories' documents and conflict counts, in their order
// (equal digests: identical analyses, e.g. across thread counts).
uint64_t Digest(const pipeline::Analysis& a) {
  uint64_t h = 0xcbf29ce484222325ULL;
  auto mix = [&h](uint64_t v) {
    h ^= v;
    h *= 0x100000001b3ULL;
  };
  for (const pipeline::AnalyzedStory& s : a.stories) {
    for (size_t d : s.documents) mix(d);
    mix(s.check.conflicts.size());
    mix(~uint64_t{0});
  }
  return h;
}

// Builds and renders the report of `analysis` as `rashomon analyze` does
// (files aside), printing each step's rate and a summary; returns the
// seconds of all steps.
Cost TimeReport(const std::vector<Document>& docs, const pipeline::Analysis& analysis,
                size_t bytes) {
  nlohmann::json report;
  std::string json_text, md_text, html_text;
  const Cost build_cost = Measure([&] { report = report::BuildReport(docs, analysis); });
  const Cost dump_cost = Measure(
      [&] { json_text = report.dump(2, ' ', false, nlohmann::json::error_handler_t::replace); });
  const Cost markdown_cost = Measure([&] { md_text = report::RenderMarkdown(report); });
  const Cost html_cost = Measure([&] { html_text = report::RenderHtml(report); });
  Print("report: BuildReport", docs.size(), bytes, build_cost);
  Print("report: JSON text (dump)", docs.size(), bytes, dump_cost);
  Print("report: RenderMarkdown", docs.size(), bytes, markdown_cost);
  Print("report: RenderHtml", docs.size(), bytes, html_cost);
  Print("report: BuildReport + RenderHtml", docs.size(), bytes, build_cost + html_cost);

  size_t conflicts = 0, brief = 0, copies = 0, multi = 0;
  for (const pipeline::AnalyzedStory& s : analysis.stories) {
    conflicts += s.check.conflicts.size();
    multi += s.documents.size() > 1;
  }
  for (const auto& s : report["stories"]) brief += s["brief"].size();
  for (int d : analysis.duplicate_of) copies += d >= 0;
  std::printf(
      "  %zu stories (%zu of 2+ documents), %zu copies, %zu conflicts, %zu brief items, digest "
      "%016llx; report.json %.1f MB, report.md %.1f MB, report.html %.1f MB\n",
      analysis.stories.size(), multi, copies, conflicts, brief,
      static_cast<unsigned long long>(Digest(analysis)), json_text.size() / 1e6,
      md_text.size() / 1e6, html_text.size() / 1e6);
  // `rashomon analyze` frees them before it exits.
  const Cost free_cost = Measure([&] {
    report = nlohmann::json();
    std::string().swap(json_text);
    std::string().swap(md_text);
    std::string().swap(html_text);
  });
  Print("report: free the JSON and texts", docs.size(), bytes, free_cost);
  return build_cost + dump_cost + markdown_cost + html_cost + free_cost;
}

// One configuration: extraction, analysis (whole and by stage), report.
void Run(const std::vector<Document>& raw_docs, Cost ingest_cost, int threads) {
  const size_t n = raw_docs.size();
  const size_t bytes = bench::RawBytes(raw_docs);
  std::printf("-- %d thread(s)\n", threads);

  std::vector<Document> docs = raw_docs;  // Extraction consumes the raw bytes.
  size_t rejected = 0;
  const Cost extract_cost = Measure([&] {
    extract::ExtractOptions options;
    options.clean.threads = threads;
    std::vector<Document> extracted;
    for (size_t b = 0; b < docs.size(); b += kExtractBatch) {
      std::vector<Document> batch(
          std::make_move_iterator(docs.begin() + b),
          std::make_move_iterator(docs.begin() + std::min(docs.size(), b + kExtractBatch)));
      rejected += extract::ExtractBatch(options, &batch).size();
      for (Document& d : batch) {
        d.raw.clear();
        d.raw.shrink_to_fit();
        extracted.push_back(std::move(d));
      }
    }
    docs = std::move(extracted);
  });
  Print("load: ingest (1 thread, shared)", n, bytes, ingest_cost);
  Print("load: extract", n, bytes, extract_cost);
  Print("load: ingest + extract", n, bytes, ingest_cost + extract_cost);

  pipeline::AnalyzeOptions options;
  options.threads = threads;
  pipeline::Analysis analysis;
  const Cost analyze_cost = Measure([&] { analysis = pipeline::Analyze(docs, options); });
  Print("pipeline::Analyze", docs.size(), bytes, analyze_cost);

  std::vector<Timing> stages;
  const size_t stage_stories = TimeStages(docs, threads, &stages);
  Cost stage_sum;
  for (const Timing& t : stages) {
    Print(t.name, docs.size(), bytes, t.cost);
    stage_sum = stage_sum + t.cost;
  }
  Print("  stages (re-run) in all", docs.size(), bytes, stage_sum);
  if (stage_stories != analysis.stories.size()) {
    std::fprintf(stderr, "analyze_corpus: stage re-run gave %zu stories, Analyze %zu\n",
                 stage_stories, analysis.stories.size());
    std::exit(1);
  }

  const Cost report_cost = TimeReport(docs, analysis, bytes);
  const Cost free_cost = Measure([&] { analysis = pipeline::Analysis(); });
  Print("free the Analysis", docs.size(), bytes, free_cost);
  Print("total (load, Analyze, reports, free)", n, bytes,
        ingest_cost + extract_cost + analyze_cost + report_cost + free_cost);
  std::printf("  %zu rejected by extraction\n", rejected);
}

}  // namespace

int main(int argc, char** argv) {
  Args args;
  if (!ParseArgs(argc, argv, &args)) {
    std::fprintf(stderr, "usage: analyze_corpus [PATH] [LIMIT] [--threads N]\n");
    return 1;
  }
  Cost ingest_cost;
  const std::vector<Document> docs = LoadFirst(args.path, args.limit, &ingest_cost);
  if (docs.empty()) {
    std::fprintf(stderr, "analyze_corpus: no documents in %s\n", args.path.c_str());
    return 1;
  }
  std::printf("analyze on %s: %zu documents, %.1f MB raw (rates below: of these)\n",
              args.path.c_str(), docs.size(), bench::RawBytes(docs) / 1e6);
  std::vector<int> thread_counts = {1, HardwareThreads()};
  if (args.threads > 0) thread_counts = {args.threads};
  for (int threads : thread_counts) Run(docs, ingest_cost, threads);
  return 0;
}
