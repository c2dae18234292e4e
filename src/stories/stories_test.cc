#include "stories/stories.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "stories/features.h"

namespace rashomon::stories {
namespace {

std::set<uint64_t> Ids(const std::vector<Term>& terms) {
  std::set<uint64_t> ids;
  for (const Term& t : terms) ids.insert(t.id);
  return ids;
}

TEST(FeaturizerTest, NamesMeetAcrossScriptsAndCase) {
  Featurizer f;
  const DocFeatures ru = f.Featurize({"", "Вчера ФМА сообщила о задержании.", "ru", ""});
  const DocFeatures en = f.Featurize({"", "On Monday the FMA said it detained him.", "en", ""});
  const DocFeatures title =
      f.Featurize({"", "Officials of the Fma declined to comment.", "en", ""});
  std::vector<uint64_t> shared;
  std::set<uint64_t> a = Ids(ru.entities), b = Ids(en.entities), c = Ids(title.entities);
  std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(shared));
  EXPECT_EQ(shared.size(), 1u);
  EXPECT_TRUE(c.count(shared.front()));
}

TEST(FeaturizerTest, NumbersNormaliseAndSentenceStartsAreNoNames) {
  Featurizer f;
  const DocFeatures en = f.Featurize({"", "Hospitals said 31,500 tonnes were lost.", "en", ""});
  const DocFeatures de = f.Featurize({"", "Es gingen 31.500 Tonnen verloren.", "de", ""});
  std::set<uint64_t> a = Ids(en.entities), b = Ids(de.entities);
  std::vector<uint64_t> shared;
  std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(shared));
  EXPECT_EQ(shared.size(), 1u);  // The number only.
  // "Hospitals" opens the sentence and is followed by a lower-case word.
  EXPECT_EQ(en.entities.size(), 1u);
  // Words of different languages never share ids.
  const DocFeatures fr = f.Featurize({"", "tonnes", "fr", ""});
  const DocFeatures en2 = f.Featurize({"", "tonnes", "en", ""});
  EXPECT_NE(fr.words.front().id, en2.words.front().id);
}

// The text reports of examples/: title on the first line, then the body.
struct Report {
  std::string name, title, text, language;
};

std::vector<Report> ExampleReports() {
  const std::vector<std::pair<std::string, std::string>> files = {
      {"01_wire.txt", "en"},           {"02_rewrite.txt", "en"},
      {"03_slideshow.txt", "en"},      {"04_ads.txt", "en"},
      {"05_translation_de.txt", "de"}, {"06_nearcopy.txt", "en"},
      {"07_summary_box.txt", "en"},    {"08_strike_wire.txt", "en"},
      {"09_strike_rewrite.txt", "en"}, {"10_strike_fr.txt", "fr"},
      {"11_festival.txt", "en"}};
  std::vector<Report> out;
  for (const auto& [name, language] : files) {
    std::ifstream in(std::string(RSH_SOURCE_DIR) + "/examples/" + name);
    std::stringstream ss;
    ss << in.rdbuf();
    const std::string all = ss.str();
    const size_t nl = all.find('\n');
    out.push_back({name, all.substr(0, nl), all.substr(nl + 1), language});
  }
  return out;
}

// Groups of file names, sorted, as a canonical partition.
std::set<std::set<std::string>> Partition(const StoryIndex& index,
                                          const std::vector<Report>& reports) {
  std::set<std::set<std::string>> out;
  for (const Story& s : index.Stories()) {
    std::set<std::string> names;
    for (size_t d : s.documents) names.insert(reports[d].name);
    out.insert(names);
  }
  return out;
}

std::vector<StoryInput> Inputs(const std::vector<Report>& reports) {
  std::vector<StoryInput> in;
  for (const Report& r : reports) in.push_back({r.title, r.text, r.language, ""});
  return in;
}

TEST(StoryIndexTest, ExamplesFormThePlantedStoriesAcrossLanguages) {
  const std::vector<Report> reports = ExampleReports();
  ASSERT_EQ(reports.size(), 11u);
  ASSERT_FALSE(reports[0].text.empty());
  StoryIndex index;
  index.Add(Inputs(reports));
  const std::set<std::set<std::string>> expected = {
      {"01_wire.txt", "02_rewrite.txt", "03_slideshow.txt", "04_ads.txt", "05_translation_de.txt",
       "06_nearcopy.txt", "07_summary_box.txt"},
      {"08_strike_wire.txt", "09_strike_rewrite.txt", "10_strike_fr.txt"},
      {"11_festival.txt"}};
  EXPECT_EQ(Partition(index, reports), expected);
  EXPECT_EQ(index.Stories().front().documents.size(), 7u);
}

TEST(StoryIndexTest, ShuffledInputGivesTheSameStories) {
  const std::vector<Report> reports = ExampleReports();
  StoryIndex reference;
  reference.Add(Inputs(reports));
  const auto expected = Partition(reference, reports);
  std::mt19937 rng(7);
  for (int round = 0; round < 5; ++round) {
    std::vector<Report> shuffled = reports;
    std::shuffle(shuffled.begin(), shuffled.end(), rng);
    StoryIndex index;
    index.Add(Inputs(shuffled));
    EXPECT_EQ(Partition(index, shuffled), expected) << "round " << round;
  }
}

TEST(StoryIndexTest, IncrementalBatchesKeepIdsAndJoinLaterReports) {
  const std::vector<Report> reports = ExampleReports();
  const std::vector<StoryInput> all = Inputs(reports);
  StoryIndex index;
  index.Add({all.begin(), all.begin() + 4});  // Four Corrin Bay reports.
  ASSERT_EQ(index.Stories().size(), 1u);
  const uint64_t first_id = index.Stories().front().id;
  index.Add({all.begin() + 4, all.begin() + 8});
  index.Add({all.begin() + 8, all.end()});
  EXPECT_EQ(index.size(), 11u);
  EXPECT_EQ(index.Stories()[index.StoryOf(0)].id, first_id);
  EXPECT_EQ(index.StoryOf(6), index.StoryOf(0));  // 07_summary_box came later.
  EXPECT_EQ(index.StoryOf(4), index.StoryOf(0));  // The German report.
  EXPECT_EQ(index.StoryOf(9), index.StoryOf(7));  // The French strike report.
  EXPECT_NE(index.StoryOf(7), index.StoryOf(0));
  EXPECT_GT(index.MemoryBytes(), 0u);
}

// `count` reports of `events` synthetic events, seeded: each event has its
// own names and words, every report mixes them with words common to all;
// some reports are German, all fall within a few weeks.
struct Synthetic {
  std::string title, text, language, published;
};

std::vector<Synthetic> SyntheticReports(int count, int events, uint32_t seed) {
  std::mt19937 rng(seed);
  auto pick = [&rng](int n) { return static_cast<int>(rng() % static_cast<uint32_t>(n)); };
  std::vector<Synthetic> out;
  for (int r = 0; r < count; ++r) {
    const int e = pick(events);
    std::string text;
    for (int w = 0; w < 120; ++w) {
      const int kind = pick(10);
      if (kind < 2) {
        text += "Name" + std::to_string(e) + "x" + std::to_string(pick(4)) + " ";
      } else if (kind < 5) {
        text += "event" + std::to_string(e) + "word" + std::to_string(pick(12)) + " ";
      } else if (kind < 6) {
        text += std::to_string(1000 + 7 * e + pick(3)) + " ";
      } else {
        text += "common" + std::to_string(pick(300)) + " ";
      }
      if (pick(12) == 0) text += ". ";
    }
    const std::string day = std::to_string(10 + pick(18));
    out.push_back({"Event " + std::to_string(e) + " report", text, r % 5 == 0 ? "de" : "en",
                   "2024-03-" + day});
  }
  return out;
}

std::string Describe(const StoryIndex& index) {
  std::ostringstream out;
  for (const Story& s : index.Stories()) {
    out << s.id << "@" << s.central << ":";
    for (size_t d : s.documents) out << d << ",";
    out << ";";
  }
  return out.str();
}

TEST(StoryIndexTest, ThreadCountsGiveIdenticalStories) {
  const std::vector<Synthetic> reports = SyntheticReports(600, 40, 11);
  std::vector<StoryInput> in;
  for (const Synthetic& r : reports) in.push_back({r.title, r.text, r.language, r.published});
  for (size_t batch : {in.size(), size_t{97}}) {
    SCOPED_TRACE(batch);
    std::string reference;
    for (int threads : {1, 2, 3}) {
      StoryOptions options;
      options.threads = threads;
      StoryIndex index(options);
      for (size_t b = 0; b < in.size(); b += batch) {
        index.Add({in.begin() + static_cast<ptrdiff_t>(b),
                   in.begin() + static_cast<ptrdiff_t>(std::min(in.size(), b + batch))});
      }
      const std::string got = Describe(index);
      if (threads == 1) {
        reference = got;
        EXPECT_GT(index.Stories().size(), 20u);  // Not one blob: a real clustering.
        EXPECT_LT(index.Stories().size(), 300u);
      } else {
        EXPECT_EQ(got, reference) << threads << " threads";
      }
    }
  }
}

TEST(StoryIndexTest, TimeGapSeparatesOtherwiseSimilarReports) {
  const std::string a = "The Harbour Council of Eastmoor voted to close the Linden Bridge.";
  const std::string b = "Eastmoor's Harbour Council voted on Tuesday to close the Linden Bridge.";
  StoryIndex near_in_time, far_in_time;
  near_in_time.Add({{"", a, "en", "2024-05-01"}, {"", b, "en", "2024-05-02"}});
  far_in_time.Add({{"", a, "en", "2024-05-01"}, {"", b, "en", "2025-02-01"}});
  EXPECT_EQ(near_in_time.Stories().size(), 1u);
  EXPECT_EQ(far_in_time.Stories().size(), 2u);
}

TEST(StoryIndexTest, BadInputsGiveSensibleStories) {
  std::vector<std::string> texts = {"", "", "word", "word", "   \n\t ", std::string("\xff\xfe", 2)};
  std::string huge;
  huge.reserve(8 << 20);
  for (int i = 0; i < 1000000; ++i) huge += "w" + std::to_string(i % 5000) + " ";
  texts.push_back(huge);
  std::vector<StoryInput> in;
  for (const std::string& t : texts) in.push_back({"", t, "", ""});
  StoryIndex index;
  index.Add(in);
  ASSERT_EQ(index.size(), texts.size());
  size_t total = 0;
  for (const Story& s : index.Stories()) total += s.documents.size();
  EXPECT_EQ(total, texts.size());
  EXPECT_EQ(index.StoryOf(0), index.StoryOf(1));  // Identical (empty) texts.
  EXPECT_EQ(index.StoryOf(2), index.StoryOf(3));  // Identical one-word texts.
  EXPECT_NE(index.StoryOf(2), index.StoryOf(6));
  index.Add({});  // An empty batch changes nothing.
  EXPECT_EQ(index.size(), texts.size());
  index.Add({StoryInput{}, StoryInput{}});  // Null views: empty reports.
  EXPECT_EQ(index.StoryOf(texts.size()), index.StoryOf(0));
  EXPECT_EQ(index.StoryOf(texts.size() + 1), index.StoryOf(0));
}

TEST(StoryIndexTest, TenThousandIdenticalReportsFormOneStory) {
  const std::string text =
      "Floods closed the Varrow valley railway after the river rose four metres overnight.";
  std::vector<StoryInput> in(10000, StoryInput{"Valley railway closed", text, "en", ""});
  in.push_back({"Budget vote", "The city council approved the budget for the museum.", "en", ""});
  StoryOptions options;
  options.threads = 2;
  StoryIndex index(options);
  index.Add(in);
  ASSERT_EQ(index.Stories().size(), 2u);
  EXPECT_EQ(index.Stories().front().documents.size(), 10000u);
  EXPECT_EQ(index.Stories().back().documents, std::vector<size_t>{10000});
}

}  // namespace
}  // namespace rashomon::stories
