#include <gtest/gtest.h>

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
#include "extract/line_rules.h"
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

}  // namespace
}  // namespace rashomon::extract
