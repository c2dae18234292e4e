// Corpus-level checks of cleaning across modules (ingest + extract).
#include <gtest/gtest.h>

#include <filesystem>
#include <vector>

#include "base/file_system.h"
#include "extract/cleaner.h"
#include "extract/paragraph_retention.h"
#include "ingest/ingest.h"

namespace rashomon {
namespace {

// The perf corpus is article prose: cleaning must keep at least 99% of its
// body paragraphs (bench/clean_corpus prints the exact figures).
TEST(CorpusTest, CleanKeepsBodyParagraphsOfPerfArticles) {
  std::string path = RSH_SHARED_DIR "/data/perf/articles.jsonl.zst";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "no " << path;
  std::vector<Document> docs;
  ingest::ReadInputs(
      {path}, ingest::IngestOptions(), RealFileSystem(),
      [&](Document d) {
        if (docs.size() < 1000) docs.push_back(std::move(d));
      },
      [](const ingest::InputError&) {});
  ASSERT_EQ(docs.size(), 1000u);
  extract::CleanOptions options;
  options.threads = 2;
  extract::CleanBatch(options, &docs);
  extract::RetentionStats r = extract::MeasureRetention(docs);
  EXPECT_GT(r.paragraphs, 19000u);
  EXPECT_GE(r.ParagraphRatio(), 0.99) << r.paragraphs_kept << " of " << r.paragraphs;
  // The corpus still carries ad markers, "Read more:" teasers and newsletter
  // pitches, which do go; the bound guards against mass removal.
  EXPECT_GE(r.LineRatio(), 0.93) << r.lines_kept << " of " << r.lines;
}

}  // namespace
}  // namespace rashomon
