#include "claims/claims.h"

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "claims/aliases.h"
#include "claims/entities.h"
#include "claims/quotes.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"

namespace rashomon::claims {
namespace {

// "text|text" of the entities of `sentence`.
std::string Names(std::string_view sentence, std::string_view document = "") {
  EntityFinder finder;
  finder.SetDocument(document);
  std::string out;
  for (const Entity& e : finder.Find(sentence)) {
    if (!out.empty()) out += '|';
    out += e.acronym ? "#" + e.text : e.text;
  }
  return out;
}

TEST(EntityFinderTest, FindsNamesAndAcronyms) {
  constexpr struct {
    const char* in;
    const char* want;
  } kCases[] = {
      {"The Federal Maritime Agency (FMA) hired Pavel Orlanov.",
       "Federal Maritime Agency|#FMA|Pavel Orlanov"},
      {"However, Kelmstad disagreed.", "Kelmstad"},
      {"The newspaper said the agency and the outlet disagreed.", ""},
      {"Norland's Federal Maritime Agency watches the Eastern Ice Route.",
       "Norland|Federal Maritime Agency|Eastern Ice Route"},
      {"Finnish President Tomas Varga met Foreign Minister Elin Lindqvist.",
       "Tomas Varga|Elin Lindqvist"},
      {"He said the Ministry of Fisheries and the DKPO agreed.", "Ministry of Fisheries|#DKPO"},
      {"Marta Quellen of the Hallam Endowment spoke.", "Marta Quellen|Hallam Endowment"},
      {"It was seen by The Lakeside Morning Post (LMP) first.", "Lakeside Morning Post|#LMP"},
      {"", ""},
  };
  for (const auto& c : kCases) {
    SCOPED_TRACE(c.in);
    EXPECT_EQ(Names(c.in), c.want);
  }
}

TEST(EntityFinderTest, SentenceStartWrittenLowerCaseElsewhereIsNoName) {
  EXPECT_EQ(Names("Leaked documents reached Pavel Orlanov.", "leaked files"), "Pavel Orlanov");
  EXPECT_EQ(Names("Leaked documents reached Pavel Orlanov."), "Leaked|Pavel Orlanov");
}

TEST(EntityFinderTest, ElidedArticlesAreNotPartOfTheName) {
  // The documents also write "le" and "il" in lower case: no names.
  EXPECT_EQ(Names("Le navire venait du port d\u2019Ellory avec sa cargaison.", "le port"),
            "Ellory");
  EXPECT_EQ(Names("Il a parl\u00e9 de l'Islande et de la Norv\u00e8ge.", "il dit"), "Islande|Norv\u00e8ge");
  EXPECT_EQ(Names("Il est parti d'ici hier.", "il dit"), "");
}

TEST(EntityFinderTest, KeysDropTheAndRecordIt) {
  EntityFinder finder;
  const std::vector<Entity> e = finder.Find("He wrote for The Lakeside Morning Post's site.");
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].key, "lakeside morning post");
  EXPECT_EQ(e[0].text, "Lakeside Morning Post");
  EXPECT_TRUE(e[0].after_capital_the);
  EXPECT_EQ(e[0].type, EntityType::kOrganisation);
}

TEST(EntityFinderTest, CyrillicNamesAreTransliterated) {
  EntityFinder finder;
  finder.SetDocument("об этом");
  std::set<std::string> keys;
  for (const Entity& e : finder.Find("Об этом сообщил Павел Орланов из ФМА.")) keys.insert(e.key);
  EXPECT_EQ(keys, (std::set<std::string>{"pavel orlanov", "fma"}));
}

TEST(EntityFinderTest, ParenthesisDefinesAcronym) {
  EntityFinder finder;
  const std::vector<Entity> e =
      finder.Find("The Department for Coastal Patrol Operations (DKPO) wrote it.");
  ASSERT_EQ(e.size(), 2u);
  EXPECT_EQ(e[0].text, "Department for Coastal Patrol Operations");
  EXPECT_EQ(e[1].expansion_key, "department for coastal patrol operations");
}

Entity Mention(EntityFinder* finder, std::string_view sentence, std::string_view text) {
  for (const Entity& e : finder->Find(sentence)) {
    if (e.text == text) return e;
  }
  ADD_FAILURE() << "no " << text << " in " << sentence;
  return {};
}

TEST(AliasTableTest, ResolvesAcronymsInitialsAndSurnames) {
  EntityFinder finder;
  AliasTable table;
  for (std::string_view s :
       {"It was obtained by The Lakeside Morning Post on Friday.", "We met Pavel Orlanov, an expert.",
        "The Federal Maritime Agency (FMA) refused.", "Later the LMP and Orlanov agreed.",
        "We saw Ivan Petrov and Olga Petrov.", "Petrov left.", "Then the FMA and the ZZT met."}) {
    for (const Entity& e : finder.Find(s)) table.Add(e);
  }
  constexpr struct {
    const char* key;
    const char* want;
  } kCases[] = {
      {"lmp", "The Lakeside Morning Post"},
      {"lakeside morning post", "The Lakeside Morning Post"},
      {"fma", "Federal Maritime Agency"},
      {"orlanov", "Pavel Orlanov"},
      {"petrov", "Petrov"},
      {"zzt", "ZZT"},
      {"unknown words", "unknown words"},
  };
  for (const auto& c : kCases) {
    SCOPED_TRACE(c.key);
    EXPECT_EQ(table.Canonical(c.key).display, c.want);
  }
  EXPECT_EQ(table.Canonical("orlanov").type, EntityType::kPerson);
  EXPECT_EQ(table.Canonical("lmp").type, EntityType::kOrganisation);
}

TEST(AliasTableTest, TheBelongsToTheNameWhenWritersCapitaliseIt) {
  EntityFinder finder;
  AliasTable table;
  table.Add(Mention(&finder, "He read the Daily Planet.", "Daily Planet"));
  EXPECT_EQ(table.Canonical("daily planet").display, "Daily Planet");
  table.Add(Mention(&finder, "He read The Daily Planet.", "Daily Planet"));
  EXPECT_EQ(table.Canonical("daily planet").display, "The Daily Planet");
  // Sentence-initial "The" says nothing.
  table.Add(Mention(&finder, "The Daily Planet said so.", "Daily Planet"));
  table.Add(Mention(&finder, "He read the Daily Planet.", "Daily Planet"));
  EXPECT_EQ(table.Canonical("daily planet").display, "Daily Planet");
}

// "speaker=text" of each quote of `doc` after AnalyzeDocument; "?" when no speaker.
std::string Quotes(std::string_view doc) {
  const DocumentClaims claims = AnalyzeDocument(doc);
  std::string out;
  for (const Quote& q : claims.quotes) {
    if (!out.empty()) out += " | ";
    out += (q.speaker.empty() ? "?" : q.speaker) + "=" + q.text;
  }
  return out;
}

TEST(QuotesTest, SpeakerPatterns) {
  constexpr struct {
    const char* in;
    const char* want;
  } kCases[] = {
      {"\"We will not leave the city,\" Anna Berg said.", "Anna Berg=We will not leave the city,"},
      {"\"We will not leave,\" said Anna Berg.", "Anna Berg=We will not leave,"},
      {"Anna Berg said: \"We will stay here.\"", "Anna Berg=We will stay here."},
      {"Anna Berg said \"no\" twice.", "Anna Berg=no"},
      {"Anna Berg said that \"the plan failed.\"", "Anna Berg=the plan failed."},
      {"As Anna Berg observed for the Daily Planet, \"the plan failed badly.\"",
       "Anna Berg=the plan failed badly."},
      {"Anna Berg, an expert on ports, warned: \"The ships will not come.\"",
       "Anna Berg=The ships will not come."},
      {"\u201CIt is over for us,\u201D Anna Berg told the Daily Planet.",
       "Anna Berg=It is over for us,"},
      {"According to Anna Berg, \"the port is closed now.\"", "Anna Berg=the port is closed now."},
      {"\u201CThe port is closed,\u201D according to Anna Berg.", "Anna Berg=The port is closed,"},
      {"\u00AB Nous restons ici ensemble \u00BB, a dit Anna Berg.", "?=Nous restons ici ensemble"},
      {"Anna Berg said: \u201EWe will stay here.\u201C", "Anna Berg=We will stay here."},
      {"\u201CThe ships will not come,\u201D the memo reads.", "the memo=The ships will not come,"},
      {"\u2018We stay,\u2019 Anna Berg said.", "Anna Berg=We stay,"},
      {"Anna Berg arrived. \u201CWe stay here today,\u201D she said.",
       "Anna Berg=We stay here today,"},
      {"Anna Berg met Tom Reed. \u201CWe stay here today,\u201D she said.",
       "?=We stay here today,"},
      {"They call Norland \"the rival\" and a \"silver age\" partner.", ""},
      {"The memo calls it \u2018the rival of all harbours\u2019 today.", ""},
      {"The memo says \"there were, in short, delays.\"", "the memo=there were, in short, delays."},
  };
  for (const auto& c : kCases) {
    SCOPED_TRACE(c.in);
    EXPECT_EQ(Quotes(c.in), c.want);
  }
}

TEST(QuotesTest, SpeakerTypesAndPronounFlag) {
  const DocumentClaims d = AnalyzeDocument(
      "Anna Berg arrived. \"We stay here today,\" she said. \"The port is shut now,\" the "
      "report said.");
  ASSERT_EQ(d.quotes.size(), 2u);
  EXPECT_TRUE(d.quotes[0].pronoun);
  EXPECT_EQ(d.quotes[0].speaker_type, EntityType::kPerson);
  EXPECT_EQ(d.quotes[0].cue, "said");
  EXPECT_EQ(d.quotes[1].speaker, "the report");
  EXPECT_EQ(d.quotes[1].speaker_type, EntityType::kOther);
}

// "cue:source" of each citation of `doc`.
std::string Citations(std::string_view doc) {
  const DocumentClaims claims = AnalyzeDocument(doc);
  std::string out;
  for (const Citation& c : claims.citations) {
    if (!out.empty()) out += " | ";
    out += c.cue + ":" + c.source;
  }
  return out;
}

TEST(CitationsTest, Cues) {
  constexpr struct {
    const char* in;
    const char* want;
  } kCases[] = {
      {"According to the Daily Planet, the port closed.", "according to:Daily Planet"},
      {"According to Anna Berg, the port closed.", "according to:Anna Berg"},
      {"The Daily Planet reported that the port closed.", "reported:Daily Planet"},
      {"The Daily Planet first reported the closure.", "first reported:Daily Planet"},
      {"A memo obtained by the Daily Planet shows it.", "obtained by:Daily Planet"},
      {"A memo first reported on by the Daily Planet shows it.", "reported on by:Daily Planet"},
      {"The memo was obtained by the hacker group Blue Owls.", "obtained by:Blue Owls"},
      {"The memo was obtained by Blue Owls, a hacker group, in May.", "obtained by:Blue Owls"},
      {"The memo, seen by Reuters, is short.", "seen by:Reuters"},
      {"The memo, cited by the LMP, is short.", "cited by:LMP"},
      {"A report by the Daily Planet says so.", "report by:Daily Planet"},
      {"A recent Daily Planet investigation found it.", "investigation:Daily Planet"},
      {"Officials told Reuters the port closed.", "told:Reuters"},
      {"In an interview with the Daily Planet he spoke.", "interview with:Daily Planet"},
      {"Citing officials, Reuters reported the closure.", "reported:Reuters"},
      {"The memo led the Daily Planet to estimate the date.", "led to estimate:Daily Planet"},
      {"He said it The Daily Planet (TDP), citing a memo.", "said it:The Daily Planet"},
      {"Anna Berg said the port closed.", ""},
      {"The newspaper reported the closure.", ""},
  };
  for (const auto& c : kCases) {
    SCOPED_TRACE(c.in);
    EXPECT_EQ(Citations(c.in), c.want);
  }
}

TEST(CitationsTest, AcronymResolvedAcrossTheStory) {
  std::vector<DocumentClaims> story;
  story.push_back(AnalyzeDocument("The memo was obtained by The Lakeside Morning Post on Friday."));
  story.push_back(AnalyzeDocument("The memo, cited by the LMP, is short."));
  story.push_back(AnalyzeDocument("We spoke to Pavel Orlanov. Orlanov said it was real."));
  ResolveStory(&story);
  EXPECT_EQ(CitedSources(story[0]), std::vector<std::string>{"The Lakeside Morning Post"});
  EXPECT_EQ(CitedSources(story[1]), std::vector<std::string>{"The Lakeside Morning Post"});
  EXPECT_TRUE(story[2].citations.empty());  // "Orlanov said": a person.
  ResolveStory(&story);                     // Idempotent.
  EXPECT_EQ(CitedSources(story[1]), std::vector<std::string>{"The Lakeside Morning Post"});
}

TEST(AnalyzeDocumentTest, ClaimsHaveDocumentSpansTermsQuantitiesAndDates) {
  const std::string text = "Intro line.\nThe FMA approved 12,000 new files in March 2021.";
  const DocumentClaims d = AnalyzeDocument(text);
  ASSERT_EQ(d.claims.size(), 2u);
  const Claim& c = d.claims[1];
  EXPECT_EQ(c.index, 1u);
  EXPECT_EQ(text.substr(c.span.begin, c.span.end - c.span.begin), c.text);
  ASSERT_EQ(c.entities.size(), 1u);
  EXPECT_EQ(text.substr(c.entities[0].span.begin, 3), "FMA");
  EXPECT_EQ(c.terms, (std::vector<std::string>{"fma", "approv", "new", "file", "march"}));
  ASSERT_FALSE(c.quantities.empty());
  EXPECT_EQ(text.substr(c.quantities[0].span.begin, 6), "12,000");
  ASSERT_FALSE(c.dates.empty());
  EXPECT_EQ(c.dates[0].normalized, "2021-03");
  EXPECT_EQ(text.substr(c.dates[0].span.begin, 5), "March");
}

// The labelled seed reports: quotes with their speakers and cited sources.
class SeedTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::path(RSH_SHARED_DIR) / "corpus" / "seeds";
    if (!std::filesystem::exists(dir_ / "gold.json")) GTEST_SKIP() << "no seeds in " << dir_;
    for (const auto& entry : std::filesystem::directory_iterator(dir_)) {
      if (entry.path().extension() != ".txt") continue;
      std::ifstream in(entry.path(), std::ios::binary);
      std::stringstream buffer;
      buffer << in.rdbuf();
      names_.push_back(entry.path().filename().string());
      texts_.push_back(buffer.str());
    }
    // Directory order is not fixed.
    std::vector<size_t> order(names_.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(),
              [&](size_t a, size_t b) { return names_[a] < names_[b]; });
    std::vector<std::string> names, texts;
    for (size_t i : order) {
      names.push_back(names_[i]);
      texts.push_back(texts_[i]);
    }
    names_.swap(names);
    texts_.swap(texts);
    ClaimAnalyzer analyzer;
    for (const std::string& t : texts_) story_.push_back(analyzer.Analyze(t, {}));
    ResolveStory(&story_);
  }
  nlohmann::json Gold() const {
    std::ifstream in(dir_ / "gold.json");
    return nlohmann::json::parse(in);
  }
  size_t Doc(std::string_view name) const {
    for (size_t i = 0; i < names_.size(); ++i) {
      if (names_[i] == name) return i;
    }
    ADD_FAILURE() << "no document " << name;
    return 0;
  }
  std::filesystem::path dir_;
  std::vector<std::string> names_, texts_;
  std::vector<DocumentClaims> story_;
};

TEST_F(SeedTest, GoldQuotesHaveTheirSpeakers) {
  const nlohmann::json gold = Gold();
  ASSERT_FALSE(gold["quotes"].empty());
  for (const auto& g : gold["quotes"]) {
    const std::string text = g["text"];
    SCOPED_TRACE(text);
    bool found = false;
    for (const Quote& q : story_[Doc(g["doc"].get<std::string>())].quotes) {
      if (q.text.find(text) == std::string::npos) continue;
      found = true;
      EXPECT_EQ(q.speaker, g["speaker"].get<std::string>());
      EXPECT_EQ(q.speaker_type, EntityType::kPerson);
    }
    EXPECT_TRUE(found);
  }
}

TEST_F(SeedTest, GoldCitedSources) {
  const nlohmann::json gold = Gold();
  ASSERT_FALSE(gold["cited_sources"].empty());
  for (const auto& [source, docs] : gold["cited_sources"].items()) {
    SCOPED_TRACE(source);
    std::set<std::string> citing;
    for (size_t i = 0; i < story_.size(); ++i) {
      for (const std::string& s : CitedSources(story_[i])) {
        if (s == source) citing.insert(names_[i]);
      }
    }
    EXPECT_EQ(citing, std::set<std::string>(docs.begin(), docs.end()));
  }
}

TEST(BadInputTest, EmptyAndSpaceOnly) {
  EXPECT_TRUE(AnalyzeDocument("").claims.empty());
  EXPECT_TRUE(AnalyzeDocument(" \n\t ").claims.empty());
  EXPECT_TRUE(AnalyzeDocument("\"\"\"").quotes.empty());
}

TEST(BadInputTest, InvalidUtf8KeepsSpans) {
  const std::string text =
      "Anna Berg\xFF\xFE said \"we stay in the port\xC3\". The FMA \xE2\x82 left.";
  const DocumentClaims d = AnalyzeDocument(text);
  ASSERT_FALSE(d.claims.empty());
  for (const Claim& c : d.claims) {
    ASSERT_LE(c.span.end, text.size());
    for (const Entity& e : c.entities) {
      EXPECT_EQ(text.substr(e.span.begin, e.span.end - e.span.begin), e.text);
    }
  }
}

TEST(BadInputTest, TenThousandQuotesAreCapped) {
  std::string text;
  for (int i = 0; i < 10000; ++i) text += "\"We stay here today,\" she said. ";
  const DocumentClaims d = AnalyzeDocument(text);
  EXPECT_EQ(d.quotes.size(), QuoteOptions().max_quotes);
  EXPECT_EQ(d.claims.size(), ClaimOptions().max_sentences);
  EXPECT_TRUE(d.truncated);
}

TEST(BadInputTest, QuotesOnOneLineWithoutSentences) {
  std::string text;
  for (int i = 0; i < 10000; ++i) text += "\u00AB a \u201C b \u201E c \" d ";
  const DocumentClaims d = AnalyzeDocument(text);
  EXPECT_LE(d.quotes.size(), QuoteOptions().max_quotes);
}

TEST(BadInputTest, OneMegabyteWithoutSpaces) {
  const std::string text(1 << 20, 'A');
  const DocumentClaims d = AnalyzeDocument(text);
  EXPECT_EQ(d.claims.size(), 1u);
  EXPECT_TRUE(d.quotes.empty());
  std::string mixed;
  while (mixed.size() < (1 << 20)) mixed += "Ab\"\u00AB(";
  EXPECT_LE(AnalyzeDocument(mixed).quotes.size(), QuoteOptions().max_quotes);
}

TEST(BadInputTest, NestedAndUnbalancedQuotes) {
  constexpr struct {
    const char* in;
    const char* want;
  } kCases[] = {
      // The outer quote wins; inner single quotes stay inside it.
      {"\u201CThey called it \u2018the rival\u2019 in the memo,\u201D Anna Berg said.",
       "Anna Berg=They called it \u2018the rival\u2019 in the memo,"},
      // An unclosed quote ends at the line end and is dropped.
      {"It portrays a \"slow and quiet contest on the water.\nNext line here.", ""},
      {"\u00AB one two three four five\n\u00BB", ""},
      {"\" \" \u201D\u201D", ""},
  };
  for (const auto& c : kCases) {
    SCOPED_TRACE(c.in);
    EXPECT_EQ(Quotes(c.in), c.want);
  }
}

}  // namespace
}  // namespace rashomon::claims
