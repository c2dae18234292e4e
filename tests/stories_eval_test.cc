// Story clustering quality floors on ../shared (label corpus): the
// roundups-dev events (bench/stories_eval prints the full scores) and the
// five seed reports, which tell one story.
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "base/document.h"
#include "bench/corpus_util.h"
#include "bench/stories_metric.h"
#include "extract/extractor.h"
#include "gtest/gtest.h"
#include "stories/stories.h"

namespace rashomon {
namespace {

// Clusters `docs` after extraction; returns each document's story id.
std::vector<int64_t> Cluster(std::vector<Document>* docs) {
  extract::ExtractOptions options;
  options.clean.threads = 2;
  EXPECT_TRUE(extract::ExtractBatch(options, docs).empty());
  std::vector<std::string> texts;
  for (const Document& d : *docs) texts.push_back(d.ArticleText());
  std::vector<stories::StoryInput> inputs;
  for (size_t i = 0; i < docs->size(); ++i) {
    const Document& d = (*docs)[i];
    inputs.push_back({d.title, texts[i], d.language, d.published});
  }
  stories::StoryOptions story_options;
  story_options.threads = 2;
  stories::StoryIndex index(story_options);
  index.Add(inputs);
  std::vector<int64_t> ids;
  for (size_t i = 0; i < docs->size(); ++i) {
    ids.push_back(static_cast<int64_t>(index.Stories()[index.StoryOf(i)].id));
  }
  return ids;
}

TEST(StoriesEvalTest, RoundupsPairwiseF1) {
  const std::string path = RSH_SHARED_DIR "/data/roundups-dev/articles.jsonl";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << path << " absent";
  std::map<std::string, int64_t> label_of;
  std::ifstream in(path);
  for (std::string line; std::getline(in, line);) {
    const nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_object()) label_of[j["id"].get<std::string>()] = j["event"].get<int64_t>();
  }
  std::vector<Document> docs = bench::LoadCorpus(path, 0);
  ASSERT_EQ(docs.size(), 749u);
  const std::vector<int64_t> clusters = Cluster(&docs);
  std::vector<int64_t> labels;
  for (const Document& d : docs) labels.push_back(label_of.at(d.source));
  const bench::ClusterScores s = bench::ScoreClusters(labels, clusters);
  std::printf("roundups-dev: pairwise P %.3f R %.3f F1 %.3f, BCubed F1 %.3f\n", s.pair_precision,
              s.pair_recall, s.pair_f1, s.bcubed_f1);
  EXPECT_GE(s.pair_f1, 0.70);
  EXPECT_GE(s.bcubed_f1, 0.80);
}

TEST(StoriesEvalTest, SeedsAreOneStory) {
  const std::string path = RSH_SHARED_DIR "/corpus/seeds";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << path << " absent";
  std::vector<Document> docs = bench::LoadCorpus(path, 0);
  ASSERT_EQ(docs.size(), 5u);  // gold.json is not a report.
  const std::vector<int64_t> clusters = Cluster(&docs);
  for (int64_t c : clusters) EXPECT_EQ(c, clusters.front());
}

TEST(ScoreClustersTest, KnownValues) {
  // Labels {a a b}, clusters {x x x}: 1 true pair of 3 predicted.
  const bench::ClusterScores s = bench::ScoreClusters({1, 1, 2}, {7, 7, 7});
  EXPECT_DOUBLE_EQ(s.pair_precision, 1.0 / 3);
  EXPECT_DOUBLE_EQ(s.pair_recall, 1.0);
  EXPECT_DOUBLE_EQ(s.bcubed_precision, (2.0 / 3 * 2 + 1.0 / 3) / 3);
  EXPECT_DOUBLE_EQ(s.bcubed_recall, 1.0);
  const bench::ClusterScores perfect = bench::ScoreClusters({1, 1, 2}, {5, 5, 9});
  EXPECT_DOUBLE_EQ(perfect.pair_f1, 1.0);
  EXPECT_DOUBLE_EQ(perfect.bcubed_f1, 1.0);
}

}  // namespace
}  // namespace rashomon
