#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "base/document.h"
#include "extract/batch_templates.h"
#include "extract/cleaner.h"
#include "extract/dates.h"
#include "extract/extractor.h"
#include "extract/html_extract.h"
#include "extract/line_rules.h"
#include "extract/metadata.h"
#include "html/parser.h"
#include "text/normalize.h"

namespace rashomon::extract {
namespace {

namespace fs = std::filesystem;

std::string ReadAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

Document Doc(std::string source, std::string raw) {
  Document d;
  d.source = std::move(source);
  d.raw = std::move(raw);
  return d;
}

Document CleanOne(std::string raw) {
  Document d = Doc("t", std::move(raw));
  CleanDocument(CleanOptions(), &d);
  return d;
}

// "kind:text|kind:text" of the kept blocks.
std::string Blocks(const Document& d) {
  std::string out;
  for (const Block& b : d.blocks) {
    if (!out.empty()) out += "|";
    out += std::string(BlockKindName(b.kind)) + ":" + b.text;
  }
  return out;
}

// "reason:text|..." of the removed lines.
std::string Removed(const Document& d) {
  std::string out;
  for (const RemovedLine& r : d.removed) {
    if (!out.empty()) out += "|";
    out += std::string(RemoveReasonName(r.reason)) + ":" + r.text;
  }
  return out;
}

std::string RemovalOf(const std::string& line) {
  internal::LineView v;
  std::string lower = line;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  std::string key = text::LooseKey(line);
  v.text = line;
  v.lower = lower;
  v.key = key;
  internal::LineShape shape = internal::MeasureLine(v);
  auto hit = internal::MatchRemovalRule(v, shape);
  if (hit) return std::string(RemoveReasonName(hit->reason));
  return internal::PromoScore(v, shape) >= CleanOptions().promo_threshold ? "promo" : "keep";
}

TEST(LineRulesTest, ContextFreeRulesName) {
  constexpr struct {
    const char* in;
    const char* want;
  } kCases[] = {
      {"ADVERTISEMENT", "ad_marker"},
      {"Story continues below advertisement", "ad_marker"},
      {"Read more: Ferry strike enters second week", "related_link"},
      {"Also Read | Storm closes three bridges", "related_link"},
      {"© Harbour Pictures Ltd", "credit"},
      {"Photo: Jane Roe / Example Agency", "credit"},
      {"The mayor at the quay on Monday (file photo)", "caption"},
      {"Share on WhatsApp", "widget"},
      {"12 Comments", "widget"},
      {"Tags: shipping, ports, weather", "widget"},
      {"Facebook Twitter Email", "widget"},
      {"Key Points", "widget"},
      {"This summary was AI-generated and reviewed by our editors.", "template"},
      {"Lorem ipsum dolor sit amet.", "template"},
      {"About the author", "author_bio"},
      {"Getty Images", "credit"},
      {"Image copyright Example Agency", "credit"},
      {"Continue reading the main story", "widget"},
      {"Comments (12)", "widget"},
      {"1,204 Shares", "keep"},
      {"We use cookies to improve your experience on our site.", "template"},
      {"Updated: 14 March 2025, 10:05 CET", "timestamp"},
      {"Published 3 hours ago", "timestamp"},
      {"Published reports disagreed on the number of ships.", "keep"},
      {"By Jane Roe and Ana de la Cruz, Example News", "byline"},
      {"By the time divers arrived, the tide had turned.", "keep"},
      {"By Tuesday", "keep"},
      {"Click here to read the full statement", "related_link"},
      {"Edited By: Jane Roe", "byline"},
      {"Written by Ana de la Cruz", "byline"},
      {"Image caption, Crowds gathered at the quay on Monday", "caption"},
      {"Image source, Example Agency", "credit"},
      {"(With inputs from agencies)", "template"},
      {"Disclaimer: The views expressed are the author's own.", "template"},
      {"Join our WhatsApp channel for the latest updates", "promo"},
      {"Watch Video", "widget"},
      {"Investors watched the latest figures closely, analysts said.", "keep"},
      // Article sentences that look like furniture at first sight.
      {"Post Office to close 200 branches", "keep"},
      {"Also on Thursday, the regulator said it would review the deal.", "keep"},
      {"More news on the closures is expected on Friday, the union said.", "keep"},
      {"Updated figures released on Monday showed 3,000 fewer jobs.", "keep"},
      {"Posted to Kabul in 2004, she covered the war for a decade.", "keep"},
      {"The union said it would ballot members on strike action. (AFP)", "keep"},
      {"By The Numbers: Why Our Cities Keep Flooding", "keep"},
      {"The newsroom reviewed the AI-generated images before publication.", "keep"},
      {"Attackers gained access to the admin panel, the company said.", "keep"},
      {"The plan was drafted with inputs from farmers' groups.", "keep"},
      {"A regulator found that the \"Accept all cookies\" button was larger than the other.",
       "keep"},
      {"Download the full report from the agency's website, example.gov, officials urged.", "keep"},
      // Furniture, in several languages.
      {"Skip Advertisement", "ad_marker"},
      {"Supported by", "ad_marker"},
      {"Listen to this article \xC2\xB7 5 min listen", "widget"},
      {"We've noticed you're using an ad blocker.", "template"},
      {"Privacy Policy", "widget"},
      {"Share on Facebook", "widget"},
      {"AFP via Getty Images", "credit"},
      {"Publicit\xC3\xA9", "ad_marker"},
      {"\xD0\xA0\xD0\xB5\xD0\xBA\xD0\xBB\xD0\xB0\xD0\xBC\xD0\xB0", "ad_marker"},  // Реклама
      {"Lesen Sie auch: Was das neue Gesetz bedeutet", "related_link"},
      {"Suivez-nous sur Facebook", "widget"},
      {"Par Julie Marchand", "byline"},
      {"Publi\xC3\xA9 le 14 mars 2025 \xC3\xA0 10h05", "timestamp"},
      {"Photo: the ministry said it would publish a list of districts next week.", "keep"},
      {"Bezos shared the news on Monday on Instagram.", "keep"},
      {"Follow Jane Roe on Twitter: @janeroe", "promo"},
      {"Home / World / Europe / Storm closes port", "widget"},
      {"3 of 8", "widget"},
      {"(Reporting by Jane Roe; Editing by John Doe)", "credit"},
      {"This article originally appeared on Example Times.", "template"},
      {"Article r\xC3\xA9serv\xC3\xA9 aux abonn\xC3\xA9s", "widget"},
      // Third review: text that looks like furniture.
      {"Following the takeover, Twitter lost about half of its top advertisers.", "keep"},
      {"Teilnehmer der Kundgebung hatten sich \xC3\xBC"
       "ber Telegram verabredet.",
       "keep"},
      {"Copyright lawsuits against AI companies have multiplied since 2023.", "keep"},
      {"Copyright \xC2\xA9 2025 Example Press", "credit"},
      {"Credit: high-yield spreads widened to 3.4 percentage points", "keep"},
      {"Photographer Wins World Press Prize", "keep"},
      {"More news \xE2\x80\x94 and worse news \xE2\x80\x94 came on Friday.", "keep"},
      {"\"We use cookies\" is probably the most-read sentence online.", "keep"},
      {"Posted on Monday: a first edition sold at auction for 18,000 pounds.", "keep"},
      {"Like many subscribers, she cancelled after the price rise.", "keep"},
      {"The disclaimer was added after the complaint, the regulator said.", "keep"},
      {"The port reopened on Tuesday after divers inspected the hull.", "keep"},
      {"Ships were told to wait, the harbour master said.", "keep"},
      {"Share prices fell sharply on Monday as the port stayed closed.", "keep"},
      {"Washington:", "keep"},
  };
  for (const auto& c : kCases) {
    SCOPED_TRACE(c.in);
    EXPECT_EQ(RemovalOf(c.in), c.want);
  }
}

TEST(LineRulesTest, PromoScoreSeparatesPitchesFromNews) {
  auto score = [](const std::string& line) {
    std::string lower = line;
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    std::string key = text::LooseKey(line);
    internal::LineView v{line, lower, key};
    return internal::PromoScore(v, internal::MeasureLine(v));
  };
  EXPECT_GE(score("Get the latest news on example.com and download our app to stay updated!"), 4.0);
  EXPECT_GE(score("Sign up for our newsletter, curated for you every weekend."), 4.0);
  EXPECT_LT(score("The latest figures show exports fell, the ministry said."), 2.5);
  EXPECT_LT(score("Officials expect the port to reopen on Friday."), 2.5);
}

TEST(LineRulesTest, TrailingCreditIsFoundOnlyAfterCaptionText) {
  EXPECT_EQ(internal::FindTrailingCredit("Crew members reach the quay\xC2\xA9 Harbour Images"),
            27u);
  EXPECT_EQ(internal::FindTrailingCredit("\xC2\xA9 Harbour Images"), std::string::npos);
  EXPECT_EQ(internal::FindTrailingCredit("No credit in this line at all"), std::string::npos);
}

TEST(CleanerTest, BlocksKindsAndAuditTrail) {
  Document d = CleanOne(
      "Storm Closes Port of Example\n\n"
      "Ships wait offshore as winds reach 120 km/h.\n\n"
      "Storm Closes Port of Example\n"
      "Harbour cranes idle on Monday (file photo)\n"
      "Lisbon:\n\n"
      "The port of Example closed on Monday as a storm swept the coast, officials said.\n\n"
      "Advertisement\n\n"
      "Cranes at rest\n\n"
      "\"We have never seen winds like these in March,\" the harbour master told reporters.\n\n"
      "Read also| Storm damage in the north\n\n"
      "Divers will inspect the quays on Tuesday before the port reopens to traffic.\n\n"
      "Follow us:\n");
  EXPECT_EQ(Blocks(d),
            "title:Storm Closes Port of Example|"
            "standfirst:Ships wait offshore as winds reach 120 km/h.|"
            "dateline:Lisbon:|"
            "body:The port of Example closed on Monday as a storm swept the coast, officials "
            "said.|"
            "heading:Cranes at rest|"
            "quote:\"We have never seen winds like these in March,\" the harbour master told "
            "reporters.|"
            "body:Divers will inspect the quays on Tuesday before the port reopens to traffic.");
  EXPECT_EQ(Removed(d),
            "repeat:Storm Closes Port of Example|"
            "caption:Harbour cranes idle on Monday (file photo)|"
            "ad_marker:Advertisement|related_link:Read also| Storm damage in the north|"
            "widget:Follow us:");
  EXPECT_EQ(d.title, "Storm Closes Port of Example");
  EXPECT_EQ(d.removed[0].line, 5);
  EXPECT_EQ(d.language, "en");
}

TEST(CleanerTest, BylineBecomesAuthors) {
  Document d = CleanOne(
      "Port Reopens\n\nBy Jane Roe and John Doe, Example News\n\n"
      "The port reopened on Tuesday after the storm passed, officials said.\n");
  EXPECT_EQ(Removed(d), "byline:By Jane Roe and John Doe, Example News");
  EXPECT_EQ(d.authors, (std::vector<std::string>{"Jane Roe", "John Doe"}));
}

TEST(CleanerTest, EditorsAreNoAuthors) {
  Document d = CleanOne(
      "Port Reopens\n\nEdited By: Jane Roe\n\nWritten by John Doe\n\n"
      "The port reopened on Tuesday after the storm passed, officials said.\n");
  EXPECT_EQ(d.authors, (std::vector<std::string>{"John Doe"}));
}

TEST(CleanerTest, InterviewLabelsAndShortAnswersStay) {
  Document d = CleanOne(
      "A Pilot Speaks\n\nThe pilot who guided ships for twenty years speaks about the light.\n"
      "Q:\nDid anyone respond?\nA:\nNo.\nQ:\nWere you surprised?\nA:\nNo.\n"
      "Pros:\nLong battery life\nCons:\nSlow charging\nPros:\nGood camera\n");
  EXPECT_TRUE(d.removed.empty()) << Removed(d);
  for (const Block& b : d.blocks) {
    SCOPED_TRACE(b.text);
    EXPECT_NE(b.kind, BlockKind::kDateline);
    if (b.text == "No.") {
      EXPECT_EQ(b.kind, BlockKind::kBody);
    }
  }
}

TEST(CleanerTest, DatelineFirstIsNoTitle) {
  Document d = CleanOne(
      "WASHINGTON \xE2\x80\x94\nThe Senate passed the bill on Tuesday after a long debate over "
      "its cost, aides said.\n");
  ASSERT_EQ(d.blocks.size(), 2u);
  EXPECT_EQ(d.blocks[0].kind, BlockKind::kDateline);
  EXPECT_TRUE(d.title.empty());
}

TEST(CleanerTest, GenericPitchWordsInProseStay) {
  Document d = CleanOne(
      "Our Cities Keep Flooding\n\nThe storms are getting worse, and our drains were built for "
      "another century, engineers say.\n\nWhat we need is simple: only on the ground can you see "
      "the best of what neighbours build together.\n");
  EXPECT_TRUE(d.removed.empty()) << Removed(d);
}

TEST(CleanerTest, HostileLabelFloodsStayLinear) {
  // 200,000 labels: the author-box and summary passes look at a bounded
  // number of lines each, so this takes well under a second, not hours.
  std::string raw = "Title Here\n\nA first paragraph of text that is long enough.\n";
  for (int i = 0; i < 100000; ++i) raw += "About the author\nKey points\n";
  Document d = CleanOne(raw);
  EXPECT_EQ(d.removed.size(), 200000u);
  EXPECT_EQ(d.blocks.size(), 2u);
}

TEST(CleanerTest, AuthorLabelsNameAuthorsButEditorsDoNot) {
  Document d = CleanOne(
      "\xD0\x93\xD0\xBE\xD1\x80\xD0\xBE\xD0\xB4 \xD0\xB1\xD0\xB5\xD0\xB7 "
      "\xD1\x81\xD0\xB2\xD0\xB5\xD1\x82\xD0\xB0\n"            // Город без света
      "\xD0\x90\xD0\xB2\xD1\x82\xD0\xBE\xD1\x80: Jane Roe\n"  // Автор: Jane Roe
      "The city was left without power for six hours after the storm, officials said.\n");
  EXPECT_EQ(d.authors, (std::vector<std::string>{"Jane Roe"}));
  Document zh = CleanOne(
      "Title of the report here\n"
      "\xE8\xB4\xA3\xE4\xBB\xBB\xE7\xBC\x96\xE8\xBE\x91\xEF\xBC\x9A"
      "Li Hua\n"  // 责任编辑：Li Hua
      "The city was left without power for six hours after the storm, officials said.\n");
  EXPECT_TRUE(zh.authors.empty());
  EXPECT_EQ(zh.removed.size(), 1u);
}

TEST(CleanerTest, ListsRefrainsAndIntertitlesStay) {
  Document d = CleanOne(
      "Ferry Operator Collapses\n\n"
      "The island ferry operator went into administration on Thursday, leaving hundreds of "
      "travellers stranded at both ports, officials said.\n\n"
      "Crossings were cancelled from Friday and the harbour offices closed their doors at noon, "
      "staff said.\n\n"
      "By Popular Demand\n\n"
      "Residents had asked for a second daily crossing for years, and the council agreed to fund "
      "it last spring despite the rising cost of fuel.\n\n"
      "Sing it loud and sing it long\n\n"
      "The song was written by a crew member and became the anthem of the campaign for a new "
      "ship, which was finally ordered in 2021.\n\n"
      "Sing it loud and sing it long\n\n"
      "The administrators said they hoped to find a buyer within weeks and keep the ships "
      "sailing in the meantime.\n\n"
      "Read more: Island councils demand emergency funding\n\n"
      "How it unravelled\n"
      "2009 \xE2\x80\x93 The company wins the first ten-year contract\n"
      "2019 \xE2\x80\x93 Contract renewed despite complaints about delays\n");
  EXPECT_EQ(Removed(d), "related_link:Read more: Island councils demand emergency funding");
}

TEST(CleanerTest, SlideCaptionsLoseTheirCredits) {
  Document d = CleanOne(
      "Ten Photos of the Storm\n\n"
      "Waves over the sea wall\n\n\xC2\xA9"
      "Example Pictures\n\n"
      "Waves reached the promenade on Monday evening and flooded two streets.\n\n"
      "Boats in the harbour\xC2\xA9 Example Pictures\n\n"
      "Fishing boats stayed moored while the wind rose through the night.\n");
  EXPECT_EQ(Blocks(d),
            "title:Ten Photos of the Storm|caption:Waves over the sea wall|"
            "body:Waves reached the promenade on Monday evening and flooded two streets.|"
            "caption:Boats in the harbour|"
            "body:Fishing boats stayed moored while the wind rose through the night.");
  EXPECT_EQ(Removed(d),
            "credit:\xC2\xA9"
            "Example Pictures|credit:\xC2\xA9 Example Pictures");
}

TEST(CleanerTest, SummaryBoxAndTailPromosAndAuthorBox) {
  Document d = CleanOne(
      "Port Reopens After Storm\n"
      "Key Points\n"
      "This summary was generated by AI and reviewed by editors.\n"
      "The port reopened on Tuesday.\n"
      "Divers found no damage.\n\n"
      "The port of Example reopened on Tuesday after divers found no damage to its quays, the "
      "authority said in a statement.\n\n"
      "Traffic is expected to return to normal by the end of the week, officials added.\n\n"
      "Stay on top of the latest shipping trends and biggest port news.\n\n"
      "About Jane Roe\n\n"
      "Jane Roe writes about ports and the sea.\n");
  EXPECT_EQ(Blocks(d),
            "title:Port Reopens After Storm|summary:The port reopened on Tuesday.|"
            "summary:Divers found no damage.|"
            "body:The port of Example reopened on Tuesday after divers found no damage to its "
            "quays, the authority said in a statement.|"
            "body:Traffic is expected to return to normal by the end of the week, officials "
            "added.");
  EXPECT_EQ(Removed(d),
            "widget:Key Points|template:This summary was generated by AI and reviewed by "
            "editors.|promo:Stay on top of the latest shipping trends and biggest port news.|"
            "author_bio:About Jane Roe|author_bio:Jane Roe writes about ports and the sea.");
}

TEST(CleanerTest, AboutHeadingInTheMiddleStaysAHeading) {
  Document d = CleanOne(
      "Title Of The Story\n\nFirst paragraph of the story is here and long enough.\n\n"
      "About Port Example\n\nThe port handles ten million tonnes a year, its owners say.\n\n"
      "Second long paragraph that carries on with the report for a while.\n\n"
      "Third long paragraph that carries on with the report for a while.\n\n"
      "Fourth long paragraph that carries on with the report for a while.\n\n"
      "Fifth long paragraph that carries on with the report for a while.\n");
  EXPECT_EQ(d.removed.size(), 0u) << Removed(d);
}

TEST(CleanerTest, HostileInputNeverCrashes) {
  std::string bytes;
  uint32_t x = 12345;
  for (int i = 0; i < 200000; ++i) {
    x = x * 1103515245u + 12345u;
    bytes.push_back(static_cast<char>(x >> 24));
  }
  Document d = CleanOne(bytes);
  EXPECT_FALSE(d.warnings.empty());
  Document empty = CleanOne("");
  EXPECT_TRUE(empty.blocks.empty());
  EXPECT_EQ(empty.language, "und");
  Document spaces = CleanOne("\xC2\xA0\n \n\t\r\n");
  EXPECT_TRUE(spaces.blocks.empty());
  EXPECT_TRUE(spaces.removed.empty());
}

TEST(BatchTemplatesTest, SharedLinesOfUnrelatedDocumentsOnly) {
  // Documents 0-3 are unrelated but share line 99; 4-6 are copies.
  std::vector<std::vector<uint64_t>> docs = {{1, 2, 3, 99},   {4, 5, 6, 99},    {7, 8, 9, 99},
                                             {10, 11, 99},    {20, 21, 22, 23}, {20, 21, 22, 23},
                                             {20, 21, 22, 24}};
  auto t = internal::FindTemplateLines(docs, 3, 0.3);
  EXPECT_EQ(t.size(), 1u);
  EXPECT_EQ(t.count(99), 1u);
}

TEST(CleanerTest, SharedStockSentencesStayAndSharedPitchesGo) {
  const char* kTopics[] = {"flooded roads in the north", "a fire at the old mill",
                           "snow closing the mountain pass", "a strike at the airport"};
  std::vector<Document> docs;
  for (int i = 0; i < 4; ++i) {
    std::string topic = kTopics[i];
    docs.push_back(Doc("d" + std::to_string(i),
                       "Report number " + std::to_string(i) + " on " + topic + "\n\n" +
                           "Officials described " + topic + " as the worst in a decade on " +
                           "Tuesday, and crews worked through the night.\n\n" +
                           "Check before you travel.\n\n" + "Residents near " + topic +
                           " were told to expect delays until the weekend at least.\n\n" +
                           "Sign up for our newsletter.\n"));
  }
  CleanBatch(CleanOptions(), &docs);
  for (const Document& d : docs) {
    SCOPED_TRACE(d.source);
    EXPECT_EQ(Removed(d), "template:Sign up for our newsletter.");
  }
}

TEST(CleanerTest, TenThousandIdenticalDocumentsStayLinear) {
  std::vector<Document> docs;
  for (int i = 0; i < 10000; ++i) {
    docs.push_back(Doc("d" + std::to_string(i),
                       "Same Title Here\n\nThe same body paragraph appears in every copy of "
                       "this syndicated story.\n"));
  }
  CleanOptions options;
  options.threads = 2;
  CleanBatch(options, &docs);
  for (const Document& d : docs) ASSERT_EQ(d.blocks.size(), 2u);
}

// ---- The hand-labelled seeds (../shared/corpus/seeds/gold.json). ----

class SeedsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::path(RSH_SHARED_DIR) / "corpus" / "seeds";
    if (!fs::exists(dir_ / "gold.json")) GTEST_SKIP() << "no " << dir_;
    gold_ = nlohmann::json::parse(ReadAll(dir_ / "gold.json"));
    for (const auto& [name, _] : gold_["documents"].items()) {
      docs_.push_back(Doc(name, ReadAll(dir_ / name)));
    }
    CleanOptions options;
    options.threads = 2;
    CleanBatch(options, &docs_);
    for (Document& d : docs_) by_name_[d.source] = &d;
  }

  static std::string Norm(const std::string& s) { return text::CollapseWhitespace(s); }

  size_t KeptWithKey(const Document& d, const std::string& s) {
    std::string key = text::LooseKey(s);
    size_t n = 0;
    for (const Block& b : d.blocks) n += text::LooseKey(b.text) == key;
    return n;
  }

  fs::path dir_;
  nlohmann::json gold_;
  std::vector<Document> docs_;
  std::map<std::string, Document*> by_name_;
};

TEST_F(SeedsTest, EveryBoilerplateLineIsRemoved) {
  int checked = 0;
  for (const auto& [name, lines] : gold_["boilerplate_must_go"].items()) {
    const Document& d = *by_name_.at(name);
    for (const auto& line : lines) {
      std::string want = Norm(line.get<std::string>());
      SCOPED_TRACE(name + ": " + want);
      EXPECT_EQ(KeptWithKey(d, want), 0u);
      bool recorded = false;
      for (const RemovedLine& r : d.removed) recorded |= Norm(r.text) == want;
      EXPECT_TRUE(recorded);
      ++checked;
    }
  }
  EXPECT_EQ(checked, 29);
}

TEST_F(SeedsTest, EveryBodyLineStays) {
  for (const auto& [name, lines] : gold_["body_must_stay"].items()) {
    const Document& d = *by_name_.at(name);
    for (const auto& line : lines) {
      std::string want = Norm(line.get<std::string>());
      SCOPED_TRACE(name + ": " + want);
      bool kept = false;
      for (const Block& b : d.blocks) kept |= b.text == want;
      EXPECT_TRUE(kept);
    }
  }
}

TEST_F(SeedsTest, RepeatsAreKeptExactlyOnce) {
  for (const auto& [name, lines] : gold_["repeated_within_document"].items()) {
    for (const auto& line : lines) {
      SCOPED_TRACE(name + ": " + line.get<std::string>());
      EXPECT_EQ(KeptWithKey(*by_name_.at(name), line.get<std::string>()), 1u);
    }
  }
}

TEST_F(SeedsTest, CaptionsLoseOnlyTheirCredit) {
  for (const auto& [name, lines] : gold_["caption_credit_suffixes"].items()) {
    const Document& d = *by_name_.at(name);
    for (const auto& line : lines) {
      std::string full = line.get<std::string>();
      std::string caption = Norm(full.substr(0, full.find("\xC2\xA9")));
      SCOPED_TRACE(name + ": " + caption);
      bool found = false;
      for (const Block& b : d.blocks) {
        if (b.text == caption) {
          found = true;
          EXPECT_EQ(b.kind, BlockKind::kCaption);
        }
        EXPECT_EQ(b.text.find("\xC2\xA9"), std::string::npos) << b.text;
      }
      EXPECT_TRUE(found);
    }
  }
}

TEST_F(SeedsTest, AllAreEnglish) {
  for (const Document& d : docs_) {
    SCOPED_TRACE(d.source);
    EXPECT_EQ(d.language, "en");
    EXPECT_GT(d.language_confidence, 0.5);
  }
}

// ---- The project's own example corpus (examples/README.md). ----

TEST(ExamplesTest, PlantedNoiseGoesAndProseStays) {
  fs::path dir = fs::path(RSH_SOURCE_DIR) / "examples";
  std::vector<Document> docs;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.path().extension() == ".txt") {
      docs.push_back(Doc(e.path().filename().string(), ReadAll(e.path())));
    }
  }
  std::sort(docs.begin(), docs.end(),
            [](const Document& a, const Document& b) { return a.source < b.source; });
  ASSERT_GE(docs.size(), 6u);
  CleanBatch(CleanOptions(), &docs);
  std::map<std::string, int> reasons;
  for (const Document& d : docs) {
    for (const RemovedLine& r : d.removed) reasons[std::string(RemoveReasonName(r.reason))]++;
    for (const Block& b : d.blocks) {
      SCOPED_TRACE(d.source + ": " + b.text);
      EXPECT_NE(b.text, "Advertisement");
      EXPECT_EQ(b.text.find("Read also"), std::string::npos);
      EXPECT_EQ(b.text.find("\xC2\xA9"), std::string::npos);
      EXPECT_EQ(b.text.find("Post a Comment"), std::string::npos);
      EXPECT_EQ(b.text.find("(file photo)"), std::string::npos);
    }
  }
  EXPECT_GE(reasons["ad_marker"], 4);
  EXPECT_GE(reasons["related_link"], 3);
  EXPECT_GE(reasons["credit"], 8);
  EXPECT_GE(reasons["promo"], 4);
  EXPECT_GE(reasons["repeat"], 2);
  EXPECT_GE(reasons["widget"], 4);
  bool german = false;
  for (const Document& d : docs) german |= d.language == "de";
  EXPECT_TRUE(german);
}

// ---- The project's labelled cleaning corpus (testdata/clean/). ----

TEST(LabelledCorpusTest, NoArticleLineGoesAndMostFurnitureDoes) {
  fs::path dir = fs::path(RSH_SOURCE_DIR) / "testdata" / "clean";
  nlohmann::json labels = nlohmann::json::parse(ReadAll(dir / "labels.json"));
  int keep = 0, wrongly_removed = 0, furniture = 0, kept_furniture = 0;
  for (const auto& [name, lines] : labels.items()) {
    Document d = Doc(name, ReadAll(dir / name));
    CleanDocument(CleanOptions(), &d);
    std::set<int> removed;
    for (const RemovedLine& r : d.removed) {
      if (r.rule != "trailing_credit") removed.insert(r.line);
    }
    for (const auto& [number, label] : lines.items()) {
      const std::string kind = label[0].get<std::string>();
      const bool gone = removed.count(std::stoi(number)) != 0;
      if (kind == "K") {
        ++keep;
        if (gone) {
          ++wrongly_removed;
          ADD_FAILURE() << name << ":" << number << " removed: " << label[1].get<std::string>();
        }
      } else if (kind == "B" || kind == "R") {
        ++furniture;
        kept_furniture += !gone;
      }
    }
  }
  EXPECT_GT(keep, 200);
  EXPECT_EQ(wrongly_removed, 0);
  // 282 furniture lines; 55 survived when this bound was set.
  EXPECT_GT(furniture, 250);
  EXPECT_LE(kept_furniture, 60) << "of " << furniture;
}

// ---------------------------------------------------------------- HTML extraction

Document ExtractHtml(std::string html, std::string url = "") {
  std::vector<Document> docs(1);
  docs[0].source = "page.html";
  docs[0].url = std::move(url);
  docs[0].raw = std::move(html);
  docs[0].format = DocFormat::kHtml;
  ExtractOptions options;
  std::vector<ExtractError> errors = ExtractBatch(options, &docs);
  EXPECT_TRUE(errors.empty());
  return docs.empty() ? Document() : docs[0];
}

// The kept blocks' texts joined by "|", title excluded.
std::string BodyTexts(const Document& d) {
  std::string out;
  for (const Block& b : d.blocks) {
    if (b.kind == BlockKind::kTitle) continue;
    if (!out.empty()) out += "|";
    out += b.text;
  }
  return out;
}

std::string RemovedRules(const Document& d) {
  std::set<std::string> rules;
  for (const RemovedLine& r : d.removed) rules.insert(r.rule);
  std::string out;
  for (const std::string& r : rules) out += (out.empty() ? "" : ",") + r;
  return out;
}

constexpr const char* kSentenceA =
    "The harbour authority said on Tuesday that the new pier would open to ferries in spring.";
constexpr const char* kSentenceB =
    "Engineers had spent two winters driving piles into the soft clay of the estuary bed.";
constexpr const char* kSentenceC =
    "Local fishermen welcomed the plan but asked for a separate berth for their smaller boats.";

std::string Page(const std::string& body, const std::string& head = "") {
  return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Pier to open in "
         "spring | Example Gazette</title>" +
         head + "</head><body>" + body + "</body></html>";
}

TEST(HtmlExtractTest, ArticleContainerWinsOverNavigationAndComments) {
  std::string body = std::string(
                         "<header><nav><ul><li><a href=/>Home</a></li><li><a href=/w>World</a>"
                         "</li><li><a href=/s>Sport</a></li></ul></nav></header>"
                         "<div class=\"cookie-banner\">We use cookies to improve your "
                         "experience on our site and to show you relevant adverts.</div>"
                         "<article><h1>Pier to open in spring</h1><p>") +
                     kSentenceA + "</p><p>" + kSentenceB + "</p><h2>Fishing boats</h2><p>" +
                     kSentenceC +
                     "</p><div class=\"share-tools\"><a href=#>Share on Facebook</a> "
                     "<a href=#>Share by email</a></div></article>"
                     "<section id=\"comments\"><p>I have waited for this pier for twenty years "
                     "and I still do not believe the council will finish it.</p></section>"
                     "<aside class=\"related-stories\"><ul><li><a href=/a>Bridge closes for "
                     "repairs over the winter months</a></li></ul></aside>"
                     "<footer><p>Copyright 2026 Example Gazette. All rights reserved.</p></footer>";
  Document d = ExtractHtml(Page(body));
  EXPECT_EQ(d.title, "Pier to open in spring");
  EXPECT_EQ(BodyTexts(d),
            std::string(kSentenceA) + "|" + kSentenceB + "|Fishing boats|" + kSentenceC);
  bool heading = false;
  for (const Block& b : d.blocks)
    heading |= b.kind == BlockKind::kHeading && b.text == "Fishing boats";
  EXPECT_TRUE(heading);
  const std::string rules = RemovedRules(d);
  EXPECT_NE(rules.find("html_comments"), std::string::npos) << rules;
  EXPECT_NE(rules.find("html_cookie_notice"), std::string::npos) << rules;
  EXPECT_EQ(d.language, "en");
}

TEST(HtmlExtractTest, DivSoupWithBreaksAndLinkListsKeepsTheProse) {
  std::string body = std::string("<div id=wrap class=\"page has-sidebar\"><div class=col>") +
                     kSentenceA + "<br><br>" + kSentenceB + "<br>" + kSentenceC +
                     "</div><div class=col2><a href=/1>Storm warning for the coast tonight</a><br>"
                     "<a href=/2>Council votes on parking fees next week</a><br>"
                     "<a href=/3>School opens a new science wing</a></div></div>";
  Document d = ExtractHtml(Page(body));
  EXPECT_EQ(BodyTexts(d), std::string(kSentenceA) + "|" + kSentenceB + "|" + kSentenceC);
}

TEST(HtmlExtractTest, HiddenScriptAndFormControlsGiveNoText) {
  std::string body = std::string("<article><p>") + kSentenceA +
                     "</p><p style=\"display: none\">Hidden text that no reader ever sees on "
                     "the page at all.</p><script>var x = 'not text at all, just code';</script>"
                     "<p>" +
                     kSentenceB + "<button>Click here to load more</button></p><p hidden>" +
                     kSentenceC + "</p></article>";
  Document d = ExtractHtml(Page(body));
  EXPECT_EQ(BodyTexts(d), std::string(kSentenceA) + "|" + kSentenceB);
}

TEST(HtmlExtractTest, JsonLdBodyWhenThePageShowsOnlyATeaser) {
  std::string ld = std::string(
                       "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
                       "\"headline\":\"Pier to open in spring\",\"articleBody\":\"") +
                   kSentenceA + "\\n" + kSentenceB + "\\n" + kSentenceC + " " + kSentenceA + " " +
                   kSentenceB + "\"}</script>";
  std::string body = "<article><p>Subscribe to read the full story.</p></article>";
  Document d = ExtractHtml(Page(body, ld));
  EXPECT_NE(BodyTexts(d).find(kSentenceB), std::string::npos) << BodyTexts(d);
  EXPECT_EQ(d.title, "Pier to open in spring");
}

TEST(HtmlExtractTest, MetadataFillsTheDocumentButInputWins) {
  std::string head =
      "<meta property=\"og:site_name\" content=\"Example Gazette\">"
      "<meta name=\"author\" content=\"Jane Roe\">"
      "<meta property=\"article:published_time\" content=\"2026-03-03T14:05:00+01:00\">";
  std::string body =
      std::string("<article><p>") + kSentenceA + "</p><p>" + kSentenceB + "</p></article>";
  std::vector<Document> docs(1);
  docs[0].source = "p.html";
  docs[0].raw = Page(body, head);
  docs[0].format = DocFormat::kHtml;
  docs[0].authors = {"Given Author"};
  ASSERT_TRUE(ExtractBatch(ExtractOptions(), &docs).empty());
  EXPECT_EQ(docs[0].outlet, "Example Gazette");
  EXPECT_EQ(docs[0].published, "2026-03-03T14:05:00+01:00");
  EXPECT_EQ(docs[0].authors, std::vector<std::string>{"Given Author"});
  EXPECT_EQ(docs[0].charset, "UTF-8");
}

TEST(HtmlExtractTest, OverBudgetPageIsAnErrorAndOthersGoOn) {
  std::vector<Document> docs(2);
  docs[0].source = "big.html";
  docs[0].format = DocFormat::kHtml;
  docs[0].raw = Page(std::string("<p>") + kSentenceA + "</p>");
  docs[1] = docs[0];
  docs[1].source = "ok.html";
  docs[0].raw.append(4096, ' ');
  ExtractOptions options;
  options.parse.max_bytes = 2048;
  std::vector<ExtractError> errors = ExtractBatch(options, &docs);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].source, "big.html");
  EXPECT_NE(errors[0].reason.find("budget"), std::string::npos) << errors[0].reason;
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].source, "ok.html");
}

TEST(HtmlExtractTest, HostilePagesNeverCrash) {
  std::string nested;
  for (int i = 0; i < 100000; ++i) nested += "<div>";
  nested += kSentenceA;
  Document d = ExtractHtml(Page(nested));
  EXPECT_EQ(BodyTexts(d), kSentenceA);
  for (const char* page : {"", "<", "<html", "<p>unterminated", "\xff\xfe\x00<p>x",
                           "<table><td><li><p><h1>x</table></h1>", "<a><a><a><a>link"}) {
    ExtractHtml(std::string(page));
  }
}

constexpr const char* kSentenceD =
    "The council will decide in April whether to extend the pier by another forty metres.";

TEST(HtmlExtractTest, FurnitureWordOnTheOnlyProseIsOverruled) {
  std::string body =
      std::string("<nav><a href=/>Home</a></nav><div class=\"story-promo-wrapper\"><p>") +
      kSentenceA + "</p><p>" + kSentenceB + "</p><p>" + kSentenceC + "</p></div>";
  Document d = ExtractHtml(Page(body));
  EXPECT_EQ(BodyTexts(d), std::string(kSentenceA) + "|" + kSentenceB + "|" + kSentenceC);
}

TEST(HtmlExtractTest, ListThatIsTheArticleStays) {
  std::string body = std::string("<div class=post><h1>Pier to open in spring</h1><p>") +
                     kSentenceA +
                     "</p><ol><li>Book a berth online</li><li>Show your licence at the "
                     "office</li><li>Pay the seasonal fee</li><li>Collect your pass</li></ol><p>" +
                     kSentenceB + "</p></div>";
  Document d = ExtractHtml(Page(body));
  EXPECT_EQ(BodyTexts(d), std::string(kSentenceA) +
                              "|Book a berth online|Show your licence at the office|Pay the "
                              "seasonal fee|Collect your pass|" +
                              kSentenceB);
  for (const Block& b : d.blocks) {
    if (b.text == "Pay the seasonal fee") {
      EXPECT_EQ(b.kind, BlockKind::kBody);
    }
  }
}

TEST(HtmlExtractTest, BoxBetweenArticlePartsDoesNotSplitTheArticle) {
  std::string body =
      std::string("<div class=story><div class=part><p>") + kSentenceA + "</p><p>" + kSentenceB +
      "</p></div><div class=package><div class=item><a href=/x><h4>Storm warning for the "
      "coast</h4></a><p>Forecasters expect gales along the whole coast from Friday night "
      "onwards.</p></div></div><div class=part><p>" +
      kSentenceC + "</p><p>" + kSentenceD + "</p></div></div>";
  Document d = ExtractHtml(Page(body));
  EXPECT_EQ(BodyTexts(d),
            std::string(kSentenceA) + "|" + kSentenceB + "|" + kSentenceC + "|" + kSentenceD);
}

TEST(HtmlExtractTest, CustomElementsAreBlocksAndNamedFurniture) {
  std::string body = std::string("<story-body><story-paragraph>") + kSentenceA +
                     "</story-paragraph><story-paragraph>" + kSentenceB +
                     "</story-paragraph><related-stories><a href=/r>Bridge closes for "
                     "repairs</a></related-stories></story-body><amp-ad><div>Loading "
                     "ad</div></amp-ad>";
  Document d = ExtractHtml(Page(body));
  EXPECT_EQ(BodyTexts(d), std::string(kSentenceA) + "|" + kSentenceB);
}

TEST(HtmlExtractTest, ResponsiveHiddenClassesKeepTheText) {
  std::string body = std::string("<article><p class=\"hidden md:block\">") + kSentenceA +
                     "</p><p class=\"d-none d-lg-block\">" + kSentenceB +
                     "</p><p class=\"sr-only\">Advertisement</p><p>" + kSentenceC +
                     "</p></article>";
  Document d = ExtractHtml(Page(body));
  EXPECT_EQ(BodyTexts(d), std::string(kSentenceA) + "|" + kSentenceB + "|" + kSentenceC);
}

TEST(HtmlExtractTest, BylineAndDateLinesGoWithTheirReason) {
  std::string body = std::string(
                         "<article><div class=\"entry-meta\">Por Ana Ruiz · 30 sep 2026, "
                         "10:42</div><p>") +
                     kSentenceA + "</p><p>" + kSentenceB + "</p><p>" + kSentenceC +
                     "</p></article>";
  Document d = ExtractHtml(Page(body));
  EXPECT_EQ(BodyTexts(d), std::string(kSentenceA) + "|" + kSentenceB + "|" + kSentenceC);
  EXPECT_NE(RemovedRules(d).find("html_byline"), std::string::npos) << RemovedRules(d);
}

TEST(HtmlExtractTest, LinkedSubheadingsAreNoTeaserCards) {
  std::string body = std::string("<div class=post-body><p>") + kSentenceA +
                     "</p><h2><a href=/a>1. The harbour museum</a></h2><p>" + kSentenceB +
                     "</p><h2><a href=/b>2. The lighthouse walk</a></h2><p>" + kSentenceC +
                     "</p></div><aside class=sidebar><p>Sign up for the weekly newsletter "
                     "today.</p></aside>";
  Document d = ExtractHtml(Page(body));
  EXPECT_EQ(BodyTexts(d), std::string(kSentenceA) + "|1. The harbour museum|" + kSentenceB +
                              "|2. The lighthouse walk|" + kSentenceC);
}

TEST(HtmlExtractTest, EmbeddedPostsAndCaptionsAreKeptApart) {
  std::string body =
      std::string("<article><p>") + kSentenceA +
      "</p><figure><img src=a.jpg><figcaption>The new pier at dawn. Photo: Jane "
      "Roe</figcaption></figure><div class=social-embed><blockquote class=tweet><p>Cannot wait "
      "to moor my boat at the new pier next spring.</p></blockquote></div><p>" +
      kSentenceB + "</p></article>";
  Document d = ExtractHtml(Page(body));
  EXPECT_EQ(d.ArticleText(), std::string(kSentenceA) +
                                 "\n\nCannot wait to moor my boat at the new pier next "
                                 "spring.\n\n" +
                                 kSentenceB);
  bool caption = false;
  for (const Block& b : d.blocks) {
    caption |= b.kind == BlockKind::kCaption && b.text == "The new pier at dawn.";
  }
  EXPECT_TRUE(caption);
  EXPECT_NE(RemovedRules(d).find("html_caption_credit"), std::string::npos) << RemovedRules(d);
}

// Golden pages in testdata/extract/<case>/: source.html, expected.txt (the
// article's blocks, title first, joined by blank lines) and
// expected-meta.json. RSH_UPDATE_GOLDEN=1 rewrites the expected files.
TEST(GoldenExtractTest, PagesGiveTheirExpectedTextAndMetadata) {
  const fs::path dir = fs::path(RSH_SOURCE_DIR) / "testdata" / "extract";
  if (!fs::exists(dir)) GTEST_SKIP() << "no " << dir;
  const bool update = std::getenv("RSH_UPDATE_GOLDEN") != nullptr;
  int cases = 0;
  std::vector<fs::path> paths;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.is_directory()) paths.push_back(e.path());
  }
  std::sort(paths.begin(), paths.end());
  for (const fs::path& c : paths) {
    SCOPED_TRACE(c.filename().string());
    if (!fs::exists(c / "source.html")) continue;
    ++cases;
    std::vector<Document> docs(1);
    docs[0].source = c.filename().string();
    docs[0].raw = ReadAll(c / "source.html");
    docs[0].format = DocFormat::kHtml;
    ASSERT_TRUE(ExtractBatch(ExtractOptions(), &docs).empty());
    const Document& d = docs[0];
    const std::string text = d.CleanText() + "\n";
    nlohmann::json meta = {{"title", d.title},       {"published", d.published},
                           {"authors", d.authors},   {"site", d.outlet},
                           {"language", d.language}, {"canonical_url", d.canonical_url}};
    if (update) {
      std::ofstream(c / "expected.txt", std::ios::binary) << text;
      std::ofstream(c / "expected-meta.json", std::ios::binary) << meta.dump(2) << "\n";
      continue;
    }
    EXPECT_EQ(text, ReadAll(c / "expected.txt"));
    nlohmann::json want = nlohmann::json::parse(ReadAll(c / "expected-meta.json"));
    for (auto it = want.begin(); it != want.end(); ++it) {
      EXPECT_EQ(meta[it.key()], it.value()) << it.key();
    }
  }
  EXPECT_GE(cases, 10);
}

PageMetadata Meta(std::string_view html, std::string_view url = "https://news.example.org/a/1") {
  Result<html::Dom> dom = html::ParseHtml(html, html::ParseOptions());
  EXPECT_TRUE(dom.ok());
  return ExtractMetadata(*dom, url);
}

std::string Bracket(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) out += "[" + n + "]";
  return out;
}

TEST(NormalizeDateTest, Formats) {
  constexpr struct {
    const char* in;
    const char* want;
  } kCases[] = {
      // ISO 8601 and its relatives.
      {"2024-05-03T15:47:42.389Z", "2024-05-03T15:47:42+00:00"},
      {"2024-05-03T15:47:42+02:00", "2024-05-03T15:47:42+02:00"},
      {"2024-05-03T15:47:42-0400", "2024-05-03T15:47:42-04:00"},
      {"2024-05-03 15:47:42.389000+00:00", "2024-05-03T15:47:42+00:00"},
      {"2024-05-03T15:47", "2024-05-03T15:47:00"},
      {"2024-05-03", "2024-05-03"},
      {"  2024/05/03 08:05  ", "2024-05-03T08:05:00"},
      {"20240503", "2024-05-03"},
      {"20240503T154742Z", "2024-05-03T15:47:42+00:00"},
      {"1714751262", "2024-05-03T15:47:42+00:00"},
      {"1714751262000", "2024-05-03T15:47:42+00:00"},
      // RFC 2822 and English prose.
      {"Fri, 03 May 2024 15:47:42 +0200", "2024-05-03T15:47:42+02:00"},
      {"Fri, 03 May 2024 15:47:42 GMT", "2024-05-03T15:47:42+00:00"},
      {"May 3, 2024", "2024-05-03"},
      {"May 3, 2024 3:47 pm EDT", "2024-05-03T15:47:00-04:00"},
      {"Updated: Sept. 3rd, 2024, 12:05 a.m.", "2024-09-03T00:05:00"},
      {"3 May 2024, 09:15 BST", "2024-05-03T09:15:00+01:00"},
      {"Published 12:30 PM, 3 May 2024", "2024-05-03T12:30:00"},
      // German, French, Spanish, Italian, Portuguese, Dutch.
      {"3. Mai 2024, 15:47 Uhr", "2024-05-03T15:47:00"},
      {"03.05.2024, 15.47 Uhr", "2024-05-03T15:47:00"},
      {"Stand: 15:47 Uhr, 03.05.2024", "2024-05-03T15:47:00"},
      {"3. März 2024", "2024-03-03"},
      {"Publié le 3 mai 2024 à 15h47", "2024-05-03T15:47:00"},
      {"1er février 2023", "2023-02-01"},
      {"3 de mayo de 2024 - 15:47 CEST", "2024-05-03T15:47:00+02:00"},
      {"3 maggio 2024 ore 15:47", "2024-05-03T15:47:00"},
      {"3 de março de 2024 às 9:05", "2024-03-03T09:05:00"},
      {"3 mei 2024 om 15:47", "2024-05-03T15:47:00"},
      // Russian, Ukrainian, Polish, Czech, Turkish, Lithuanian, Hungarian.
      {"14 мая 2025 г., 20:28", "2025-05-14T20:28:00"},
      {"8 січня 2026, 17:46", "2026-01-08T17:46:00"},
      {"2 lutego 2025 21:52", "2025-02-02T21:52:00"},
      {"8. dubna 2025", "2025-04-08"},
      {"5 Nisan 2025 14:00", "2025-04-05T14:00:00"},
      {"2024 m. kovo 31 d. 16:59", "2024-03-31T16:59:00"},
      {"2024. március 31.", "2024-03-31"},
      // East Asian forms.
      {"2025年1月13日 21時37分", "2025-01-13T21:37:00"},
      {"2025年1月13日 21:37", "2025-01-13T21:37:00"},
      {"2025.06.04 02:37", "2025-06-04T02:37:00"},
      {"2026. 1. 29. 오후 6:40", "2026-01-29T18:40:00"},
      {"22/10/2025, 19:25 (GMT+7)", "2025-10-22T19:25:00+07:00"},
      // Numeric: day first unless the second number cannot be a month.
      {"04/05/2024", "2024-05-04"},
      {"12/25/2024", "2024-12-25"},
      {"03.05.24", "2024-05-03"},
      {"29.02.2024", "2024-02-29"},
      // Not dates.
      {"", ""},
      {"5 min read", ""},
      {"Email the author", ""},
      {"30.02.2024", ""},
      {"29.02.2023", ""},
      {"2024-13-01", ""},
      {"May 2024", ""},
      {"Version 1.2.2024.5", ""},
      {"99999999", ""},
      {"15:47", ""},
  };
  for (const auto& c : kCases) {
    SCOPED_TRACE(c.in);
    EXPECT_EQ(NormalizeDate(c.in), c.want);
  }
}

TEST(NormalizeDateTest, NeverReadsPastBudgetOrCrashes) {
  std::string long_text(100000, '9');
  EXPECT_EQ(NormalizeDate(long_text), "");
  std::string junk = "\xFF\xFE 3. M\xC3 2024 \xE2\x80";
  EXPECT_EQ(NormalizeDate(junk), "");
  std::string late;
  for (int i = 0; i < 2500; ++i) late += "x ";
  late += "3 May 2024";
  EXPECT_EQ(NormalizeDate(late), "");  // Past the first 1,024 bytes.
}

TEST(DateFromUrlTest, Paths) {
  constexpr struct {
    const char* in;
    const char* want;
  } kCases[] = {
      {"https://example.org/2024/05/03/story-title", "2024-05-03"},
      {"https://example.org/news/2024-05-03-story", "2024-05-03"},
      {"https://example.org/story_20240503.html", "2024-05-03"},
      {"https://example.org/a/20240503/b", "2024-05-03"},
      {"https://example.org/world/2019/nov/18/story", "2019-11-18"},
      {"https://example.org/2019/Nov/3/story", "2019-11-03"},
      {"https://example.org/2019/nov/story", ""},
      {"https://example.org/2024/05/story", ""},
      {"https://example.org/story/3000000218734/title", ""},
      {"https://example.org/id/202405031234", ""},
      {"https://2024-05-03.example.org/x", ""},  // The host is not the path.
      {"https://example.org/1850/01/01/old", ""},
      {"https://example.org/2023/02/29/x", ""},
      {"", ""},
  };
  for (const auto& c : kCases) {
    SCOPED_TRACE(c.in);
    EXPECT_EQ(internal::DateFromUrl(c.in), c.want);
  }
}

TEST(MetadataTest, TitleLosesSiteName) {
  constexpr struct {
    const char* title;
    const char* site;
    const char* want;
  } kCases[] = {
      {"Rain floods the valley | Daily Planet", "Daily Planet", "Rain floods the valley"},
      {"Daily Planet - Rain floods the valley", "Daily Planet", "Rain floods the valley"},
      {"Rain floods the valley – DAILY PLANET", "Daily Planet", "Rain floods the valley"},
      {"Rain floods the valley :: Daily-Planet.com", "", "Rain floods the valley"},
      {"Rain floods the valley · Section | Daily Planet", "Daily Planet",
       "Rain floods the valley · Section"},
      // A separator inside the headline stays when no side names the site.
      {"Budget 3.0 | Tax office hires 500", "Daily Planet", "Budget 3.0 | Tax office hires 500"},
      {"Rain - and then the flood", "Daily Planet", "Rain - and then the flood"},
      {"Take care - Daily Planet at the book fair 2018", "",
       "Take care - Daily Planet at the book fair 2018"},
      {"洪水が谷を襲う：デイリー新聞", "デイリー新聞", "洪水が谷を襲う"},
  };
  for (const auto& c : kCases) {
    SCOPED_TRACE(c.title);
    std::string html = "<html><head><title>" + std::string(c.title) + "</title>";
    if (*c.site) html += "<meta property=og:site_name content=\"" + std::string(c.site) + "\">";
    html += "</head><body><p>Text</p></body></html>";
    EXPECT_EQ(Meta(html, "https://www.daily-planet.com/x").title, c.want);
  }
}

TEST(MetadataTest, TitlePrefersOpenGraphAndTheVisibleHeadline) {
  // og:title first.
  EXPECT_EQ(Meta("<title>SEO words | Planet</title><meta property=og:title content='Share "
                 "title'><h1>Visible</h1>")
                .title,
            "Share title");
  // og:title is the <h1> plus a section: the <h1> wins.
  EXPECT_EQ(Meta("<meta property=og:title content='Rain floods the valley - Weather'>"
                 "<article><h1>Rain floods the valley</h1></article>")
                .title,
            "Rain floods the valley");
  // Without og:title, JSON-LD; a truncated og:title gives way to it.
  EXPECT_EQ(Meta("<script type=application/ld+json>{\"@type\":\"NewsArticle\","
                 "\"headline\":\"Rain floods the valley after a week of storms\"}</script>"
                 "<meta property=og:title content='Rain floods the valley after a…'>")
                .title,
            "Rain floods the valley after a week of storms");
  // Only <title> and <h1>: the <h1> when <title> wraps it.
  EXPECT_EQ(Meta("<title>Weather: Rain floods the valley (photos)</title>"
                 "<h1>Rain floods the valley</h1>")
                .title,
            "Rain floods the valley");
  // The author credit goes too.
  EXPECT_EQ(Meta("<meta property=og:title content='Rain floods the valley | by Jane Roe'>"
                 "<meta name=author content='Jane Roe'>")
                .title,
            "Rain floods the valley");
  // <title> inside inline SVG is no page title; whitespace folds.
  EXPECT_EQ(Meta("<body><svg><title>Logo</title></svg><h1>  Rain\n floods </h1></body>").title,
            "Rain floods");
  EXPECT_EQ(Meta("<p>No title at all</p>").title, "");
}

TEST(MetadataTest, JsonLdGraphArraysAndReferences) {
  const char* html = R"(<html><head>
<script type="application/ld+json">
{"@context":"https://schema.org","@graph":[
  {"@type":"WebSite","@id":"https://news.example.org/#site","name":"Example News"},
  {"@type":"Person","@id":"https://news.example.org/#jane","name":"Jane Roe"},
  {"@type":["NewsArticle"],"headline":"Graph headline &amp; more",
   "datePublished":"2024-05-03T17:47:42+02:00","dateModified":"2024-05-04T08:00:00Z",
   "author":[{"@id":"https://news.example.org/#jane"},{"@type":"Person","name":"John Doe"}],
   "publisher":{"@type":"Organization","name":"Example News"},
   "articleBody":"  First line.\nSecond line.  ",
   "image":[{"@type":"ImageObject","url":"https://news.example.org/i.jpg"}]}
]}
</script></head><body></body></html>)";
  PageMetadata m = Meta(html);
  EXPECT_EQ(m.title, "Graph headline & more");
  EXPECT_EQ(m.published, "2024-05-03T17:47:42+02:00");
  EXPECT_EQ(m.modified, "2024-05-04T08:00:00+00:00");
  EXPECT_EQ(Bracket(m.authors), "[Jane Roe][John Doe]");
  EXPECT_EQ(m.site, "Example News");
  EXPECT_EQ(m.json_ld_body, "First line.\nSecond line.");
  EXPECT_EQ(m.image, "https://news.example.org/i.jpg");
}

TEST(MetadataTest, JsonLdPicksTheArticleOfThisPage) {
  const char* html = R"(
<script type="application/ld+json">[
  {"@type":"ItemList","itemListElement":[{"@type":"ListItem","item":
    {"@type":"NewsArticle","headline":"A teaser","url":"https://news.example.org/other",
     "datePublished":"2020-01-01"}}]},
  {"@type":"WebPage","datePublished":"2024-05-03",
   "mainEntity":{"@type":"ReportageNews","headline":"The story",
     "url":"https://news.example.org/a/1","author":"By Jane Roe and John Doe"}}
]</script>)";
  PageMetadata m = Meta(html);
  EXPECT_EQ(m.title, "The story");
  EXPECT_EQ(Bracket(m.authors), "[Jane Roe][John Doe]");
  EXPECT_EQ(m.published, "2024-05-03");  // From the WebPage, not the teaser.
}

TEST(MetadataTest, JsonLdBadInputIsIgnored) {
  std::string deep = "<script type=application/ld+json>";
  for (int i = 0; i < 5000; ++i) deep += "[";
  deep += "</script><meta property=og:title content=Fine>";
  EXPECT_EQ(Meta(deep).title, "Fine");
  EXPECT_EQ(Meta("<script type=application/ld+json>{\"@type\":\"NewsArticle\",</script>"
                 "<script type=application/ld+json>{\"@type\":\"NewsArticle\",\"headline\":"
                 "\"Line\nbreak\",\"author\":{\"name\":{\"x\":1}},\"datePublished\":42}</script>")
                .title,
            "Line break");
  std::string many;
  for (int i = 0; i < 200; ++i)
    many += "<script type=application/ld+json>{\"@type\":\"Thing\"}</script>";
  many +=
      "<script type=application/ld+json>{\"@type\":\"NewsArticle\",\"headline\":\"Late\"}"
      "</script>";
  EXPECT_EQ(Meta(many).title, "");  // Past the 64-script budget.
}

TEST(MetadataTest, PublishedSources) {
  constexpr struct {
    const char* html;
    const char* url;
    const char* want;
  } kCases[] = {
      {"<meta property='article:published_time' content='2024-05-03T15:47:42Z'>", "",
       "2024-05-03T15:47:42+00:00"},
      {"<meta name=pubdate content='20240503'>", "", "2024-05-03"},
      {"<meta name=dc.date.issued content='2024-05-03'>"
       "<meta property='og:updated_time' content='2024-05-05T10:00:00+02:00'>",
       "", "2024-05-03"},
      {"<span itemprop=datePublished content='2024-05-03T10:00:00+02:00'>3 May</span>", "",
       "2024-05-03T10:00:00+02:00"},
      {"<article><time datetime='2024-05-03T09:00:00-05:00'>May 3</time></article>", "",
       "2024-05-03T09:00:00-05:00"},
      {"<time datetime='2020-01-01'>x</time><time pubdate datetime='2024-05-03'>y</time>", "",
       "2024-05-03"},
      {"<div class=article-date>Veröffentlicht am 3. Mai 2024, 15:47 Uhr</div>", "",
       "2024-05-03T15:47:00"},
      {"<p>Nothing here</p>", "https://news.example.org/2024/05/03/story", "2024-05-03"},
      // A later source adds the time or the offset the first lacks.
      {"<meta name=date content='2024-05-03'>"
       "<meta property='article:published_time' content='2024-05-03T15:47:00+02:00'>",
       "", "2024-05-03T15:47:00+02:00"},
      {"<meta property='article:published_time' content='2024-05-03T15:47:00'>"
       "<meta name=date content='2024-05-03T15:47:00+02:00'>",
       "", "2024-05-03T15:47:00+02:00"},
      {"<meta property='article:published_time' content='soon'>", "", ""},
  };
  for (const auto& c : kCases) {
    SCOPED_TRACE(c.html);
    EXPECT_EQ(Meta(c.html, c.url).published, c.want);
  }
}

TEST(MetadataTest, AuthorsFromMetaAndByline) {
  constexpr struct {
    const char* html;
    const char* want;
  } kCases[] = {
      {"<meta name=author content='Jane Roe, John Doe'>", "[Jane Roe][John Doe]"},
      {"<meta name=author content='https://www.facebook.com/page'>"
       "<meta property=article:author content='Jane Roe'>",
       "[Jane Roe]"},
      {"<meta name=author content='jane@example.org'><meta name=twitter:label1 "
       "content='Written by'><meta name=twitter:data1 content='Jane Roe'>",
       "[Jane Roe]"},
      {"<div class=byline>By <a>Jane Roe</a> and <a>John Doe</a><time>May 3, 2024</time>"
       "</div>",
       "[Jane Roe][John Doe]"},
      {"<p class=article-author>Von Anna Beispiel und Max Muster, dpa</p>",
       "[Anna Beispiel][Max Muster][dpa]"},
      {"<span class=author-name>Par Jean Dupont et Marie Durand</span>",
       "[Jean Dupont][Marie Durand]"},
      {"<div class=byline>Por María López y Juan Pérez | 5 min read</div>",
       "[María López][Juan Pérez]"},
      {"<div class=byline>Autor: Anna Beispiel (abe)</div>", "[Anna Beispiel]"},
      {"<div class=byline>Tom Roe, AP Auto Writer</div>", "[Tom Roe]"},
      {"<div class=byline>Ann Lee, MS, RDN</div>", "[Ann Lee]"},
      {"<div class=byline>Email the author | Updated 3 hours ago | @janeroe</div>", ""},
      {"<div class=byline>Staff Writer</div>", ""},
      {"<div class=author>This is a very long sentence about the author of the story</div>", ""},
      {"<meta name=author content='Jane Roe'><meta name=author content='JANE ROE'>", "[Jane Roe]"},
      {"<meta name=author content='신현주 기자'>", "[신현주]"},
      // Microdata: only the item of the first author (others are teasers).
      {"<article itemscope><span itemprop=author itemscope><span itemprop=name>Jane Roe"
       "</span></span><aside><div itemscope><span itemprop=author>Other Person</span></div>"
       "</aside></article>",
       "[Jane Roe]"},
  };
  for (const auto& c : kCases) {
    SCOPED_TRACE(c.html);
    EXPECT_EQ(Bracket(Meta(c.html).authors), c.want);
  }
}

TEST(MetadataTest, SiteNameAsAuthorGivesWayToAPerson) {
  const char* site = "<meta property=og:site_name content='Example News'>";
  // The declared author is the site; the byline link names a person.
  EXPECT_EQ(Bracket(Meta(std::string(site) +
                         "<meta name=author content='Example News'>"
                         "<h1>Story</h1><p>von <a href='/autoren/jane-roe'>Jane Roe</a></p>")
                        .authors),
            "[Jane Roe]");
  // An agency code in the page does not replace the declared site.
  EXPECT_EQ(Bracket(Meta(std::string(site) + "<meta name=author content='Example News'>"
                                             "<div class=byline>APA</div>")
                        .authors),
            "[Example News]");
  // An agency the page names as author stays.
  EXPECT_EQ(Bracket(Meta("<meta name=author content='Reuters, Jane Roe'>").authors),
            "[Reuters][Jane Roe]");
}

TEST(MetadataTest, SiteCanonicalDescriptionImage) {
  PageMetadata m = Meta(
      "<link rel=canonical href='/a/../b/story?x=1#top'>"
      "<meta name=description content=' Plain  description '>"
      "<meta property=og:image content='//cdn.example.org/i.jpg'>",
      "https://www.example.org/section/page.html");
  EXPECT_EQ(m.canonical_url, "https://www.example.org/b/story?x=1#top");
  EXPECT_EQ(m.site, "example.org");
  EXPECT_EQ(m.description, "Plain description");
  EXPECT_EQ(m.image, "https://cdn.example.org/i.jpg");

  constexpr struct {
    const char* href;
    const char* want;
  } kCanonical[] = {
      {"https://other.example/x", "https://other.example/x"},
      {"story.html", "https://www.example.org/section/story.html"},
      {"./story.html", "https://www.example.org/section/story.html"},
      {"../top.html", "https://www.example.org/top.html"},
      {"?page=2", "https://www.example.org/section/page.html?page=2"},
      {"", ""},
  };
  for (const auto& c : kCanonical) {
    SCOPED_TRACE(c.href);
    EXPECT_EQ(Meta("<link rel=canonical href='" + std::string(c.href) + "'>",
                   "https://www.example.org/section/page.html")
                  .canonical_url,
              c.want);
  }
  EXPECT_EQ(Meta("<meta property=og:url content='https://example.org/og'>").canonical_url,
            "https://example.org/og");
  EXPECT_EQ(Meta("<link rel=canonical href='/x'>", "").canonical_url, "");
  EXPECT_EQ(Meta("<meta name=application-name content=App>").site, "App");
}

TEST(MetadataTest, Language) {
  constexpr struct {
    const char* html;
    const char* want;
  } kCases[] = {
      {"<html lang=de-AT><body></body></html>", "de"},
      {"<html lang=EN><body></body></html>", "en"},
      {"<html><meta property=og:locale content=pt_BR></html>", "pt"},
      {"<html><meta http-equiv=content-language content='fr, en'></html>", "fr"},
      {"<html><meta name=language content=deu></html>", "de"},
      {"<html lang=x-default><meta name=language content=ja></html>", "ja"},
      {"<html lang=english></html>", ""},
      {"<p>none</p>", ""},
  };
  for (const auto& c : kCases) {
    SCOPED_TRACE(c.html);
    EXPECT_EQ(Meta(c.html).language, c.want);
  }
}

TEST(MetadataTest, EmptyDom) {
  html::Dom dom;
  PageMetadata m = ExtractMetadata(dom, "");
  EXPECT_EQ(m.title, "");
  EXPECT_EQ(m.published, "");
  EXPECT_TRUE(m.authors.empty());
  EXPECT_EQ(m.site, "");
}

}  // namespace
}  // namespace rashomon::extract
