#include "pipeline/analyze.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "base/file_system.h"
#include "extract/extractor.h"
#include "ingest/ingest.h"

namespace rashomon::pipeline {
namespace {

namespace fs = std::filesystem;

std::vector<Document> Load(const std::vector<std::string>& paths) {
  std::vector<Document> docs;
  ingest::ReadInputs(
      paths, ingest::IngestOptions{}, RealFileSystem(),
      [&](Document d) { docs.push_back(std::move(d)); },
      [](const ingest::InputError& e) { ADD_FAILURE() << e.source << ": " << e.reason; });
  extract::ExtractBatch(extract::ExtractOptions{}, &docs);
  return docs;
}

std::string Base(const std::string& source) { return fs::path(source).filename().string(); }

struct Loaded {
  std::vector<Document> docs;
  Analysis analysis;
  std::string SourceOf(const AnalyzedStory& s, size_t local) const {
    return Base(docs[s.documents[local]].source);
  }
  // The text of a conflict side.
  std::string SideText(const AnalyzedStory& s, const crosscheck::ConflictSide& side) const {
    const std::string& t = analysis.texts[s.documents[side.sentence.document]];
    return t.substr(side.span.begin, side.span.end - side.span.begin);
  }
  const AnalyzedStory* StoryWith(const std::string& base) const {
    for (const AnalyzedStory& s : analysis.stories) {
      for (size_t d : s.documents) {
        if (Base(docs[d].source) == base) return &s;
      }
    }
    return nullptr;
  }
};

Loaded Analyse(const std::vector<std::string>& paths) {
  Loaded l;
  l.docs = Load(paths);
  AnalyzeOptions options;
  options.threads = 2;
  l.analysis = Analyze(l.docs, options);
  return l;
}

// ---------------------------------------------------------------- examples/

class ExamplesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    loaded_ = new Loaded(Analyse({std::string(RSH_SOURCE_DIR) + "/examples"}));
  }
  static void TearDownTestSuite() { delete loaded_; }
  // The conflicts of all stories as "kind|source=value-digits;..." lines.
  static Loaded* loaded_;
};
Loaded* ExamplesTest::loaded_ = nullptr;

// A planted contradiction: some side of `odd` with `odd_words`, and some
// side of `usual` with `usual_words`, in one conflict.
struct Planted {
  const char* name;
  const char* odd;
  const char* odd_words;
  const char* usual;
  const char* usual_words;
};

TEST_F(ExamplesTest, FindsThePlantedContradictionsAndNothingElse) {
  // examples/README.md, "Planted contradictions".
  const Planted planted[] = {
      {"slick length", "03_slideshow.txt", "12 miles", "01_wire.txt", "12 kilometres"},
      {"who rescued the crew", "04_ads.txt", "Halvard Salvage", "01_wire.txt", "Coast Guard"},
      {"crew count", "02_rewrite.txt", "18", "01_wire.txt", "21"},
      {"strikers", "09_strike_rewrite.txt", "1,800", "08_strike_wire.txt", "1,200"},
      // README, "New planted contradictions" of the HTML pages.
      {"fuel leaked", "02_wattenlaender_zeitung.html", "430", "05_translation_de.txt", "340"},
      {"exclusion zone", "04_coast_radio_live.html", "three", "01_wire.txt", "five"},
      {"cargo", "05_courrier_detroit_cp1252.html", "13", "01_wire.txt", "31,500"},
  };
  std::set<size_t> matched;
  size_t total = 0;
  std::string all;
  for (const AnalyzedStory& s : loaded_->analysis.stories) {
    for (const crosscheck::Conflict& c : s.check.conflicts) {
      ++total;
      std::string line = c.kind + " (" + c.about + "):";
      for (const auto& side : c.sides) {
        line += " " + loaded_->SourceOf(s, side.sentence.document) + "=\"" +
                loaded_->SideText(s, side) + "\"";
      }
      all += line + "\n";
    }
  }
  for (size_t p = 0; p < std::size(planted); ++p) {
    bool found = false;
    for (const AnalyzedStory& s : loaded_->analysis.stories) {
      for (const crosscheck::Conflict& c : s.check.conflicts) {
        bool odd = false, usual = false;
        for (const auto& side : c.sides) {
          const std::string src = loaded_->SourceOf(s, side.sentence.document);
          const std::string text = loaded_->SideText(s, side);
          odd |= src == planted[p].odd && text.find(planted[p].odd_words) != std::string::npos;
          usual |= src == planted[p].usual && text.find(planted[p].usual_words) != std::string::npos;
        }
        found |= odd && usual;
      }
    }
    EXPECT_TRUE(found) << planted[p].name << " not found; conflicts:\n" << all;
    if (found) matched.insert(p);
  }
  // Nothing else.
  EXPECT_EQ(total, std::size(planted)) << all;
}

TEST_F(ExamplesTest, StoriesCopiesAndCitations) {
  const AnalyzedStory* corrin = loaded_->StoryWith("01_wire.txt");
  ASSERT_NE(corrin, nullptr);
  EXPECT_GE(corrin->documents.size(), 15u);
  // The near-copy is a duplicate of the wire.
  for (size_t d = 0; d < loaded_->docs.size(); ++d) {
    if (Base(loaded_->docs[d].source) == "06_nearcopy.txt") {
      ASSERT_GE(loaded_->analysis.duplicate_of[d], 0);
      EXPECT_EQ(Base(loaded_->docs[loaded_->analysis.duplicate_of[d]].source), "01_wire.txt");
    }
  }
  // The rewrite cites the wire agency.
  bool cites_wire = false;
  for (const crosscheck::MergedCitation& c : corrin->check.citations) {
    for (size_t d : c.documents) {
      cites_wire |= loaded_->SourceOf(*corrin, d) == "02_rewrite.txt" &&
                    c.source_name.find("Northwind Press") != std::string::npos;
    }
  }
  EXPECT_TRUE(cites_wire);
  // Quotes with their speakers.
  std::set<std::string> speakers;
  for (const crosscheck::MergedQuote& q : corrin->check.quotes) speakers.insert(q.speaker);
  EXPECT_TRUE(speakers.count("Ruth Aldane")) << ::testing::PrintToString(speakers);
  EXPECT_TRUE(speakers.count("Mira Sollis")) << ::testing::PrintToString(speakers);
  // No example is a machine translation.
  for (const AnalyzedStory& s : loaded_->analysis.stories) {
    for (size_t j = 0; j < s.documents.size(); ++j) {
      EXPECT_FALSE(s.check.documents[j].translation.machine_translated) << loaded_->SourceOf(s, j);
    }
  }
}

// ------------------------------------------------------------------- seeds

class SeedsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const fs::path dir = fs::path(RSH_SHARED_DIR) / "corpus" / "seeds";
    if (!fs::exists(dir / "gold.json")) return;
    std::vector<std::string> paths;
    for (const auto& e : fs::directory_iterator(dir)) {
      if (e.path().extension() == ".txt") paths.push_back(e.path().string());
    }
    std::sort(paths.begin(), paths.end());
    loaded_ = new Loaded(Analyse(paths));
    std::ifstream in(dir / "gold.json");
    gold_ = new nlohmann::json(nlohmann::json::parse(in));
  }
  static void TearDownTestSuite() {
    delete loaded_;
    delete gold_;
    loaded_ = nullptr;
    gold_ = nullptr;
  }
  void SetUp() override {
    if (loaded_ == nullptr) GTEST_SKIP() << "no seeds beside the checkout";
    ASSERT_EQ(loaded_->analysis.stories.size(), 1u);
  }
  const AnalyzedStory& story() const { return loaded_->analysis.stories[0]; }
  std::string ClaimText(const crosscheck::AlignedClaim& c) const {
    const crosscheck::SentenceRef& r = c.sentences.front();
    if (c.detail.end > c.detail.begin) {
      const std::string& t = loaded_->analysis.texts[story().documents[r.document]];
      return t.substr(c.detail.begin, c.detail.end - c.detail.begin);
    }
    return story().claims[r.document].claims[r.claim].text;
  }
  std::set<std::string> Sources(const crosscheck::AlignedClaim& c) const {
    std::set<std::string> s;
    for (size_t d : c.documents) s.insert(loaded_->SourceOf(story(), d));
    return s;
  }
  static Loaded* loaded_;
  static nlohmann::json* gold_;
};
Loaded* SeedsTest::loaded_ = nullptr;
nlohmann::json* SeedsTest::gold_ = nullptr;

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), ::tolower);
  return s;
}

TEST_F(SeedsTest, ConflictsAreTheGoldOnes) {
  const auto& conflicts = story().check.conflicts;
  std::string all;
  for (const auto& c : conflicts) {
    all += c.kind + " (" + c.about + "):";
    for (const auto& side : c.sides) {
      all += " " + loaded_->SourceOf(story(), side.sentence.document) + "=\"" +
             loaded_->SideText(story(), side) + "\"";
    }
    all += "\n";
  }
  EXPECT_LE(conflicts.size(), 6u) << all;
  // A gold side matches when a side of the same document overlaps its words.
  auto side_matches = [&](const crosscheck::Conflict& c, const nlohmann::json& gold_side) {
    const std::string doc = gold_side["doc"];
    const std::string words = Lower(gold_side["text"]);
    for (const auto& side : c.sides) {
      if (loaded_->SourceOf(story(), side.sentence.document) != doc) continue;
      const std::string text = Lower(loaded_->SideText(story(), side));
      if (!text.empty() && (words.find(text) != std::string::npos ||
                            text.find(words) != std::string::npos)) {
        return true;
      }
    }
    return false;
  };
  for (const auto& gold : (*gold_)["conflicts"]) {
    bool found = false;
    for (const auto& c : conflicts) {
      found |= side_matches(c, gold["sides"][0]) && side_matches(c, gold["sides"][1]);
    }
    EXPECT_TRUE(found) << gold["about"] << " not found; conflicts:\n" << all;
  }
  for (const auto& gold : (*gold_)["not_conflicts"]) {
    for (const auto& c : conflicts) {
      EXPECT_FALSE(side_matches(c, gold["sides"][0]) && side_matches(c, gold["sides"][1]))
          << gold["about"] << " reported as a conflict:\n" << all;
    }
  }
}

TEST_F(SeedsTest, QuotesCitationsAndTranslation) {
  for (const auto& gold : (*gold_)["quotes"]) {
    const std::string words = Lower(gold["text"]).substr(0, 40);
    bool found = false;
    for (const auto& q : story().check.quotes) {
      if (Lower(q.text).find(words) == std::string::npos) continue;
      EXPECT_EQ(q.speaker, gold["speaker"].get<std::string>()) << q.text;
      for (const auto& m : q.mentions) {
        found |= loaded_->SourceOf(story(), m.document) == gold["doc"].get<std::string>();
      }
    }
    EXPECT_TRUE(found) << gold["speaker"];
  }
  for (const auto& [name, docs] : (*gold_)["cited_sources"].items()) {
    std::set<std::string> want(docs.begin(), docs.end());
    std::set<std::string> got;
    for (const auto& c : story().check.citations) {
      if (c.source_name != name) continue;
      for (size_t d : c.documents) got.insert(loaded_->SourceOf(story(), d));
    }
    EXPECT_EQ(got, want) << name;
  }
  std::set<std::string> translated;
  for (size_t j = 0; j < story().documents.size(); ++j) {
    if (story().check.documents[j].translation.machine_translated) {
      translated.insert(loaded_->SourceOf(story(), j));
    }
  }
  const auto& gold_mt = (*gold_)["machine_translated"];
  EXPECT_EQ(translated, std::set<std::string>(gold_mt.begin(), gold_mt.end()));
}

// The content words of `s`: lower-case runs of letters and digits of three
// or more characters, function words left out, cut to five characters so
// that "drafted" meets "draft" and "weapons" meets "weaponry".
std::set<std::string> Stems(std::string_view s) {
  static const std::set<std::string> kFunction = {
      "the", "and", "for", "with", "from", "its", "his", "her", "their", "that", "this",
      "are", "was", "were", "has", "have", "had", "into", "about", "how", "would", "will",
      "under", "before", "after", "not", "but", "all", "also"};
  std::set<std::string> out;
  std::string word;
  auto flush = [&] {
    if (word.size() >= 3 && !kFunction.count(word)) out.insert(word.substr(0, 5));
    word.clear();
  };
  for (char c : s) {
    if (std::isalnum(static_cast<unsigned char>(c))) {
      word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else {
      flush();
    }
  }
  flush();
  return out;
}

// Dice overlap of two stem sets.
double Dice(const std::set<std::string>& a, const std::set<std::string>& b) {
  if (a.empty() || b.empty()) return 0;
  size_t shared = 0;
  for (const std::string& w : a) shared += b.count(w);
  return 2.0 * static_cast<double>(shared) / static_cast<double>(a.size() + b.size());
}

TEST_F(SeedsTest, CorroboratedAndSingleSourceClaims) {
  // gold.json describes each claim in its own words: the aligned claim that
  // stands for it is the one with a sentence (or detail clause) closest to
  // that description.
  auto closest = [&](const std::string& description, const std::set<std::string>& in_docs) {
    const std::set<std::string> gold = Stems(description);
    const crosscheck::AlignedClaim* best = nullptr;
    double best_score = 0;
    for (const crosscheck::AlignedClaim& c : story().check.claims) {
      const std::set<std::string> sources = Sources(c);
      if (!std::includes(sources.begin(), sources.end(), in_docs.begin(), in_docs.end()) &&
          !std::includes(in_docs.begin(), in_docs.end(), sources.begin(), sources.end())) {
        continue;  // Shares no document set with the gold claim either way.
      }
      double score = Dice(gold, Stems(ClaimText(c)));
      if (c.detail.end <= c.detail.begin) {
        for (const crosscheck::SentenceRef& r : c.sentences) {
          score = std::max(score, Dice(gold, Stems(story().claims[r.document].claims[r.claim].text)));
        }
      }
      if (score > best_score) {
        best_score = score;
        best = &c;
      }
    }
    return best;
  };
  // Each corroborated claim: some aligned claim carried by all its documents
  // has a sentence that tells it (Dice of the description's words >= 0.2).
  const auto& gold = (*gold_)["corroborated"];
  ASSERT_FALSE(gold.empty());
  for (const auto& g : gold) {
    const std::set<std::string> want(g["docs"].begin(), g["docs"].end());
    const std::set<std::string> words = Stems(g["claim"].get<std::string>());
    double best = 0;
    std::string best_text;
    for (const crosscheck::AlignedClaim& c : story().check.claims) {
      const std::set<std::string> got = Sources(c);
      if (!std::includes(got.begin(), got.end(), want.begin(), want.end())) continue;
      for (const crosscheck::SentenceRef& r : c.sentences) {
        const std::string& text = story().claims[r.document].claims[r.claim].text;
        const double score = Dice(words, Stems(text));
        if (score > best) {
          best = score;
          best_text = text;
        }
      }
    }
    EXPECT_GE(best, 0.2) << g["claim"] << ": no claim carried by all of "
                         << ::testing::PrintToString(want) << " tells it; the closest is \""
                         << best_text << "\"";
  }
  // Each single-source claim: the closest claim among those of its document
  // is single-source and of exactly that document (a sentence, or a detail
  // clause of a corroborated sentence).
  const auto& gold_single = (*gold_)["single_source"];
  ASSERT_FALSE(gold_single.empty());
  for (const auto& g : gold_single) {
    const std::set<std::string> want(g["docs"].begin(), g["docs"].end());
    const crosscheck::AlignedClaim* c = closest(g["claim"], want);
    ASSERT_NE(c, nullptr) << g["claim"];
    EXPECT_EQ(c->status, crosscheck::ClaimStatus::kSingleSource) << g["claim"] << ": "
                                                                 << ClaimText(*c);
    EXPECT_EQ(Sources(*c), want) << g["claim"] << ": " << ClaimText(*c);
  }
}

// --------------------------------------------------------------- bad input

TEST(AnalyzeTest, DegenerateInputs) {
  EXPECT_TRUE(Analyze({}).stories.empty());
  std::vector<Document> docs(3);
  docs[0].source = "empty";
  docs[1].source = "numbers";
  docs[1].blocks.push_back({BlockKind::kBody, "Figures: 1e309, \u0663, 1,2,3,4 and 10^400.", 1});
  docs[2].source = "quotes";
  std::string quotes;
  for (int i = 0; i < 10000; ++i) quotes += "\"We said it,\" Ann Lee said. ";
  docs[2].blocks.push_back({BlockKind::kBody, quotes, 1});
  const Analysis a = Analyze(docs);
  EXPECT_EQ(a.texts.size(), 3u);
  size_t in_stories = 0;
  for (const AnalyzedStory& s : a.stories) in_stories += s.documents.size();
  EXPECT_EQ(in_stories, 3u);
}

}  // namespace
}  // namespace rashomon::pipeline
