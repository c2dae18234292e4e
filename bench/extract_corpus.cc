// Corpus benchmark of HTML extraction: single-thread HTML -> article
// throughput of extract::ExtractBatch on the extraction-dev pages
// (../shared/data/extraction-dev). The pages are read and inflated first,
// untimed; then each round extracts a fresh copy of all of them as one
// batch, and the median and best rounds are printed as pages/s and MB/s of
// HTML.
//
//   extract_corpus [DIR] [ROUNDS]   (ROUNDS default 5)
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "bench/extraction_data.h"

using namespace rashomon;

namespace {

void PrintRate(const char* name, size_t pages, size_t bytes, double seconds) {
  std::printf("%-34s %8zu docs %8.1f MB %8.3f s %10.1f docs/s %8.2f MB/s\n", name, pages,
              bytes / 1e6, seconds, pages / seconds, bytes / 1e6 / seconds);
}

}  // namespace

int main(int argc, char** argv) {
  std::string dir = argc > 1 && argv[1][0] != 0 ? argv[1] : RSH_SHARED_DIR "/data/extraction-dev";
  int rounds = argc > 2 ? std::max(1, std::atoi(argv[2])) : 5;
  bench::Dataset dev = bench::LoadExtractionDev(dir);
  for (const std::string& e : dev.errors) std::fprintf(stderr, "%s\n", e.c_str());
  if (dev.pages.empty()) {
    std::fprintf(stderr, "no pages in %s\n", dir.c_str());
    return 1;
  }
  const std::vector<Document> input = bench::MakeDocuments(dev);
  const size_t bytes = dev.HtmlBytes();
  const extract::ExtractOptions options = bench::ExtractOptionsForEval();

  // Checked once before timing: every page must come out as an article.
  {
    std::vector<Document> docs = input;
    std::vector<extract::ExtractError> errors = extract::ExtractBatch(options, &docs);
    size_t empty = 0;
    for (const Document& d : docs) empty += d.blocks.empty();
    std::printf("extract on %s: %zu pages, %zu rejected, %zu without text\n", dir.c_str(),
                input.size(), errors.size(), empty);
  }
  std::vector<double> seconds;
  for (int round = 0; round < rounds; ++round) {
    std::vector<Document> docs = input;  // Copied untimed.
    const auto t0 = std::chrono::steady_clock::now();
    extract::ExtractBatch(options, &docs);
    seconds.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
  }
  std::sort(seconds.begin(), seconds.end());
  PrintRate("extract threads=1 (median round)", input.size(), bytes, seconds[seconds.size() / 2]);
  PrintRate("extract threads=1 (best round)", input.size(), bytes, seconds.front());
  return 0;
}
