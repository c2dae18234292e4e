#include "report/report.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace rashomon::report {
namespace {

// Three invented reports of one event: two agree, the third gives another
// count (24 inspectors, not 14), and one carries an HTML and script payload as text.
std::vector<Document> Reports() {
  const char* bodies[] = {
      "The old swing bridge at Harlow Quay was closed on Monday after engineers found cracks in "
      "its main pier.\n\nThe council said 14 inspectors had examined the structure over the "
      "weekend.\n\nTraffic is being diverted through the town centre, adding about twenty "
      "minutes to journeys.\n\nThe bridge, opened in 1898, carries around 9,000 vehicles a "
      "day.\n\nRepairs are expected to take at least three months, the council said.\n\nLocal "
      "shop owners said the closure would hurt trade in the run-up to the summer.",
      "Harlow Quay's swing bridge was closed on Monday when engineers found cracks in its main "
      "pier.\n\nAccording to the council, 14 inspectors examined the structure over the "
      "weekend.\n\nDrivers are diverted through the town centre, which adds about twenty "
      "minutes to journeys.\n\nThe bridge, opened in 1898, carries around 9,000 vehicles a "
      "day.\n\nThe council said repairs would take at least three months.\n\nA reader wrote "
      "<script>alert(1)</script> and <img src=x onerror=alert(2)> under the article.",
      "The swing bridge at Harlow Quay closed on Monday after engineers found cracks in the "
      "main pier.\n\nThe council said 24 inspectors had examined the structure over the "
      "weekend.\n\nThe bridge, opened in 1898, carries around 9,000 vehicles a day.\n\nRepairs "
      "will take at least three months, the council said."};
  std::vector<Document> docs;
  for (int i = 0; i < 3; ++i) {
    Document d;
    d.source = "report" + std::to_string(i) + ".txt";
    d.title = i == 2 ? "Harlow Quay bridge shut" : "Cracks close Harlow Quay swing bridge";
    d.language = "en";
    d.blocks.push_back({BlockKind::kBody, bodies[i], 1});
    d.removed.push_back({"Advertisement", RemoveReason::kAdMarker, "ad_marker", 2});
    docs.push_back(std::move(d));
  }
  return docs;
}

class ReportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    docs_ = Reports();
    analysis_ = pipeline::Analyze(docs_);
    report_ = BuildReport(docs_, analysis_);
  }
  std::vector<Document> docs_;
  pipeline::Analysis analysis_;
  nlohmann::json report_;
};

TEST_F(ReportTest, JsonHasTheSchemaShape) {
  ASSERT_EQ(report_["documents"].size(), 3u);
  for (const auto& d : report_["documents"]) {
    for (const char* key : {"source", "title", "language", "machine_translated", "duplicate_of",
                            "removed", "text"}) {
      EXPECT_TRUE(d.contains(key)) << key;
    }
    ASSERT_EQ(d["removed"].size(), 1u);
    EXPECT_EQ(d["removed"][0]["reason"], "ad_marker");
  }
  ASSERT_EQ(report_["stories"].size(), 1u);
  const auto& s = report_["stories"][0];
  for (const char* key : {"id", "title", "documents", "brief", "claims", "conflicts", "quotes",
                          "citations", "notes"}) {
    EXPECT_TRUE(s.contains(key)) << key;
  }
  EXPECT_EQ(s["documents"].size(), 3u);
}

TEST_F(ReportTest, EveryBriefSentenceIsTraceable) {
  const auto& s = report_["stories"][0];
  ASSERT_GE(s["brief"].size(), 3u);
  EXPECT_LE(s["brief"].size(), 12u);
  for (const auto& b : s["brief"]) {
    ASSERT_FALSE(b["documents"].empty());
    // The cited words are the brief text, in the named document.
    size_t doc = 0;
    while (doc < docs_.size() && docs_[doc].source != b["document"]) ++doc;
    ASSERT_LT(doc, docs_.size());
    const std::string& text = analysis_.texts[doc];
    const size_t begin = b["begin"], end = b["end"];
    ASSERT_LE(end, text.size());
    EXPECT_EQ(text.substr(begin, end - begin), b["text"].get<std::string>());
    for (const auto& span : b["spans"]) EXPECT_LT(span["begin"], span["end"]);
  }
}

TEST_F(ReportTest, ConflictHasBothSidesAndCorroborationCountsSources) {
  const auto& s = report_["stories"][0];
  ASSERT_EQ(s["conflicts"].size(), 1u) << s["conflicts"].dump(1);
  const auto& c = s["conflicts"][0];
  EXPECT_EQ(c["kind"], "quantity");
  std::vector<std::string> values;
  for (const auto& side : c["sides"]) values.push_back(side["text"]);
  std::sort(values.begin(), values.end());
  ASSERT_EQ(values.size(), 3u);
  EXPECT_NE(values[0].find("14"), std::string::npos);
  EXPECT_NE(values[2].find("24"), std::string::npos);
  bool bridge_age = false;
  for (const auto& claim : s["claims"]) {
    if (claim["text"].get<std::string>().find("1898") != std::string::npos) {
      bridge_age = true;
      EXPECT_EQ(claim["status"], "corroborated");
      EXPECT_EQ(claim["sources"], 3);
    }
  }
  EXPECT_TRUE(bridge_age);
}

TEST_F(ReportTest, HtmlEscapesSourcesAndLoadsNothing) {
  const std::string html = RenderHtml(report_);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("<img"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  EXPECT_NE(html.find("onerror=alert(2)&gt;"), std::string::npos);
  EXPECT_EQ(html.find("http://"), std::string::npos);
  EXPECT_EQ(html.find("https://"), std::string::npos);
  // Each citation link points at a marked span of a document.
  const size_t link = html.find("<a class=\"cite\" href=\"#d");
  ASSERT_NE(link, std::string::npos);
  const size_t id_begin = link + std::string("<a class=\"cite\" href=\"#").size();
  const std::string id = html.substr(id_begin, html.find('"', id_begin) - id_begin);
  EXPECT_NE(html.find("<mark id=\"" + id + "\">"), std::string::npos) << id;
}

TEST_F(ReportTest, MarkdownKeepsTextAndEscapesMarkup) {
  const std::string md = RenderMarkdown(report_);
  EXPECT_NE(md.find("## Story "), std::string::npos);
  EXPECT_NE(md.find("### Brief"), std::string::npos);
  EXPECT_NE(md.find("### Conflicts"), std::string::npos);
  EXPECT_NE(md.find("| report0.txt |"), std::string::npos);
}

TEST(EscapeHtmlTest, EscapesEveryMarkupCharacter) {
  EXPECT_EQ(EscapeHtml("<a href=\"x\" onclick='y'>&</a>"),
            "&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
  EXPECT_EQ(EscapeHtml(""), "");
}

TEST(BuildReportTest, EmptyAnalysis) {
  const nlohmann::json j = BuildReport({}, pipeline::Analyze({}));
  EXPECT_TRUE(j["documents"].empty());
  EXPECT_TRUE(j["stories"].empty());
  EXPECT_NE(RenderHtml(j).find("</html>"), std::string::npos);
  EXPECT_NE(RenderMarkdown(j).find("0 documents"), std::string::npos);
}

}  // namespace
}  // namespace rashomon::report
