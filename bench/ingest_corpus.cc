// Corpus benchmark of ingest on the perf corpus (../shared/data/perf/):
// reading and decompressing a JSONL file into Documents, twice (the second
// run with a warm page cache). Prints documents/s and MB/s of text
// delivered (the sum of Document::raw) and MB/s of input file bytes (the
// compressed size for .jsonl.gz and .jsonl.zst).
//
//   ingest_corpus [PATH]
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <string>
#include <system_error>

#include "base/document.h"
#include "base/file_system.h"
#include "bench/corpus_util.h"
#include "ingest/ingest.h"

using namespace rashomon;

namespace {

// Bytes of the file at `path`, or of the regular files below it for a
// folder (including any that ingest skips); 0 when unknown.
uint64_t InputBytes(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::is_regular_file(path, ec)) {
    const uint64_t n = std::filesystem::file_size(path, ec);
    return ec ? 0 : n;
  }
  uint64_t total = 0;
  if (!std::filesystem::is_directory(path, ec)) return 0;
  for (auto it = std::filesystem::recursive_directory_iterator(path, ec);
       !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
    std::error_code size_ec;
    if (it->is_regular_file(size_ec)) {
      const uint64_t n = it->file_size(size_ec);
      if (!size_ec) total += n;
    }
  }
  return total;
}

}  // namespace

int main(int argc, char** argv) {
  std::string path =
      argc > 1 && argv[1][0] != 0 ? argv[1] : RSH_SHARED_DIR "/data/perf/articles.jsonl.zst";
  const uint64_t file_bytes = InputBytes(path);
  std::printf("ingest on %s\n", path.c_str());
  for (int run = 1; run <= 2; ++run) {
    size_t docs = 0, text_bytes = 0, errors = 0;
    ingest::IngestOptions options;
    double s = bench::TimeSeconds([&] {
      ingest::ReadInputs(
          {path}, options, RealFileSystem(),
          [&](Document d) {
            ++docs;
            text_bytes += d.raw.size();
          },
          [&](const ingest::InputError& e) {
            if (++errors <= 10)
              std::fprintf(stderr, "%s: %s\n", e.source.c_str(), e.reason.c_str());
          });
    });
    if (docs == 0) {
      std::fprintf(stderr, "no documents in %s\n", path.c_str());
      return 1;
    }
    if (errors > 0) std::fprintf(stderr, "%zu inputs rejected\n", errors);
    std::string name = "ingest run=" + std::to_string(run) + " text";
    bench::PrintRate(name.c_str(), docs, text_bytes, s);
    if (file_bytes > 0) {
      name = "ingest run=" + std::to_string(run) + " input file";
      bench::PrintRate(name.c_str(), docs, static_cast<size_t>(file_bytes), s);
    }
  }
  return 0;
}
