// Story clustering quality on ../shared/data/roundups-dev: pairwise and
// BCubed precision, recall and F1 of `stories` against the `event` labels
// (labels are read here only, never given to the clustering). The documents
// go through ingest and extraction as on the command line.
//
//   stories_eval [--data FILE] [--batches K] [--shuffle SEED] [--threads N]
//                [--misses N] [--absolute X] [--scaled X] [--rank K] [--entities X] [--prior X]
//
// --batches K adds the documents in K batches (incremental arrival);
// --shuffle permutes them first; --misses prints N wrongly joined or split
// pairs.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <vector>

#include "base/document.h"
#include "bench/corpus_util.h"
#include "bench/stories_metric.h"
#include "extract/extractor.h"
#include "stories/stories.h"

using namespace rashomon;

int main(int argc, char** argv) {
  std::string path = RSH_SHARED_DIR "/data/roundups-dev/articles.jsonl";
  int batches = 1, threads = 1, misses = 0;
  long shuffle = -1;
  stories::StoryOptions defaults;
  double absolute = defaults.absolute_join, scaled = defaults.scaled_join,
         entities = defaults.entity_share;
  int rank = defaults.scale_rank;
  double prior = defaults.idf_prior;
  double copy = defaults.copy_similarity;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--data")
      path = argv[i + 1];
    else if (flag == "--batches")
      batches = std::max(1, std::atoi(argv[i + 1]));
    else if (flag == "--shuffle")
      shuffle = std::atol(argv[i + 1]);
    else if (flag == "--threads")
      threads = std::atoi(argv[i + 1]);
    else if (flag == "--misses")
      misses = std::atoi(argv[i + 1]);
    else if (flag == "--absolute")
      absolute = std::atof(argv[i + 1]);
    else if (flag == "--scaled")
      scaled = std::atof(argv[i + 1]);
    else if (flag == "--rank")
      rank = std::atoi(argv[i + 1]);
    else if (flag == "--prior")
      prior = std::atof(argv[i + 1]);
    else if (flag == "--copy")
      copy = std::atof(argv[i + 1]);
    else if (flag == "--entities")
      entities = std::atof(argv[i + 1]);
    else {
      std::fprintf(stderr, "unknown flag %s\n", flag.c_str());
      return 2;
    }
  }
  // Labels by document id.
  std::map<std::string, int64_t> label_of;
  {
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty()) continue;
      const nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
      if (j.is_object() && j.contains("id") && j.contains("event")) {
        label_of[j["id"].get<std::string>()] = j["event"].get<int64_t>();
      }
    }
  }
  std::vector<Document> docs = bench::LoadCorpus(path, 0);
  if (docs.empty() || label_of.empty()) {
    std::fprintf(stderr, "stories_eval: no labelled documents in %s\n", path.c_str());
    return 1;
  }
  if (shuffle >= 0) {
    std::mt19937_64 rng(static_cast<uint64_t>(shuffle));
    std::shuffle(docs.begin(), docs.end(), rng);
  }
  extract::ExtractOptions options;
  options.clean.threads = std::max(1, threads);
  (void)extract::ExtractBatch(options, &docs);

  stories::StoryOptions story_options;
  story_options.threads = threads;
  story_options.absolute_join = absolute;
  story_options.scaled_join = scaled;
  story_options.scale_rank = rank;
  story_options.idf_prior = prior;
  story_options.copy_similarity = copy;
  story_options.entity_share = entities;
  stories::StoryIndex index(story_options);
  std::vector<std::string> texts(docs.size());
  std::vector<stories::StoryInput> inputs(docs.size());
  for (size_t i = 0; i < docs.size(); ++i) {
    texts[i] = docs[i].ArticleText();
    inputs[i] = {docs[i].title, texts[i], docs[i].language, docs[i].published};
  }
  const auto start = std::chrono::steady_clock::now();
  const size_t per_batch = (inputs.size() + batches - 1) / batches;
  for (size_t b = 0; b < inputs.size(); b += per_batch) {
    index.Add(std::vector<stories::StoryInput>(
        inputs.begin() + b, inputs.begin() + std::min(inputs.size(), b + per_batch)));
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

  std::vector<int64_t> labels, clusters;
  for (size_t i = 0; i < docs.size(); ++i) {
    auto it = label_of.find(docs[i].source);
    if (it == label_of.end()) continue;
    labels.push_back(it->second);
    clusters.push_back(static_cast<int64_t>(index.Stories()[index.StoryOf(i)].id));
  }
  const bench::ClusterScores s = bench::ScoreClusters(labels, clusters);
  std::map<int64_t, int> events;
  for (int64_t l : labels) events[l] = 1;
  std::printf("stories_eval: %zu documents, %zu events, %zu stories, %d batch(es)\n", labels.size(),
              events.size(), index.Stories().size(), batches);
  std::printf("pairwise  P %.3f  R %.3f  F1 %.3f\n", s.pair_precision, s.pair_recall, s.pair_f1);
  std::printf("BCubed    P %.3f  R %.3f  F1 %.3f\n", s.bcubed_precision, s.bcubed_recall,
              s.bcubed_f1);
  std::printf("clustering %.0f documents/s (%d thread(s))\n", docs.size() / seconds, threads);
  if (misses > 0) {
    int shown = 0;
    for (size_t i = 0; i < docs.size() && shown < misses; ++i) {
      for (size_t j = i + 1; j < docs.size() && shown < misses; ++j) {
        const bool same = label_of[docs[i].source] == label_of[docs[j].source];
        const bool joined = index.StoryOf(i) == index.StoryOf(j);
        if (same == joined) continue;
        std::printf("%s: %s | %s\n", joined ? "JOINED" : "SPLIT ", docs[i].title.c_str(),
                    docs[j].title.c_str());
        ++shown;
      }
    }
  }
  return 0;
}
