#include "crosscheck/crosscheck.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "claims/claims.h"
#include "nlohmann/json.hpp"

namespace rashomon::crosscheck {
namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// An invented edited report, long enough to be judged.
constexpr const char* kEdited =
    "The city council of Brantmoor voted on Tuesday to close the old tram depot by the end of "
    "the year. The depot, built in 1911, has been empty since the line to the harbour was cut. "
    "Councillors said the site would become a park with a small museum about the trams. Local "
    "residents had asked for the change for more than a decade, and a petition gathered "
    "several thousand names last spring. The mayor said the work would start in the autumn and "
    "that the museum would open in two years. Some shop owners worry about parking during the "
    "works, but the council promised temporary spaces near the station. A final plan will be "
    "published next month, after a last public meeting in the town hall.";

// The same kind of report with the traces of a word-by-word machine
// translation: split compounds, guillemets and capitalised function words.
constexpr const char* kTranslated =
    "The city council of Brantmoor On Tuesday voted to close the old tram depot until the end "
    "of the year. The depot, built in 1911, is since the cut of line to harbour empty. The "
    "councillors said that the site becomes a park with a small museum about trams. Local "
    "inhabitants asked for the change already more than a decade In the petition, which "
    "gathered several thousand names last spring. The mayor said, that the works will start in "
    "autumn and the museum will open in two years, as a « long -term project ». Some shop owners "
    "worry about the parking during the works, but the council promised temporary places near "
    "the station. The final plan will be published next month According to the town hall, after "
    "a last public meeting, and the re -opening of the square follows.";

TEST(TranslationTest, FlagsWordByWordTranslationWithEvidence) {
  const TranslationVerdict v = DetectMachineTranslation(kTranslated, "en");
  EXPECT_TRUE(v.machine_translated);
  EXPECT_GE(v.signals_per_thousand_words, 8.0);
  std::vector<std::string> kinds;
  for (const TranslationEvidence& e : v.evidence) kinds.push_back(e.kind);
  EXPECT_NE(std::find(kinds.begin(), kinds.end(), "spaced hyphen"), kinds.end());
  EXPECT_NE(std::find(kinds.begin(), kinds.end(), "foreign quotes"), kinds.end());
  EXPECT_NE(std::find(kinds.begin(), kinds.end(), "stray capital"), kinds.end());
  const std::string_view text(kTranslated);
  for (const TranslationEvidence& e : v.evidence) {
    ASSERT_LE(e.span.end, text.size());
    if (e.kind == "spaced hyphen") {
      const std::string_view words = text.substr(e.span.begin, e.span.end - e.span.begin);
      EXPECT_NE(words.find(" -"), std::string_view::npos) << words;
    }
  }
}

TEST(TranslationTest, EditedTextsAreNotFlagged) {
  EXPECT_FALSE(DetectMachineTranslation(kEdited, "en").machine_translated);
  // Guillemets with inner spaces are French typography.
  const std::string french =
      "Le conseil municipal de Brantmoor a voté mardi la fermeture du vieux dépôt de tramways "
      "avant la fin de l'année. « C'est un lieu chargé d'histoire », a dit le maire, qui promet "
      "un parc et un petit musée. Les habitants réclamaient ce changement depuis plus de dix "
      "ans, et une pétition avait réuni plusieurs milliers de signatures au printemps dernier. "
      "Les travaux commenceront à l'automne, et le musée ouvrira dans deux ans. Certains "
      "commerçants s'inquiètent du stationnement pendant les travaux, mais la mairie a promis "
      "des places provisoires près de la gare. Le plan final sera publié le mois prochain.";
  EXPECT_FALSE(DetectMachineTranslation(french, "fr").machine_translated);
  // A headline in title case is not a run of stray capitals.
  const std::string headline =
      std::string("Council Votes To Close Old Tram Depot In Brantmoor At Last\n") + kEdited;
  EXPECT_FALSE(DetectMachineTranslation(headline, "en").machine_translated);
}

TEST(TranslationTest, ShortOrBrokenInputIsNeverFlagged) {
  EXPECT_FALSE(DetectMachineTranslation("", "en").machine_translated);
  EXPECT_FALSE(DetectMachineTranslation("A « b » c -d In e", "en").machine_translated);
  std::string bytes;
  for (int i = 0; i < 5000; ++i) bytes += static_cast<char>((i * 37) % 256);
  const TranslationVerdict v = DetectMachineTranslation(bytes, "en");
  EXPECT_LE(v.evidence.size(), 8u);
}

TEST(TranslationTest, SeedsOnlyTheLabelledTranslation) {
  const std::filesystem::path dir = std::filesystem::path(RSH_SHARED_DIR) / "corpus" / "seeds";
  if (!std::filesystem::exists(dir / "gold.json")) GTEST_SKIP() << "no " << dir;
  const nlohmann::json gold = nlohmann::json::parse(ReadFile((dir / "gold.json").string()));
  std::vector<std::string> flagged;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".txt") continue;
    if (DetectMachineTranslation(ReadFile(entry.path().string()), "en").machine_translated) {
      flagged.push_back(entry.path().filename().string());
    }
  }
  std::sort(flagged.begin(), flagged.end());
  std::vector<std::string> want(gold["machine_translated"].begin(),
                                gold["machine_translated"].end());
  std::sort(want.begin(), want.end());
  ASSERT_FALSE(want.empty());
  EXPECT_EQ(flagged, want);
}

// An invented story: A and its copy B, C and D, with a planted count
// conflict (42 / 35 passengers), a planted agent conflict (rescued by the
// coast guard / by a trawler) and a vaguer compatible figure (more than
// 100 / 120 tonnes).
class StoryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    texts_ = {
        "The ferry Marla Sun sank off Keldon Point on Tuesday morning after striking rocks in "
        "thick fog.\n\nAll 42 passengers were rescued by the Keldon Coast Guard within two "
        "hours.\n\nThe ferry was carrying 120 tonnes of grain to the port of Avenby.\n\nHarbour "
        "master Ilse Varga said the fog had been unusually thick that morning.",
        "The ferry Marla Sun sank off Keldon Point on Tuesday morning after striking rocks in "
        "thick fog.\n\nAll 42 passengers were rescued by the Keldon Coast Guard within two "
        "hours.\n\nThe ferry was carrying 120 tonnes of grain to the port of Avenby.\n\nHarbour "
        "master Ilse Varga said the fog had been unusually thick that morning.",
        "The ferry Marla Sun sank near Keldon Point on Tuesday morning after hitting rocks in "
        "fog.\n\nAll 42 passengers were rescued by the fishing trawler Brenna Star within two "
        "hours.\n\nThe ferry carried more than 100 tonnes of grain bound for Avenby.\n\n"
        "Investigators from the Keldon Maritime Board opened an inquiry into the ship's radar.",
        "The Marla Sun ferry sank off Keldon Point on Tuesday morning after it struck rocks in "
        "fog.\n\nThe 35 passengers were rescued by the Keldon Coast Guard within two hours.\n\n"
        "It was carrying about 120 tonnes of grain to the port of Avenby."};
    for (const std::string& t : texts_) claims_.push_back(claims::AnalyzeDocument(t));
    claims::ResolveStory(&claims_);
    const char* sources[] = {"a.txt", "b.txt", "c.txt", "d.txt"};
    for (size_t i = 0; i < texts_.size(); ++i) {
      StoryDocument d;
      d.source = sources[i];
      d.language = "en";
      d.text = texts_[i];
      d.claims = &claims_[i];
      d.copy_of = i == 1 ? 0 : -1;
      docs_.push_back(d);
    }
    check_ = Crosscheck(docs_);
  }
  // The aligned claim holding a sentence of `doc` that contains `words`.
  const AlignedClaim* ClaimWith(size_t doc, std::string_view words) const {
    for (const AlignedClaim& c : check_.claims) {
      for (const SentenceRef& r : c.sentences) {
        if (r.document == doc &&
            claims_[doc].claims[r.claim].text.find(words) != std::string::npos) {
          return &c;
        }
      }
    }
    return nullptr;
  }
  std::string SideText(const ConflictSide& side) const {
    const std::string& t = texts_[side.sentence.document];
    return t.substr(side.span.begin, side.span.end - side.span.begin);
  }

  std::vector<std::string> texts_;
  std::vector<claims::DocumentClaims> claims_;
  std::vector<StoryDocument> docs_;
  StoryCheck check_;
};

TEST_F(StoryTest, CopiesCountOnceAndClaimsAlign) {
  const AlignedClaim* sank = ClaimWith(0, "sank off Keldon Point");
  ASSERT_NE(sank, nullptr);
  EXPECT_EQ(sank->documents, (std::vector<size_t>{0, 1, 2, 3}));
  EXPECT_EQ(sank->sources, 3u);  // b.txt copies a.txt.
  EXPECT_EQ(sank->status, ClaimStatus::kCorroborated);
  const AlignedClaim* inquiry = ClaimWith(2, "opened an inquiry");
  ASSERT_NE(inquiry, nullptr);
  EXPECT_EQ(inquiry->documents, std::vector<size_t>{2});
  EXPECT_EQ(inquiry->status, ClaimStatus::kSingleSource);
  // The harbour master's remark: a.txt and its copy, one source.
  const AlignedClaim* varga = ClaimWith(0, "Ilse Varga");
  ASSERT_NE(varga, nullptr);
  EXPECT_EQ(varga->documents, (std::vector<size_t>{0, 1}));
  EXPECT_EQ(varga->sources, 1u);
  EXPECT_EQ(varga->status, ClaimStatus::kSingleSource);
}

TEST_F(StoryTest, FindsThePlantedConflictsAndNothingElse) {
  ASSERT_EQ(check_.conflicts.size(), 2u);
  const Conflict* count = nullptr;
  const Conflict* agent = nullptr;
  for (const Conflict& c : check_.conflicts) {
    if (c.kind == "quantity") count = &c;
    if (c.kind == "agent") agent = &c;
  }
  ASSERT_NE(count, nullptr);
  ASSERT_NE(agent, nullptr);
  // Every document once: a, its copy b and c say 42, d says 35.
  std::vector<std::pair<size_t, std::string>> sides;
  for (const ConflictSide& s : count->sides) {
    const std::string text = SideText(s);
    sides.push_back({s.sentence.document, text.find("42") != std::string::npos   ? "42"
                                          : text.find("35") != std::string::npos ? "35"
                                                                                 : text});
  }
  std::sort(sides.begin(), sides.end());
  EXPECT_EQ(sides, (std::vector<std::pair<size_t, std::string>>{
                       {0, "42"}, {1, "42"}, {2, "42"}, {3, "35"}}))
      << count->explanation;
  EXPECT_NE(count->about.find("passenger"), std::string::npos) << count->about;
  std::vector<size_t> agent_docs;
  for (const ConflictSide& s : agent->sides) {
    agent_docs.push_back(s.sentence.document);
    EXPECT_NE(SideText(s).find("rescued by"), std::string::npos) << SideText(s);
  }
  std::sort(agent_docs.begin(), agent_docs.end());
  EXPECT_EQ(agent_docs, (std::vector<size_t>{0, 1, 2, 3}));
  EXPECT_NE(agent->explanation.find("Brenna Star"), std::string::npos) << agent->explanation;
  // The claims a conflict involves are marked conflicting.
  const AlignedClaim* rescued = ClaimWith(2, "Brenna Star");
  ASSERT_NE(rescued, nullptr);
  EXPECT_EQ(rescued->status, ClaimStatus::kConflicting);
}

TEST_F(StoryTest, AddsAndOmits) {
  // c.txt alone tells of the inquiry.
  const DocumentNotes& c = check_.documents[2];
  bool adds_inquiry = false;
  for (size_t k : c.adds) {
    for (const SentenceRef& r : check_.claims[k].sentences) {
      adds_inquiry |= claims_[r.document].claims[r.claim].text.find("inquiry") != std::string::npos;
    }
  }
  EXPECT_TRUE(adds_inquiry);
  EXPECT_TRUE(check_.documents[1].adds.empty());  // A copy adds nothing of its own.
  for (const DocumentNotes& n : check_.documents) EXPECT_FALSE(n.translation.machine_translated);
}

// Figures of one shape that state different facts are not conflicts.
TEST(CrosscheckTest, DifferentFactsOfOneShapeAreNotConflicts) {
  const std::vector<std::string> texts = {
      "Gunmen attacked the offices of the Varrow Courier on Wednesday, killing 12 people in the "
      "city centre.\n\nPhoto 7 of 19 photos: the Varrow Courier building on Wednesday.\n\n"
      "Two people were arrested in the city centre on Thursday.",
      "A rally for unity drew 1.5 million people in the city centre on Sunday after the attack "
      "on the Varrow Courier.\n\nPhoto 4 of 12 photos: the Varrow Courier building on "
      "Sunday.\n\nThree people were arrested in the city centre on Sunday."};
  std::vector<claims::DocumentClaims> claims;
  for (const std::string& t : texts) claims.push_back(claims::AnalyzeDocument(t));
  claims::ResolveStory(&claims);
  std::vector<StoryDocument> docs(2);
  for (size_t i = 0; i < 2; ++i) {
    docs[i].source = i == 0 ? "a.txt" : "b.txt";
    docs[i].language = "en";
    docs[i].text = texts[i];
    docs[i].claims = &claims[i];
  }
  const StoryCheck check = Crosscheck(docs);
  std::string found;
  for (const Conflict& c : check.conflicts) found += c.explanation + "\n";
  EXPECT_TRUE(check.conflicts.empty()) << found;
}

TEST(CrosscheckTest, DegenerateStories) {
  // No documents; one document; a document without sentences or claims.
  EXPECT_TRUE(Crosscheck({}).claims.empty());
  claims::DocumentClaims one = claims::AnalyzeDocument(
      "Only one outlet reported that the bridge at Harlow closed for repairs on Monday.");
  claims::DocumentClaims none = claims::AnalyzeDocument("");
  std::vector<StoryDocument> docs(3);
  docs[0].source = "one.txt";
  docs[0].text = "Only one outlet reported that the bridge at Harlow closed for repairs on Monday.";
  docs[0].claims = &one;
  docs[1].source = "empty.txt";
  docs[1].claims = &none;
  docs[2].source = "missing.txt";  // No claims at all.
  docs[2].copy_of = 2;             // A malformed self-copy is ignored.
  const StoryCheck check = Crosscheck(docs);
  ASSERT_EQ(check.claims.size(), 1u);
  EXPECT_EQ(check.claims[0].status, ClaimStatus::kSingleSource);
  EXPECT_TRUE(check.conflicts.empty());
  EXPECT_EQ(check.documents.size(), 3u);
}

}  // namespace
}  // namespace rashomon::crosscheck
