// claims/quantity_lexicon.h (internal): the word tables of quantity.cc:
// units, currencies, scale and number words, qualifiers, vague amounts,
// relations, labels, months and stop words, in English, German and French.
// docs/quantities.md describes them.
#ifndef RSH_CLAIMS_QUANTITY_LEXICON_H_
#define RSH_CLAIMS_QUANTITY_LEXICON_H_

#include <algorithm>
#include <iterator>
#include <string_view>

#include "claims/quantity.h"

namespace rashomon::claims::internal {

// Languages as bits, so one lexicon row can serve several.
enum Lang : unsigned { kEn = 1, kDe = 2, kFr = 4, kAll = 7 };

inline Lang LangOf(std::string_view code) {
  if (code == "de") return kDe;
  if (code == "fr") return kFr;
  return kEn;
}

// ---------------------------------------------------------------------------
// Lexicon. Words are case folded as the scanner folds them ("ß" -> "ss");
// phrases are tokens separated by single spaces.

struct UnitRow {
  std::string_view phrase;
  unsigned langs;
  Dimension dimension;
  std::string_view stated_unit;  // Also the money code.
  double factor;                 // Canonical units per stated unit.
};

inline constexpr double kMonthSeconds = 2629746;  // 30.436875 days, a Gregorian mean month.
inline constexpr double kYearSeconds = 31556952;  // 365.2425 days.

inline constexpr UnitRow kUnits[] = {
    // Length (canonical m).
    {"nautical miles", kEn, Dimension::kLength, "nmi", 1852},
    {"nautical mile", kEn, Dimension::kLength, "nmi", 1852},
    {"nmi", kAll, Dimension::kLength, "nmi", 1852},
    {"miles", kAll, Dimension::kLength, "mi", 1609.344},
    {"mile", kAll, Dimension::kLength, "mi", 1609.344},
    {"mi", kEn, Dimension::kLength, "mi", 1609.344},
    {"meilen", kDe, Dimension::kLength, "mi", 1609.344},
    {"meile", kDe, Dimension::kLength, "mi", 1609.344},
    {"kilometres", kEn, Dimension::kLength, "km", 1000},
    {"kilometers", kEn, Dimension::kLength, "km", 1000},
    {"kilometre", kEn, Dimension::kLength, "km", 1000},
    {"kilometer", kEn | kDe, Dimension::kLength, "km", 1000},
    {"kilometern", kDe, Dimension::kLength, "km", 1000},
    {"kilomètres", kFr, Dimension::kLength, "km", 1000},
    {"kilomètre", kFr, Dimension::kLength, "km", 1000},
    {"km", kAll, Dimension::kLength, "km", 1000},
    {"metres", kEn, Dimension::kLength, "m", 1},
    {"meters", kEn, Dimension::kLength, "m", 1},
    {"metre", kEn, Dimension::kLength, "m", 1},
    {"meter", kEn | kDe, Dimension::kLength, "m", 1},
    {"metern", kDe, Dimension::kLength, "m", 1},
    {"mètres", kFr, Dimension::kLength, "m", 1},
    {"mètre", kFr, Dimension::kLength, "m", 1},
    {"m", kAll, Dimension::kLength, "m", 1},
    {"cm", kAll, Dimension::kLength, "cm", 0.01},
    {"mm", kAll, Dimension::kLength, "mm", 0.001},
    {"feet", kEn, Dimension::kLength, "ft", 0.3048},
    {"foot", kEn, Dimension::kLength, "ft", 0.3048},
    {"ft", kEn, Dimension::kLength, "ft", 0.3048},
    {"yards", kEn, Dimension::kLength, "yd", 0.9144},
    {"yard", kEn, Dimension::kLength, "yd", 0.9144},
    {"yd", kEn, Dimension::kLength, "yd", 0.9144},
    // Area (canonical m2).
    {"square kilometres", kEn, Dimension::kArea, "km2", 1e6},
    {"square kilometers", kEn, Dimension::kArea, "km2", 1e6},
    {"square kilometre", kEn, Dimension::kArea, "km2", 1e6},
    {"square kilometer", kEn, Dimension::kArea, "km2", 1e6},
    {"sq km", kEn, Dimension::kArea, "km2", 1e6},
    {"sq . km", kEn, Dimension::kArea, "km2", 1e6},
    {"km ²", kAll, Dimension::kArea, "km2", 1e6},
    {"km 2", kAll, Dimension::kArea, "km2", 1e6},
    {"quadratkilometer", kDe, Dimension::kArea, "km2", 1e6},
    {"quadratkilometern", kDe, Dimension::kArea, "km2", 1e6},
    {"kilomètres carrés", kFr, Dimension::kArea, "km2", 1e6},
    {"km carrés", kFr, Dimension::kArea, "km2", 1e6},
    {"square miles", kEn, Dimension::kArea, "mi2", 2589988.110336},
    {"square mile", kEn, Dimension::kArea, "mi2", 2589988.110336},
    {"sq mi", kEn, Dimension::kArea, "mi2", 2589988.110336},
    {"mi ²", kEn, Dimension::kArea, "mi2", 2589988.110336},
    {"square metres", kEn, Dimension::kArea, "m2", 1},
    {"square meters", kEn, Dimension::kArea, "m2", 1},
    {"m ²", kAll, Dimension::kArea, "m2", 1},
    {"m 2", kAll, Dimension::kArea, "m2", 1},
    {"quadratmeter", kDe, Dimension::kArea, "m2", 1},
    {"quadratmetern", kDe, Dimension::kArea, "m2", 1},
    {"mètres carrés", kFr, Dimension::kArea, "m2", 1},
    {"hectares", kEn | kFr, Dimension::kArea, "ha", 1e4},
    {"hectare", kEn | kFr, Dimension::kArea, "ha", 1e4},
    {"hektar", kDe, Dimension::kArea, "ha", 1e4},
    {"ha", kAll, Dimension::kArea, "ha", 1e4},
    {"acres", kEn, Dimension::kArea, "acre", 4046.8564224},
    {"acre", kEn, Dimension::kArea, "acre", 4046.8564224},
    // Mass (canonical kg). "ton" is read as a metric tonne (docs/quantities.md).
    {"metric tons", kEn, Dimension::kMass, "t", 1000},
    {"metric tonnes", kEn, Dimension::kMass, "t", 1000},
    {"tonnes", kEn | kFr, Dimension::kMass, "t", 1000},
    {"tonne", kEn | kFr, Dimension::kMass, "t", 1000},
    {"tons", kEn, Dimension::kMass, "t", 1000},
    {"ton", kEn, Dimension::kMass, "t", 1000},
    {"tonnen", kDe, Dimension::kMass, "t", 1000},
    {"t", kAll, Dimension::kMass, "t", 1000},
    {"kilograms", kEn, Dimension::kMass, "kg", 1},
    {"kilogram", kEn, Dimension::kMass, "kg", 1},
    {"kilogrammes", kEn | kFr, Dimension::kMass, "kg", 1},
    {"kilogramme", kEn | kFr, Dimension::kMass, "kg", 1},
    {"kilogramm", kDe, Dimension::kMass, "kg", 1},
    {"kilos", kAll, Dimension::kMass, "kg", 1},
    {"kilo", kAll, Dimension::kMass, "kg", 1},
    {"kg", kAll, Dimension::kMass, "kg", 1},
    {"grams", kEn, Dimension::kMass, "g", 0.001},
    {"gram", kEn, Dimension::kMass, "g", 0.001},
    {"gramm", kDe, Dimension::kMass, "g", 0.001},
    {"grammes", kFr, Dimension::kMass, "g", 0.001},
    {"g", kAll, Dimension::kMass, "g", 0.001},
    {"pounds", kEn, Dimension::kMass, "lb", 0.45359237},
    {"pound", kEn, Dimension::kMass, "lb", 0.45359237},
    {"lbs", kEn, Dimension::kMass, "lb", 0.45359237},
    {"lb", kEn, Dimension::kMass, "lb", 0.45359237},
    // Durations (canonical s).
    {"seconds", kEn, Dimension::kDuration, "s", 1},
    {"second", kEn, Dimension::kDuration, "s", 1},
    {"sekunden", kDe, Dimension::kDuration, "s", 1},
    {"sekunde", kDe, Dimension::kDuration, "s", 1},
    {"secondes", kFr, Dimension::kDuration, "s", 1},
    {"seconde", kFr, Dimension::kDuration, "s", 1},
    {"minutes", kEn | kFr, Dimension::kDuration, "min", 60},
    {"minute", kAll, Dimension::kDuration, "min", 60},
    {"minuten", kDe, Dimension::kDuration, "min", 60},
    {"hours", kEn, Dimension::kDuration, "h", 3600},
    {"hour", kEn, Dimension::kDuration, "h", 3600},
    {"stunden", kDe, Dimension::kDuration, "h", 3600},
    {"stunde", kDe, Dimension::kDuration, "h", 3600},
    {"heures", kFr, Dimension::kDuration, "h", 3600},
    {"heure", kFr, Dimension::kDuration, "h", 3600},
    {"days", kEn, Dimension::kDuration, "day", 86400},
    {"day", kEn, Dimension::kDuration, "day", 86400},
    {"tage", kDe, Dimension::kDuration, "day", 86400},
    {"tagen", kDe, Dimension::kDuration, "day", 86400},
    {"tag", kDe, Dimension::kDuration, "day", 86400},
    {"jours", kFr, Dimension::kDuration, "day", 86400},
    {"jour", kFr, Dimension::kDuration, "day", 86400},
    {"weeks", kEn, Dimension::kDuration, "week", 604800},
    {"week", kEn, Dimension::kDuration, "week", 604800},
    {"wochen", kDe, Dimension::kDuration, "week", 604800},
    {"woche", kDe, Dimension::kDuration, "week", 604800},
    {"semaines", kFr, Dimension::kDuration, "week", 604800},
    {"semaine", kFr, Dimension::kDuration, "week", 604800},
    {"months", kEn, Dimension::kDuration, "month", kMonthSeconds},
    {"month", kEn, Dimension::kDuration, "month", kMonthSeconds},
    {"monate", kDe, Dimension::kDuration, "month", kMonthSeconds},
    {"monaten", kDe, Dimension::kDuration, "month", kMonthSeconds},
    {"monat", kDe, Dimension::kDuration, "month", kMonthSeconds},
    {"mois", kFr, Dimension::kDuration, "month", kMonthSeconds},
    {"years", kEn, Dimension::kDuration, "year", kYearSeconds},
    {"year", kEn, Dimension::kDuration, "year", kYearSeconds},
    {"jahre", kDe, Dimension::kDuration, "year", kYearSeconds},
    {"jahren", kDe, Dimension::kDuration, "year", kYearSeconds},
    {"jahr", kDe, Dimension::kDuration, "year", kYearSeconds},
    {"années", kFr, Dimension::kDuration, "year", kYearSeconds},
    {"année", kFr, Dimension::kDuration, "year", kYearSeconds},
    {"ans", kFr, Dimension::kDuration, "year", kYearSeconds},
    {"an", kFr, Dimension::kDuration, "year", kYearSeconds},
    {"decades", kEn, Dimension::kDuration, "decade", 10 * kYearSeconds},
    {"decade", kEn, Dimension::kDuration, "decade", 10 * kYearSeconds},
    {"jahrzehnte", kDe, Dimension::kDuration, "decade", 10 * kYearSeconds},
    {"décennies", kFr, Dimension::kDuration, "decade", 10 * kYearSeconds},
    // Percent.
    {"percentage points", kEn, Dimension::kPercent, "pp", 1},
    {"percentage point", kEn, Dimension::kPercent, "pp", 1},
    {"prozentpunkte", kDe, Dimension::kPercent, "pp", 1},
    {"prozentpunkten", kDe, Dimension::kPercent, "pp", 1},
    {"points de pourcentage", kFr, Dimension::kPercent, "pp", 1},
    {"%", kAll, Dimension::kPercent, "%", 1},
    {"percent", kEn, Dimension::kPercent, "%", 1},
    {"per cent", kEn, Dimension::kPercent, "%", 1},
    {"pct", kEn, Dimension::kPercent, "%", 1},
    {"prozent", kDe, Dimension::kPercent, "%", 1},
    {"pour cent", kFr, Dimension::kPercent, "%", 1},
    // Money written after the figure (never converted: factor 1).
    {"us dollars", kAll, Dimension::kMoney, "USD", 1},
    {"us - dollar", kDe, Dimension::kMoney, "USD", 1},
    {"dollars", kAll, Dimension::kMoney, "USD", 1},
    {"dollar", kDe, Dimension::kMoney, "USD", 1},
    {"usd", kAll, Dimension::kMoney, "USD", 1},
    {"$", kFr, Dimension::kMoney, "USD", 1},
    {"euros", kAll, Dimension::kMoney, "EUR", 1},
    {"euro", kAll, Dimension::kMoney, "EUR", 1},
    {"eur", kAll, Dimension::kMoney, "EUR", 1},
    {"€", kAll, Dimension::kMoney, "EUR", 1},
    {"pounds sterling", kEn, Dimension::kMoney, "GBP", 1},
    {"pfund", kDe, Dimension::kMoney, "GBP", 1},
    {"livres sterling", kFr, Dimension::kMoney, "GBP", 1},
    {"gbp", kAll, Dimension::kMoney, "GBP", 1},
    {"rubles", kEn, Dimension::kMoney, "RUB", 1},
    {"ruble", kEn, Dimension::kMoney, "RUB", 1},
    {"roubles", kEn | kFr, Dimension::kMoney, "RUB", 1},
    {"rouble", kEn | kFr, Dimension::kMoney, "RUB", 1},
    {"rubel", kDe, Dimension::kMoney, "RUB", 1},
    {"rub", kAll, Dimension::kMoney, "RUB", 1},
    {"₽", kAll, Dimension::kMoney, "RUB", 1},
    {"yuan", kAll, Dimension::kMoney, "CNY", 1},
    {"renminbi", kAll, Dimension::kMoney, "CNY", 1},
    {"cny", kAll, Dimension::kMoney, "CNY", 1},
    {"yen", kAll, Dimension::kMoney, "JPY", 1},
    {"jpy", kAll, Dimension::kMoney, "JPY", 1},
    {"hryvnias", kEn, Dimension::kMoney, "UAH", 1},
    {"hryvnia", kEn, Dimension::kMoney, "UAH", 1},
    {"griwna", kDe, Dimension::kMoney, "UAH", 1},
    {"hryvnias", kFr, Dimension::kMoney, "UAH", 1},
    {"uah", kAll, Dimension::kMoney, "UAH", 1},
    {"swiss francs", kEn, Dimension::kMoney, "CHF", 1},
    {"franken", kDe, Dimension::kMoney, "CHF", 1},
    {"francs suisses", kFr, Dimension::kMoney, "CHF", 1},
    {"chf", kAll, Dimension::kMoney, "CHF", 1},
    {"rupees", kEn, Dimension::kMoney, "INR", 1},
    {"inr", kAll, Dimension::kMoney, "INR", 1},
};

// Currency written before the figure ("$5", "US$5", "€ 3", "USD 7").
struct CurrencyRow {
  std::string_view phrase;
  std::string_view code;
};
inline constexpr CurrencyRow kCurrencyPrefixes[] = {
    {"us $", "USD"}, {"u . s . $", "USD"}, {"a $", "AUD"}, {"c $", "CAD"}, {"hk $", "HKD"},
    {"$", "USD"},    {"€", "EUR"},         {"£", "GBP"},   {"¥", "JPY"},   {"₽", "RUB"},
    {"₹", "INR"},    {"₴", "UAH"},         {"usd", "USD"}, {"eur", "EUR"}, {"gbp", "GBP"},
    {"rub", "RUB"},  {"cny", "CNY"},       {"jpy", "JPY"}, {"chf", "CHF"}, {"uah", "UAH"},
};

struct ScaleRow {
  std::string_view word;
  unsigned langs;
  double scale;
  bool money_only;  // "m" is metres unless the figure is money ("$3m").
};
inline constexpr ScaleRow kScales[] = {
    {"thousand", kEn, 1e3, false},   {"k", kEn, 1e3, true},           {"million", kEn | kFr, 1e6, false},
    {"mn", kEn, 1e6, false},         {"mln", kAll, 1e6, false},       {"m", kEn, 1e6, true},
    {"billion", kEn, 1e9, false},    {"bn", kEn, 1e9, false},         {"bln", kAll, 1e9, false},
    {"trillion", kEn, 1e12, false},  {"tn", kEn, 1e12, false},        {"tausend", kDe, 1e3, false},
    {"million", kDe, 1e6, false},    {"millionen", kDe, 1e6, false},  {"mio", kDe, 1e6, false},
    {"milliarde", kDe, 1e9, false},  {"milliarden", kDe, 1e9, false}, {"mrd", kDe | kFr, 1e9, false},
    {"billion", kDe | kFr, 1e12, false}, {"billionen", kDe, 1e12, false}, {"mille", kFr, 1e3, false},
    {"millions", kFr, 1e6, false},   {"milliard", kFr, 1e9, false},   {"milliards", kFr, 1e9, false},
    {"md", kFr, 1e9, false},         {"mds", kFr, 1e9, false},        {"billions", kFr, 1e12, false},
};

struct WordNumber {
  std::string_view word;
  unsigned langs;
  int value;
};
// Units, teens and tens; "hundred" is a multiplier handled apart.
inline constexpr WordNumber kNumberWords[] = {
    {"one", kEn, 1},        {"two", kEn, 2},          {"three", kEn, 3},       {"four", kEn, 4},
    {"five", kEn, 5},       {"six", kEn | kFr, 6},    {"seven", kEn, 7},       {"eight", kEn, 8},
    {"nine", kEn, 9},       {"ten", kEn, 10},         {"eleven", kEn, 11},     {"twelve", kEn, 12},
    {"thirteen", kEn, 13},  {"fourteen", kEn, 14},    {"fifteen", kEn, 15},    {"sixteen", kEn, 16},
    {"seventeen", kEn, 17}, {"eighteen", kEn, 18},    {"nineteen", kEn, 19},   {"twenty", kEn, 20},
    {"thirty", kEn, 30},    {"forty", kEn, 40},       {"fifty", kEn, 50},      {"sixty", kEn, 60},
    {"seventy", kEn, 70},   {"eighty", kEn, 80},      {"ninety", kEn, 90},     {"ein", kDe, 1},
    {"eine", kDe, 1},       {"einen", kDe, 1},        {"zwei", kDe, 2},        {"drei", kDe, 3},
    {"vier", kDe, 4},       {"fünf", kDe, 5},         {"sechs", kDe, 6},       {"sieben", kDe, 7},
    {"acht", kDe, 8},       {"neun", kDe, 9},         {"zehn", kDe, 10},       {"elf", kDe, 11},
    {"zwölf", kDe, 12},     {"zwanzig", kDe, 20},     {"dreissig", kDe, 30},   {"vierzig", kDe, 40},
    {"fünfzig", kDe, 50},   {"sechzig", kDe, 60},     {"siebzig", kDe, 70},    {"achtzig", kDe, 80},
    {"neunzig", kDe, 90},   {"un", kFr, 1},           {"une", kFr, 1},         {"deux", kFr, 2},
    {"trois", kFr, 3},      {"quatre", kFr, 4},       {"cinq", kFr, 5},        {"sept", kFr, 7},
    {"huit", kFr, 8},       {"neuf", kFr, 9},         {"dix", kFr, 10},        {"onze", kFr, 11},
    {"douze", kFr, 12},     {"treize", kFr, 13},      {"quatorze", kFr, 14},   {"quinze", kFr, 15},
    {"seize", kFr, 16},     {"vingt", kFr, 20},       {"vingts", kFr, 20},     {"trente", kFr, 30},
    {"quarante", kFr, 40},  {"cinquante", kFr, 50},   {"soixante", kFr, 60},
};

struct WordScale {
  std::string_view word;
  unsigned langs;
  double scale;
};
// Multipliers inside number words ("two hundred", "a dozen", "drei Millionen").
inline constexpr WordScale kWordScales[] = {
    {"dozen", kEn, 12},     {"hundred", kEn, 100}, {"hundert", kDe, 100}, {"cent", kFr, 100},
    {"cents", kFr, 100},    {"dutzend", kDe, 12},  {"douzaine", kFr, 12},
};

enum class QualKind { kAbout, kNearly, kJustOver, kMore, kAtLeast, kLess, kAtMost };

struct QualifierRow {
  std::string_view phrase;
  unsigned langs;
  QualKind kind;
};
inline constexpr QualifierRow kQualifiers[] = {
    {"more than", kEn, QualKind::kMore},       {"over", kEn, QualKind::kMore},
    {"above", kEn, QualKind::kMore},           {"in excess of", kEn, QualKind::kMore},
    {"upwards of", kEn, QualKind::kMore},      {"exceeding", kEn, QualKind::kMore},
    {"just over", kEn, QualKind::kJustOver},   {"just above", kEn, QualKind::kJustOver},
    {"slightly more than", kEn, QualKind::kJustOver},
    {"nearly", kEn, QualKind::kNearly},        {"almost", kEn, QualKind::kNearly},
    {"close to", kEn, QualKind::kNearly},      {"just under", kEn, QualKind::kNearly},
    {"just below", kEn, QualKind::kNearly},    {"about", kEn, QualKind::kAbout},
    {"around", kEn, QualKind::kAbout},         {"roughly", kEn, QualKind::kAbout},
    {"some", kEn, QualKind::kAbout},           {"approximately", kEn, QualKind::kAbout},
    {"approx", kEn, QualKind::kAbout},         {"an estimated", kEn, QualKind::kAbout},
    {"estimated", kEn, QualKind::kAbout},      {"circa", kAll, QualKind::kAbout},
    {"at least", kEn, QualKind::kAtLeast},     {"no fewer than", kEn, QualKind::kAtLeast},
    {"no less than", kEn, QualKind::kAtLeast}, {"a minimum of", kEn, QualKind::kAtLeast},
    {"less than", kEn, QualKind::kLess},       {"fewer than", kEn, QualKind::kLess},
    {"under", kEn, QualKind::kLess},           {"below", kEn, QualKind::kLess},
    {"at most", kEn, QualKind::kAtMost},       {"up to", kEn, QualKind::kAtMost},
    {"no more than", kEn, QualKind::kAtMost},  {"a maximum of", kEn, QualKind::kAtMost},
    {"as many as", kEn, QualKind::kAtMost},    {"mehr als", kDe, QualKind::kMore},
    {"über", kDe, QualKind::kMore},            {"rund", kDe, QualKind::kAbout},
    {"etwa", kDe, QualKind::kAbout},           {"ungefähr", kDe, QualKind::kAbout},
    {"ca", kDe, QualKind::kAbout},             {"ca .", kDe, QualKind::kAbout},
    {"zirka", kDe, QualKind::kAbout},          {"schätzungsweise", kDe, QualKind::kAbout},
    {"fast", kDe, QualKind::kNearly},          {"knapp", kDe, QualKind::kNearly},
    {"beinahe", kDe, QualKind::kNearly},       {"gut", kDe, QualKind::kJustOver},
    {"mindestens", kDe, QualKind::kAtLeast},   {"wenigstens", kDe, QualKind::kAtLeast},
    {"weniger als", kDe, QualKind::kLess},     {"unter", kDe, QualKind::kLess},
    {"höchstens", kDe, QualKind::kAtMost},     {"maximal", kDe, QualKind::kAtMost},
    {"bis zu", kDe, QualKind::kAtMost},        {"plus de", kFr, QualKind::kMore},
    {"plus d'", kFr, QualKind::kMore},         {"au - delà de", kFr, QualKind::kMore},
    {"un peu plus de", kFr, QualKind::kJustOver},
    {"environ", kFr, QualKind::kAbout},        {"quelque", kFr, QualKind::kAbout},
    {"approximativement", kFr, QualKind::kAbout},
    {"près de", kFr, QualKind::kNearly},       {"presque", kFr, QualKind::kNearly},
    {"quasiment", kFr, QualKind::kNearly},     {"au moins", kFr, QualKind::kAtLeast},
    {"pas moins de", kFr, QualKind::kAtLeast}, {"moins de", kFr, QualKind::kLess},
    {"moins d'", kFr, QualKind::kLess},        {"au plus", kFr, QualKind::kAtMost},
    {"au maximum", kFr, QualKind::kAtMost},    {"jusqu' à", kFr, QualKind::kAtMost},
};

// "hundreds of", "des milliers de": an order of magnitude, no figure.
struct VagueRow {
  std::string_view phrase;  // Including the trailing "of" / "de" where the language needs one.
  unsigned langs;
  double low, high;
};
inline constexpr VagueRow kVagueCounts[] = {
    {"tens of thousands of", kEn, 2e4, 1e5},    {"hundreds of thousands of", kEn, 2e5, 1e6},
    {"tens of millions of", kEn, 2e7, 1e8},     {"hundreds of millions of", kEn, 2e8, 1e9},
    {"dozens of", kEn, 24, 120},                {"scores of", kEn, 40, 200},
    {"hundreds of", kEn, 200, 1000},            {"thousands of", kEn, 2e3, 1e4},
    {"millions of", kEn, 2e6, 1e7},             {"billions of", kEn, 2e9, 1e10},
    {"dutzende", kDe, 24, 120},                 {"hunderte", kDe, 200, 1000},
    {"tausende", kDe, 2e3, 1e4},                {"zehntausende", kDe, 2e4, 1e5},
    {"hunderttausende", kDe, 2e5, 1e6},         {"millionen", kDe, 2e6, 1e7},
    {"milliarden", kDe, 2e9, 1e10},             {"des dizaines de milliers de", kFr, 2e4, 1e5},
    {"des dizaines de milliers d'", kFr, 2e4, 1e5}, {"des centaines de milliers de", kFr, 2e5, 1e6},
    {"des centaines de milliers d'", kFr, 2e5, 1e6}, {"des dizaines de", kFr, 20, 100},
    {"des dizaines d'", kFr, 20, 100},          {"des centaines de", kFr, 200, 1000},
    {"des centaines d'", kFr, 200, 1000},       {"des milliers de", kFr, 2e3, 1e4},
    {"des milliers d'", kFr, 2e3, 1e4},         {"des millions de", kFr, 2e6, 1e7},
    {"des millions d'", kFr, 2e6, 1e7},         {"des milliards de", kFr, 2e9, 1e10},
    {"des milliards d'", kFr, 2e9, 1e10},
};

// A plural time word without a figure ("days before", "several weeks"):
// interval in that unit.
struct VagueTimeRow {
  std::string_view word;
  unsigned langs;
  double low, high;  // For a bare plural; "several" and "a few" narrow it.
};
inline constexpr VagueTimeRow kVagueTimes[] = {
    {"seconds", kEn, 2, 120},  {"minutes", kEn | kFr, 2, 120}, {"hours", kEn, 2, 48},
    {"days", kEn, 2, 14},      {"weeks", kEn, 2, 8},           {"months", kEn, 2, 24},
    {"years", kEn, 2, 100},    {"decades", kEn, 2, 10},        {"minuten", kDe, 2, 120},
    {"stunden", kDe, 2, 48},   {"tage", kDe, 2, 14},           {"tagen", kDe, 2, 14},
    {"wochen", kDe, 2, 8},     {"monate", kDe, 2, 24},         {"monaten", kDe, 2, 24},
    {"jahre", kDe, 2, 100},    {"jahren", kDe, 2, 100},        {"heures", kFr, 2, 48},
    {"jours", kFr, 2, 14},     {"semaines", kFr, 2, 8},        {"mois", kFr, 2, 24},
    {"ans", kFr, 2, 100},      {"années", kFr, 2, 100},
};

struct VagueDeterminer {
  std::string_view phrase;
  unsigned langs;
  double low, high;  // 0, 0: keep the bare plural's interval.
};
inline constexpr VagueDeterminer kVagueDeterminers[] = {
    {"several", kEn, 3, 9},     {"a few", kEn, 2, 5},       {"a couple of", kEn, 2, 3},
    {"few", kEn, 2, 5},         {"many", kEn, 0, 0},        {"some", kEn, 0, 0},
    {"for", kEn, 0, 0},         {"the", kEn, 0, 0},         {"mehrere", kDe, 3, 9},
    {"einige", kDe, 2, 9},      {"einigen", kDe, 2, 9},     {"wenige", kDe, 2, 5},
    {"wenigen", kDe, 2, 5},     {"vielen", kDe, 0, 0},      {"plusieurs", kFr, 3, 9},
    {"quelques", kFr, 2, 5},    {"des", kFr, 0, 0},
};

struct RelationRow {
  std::string_view phrase;
  unsigned langs;
  std::string_view relation;
};
inline constexpr RelationRow kRelationsAfter[] = {
    {"before", kEn, "before"}, {"earlier", kEn, "before"},  {"prior", kEn, "before"},
    {"after", kEn, "after"},   {"later", kEn, "after"},     {"ago", kEn, "ago"},
    {"zuvor", kDe, "before"},  {"vorher", kDe, "before"},   {"davor", kDe, "before"},
    {"früher", kDe, "before"}, {"später", kDe, "after"},    {"danach", kDe, "after"},
    {"avant", kFr, "before"},  {"auparavant", kFr, "before"}, {"plus tôt", kFr, "before"},
    {"après", kFr, "after"},   {"plus tard", kFr, "after"},
};
inline constexpr RelationRow kRelationsBefore[] = {
    {"vor", kDe, "ago"}, {"nach", kDe, "after"}, {"il y a", kFr, "ago"},
};

// Words after which a figure names or numbers something ("Article 5",
// "Flight 370", "day 3"): not a quantity.
inline constexpr std::string_view kLabels[] = {
    "section", "article", "chapter", "paragraph", "clause", "part", "page", "no", "nr", "number",
    "resolution", "flight", "route", "room", "item", "rule", "vol", "volume", "issue", "gate",
    "platform", "line", "unit", "art", "level", "phase", "stage", "grade", "category", "model",
    "version", "season", "episode", "day", "round", "game", "act", "scene", "step", "tier", "zone",
    "district", "sector", "building", "block", "apartment", "hall", "ward", "bus", "highway",
    "interstate", "term", "seite", "kapitel", "absatz", "artikel", "paragraf", "nummer", "ziffer",
    "abschnitt", "chapitre", "alinéa", "numéro", "vol", "p", "pp", "tag", "jour", "figure", "fig",
    "table", "tabelle", "tableau", "size", "type", "codes", "code", "apollo", "windows", "covid",
};

inline constexpr std::string_view kMonths[] = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "januar", "jänner", "februar", "märz", "mai", "juni", "juli",
    "oktober", "dezember", "okt", "dez", "janvier", "février", "mars", "avril", "juin", "juillet",
    "août", "septembre", "octobre", "novembre", "décembre", "janv", "févr", "avr", "juil", "déc",
};

// Words before a bare four-digit figure that make it a year ("in 2023").
inline constexpr std::string_view kYearContext[] = {
    "in", "since", "until", "till", "by", "from", "of", "during", "before", "after", "through",
    "between", "and", "or", "to", "early", "late", "mid", "year", "the", "fiscal", "spring",
    "summer", "autumn", "fall", "winter", "im", "seit", "bis", "von", "vom", "ab", "jahr", "jahres",
    "anfang", "ende", "mitte", "en", "depuis", "jusqu'", "année", "an", "fin", "début", "mi", "dès",
    "avant", "après", "entre", "et", "ou", "à", "und", "oder", "vor", "nach", "um", "sommer",
    "herbst", "frühjahr", "frühling", "été", "automne", "hiver", "printemps",
};

inline constexpr std::string_view kStopwordsEn[] = {
    "the", "a", "an", "of", "and", "or", "to", "in", "on", "at", "for", "by", "with", "from", "as",
    "than", "that", "which", "who", "were", "was", "are", "is", "be", "been", "have", "has", "had",
    "will", "would", "could", "should", "may", "might", "more", "less", "per", "each", "this",
    "these", "those", "its", "their", "his", "her", "our", "it", "they", "we", "he", "she", "not",
    "no", "but", "if", "so", "up", "out", "into", "over", "under", "about", "after", "before",
    "ago", "since", "until", "while", "when", "where", "last", "next", "times", "percent", "or",
    "other", "others", "such", "what", "there", "here", "all", "both", "also", "said", "says",
    "did", "do", "does", "can", "then", "now", "later", "earlier", "third", "thirds", "quarter",
    "quarters", "half", "fifth", "fifths", "old",
};
inline constexpr std::string_view kStopwordsDe[] = {
    "der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "und", "oder", "in", "im",
    "an", "am", "auf", "aus", "bei", "mit", "nach", "von", "vom", "zu", "zum", "zur", "für", "um",
    "über", "unter", "vor", "seit", "bis", "als", "wie", "sind", "ist", "war", "waren", "haben",
    "hat", "hatten", "wurden", "wurde", "werden", "es", "sie", "er", "wir", "nicht", "auch", "mehr",
    "pro", "je", "dass", "so",
};
inline constexpr std::string_view kStopwordsFr[] = {
    "le", "la", "les", "l'", "de", "d'", "des", "du", "un", "une", "et", "ou", "à", "au", "aux",
    "en", "dans", "par", "pour", "sur", "sous", "avec", "sans", "que", "qu'", "qui", "est", "sont",
    "ont", "a", "été", "ne", "n'", "pas", "plus", "moins", "se", "s'", "ce", "c'", "il", "elle",
    "ils", "elles", "selon", "contre", "entre",
};
// English plurals that do not end in "s", kept as written.
inline constexpr std::string_view kIrregularPlurals[] = {
    "people", "men", "women", "children", "police", "staff", "personnel", "cattle", "aircraft",
    "sheep", "livestock", "infantry", "clergy", "data",
};

template <typename Range>
bool Contains(const Range& range, std::string_view word) {
  return std::find(std::begin(range), std::end(range), word) != std::end(range);
}

}  // namespace rashomon::claims::internal

#endif  // RSH_CLAIMS_QUANTITY_LEXICON_H_
