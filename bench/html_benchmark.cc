// Google Benchmark of the HTML parser (html::ParseHtml, one thread):
// BM_Parse_ExtractionDev parses the 91 pages of extraction-dev
// (../shared/data/extraction-dev/html/*.html.gz, inflated once before
// timing) and reports pages/s and MB/s; BM_Parse_GeneratedPage parses one
// fixed generated page, so there is a number without ../shared too.
#include <benchmark/benchmark.h>
#include <zlib.h>

#include <algorithm>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "html/parser.h"

namespace rashomon {
namespace {

// The inflated bytes of the gzip file at `path`; false when corrupt.
bool Gunzip(const std::string& path, std::string* out) {
  gzFile f = gzopen(path.c_str(), "rb");
  if (f == nullptr) return false;
  char buffer[1 << 16];
  int n;
  while ((n = gzread(f, buffer, sizeof(buffer))) > 0) out->append(buffer, static_cast<size_t>(n));
  int code = Z_OK;
  gzerror(f, &code);
  gzclose(f);
  return n == 0 && (code == Z_OK || code == Z_STREAM_END);
}

// The extraction-dev pages, sorted by file name; empty when absent.
const std::vector<std::string>& DevPages() {
  static const std::vector<std::string> pages = [] {
    std::vector<std::string> out;
    const std::filesystem::path dir =
        std::filesystem::path(RSH_SHARED_DIR) / "data" / "extraction-dev" / "html";
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec)) return out;
    std::vector<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
      const std::string name = entry.path().string();
      if (name.size() > 8 && name.compare(name.size() - 8, 8, ".html.gz") == 0) {
        names.push_back(name);
      }
    }
    std::sort(names.begin(), names.end());
    for (const std::string& name : names) {
      std::string html;
      if (Gunzip(name, &html)) out.push_back(std::move(html));
    }
    return out;
  }();
  return pages;
}

// True when `html` parses into a Dom with text in its body.
bool ParsesWithText(const std::string& html) {
  Result<html::Dom> dom = html::ParseHtml(html, html::ParseOptions());
  if (!dom.ok()) return false;
  for (html::NodeId n = dom->root(); n != html::kNoNode; n = dom->Next(n, dom->root())) {
    if (dom->tag(n) == html::Tag::kBody) return !dom->InnerText(n).empty();
  }
  return false;
}

void BM_Parse_ExtractionDev(benchmark::State& state) {
  const std::vector<std::string>& pages = DevPages();
  if (pages.empty()) {
    state.SkipWithError("no pages in " RSH_SHARED_DIR "/data/extraction-dev/html");
    return;
  }
  size_t bytes = 0;
  for (const std::string& page : pages) {
    bytes += page.size();
    if (!ParsesWithText(page)) {
      state.SkipWithError("an extraction-dev page did not parse into a body with text");
      return;
    }
  }
  const html::ParseOptions options;
  for (auto _ : state) {
    for (const std::string& page : pages) {
      Result<html::Dom> dom = html::ParseHtml(page, options);
      benchmark::DoNotOptimize(dom->size());
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * pages.size()));
  state.counters["pages"] = static_cast<double>(pages.size());
}
BENCHMARK(BM_Parse_ExtractionDev)->Unit(benchmark::kMillisecond);

// About 200 KB of typical article markup: head with meta and scripts,
// navigation lists, paragraphs with links and entities, a table.
std::string MakePage() {
  static const char* kWords[] = {
      "port",   "ship",  "crew",  "storm", "officials", "said",  "Monday",
      "the",    "coast", "&amp;", "fuel",  "tonnes",    "after", "&#8220;divers&#8221;",
      "&nbsp;", "of"};
  std::mt19937 rng(42);
  std::string h =
      "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
      "<title>Storm Closes The Harbour</title>";
  for (int i = 0; i < 20; ++i) {
    h += "<meta property=\"og:x" + std::to_string(i) + "\" content=\"value " + std::to_string(i) +
         "\">";
  }
  h += "<script>var data = {a: 1, b: '<div>'}; for (var i = 0; i < 10; i++) {}</script>"
       "<style>body { font: serif } .nav a { color: #333 }</style></head><body>"
       "<header><nav class=\"nav\"><ul>";
  for (int i = 0; i < 200; ++i) {
    h += "<li class=\"item\"><a href=\"/section/" + std::to_string(i) + "?a=1&amp;b=2\">Section " +
         std::to_string(i) + "</a>\n";
  }
  h += "</ul></nav></header><main><article><h1>Storm</h1>";
  for (int p = 0; p < 300; ++p) {
    h += "<p class=\"para\">";
    for (int w = 0; w < 60; ++w) {
      if (w % 20 == 19) h += "<a href=\"https://example.com/x\">link</a> ";
      h += kWords[rng() % 16];
      h += ' ';
    }
    h += "</p>\n";
  }
  h += "<table>";
  for (int r = 0; r < 50; ++r) h += "<tr><td>cell<td>" + std::to_string(r);
  h += "</table></article></main></body></html>";
  return h;
}

void BM_Parse_GeneratedPage(benchmark::State& state) {
  const std::string page = MakePage();
  if (!ParsesWithText(page)) {
    state.SkipWithError("the generated page did not parse into a body with text");
    return;
  }
  const html::ParseOptions options;
  for (auto _ : state) {
    Result<html::Dom> dom = html::ParseHtml(page, options);
    benchmark::DoNotOptimize(dom->size());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * page.size()));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
}
BENCHMARK(BM_Parse_GeneratedPage)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace rashomon

BENCHMARK_MAIN();
