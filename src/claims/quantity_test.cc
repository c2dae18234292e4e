// Tests of claims/quantity.h and claims/dates.h: table-driven, each case's
// expected value a compact string.
#include <cmath>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "base/iso_time.h"
#include "claims/dates.h"
#include "claims/quantity.h"
#include "gtest/gtest.h"

namespace rashomon::claims {
namespace {

std::string Num(double v) {
  if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
  char buf[64];
  std::snprintf(buf, sizeof(buf), "%.6g", v);
  return buf;
}

// "[more than 3,000 miles|length 4.82803e+06..inf m more_than r 3000 mi n=coastline]"
std::string Describe(std::string_view text, const std::vector<Quantity>& qs) {
  std::string out;
  for (const Quantity& q : qs) {
    out += "[" + std::string(text.substr(q.span.begin, q.span.end - q.span.begin)) + "|" +
           std::string(DimensionName(q.dimension)) + " " + Num(q.low) + ".." + Num(q.high) +
           (q.unit.empty() ? "" : " " + q.unit) + " " + std::string(QualifierName(q.qualifier)) +
           (q.round ? " r" : "") + " " + Num(q.stated) + (q.stated_unit.empty() ? "" : " " + q.stated_unit) +
           (q.noun.empty() ? "" : " n=" + q.noun) + (q.relation.empty() ? "" : " rel=" + q.relation) + "]";
  }
  return out;
}

std::string Find(std::string_view text, std::string_view language = "en") {
  QuantityOptions options;
  options.language = language;
  return Describe(text, FindQuantities(text, options));
}

TEST(FindQuantitiesTest, English) {
  constexpr struct {
    const char* in;
    const char* want;
  } kCases[] = {
      {"", ""},
      {"over 30,000 foreign pilgrims", "[over 30,000|count 30000..inf more_than r 30000 n=pilgrim]"},
      {"30,000 foreign pilgrims", "[30,000|count 30000..30000 exact r 30000 n=pilgrim]"},
      {"a coastline of more than 3,000 miles.",
       "[more than 3,000 miles|length 4.82803e+06..inf m more_than r 3000 mi n=coastline]"},
      {"the 1,940-mile coastline", "[1,940-mile|length 3.12213e+06..3.12213e+06 m exact 1940 mi n=coastline]"},
      {"a nine-page dossier", "[nine-page|count 9..9 exact 9 n=page]"},
      {"four days before the launch", "[four days before|duration 345600..345600 s exact 4 day rel=before]"},
      {"days before the launch", "[days before|duration 172800..1.2096e+06 s vague 2 day rel=before]"},
      {"a three-day visit", "[three-day|duration 259200..259200 s exact 3 day n=visit]"},
      {"more than 60 flights", "[more than 60|count 60..inf more_than 60 n=flight]"},
      {"about 7,000 fishing boats", "[about 7,000|count 6300..7700 about r 7000 n=boat]"},
      {"1.4 billion people", "[1.4 billion|count 1.4e+09..1.4e+09 exact r 1.4e+09 n=people]"},
      {"$2.3 billion in aid", "[$2.3 billion|money 2.3e+09..2.3e+09 USD exact r 2.3e+09 USD]"},
      {"US$5bn", "[US$5bn|money 5e+09..5e+09 USD exact r 5e+09 USD]"},
      {"€3 million and £2m", "[€3 million|money 3e+06..3e+06 EUR exact r 3e+06 EUR][£2m|money 2e+06..2e+06 GBP exact r 2e+06 GBP]"},
      {"500 million rubles", "[500 million rubles|money 5e+08..5e+08 RUB exact r 5e+08 RUB]"},
      {"10 to 12 people", "[10 to 12|count 10..12 range 10 n=people]"},
      {"10-12 people", "[10-12|count 10..12 range 10 n=people]"},
      {"between 5 and 7 km", "[between 5 and 7 km|length 5000..7000 m range 5 km]"},
      {"at least 30 dead", "[at least 30|count 30..inf at_least 30 n=dead]"},
      {"fewer than 100 soldiers", "[fewer than 100|count 0..100 less_than r 100 n=soldier]"},
      {"up to 5%", "[up to 5%|percent 0..5 % at_most 5 %]"},
      {"nearly 40 per cent", "[nearly 40 per cent|percent 36..40 % about r 40 %]"},
      {"hundreds of protesters", "[hundreds of|count 200..1000 vague 200 n=protester]"},
      {"tens of thousands of people", "[tens of thousands of|count 20000..100000 vague 20000 n=people]"},
      {"a dozen trucks", "[a dozen|count 12..12 exact 12 n=truck]"},
      {"twenty-five hostages", "[twenty-five|count 25..25 exact 25 n=hostage]"},
      {"600 sq km", "[600 sq km|area 6e+08..6e+08 m2 exact r 600 km2]"},
      {"40 hectares", "[40 hectares|area 400000..400000 m2 exact 40 ha]"},
      {"5,000 tonnes", "[5,000 tonnes|mass 5e+06..5e+06 kg exact r 5000 t]"},
      {"200 nautical miles", "[200 nautical miles|length 370400..370400 m exact r 200 nmi]"},
      {"two weeks ago", "[two weeks ago|duration 1.2096e+06..1.2096e+06 s exact 2 week rel=ago]"},
  };
  for (const auto& c : kCases) {
    SCOPED_TRACE(c.in);
    EXPECT_EQ(Find(c.in), c.want);
  }
}

TEST(FindQuantitiesTest, NotQuantities) {
  constexpr const char* kCases[] = {
      "the 9th Division",  "for the first time", "in 2023",        "at 10:30",      "at 5 pm",
      "call 555-123-4567", "+49 30 1234567",     "1,2,3,4",        "Section 3",     "Article 5 says",
      "open 24/7",         "on June 12, 2025",   "12 June 2025",   "2025-06-12",    "the 1990s",
      "an F-16 jet",       "1e309",              "٣ people",       "COVID-19",      "the 3rd day",
      "No. 7",             "Windows 10",         "in mid-2024",    "since 2014, 40", "100 km/h",
      "won 3-1",
  };
  for (const char* in : kCases) {
    SCOPED_TRACE(in);
    std::string got = Find(in);
    if (std::string_view(in) == "since 2014, 40") {
      EXPECT_EQ(got, "[40|count 40..40 exact 40]");
    } else {
      EXPECT_EQ(got, "");
    }
  }
}

TEST(FindQuantitiesTest, GermanAndFrench) {
  constexpr struct {
    const char* lang;
    const char* in;
    const char* want;
  } kCases[] = {
      {"de", "1.800 Arbeiter", "[1.800|count 1800..1800 exact r 1800 n=arbeiter]"},
      {"de", "rund 31.500 Menschen", "[rund 31.500|count 28350..34650 about r 31500 n=mensch]"},
      {"de", "2,3 Milliarden Euro", "[2,3 Milliarden Euro|money 2.3e+09..2.3e+09 EUR exact r 2.3e+09 EUR]"},
      {"de", "mehr als 3.000 Kilometer", "[mehr als 3.000 Kilometer|length 3e+06..inf m more_than r 3000 km]"},
      {"de", "drei Tage zuvor", "[drei Tage zuvor|duration 259200..259200 s exact 3 day rel=before]"},
      {"de", "am 12. Juni", ""},
      {"de", "12 Prozent", "[12 Prozent|percent 12..12 % exact 12 %]"},
      {"de", "Tausende Menschen", "[Tausende|count 2000..10000 vague 2000 n=mensch]"},
      {"fr", "1 800 ouvriers", "[1 800|count 1800..1800 exact r 1800 n=ouvrier]"},
      {"fr", "1\u202F800 ouvriers", "[1\u202F800|count 1800..1800 exact r 1800 n=ouvrier]"},
      {"fr", "plus de 30 000 pèlerins étrangers", "[plus de 30 000|count 30000..inf more_than r 30000 n=pèlerin]"},
      {"fr", "1,4 milliard de personnes", "[1,4 milliard|count 1.4e+09..1.4e+09 exact r 1.4e+09 n=personne]"},
      {"fr", "des milliers d'euros", "[des milliers d'euros|money 2000..10000 EUR vague 2000 EUR]"},
      {"fr", "12 pour cent", "[12 pour cent|percent 12..12 % exact 12 %]"},
      {"fr", "trois jours avant", "[trois jours avant|duration 259200..259200 s exact 3 day rel=before]"},
      {"fr", "le 12 juin 2025", ""},
  };
  for (const auto& c : kCases) {
    SCOPED_TRACE(c.in);
    EXPECT_EQ(Find(c.in, c.lang), c.want);
  }
}

// The first quantity of `text`; an empty Quantity when there is none.
Quantity First(std::string_view text, std::string_view language = "en") {
  QuantityOptions options;
  options.language = language;
  std::vector<Quantity> qs = FindQuantities(text, options);
  return qs.empty() ? Quantity{} : qs.front();
}

TEST(CompatibleTest, Pairs) {
  constexpr struct {
    const char* a;
    const char* b;
    bool want;
  } kCases[] = {
      {"over 30,000 foreign pilgrims", "30,000 foreign pilgrims", true},
      {"more than 3,000 miles", "a 1,940-mile coastline", false},
      {"four days before", "days before", true},
      {"more than 60 flights", "64 flights", true},
      {"1,800 workers", "1,200 workers", false},
      {"about 7,000 boats", "7,100 boats", true},
      {"30,000 pilgrims", "30,000 soldiers", false},
      {"four days before", "four days after", false},
      {"5 km", "5 miles", false},
      {"$5 million", "€5 million", false},
      {"1.4 billion people", "1.45 billion people", true},
      {"1.4 billion people", "1.5 billion people", false},
      {"between 5 and 7 km", "6 km", true},
      {"fewer than 100 soldiers", "120 soldiers", false},
  };
  for (const auto& c : kCases) {
    SCOPED_TRACE(std::string(c.a) + " / " + c.b);
    EXPECT_EQ(Compatible(First(c.a), First(c.b)), c.want);
    EXPECT_EQ(Compatible(First(c.b), First(c.a)), c.want);
  }
}

TEST(ExplainUnitMixupTest, MilesWrittenForKilometres) {
  Quantity a = First("more than 3,000 miles");
  Quantity b = First("a 1,940-mile coastline");
  EXPECT_EQ(ExplainUnitMixup(a, b),
            "1,940 mi is 3,122 km: \"more than 3,000 mi\" matches it if the figure was meant in km, not mi.");
  EXPECT_EQ(ExplainUnitMixup(b, a), ExplainUnitMixup(a, b));
  EXPECT_EQ(ExplainUnitMixup(First("1,800 workers"), First("1,200 workers")), "");
  EXPECT_EQ(ExplainUnitMixup(First("30,000 pilgrims"), First("over 30,000 pilgrims")), "");
}

TEST(FindQuantitiesTest, HostileInput) {
  // Invalid UTF-8, overflowing figures, non-ASCII digits: no crash, sane values.
  const std::string kCases[] = {
      "\xff\xfe 12 \xc3 people \xe2\x82", "1e309", std::string(400, '9') + " people",
      "\xd9\xa3 \xef\xbc\x93 people",  // Arabic-Indic and full-width digits: ignored.
      "1,2,3,4", std::string(1, '\0') + "5 km",
  };
  for (const std::string& in : kCases) {
    for (std::string_view lang : {"en", "de", "fr"}) {
      QuantityOptions options;
      options.language = lang;
      for (const Quantity& q : FindQuantities(in, options)) {
        EXPECT_FALSE(std::isnan(q.low) || std::isnan(q.high) || std::isnan(q.stated));
        EXPECT_TRUE(std::isfinite(q.stated));
        EXPECT_LE(q.span.end, in.size());
        EXPECT_LT(q.span.begin, q.span.end);
      }
    }
  }
  EXPECT_EQ(Find("1e309"), "");
  EXPECT_EQ(Find(std::string(400, '9') + " people"), "");
  EXPECT_EQ(Find("\xd9\xa3 people"), "");
}

TEST(FindQuantitiesTest, BoundedOnHugeInputs) {
  std::string many;
  for (int i = 0; i < 100000; ++i) many += "12 cats, ";
  std::vector<Quantity> qs = FindQuantities(many);
  EXPECT_EQ(qs.size(), 10000u);
  EXPECT_EQ(qs.back().noun, "cat");
  QuantityOptions small;
  small.max_mentions = 5;
  EXPECT_EQ(FindQuantities(many, small).size(), 5u);
  EXPECT_TRUE(FindQuantities(std::string(1 << 20, 'x')).empty());
  EXPECT_TRUE(FindQuantities(std::string(1 << 20, '.')).empty());
  EXPECT_EQ(FindQuantities(std::string(1 << 20, '7')).size(), 0u);
  std::vector<DateMention> ds = FindDates(std::string(1 << 20, '-'));
  EXPECT_TRUE(ds.empty());
}

// Dates.

std::string Dates(std::string_view text, std::string_view language = "en", int64_t published = kNoDay) {
  DateOptions options;
  options.language = language;
  options.published_day = published;
  std::string out;
  for (const DateMention& d : FindDates(text, options)) {
    out += "[" + std::string(text.substr(d.span.begin, d.span.end - d.span.begin)) + "|" + d.normalized +
           (d.relative ? " rel" : "") + "]";
  }
  return out;
}

TEST(FindDatesTest, Absolute) {
  constexpr struct {
    const char* lang;
    const char* in;
    const char* want;
  } kCases[] = {
      {"en", "", ""},
      {"en", "in March 2021 troops", "[March 2021|2021-03]"},
      {"en", "on June 12, 2025.", "[June 12, 2025|2025-06-12]"},
      {"en", "on 12 June 2025", "[12 June 2025|2025-06-12]"},
      {"en", "on the 12th of June 2025", "[12th of June 2025|2025-06-12]"},
      {"en", "dated 2025-06-12", "[2025-06-12|2025-06-12]"},
      {"en", "late 2019 or early 2020", "[late 2019 or early 2020|2019-09/2020-04]"},
      {"en", "between 2018 and 2019", "[between 2018 and 2019|2018/2019]"},
      {"en", "in 2023", "[2023|2023]"},
      {"en", "by mid-2024", "[mid-2024|2024-05/2024-08]"},
      {"en", "in the 1990s", "[the 1990s|1990/1999]"},
      {"en", "late March 2021", "[late March 2021|2021-03-21/2021-03-31]"},
      {"en", "summer of 2024", "[summer of 2024|2024-06/2024-08]"},
      {"en", "the 9th Division", ""},
      {"en", "open 24/7", ""},
      {"en", "2023 people", ""},
      {"en", "30,000 pilgrims", ""},
      {"en", "on 2/3/2024", ""},
      {"en", "on 2025-02-30", ""},
      {"de", "am 12. Juni 2025", "[12. Juni 2025|2025-06-12]"},
      {"de", "im März 2021", "[März 2021|2021-03]"},
      {"de", "am 12.06.2025", "[12.06.2025|2025-06-12]"},
      {"de", "seit 2014", "[2014|2014]"},
      {"de", "Ende 2023", "[Ende 2023|2023-09/2023-12]"},
      {"fr", "le 12 juin 2025", "[12 juin 2025|2025-06-12]"},
      {"fr", "le 1er mars 2022", "[1er mars 2022|2022-03-01]"},
      {"fr", "fin 2019 ou début 2020", "[fin 2019 ou début 2020|2019-09/2020-04]"},
      {"fr", "en mars 2021", "[mars 2021|2021-03]"},
  };
  for (const auto& c : kCases) {
    SCOPED_TRACE(c.in);
    EXPECT_EQ(Dates(c.in, c.lang), c.want);
  }
}

TEST(FindDatesTest, RelativeToPublication) {
  const int64_t kSat = DaysFromCivil(2025, 6, 14);  // A Saturday.
  constexpr struct {
    const char* lang;
    const char* in;
    const char* want;
  } kCases[] = {
      {"en", "on Monday", "[on Monday|2025-06-09 rel]"},
      {"en", "Saturday", "[Saturday|2025-06-14 rel]"},
      {"en", "last Saturday", "[last Saturday|2025-06-07 rel]"},
      {"en", "yesterday", "[yesterday|2025-06-13 rel]"},
      {"en", "last week", "[last week|2025-06-02/2025-06-08 rel]"},
      {"en", "last month", "[last month|2025-05 rel]"},
      {"en", "next Monday", ""},
      {"en", "in February", "[February|2025-02 rel]"},
      {"en", "on June 20", "[June 20|2024-06-20 rel]"},
      {"de", "am Dienstag", "[am Dienstag|2025-06-10 rel]"},
      {"de", "gestern", "[gestern|2025-06-13 rel]"},
      {"fr", "mardi", "[mardi|2025-06-10 rel]"},
      {"fr", "le mois dernier", "[le mois dernier|2025-05 rel]"},
  };
  for (const auto& c : kCases) {
    SCOPED_TRACE(c.in);
    EXPECT_EQ(Dates(c.in, c.lang, kSat), c.want);
    EXPECT_EQ(Dates(c.in, c.lang, kNoDay), "");
  }
}

TEST(FindDatesTest, OverlapAndHostileInput) {
  std::vector<DateMention> a = FindDates("late 2019 or early 2020");
  std::vector<DateMention> b = FindDates("in February 2020");
  std::vector<DateMention> c = FindDates("in June 2020");
  ASSERT_EQ(a.size(), 1u);
  ASSERT_EQ(b.size(), 1u);
  ASSERT_EQ(c.size(), 1u);
  EXPECT_TRUE(Overlap(a[0], b[0]));
  EXPECT_FALSE(Overlap(a[0], c[0]));
  EXPECT_EQ(a[0].first_day, DaysFromCivil(2019, 9, 1));
  EXPECT_EQ(a[0].last_day, DaysFromCivil(2020, 4, 30));
  for (std::string_view in : {"\xff June \xc3 12, 2025", "9999-99-99", "31.02.2025", "June 99, 2025"}) {
    SCOPED_TRACE(in);
    for (const DateMention& d : FindDates(in)) EXPECT_LE(d.first_day, d.last_day);
  }
  std::string many;
  for (int i = 0; i < 20000; ++i) many += "in 2023 ";
  EXPECT_EQ(FindDates(many).size(), 10000u);
}

}  // namespace
}  // namespace rashomon::claims
