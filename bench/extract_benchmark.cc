// Google Benchmark of HTML extraction (extract::ExtractBatch, one thread):
// BM_Extract_Page on one fixed, generated news page with the usual
// furniture (scripts, navigation, share bar, related links, footer), and
// BM_Extract_DevPages on the extraction-dev pages when ../shared is there.
#include <benchmark/benchmark.h>

#include <random>
#include <string>
#include <vector>

#include "base/document.h"
#include "bench/extraction_data.h"
#include "extract/extractor.h"

namespace rashomon {
namespace {

// A generated page of about 60 KB: 30 paragraphs of article prose inside
// <article>, the rest furniture.
std::string MakePage() {
  static const char* kWords[] = {"port", "ship",   "crew", "storm",   "officials", "said",
                                 "on",   "Monday", "the",  "harbour", "coast",     "guard",
                                 "fuel", "tonnes", "of",   "and",     "after",     "divers"};
  std::mt19937 rng(42);
  std::uniform_int_distribution<int> pick(0, 17);
  std::string h =
      "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
      "<title>Storm Closes The Harbour | Example Gazette</title>"
      "<meta property=\"og:title\" content=\"Storm Closes The Harbour\">"
      "<meta name=\"author\" content=\"Jane Roe\">"
      "<meta property=\"article:published_time\" content=\"2024-05-03T15:47:42+02:00\">"
      "<style>body{font-family:serif}.nav a{color:#333}</style>"
      "<script>window.dataLayer=[];function track(){return 1;}</script></head><body>"
      "<header><nav class=\"nav\"><ul>";
  for (int i = 0; i < 40; ++i) {
    h += "<li><a href=\"/section/" + std::to_string(i) + "\">Section " + std::to_string(i) +
         "</a></li>";
  }
  h += "</ul></nav></header><main><article><h1>Storm Closes The Harbour</h1>"
       "<p class=\"byline\">By Jane Roe</p><div class=\"share\"><a href=\"#\">Share</a>"
       "<a href=\"#\">Tweet</a></div>";
  for (int p = 0; p < 30; ++p) {
    h += "<p>";
    for (int w = 0; w < 60; ++w) {
      h += kWords[pick(rng)];
      h += w % 15 == 14 ? ". " : " ";
    }
    h += "end.</p>\n";
    if (p % 10 == 9) h += "<div class=\"ad\">Advertisement</div>";
  }
  h += "</article><aside><h2>Related</h2><ul>";
  for (int i = 0; i < 12; ++i) {
    h += "<li><a href=\"/story/" + std::to_string(i) + "\">Another storm story number " +
         std::to_string(i) + "</a></li>";
  }
  h += "</ul></aside></main><footer><p>Copyright 2024 Example Gazette. All rights reserved.</p>"
       "<script>track();</script></footer></body></html>";
  return h;
}

void BM_Extract_Page(benchmark::State& state) {
  Document page;
  page.source = "page.html";
  page.format = DocFormat::kHtml;
  page.raw = MakePage();
  const extract::ExtractOptions options = bench::ExtractOptionsForEval();
  {
    std::vector<Document> check = {page};
    std::vector<extract::ExtractError> errors = extract::ExtractBatch(options, &check);
    if (!errors.empty() || check.empty() || bench::ArticleBody(check[0]).size() < 10000) {
      state.SkipWithError("the generated page did not extract as an article");
    }
  }
  for (auto _ : state) {
    std::vector<Document> docs = {page};
    extract::ExtractBatch(options, &docs);
    benchmark::DoNotOptimize(docs.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * page.raw.size()));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
}
BENCHMARK(BM_Extract_Page)->Unit(benchmark::kMicrosecond);

void BM_Extract_DevPages(benchmark::State& state) {
  static const bench::Dataset dev = bench::LoadExtractionDev(RSH_SHARED_DIR "/data/extraction-dev");
  if (dev.pages.empty()) {
    state.SkipWithError("no ../shared/data/extraction-dev");
    return;
  }
  const std::vector<Document> input = bench::MakeDocuments(dev);
  const extract::ExtractOptions options = bench::ExtractOptionsForEval();
  for (auto _ : state) {
    std::vector<Document> docs = input;
    extract::ExtractBatch(options, &docs);
    benchmark::DoNotOptimize(docs.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * dev.HtmlBytes()));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * input.size()));
}
BENCHMARK(BM_Extract_DevPages)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace rashomon

BENCHMARK_MAIN();
