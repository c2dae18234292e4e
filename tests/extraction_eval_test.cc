// The extraction metric (bench/extraction_metric.h) and floors on the
// labelled HTML data sets of ../shared/data (skipped when absent). The
// floors sit a little under the targets so that they catch regressions;
// bench/extraction_eval prints the exact figures and the worst pages.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "bench/extraction_data.h"
#include "bench/extraction_metric.h"

namespace rashomon::bench {
namespace {

std::string Bracket(const std::vector<std::string_view>& tokens) {
  std::string out;
  for (std::string_view t : tokens) (out += out.empty() ? "" : "|") += t;
  return out;
}

// Shingles sorted, "[a b c d]" each, with "x2" after one counted twice.
std::string Bracket(const ShingleCounts& counts) {
  std::map<std::string, int> sorted(counts.begin(), counts.end());
  std::string out;
  for (const auto& [key, n] : sorted) {
    out += "[" + key + "]";
    if (n > 1) out += "x" + std::to_string(n);
  }
  return out;
}

TEST(ExtractionMetricTest, TokensAreRunsOfPythonWordCharacters) {
  constexpr struct {
    const char* in;
    const char* want;
  } kCases[] = {
      {"Hello, world!", "Hello|world"},
      {"snake_case and 42nd", "snake_case|and|42nd"},
      {"don't stop-gap", "don|t|stop|gap"},
      {"Caf\u00e9 na\u00efve \u00dcber", "Caf\u00e9|na\u00efve|\u00dcber"},
      // A combining accent is no word character in Python's re: it splits.
      {"e\u0301t\u00e9", "e|t\u00e9"},
      {"\u0939\u093f\u0928\u094d\u0926\u0940", "\u0939|\u0928|\u0926"},  // Hindi "hindi".
      {"\u4e2d\u6587 \u65e5\u672c\u8a9e\u30c6\u30ad\u30b9\u30c8",
       "\u4e2d\u6587|\u65e5\u672c\u8a9e\u30c6\u30ad\u30b9\u30c8"},  // No spaces: one token.
      {"\u041c\u043e\u0441\u043a\u0432\u0430\u2014\u041a\u0438\u0435\u0432",
       "\u041c\u043e\u0441\u043a\u0432\u0430|\u041a\u0438\u0435\u0432"},
      {"x\u00b2 \u00bd \u216b \u0663", "x\u00b2|\u00bd|\u216b|\u0663"},  // No, Nl, Nd.
      {"\u00a0tab\there\u3000wide", "tab|here|wide"},
      {"a\xff"
       "b",
       "a|b"},  // Invalid UTF-8 is U+FFFD, a separator.
      {"", ""},
      {" \n\t ", ""},
  };
  for (const auto& c : kCases) {
    SCOPED_TRACE(c.in);
    EXPECT_EQ(Bracket(WordTokens(c.in)), c.want);
  }
}

TEST(ExtractionMetricTest, ShortTextsGiveOneShingleOfAllTheirTokens) {
  constexpr struct {
    const char* in;
    const char* want;
  } kCases[] = {
      {"a b c d e", "[a b c d][b c d e]"},
      {"a b c d", "[a b c d]"},
      {"one two three", "[one two three]"},
      {"one", "[one]"},
      {"x x x x x x", "[x x x x]x3"},
      {"", ""},
      {"?!", ""},
  };
  for (const auto& c : kCases) {
    SCOPED_TRACE(c.in);
    EXPECT_EQ(Bracket(Shingles(WordTokens(c.in))), c.want);
  }
}

// Expected values computed with the benchmark's evaluate.py logic.
TEST(ExtractionMetricTest, PageCountsAreNormalisedShingleMatches) {
  constexpr struct {
    const char* truth;
    const char* ours;
    double tp, fp, fn;
  } kCases[] = {
      {"one two three four five", "one two three four five", 1, 0, 0},
      {"a b c d", "e f g h", 0, 0.5, 0.5},
      {"a b c d e", "", 0, 0, 1},
      {"a b c d e", "a b c d e f", 2.0 / 3, 1.0 / 3, 0},
      {"one two", "one two three", 0, 0.5, 0.5},
      {"one two", "One, two.", 0, 0.5, 0.5},  // Case is kept.
      {"", "", 0, 0, 0},
      {"x x x x x x", "x x x x x", 2.0 / 3, 0, 1.0 / 3},  // A multiset.
  };
  for (const auto& c : kCases) {
    SCOPED_TRACE(std::string(c.truth) + " / " + c.ours);
    PageCounts p = MatchShingles(c.truth, c.ours);
    EXPECT_NEAR(p.tp, c.tp, 1e-12);
    EXPECT_NEAR(p.fp, c.fp, 1e-12);
    EXPECT_NEAR(p.fn, c.fn, 1e-12);
  }
}

TEST(ExtractionMetricTest, IdenticalTextsScoreOneAndDisjointZero) {
  const char* text = "The harbour reopened on Tuesday after a two-day storm, officials said.";
  BodyScores same = Summarize({MatchShingles(text, text)});
  EXPECT_DOUBLE_EQ(same.f1, 1.0);
  EXPECT_DOUBLE_EQ(same.precision, 1.0);
  EXPECT_DOUBLE_EQ(same.recall, 1.0);
  BodyScores disjoint =
      Summarize({MatchShingles(text, "Ferries resumed their normal timetable in the afternoon.")});
  EXPECT_DOUBLE_EQ(disjoint.f1, 0.0);
  EXPECT_DOUBLE_EQ(disjoint.precision, 0.0);
  EXPECT_DOUBLE_EQ(disjoint.recall, 0.0);
}

TEST(ExtractionMetricTest, EmptyExtractionScoresRecallZeroAndNoPrecision) {
  BodyScores s = Summarize({MatchShingles("a page we missed entirely here", "")});
  EXPECT_EQ(s.precision_pages, 0u);
  EXPECT_EQ(s.recall_pages, 1u);
  EXPECT_DOUBLE_EQ(s.recall, 0.0);
  EXPECT_DOUBLE_EQ(s.f1, 0.0);
}

// Every page weighs the same: a long page half wrong and a short page
// right average to P = (97/197 + 1) / 2, not to the shingle totals.
TEST(ExtractionMetricTest, PagesWeighTheSameWhateverTheirLength) {
  std::string long_truth, long_ours, extra;
  for (int i = 0; i < 100; ++i) {
    long_truth += " w" + std::to_string(i);
    extra += " x" + std::to_string(i);
  }
  long_ours = long_truth + extra;
  const char* short_text = "the short page has eight words in it";
  std::vector<PageCounts> pages = {MatchShingles(long_truth, long_ours),
                                   MatchShingles(short_text, short_text),
                                   MatchShingles("a page we missed entirely here", "")};
  EXPECT_NEAR(pages[0].tp + pages[0].fp + pages[0].fn, 1.0, 1e-12);
  BodyScores s = Summarize(pages);
  EXPECT_EQ(s.pages, 3u);
  EXPECT_EQ(s.precision_pages, 2u);
  EXPECT_EQ(s.recall_pages, 3u);
  EXPECT_NEAR(s.precision, 0.7461928934010152, 1e-12);
  EXPECT_NEAR(s.recall, 2.0 / 3, 1e-12);
  EXPECT_NEAR(s.f1, 0.704191616766467, 1e-12);
}

TEST(ExtractionMetricTest, TitlesMatchAfterFoldingWhiteSpace) {
  constexpr struct {
    const char* label;
    const char* ours;
    bool want;
  } kCases[] = {
      {"Storm Closes  the Harbour", " Storm Closes the\nHarbour ", true},
      {"Storm Closes the Harbour", "Storm closes the harbour", false},
      {"Storm\u00a0Closes the Harbour", "Storm Closes the Harbour", true},
      {"Storm Closes the Harbour", "Storm Closes the Harbour | Gazette", false},
      {"", "", true},
  };
  for (const auto& c : kCases) {
    SCOPED_TRACE(std::string(c.label) + " / " + c.ours);
    EXPECT_EQ(TitleMatches(c.label, c.ours), c.want);
  }
}

TEST(ExtractionMetricTest, DatesMatchToTheMinuteWithTimeZones) {
  constexpr struct {
    const char* label;
    const char* ours;
    bool want;
  } kCases[] = {
      {"2024-05-03 15:47:42.389000+00:00", "2024-05-03T17:47:42+02:00", true},
      {"2024-05-03 15:47:42.389000+00:00", "2024-05-03T15:47:00Z", true},
      {"2024-05-03 15:47:42.389000+00:00", "2024-05-03T15:48:00Z", false},
      {"2024-05-03 15:47:42.389000+00:00", "2024-05-03T15:47:59", true},  // Wall clock.
      {"2024-05-03 15:47:42.389000+00:00", "2024-05-03T17:47:42", false},
      {"2024-05-03 15:47:42.389000+00:00", "2024-05-03", false},
      {"2024-05-03 23:30:00-04:00", "2024-05-04T03:30:00Z", true},
      {"2024-05-03 15:47:42+0530", "2024-05-03T10:17:42+00:00", true},
      {"2026-06-01 00:00:00", "2026-06-01", true},
      {"2026-06-01 00:00:00", "2026-06-01T00:00:00+02:00", true},
      {"2026-06-01 00:00:00", "2026-06-02", false},
      {"", "", true},  // A missing label matches a missing date only.
      {"", "2024-05-03", false},
      {"2024-05-03 15:47:42+00:00", "", false},
      {"2024-05-03 15:47:42+00:00", "3 May 2024", false},
  };
  for (const auto& c : kCases) {
    SCOPED_TRACE(std::string(c.label) + " / " + c.ours);
    EXPECT_EQ(DateMatches(c.label, c.ours), c.want);
  }
  EXPECT_TRUE(DateDayMatches("2024-05-03 15:47:42+00:00", "2024-05-03"));
  EXPECT_FALSE(DateDayMatches("2024-05-03 15:47:42+00:00", "2024-05-04T01:00:00+09:00"));
}

TEST(ExtractionMetricTest, AuthorSetsMatchIgnoringCase) {
  using Names = std::vector<std::string>;
  const struct {
    Names label;
    Names ours;
    bool want;
  } kCases[] = {
      {{"Birgit Baumann", "Anna Fink"}, {"anna fink", "BIRGIT  BAUMANN"}, true},
      {{"Birgit Baumann", "Anna Fink"}, {"Birgit Baumann"}, false},
      {{"Ond\u0159ej Katz"}, {"OND\u0158EJ KATZ"}, true},
      {{"Jane Roe"}, {"Jane Roe", "Jane Roe"}, true},  // Sets.
      {{}, {}, true},                                  // A null label is no author.
      {{}, {"Jane Roe"}, false},
      {{"Jane Roe"}, {}, false},
  };
  for (const auto& c : kCases) {
    EXPECT_EQ(AuthorsMatch(c.label, c.ours), c.want) << testing::PrintToString(c.ours);
  }
}

const std::string kDataDir = RSH_SHARED_DIR "/data";

TEST(ExtractionEvalTest, ExtractionDevBodyF1) {
  if (!std::filesystem::exists(kDataDir + "/extraction-dev")) GTEST_SKIP() << "no ../shared";
  Dataset dev = LoadExtractionDev(kDataDir + "/extraction-dev");
  EXPECT_TRUE(dev.errors.empty()) << dev.errors.front();
  ASSERT_EQ(dev.pages.size(), 91u);
  DatasetResult r = EvaluateDataset(dev, ExtractOptionsForEval());
  EXPECT_GE(r.body.f1, 0.95) << "P " << r.body.precision << " R " << r.body.recall
                             << "; bench/extraction_eval --misses 10 lists the worst pages";
}

TEST(ExtractionEvalTest, FundusDevBodyAndMetadata) {
  if (!std::filesystem::exists(kDataDir + "/fundus-dev")) GTEST_SKIP() << "no ../shared";
  Dataset fundus = LoadFundusDev(kDataDir + "/fundus-dev");
  EXPECT_TRUE(fundus.errors.empty()) << fundus.errors.front();
  ASSERT_EQ(fundus.pages.size(), 129u);
  DatasetResult r = EvaluateDataset(fundus, ExtractOptionsForEval());
  // The targets for body, date and authors; measured 0.951, 96.1 %
  // and 92.2 %. Titles stay under the 95 % target (84.5 % measured): where
  // og:title and the JSON-LD headline differ, the labels follow either
  // about equally often (docs/metadata.md), so this floor guards regressions only.
  EXPECT_GE(r.body.f1, 0.93) << "P " << r.body.precision << " R " << r.body.recall
                             << "; bench/extraction_eval --misses 10 lists the worst pages";
  EXPECT_GE(r.Share(r.title_ok), 0.82) << r.title_ok;
  EXPECT_GE(r.Share(r.date_ok), 0.90) << r.date_ok;
  EXPECT_GE(r.Share(r.authors_ok), 0.85) << r.authors_ok;
}

}  // namespace
}  // namespace rashomon::bench
