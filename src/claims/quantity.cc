#include "claims/quantity.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <limits>
#include <optional>
#include <unordered_set>

#include "claims/scan.h"

namespace rashomon::claims {
namespace {

using internal::IsSymbol;
using internal::Tok;
using internal::TokKind;

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kMaxStated = 1e15;  // Larger figures are codes or noise, not amounts.
constexpr size_t kPieceBytes = 256 * 1024;

// Languages as bits, so one lexicon row can serve several.
enum Lang : unsigned { kEn = 1, kDe = 2, kFr = 4, kAll = 7 };

Lang LangOf(std::string_view code) {
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

constexpr double kMonthSeconds = 2629746;  // 30.436875 days, a Gregorian mean month.
constexpr double kYearSeconds = 31556952;  // 365.2425 days.

constexpr UnitRow kUnits[] = {
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
constexpr CurrencyRow kCurrencyPrefixes[] = {
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
constexpr ScaleRow kScales[] = {
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
constexpr WordNumber kNumberWords[] = {
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
constexpr WordScale kWordScales[] = {
    {"dozen", kEn, 12},     {"hundred", kEn, 100}, {"hundert", kDe, 100}, {"cent", kFr, 100},
    {"cents", kFr, 100},    {"dutzend", kDe, 12},  {"douzaine", kFr, 12},
};

enum class QualKind { kAbout, kNearly, kJustOver, kMore, kAtLeast, kLess, kAtMost };

struct QualifierRow {
  std::string_view phrase;
  unsigned langs;
  QualKind kind;
};
constexpr QualifierRow kQualifiers[] = {
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
constexpr VagueRow kVagueCounts[] = {
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
constexpr VagueTimeRow kVagueTimes[] = {
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
constexpr VagueDeterminer kVagueDeterminers[] = {
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
constexpr RelationRow kRelationsAfter[] = {
    {"before", kEn, "before"}, {"earlier", kEn, "before"},  {"prior", kEn, "before"},
    {"after", kEn, "after"},   {"later", kEn, "after"},     {"ago", kEn, "ago"},
    {"zuvor", kDe, "before"},  {"vorher", kDe, "before"},   {"davor", kDe, "before"},
    {"früher", kDe, "before"}, {"später", kDe, "after"},    {"danach", kDe, "after"},
    {"avant", kFr, "before"},  {"auparavant", kFr, "before"}, {"plus tôt", kFr, "before"},
    {"après", kFr, "after"},   {"plus tard", kFr, "after"},
};
constexpr RelationRow kRelationsBefore[] = {
    {"vor", kDe, "ago"}, {"nach", kDe, "after"}, {"il y a", kFr, "ago"},
};

// Words after which a figure names or numbers something ("Article 5",
// "Flight 370", "day 3"): not a quantity.
constexpr std::string_view kLabels[] = {
    "section", "article", "chapter", "paragraph", "clause", "part", "page", "no", "nr", "number",
    "resolution", "flight", "route", "room", "item", "rule", "vol", "volume", "issue", "gate",
    "platform", "line", "unit", "art", "level", "phase", "stage", "grade", "category", "model",
    "version", "season", "episode", "day", "round", "game", "act", "scene", "step", "tier", "zone",
    "district", "sector", "building", "block", "apartment", "hall", "ward", "bus", "highway",
    "interstate", "term", "seite", "kapitel", "absatz", "artikel", "paragraf", "nummer", "ziffer",
    "abschnitt", "chapitre", "alinéa", "numéro", "vol", "p", "pp", "tag", "jour", "figure", "fig",
    "table", "tabelle", "tableau", "size", "type", "codes", "code", "apollo", "windows", "covid",
};

constexpr std::string_view kMonths[] = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "januar", "jänner", "februar", "märz", "mai", "juni", "juli",
    "oktober", "dezember", "okt", "dez", "janvier", "février", "mars", "avril", "juin", "juillet",
    "août", "septembre", "octobre", "novembre", "décembre", "janv", "févr", "avr", "juil", "déc",
};

// Words before a bare four-digit figure that make it a year ("in 2023").
constexpr std::string_view kYearContext[] = {
    "in", "since", "until", "till", "by", "from", "of", "during", "before", "after", "through",
    "between", "and", "or", "to", "early", "late", "mid", "year", "the", "fiscal", "spring",
    "summer", "autumn", "fall", "winter", "im", "seit", "bis", "von", "vom", "ab", "jahr", "jahres",
    "anfang", "ende", "mitte", "en", "depuis", "jusqu'", "année", "an", "fin", "début", "mi", "dès",
    "avant", "après", "entre", "et", "ou", "à", "und", "oder", "vor", "nach", "um", "sommer",
    "herbst", "frühjahr", "frühling", "été", "automne", "hiver", "printemps",
};

constexpr std::string_view kStopwordsEn[] = {
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
constexpr std::string_view kStopwordsDe[] = {
    "der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "und", "oder", "in", "im",
    "an", "am", "auf", "aus", "bei", "mit", "nach", "von", "vom", "zu", "zum", "zur", "für", "um",
    "über", "unter", "vor", "seit", "bis", "als", "wie", "sind", "ist", "war", "waren", "haben",
    "hat", "hatten", "wurden", "wurde", "werden", "es", "sie", "er", "wir", "nicht", "auch", "mehr",
    "pro", "je", "dass", "so",
};
constexpr std::string_view kStopwordsFr[] = {
    "le", "la", "les", "l'", "de", "d'", "des", "du", "un", "une", "et", "ou", "à", "au", "aux",
    "en", "dans", "par", "pour", "sur", "sous", "avec", "sans", "que", "qu'", "qui", "est", "sont",
    "ont", "a", "été", "ne", "n'", "pas", "plus", "moins", "se", "s'", "ce", "c'", "il", "elle",
    "ils", "elles", "selon", "contre", "entre",
};
// English plurals that do not end in "s", kept as written.
constexpr std::string_view kIrregularPlurals[] = {
    "people", "men", "women", "children", "police", "staff", "personnel", "cattle", "aircraft",
    "sheep", "livestock", "infantry", "clergy", "data",
};

template <typename Range>
bool Contains(const Range& range, std::string_view word) {
  return std::find(std::begin(range), std::end(range), word) != std::end(range);
}

// ---------------------------------------------------------------------------
// Token helpers.

class Reader {
 public:
  Reader(const std::vector<Tok>& toks, unsigned lang) : t_(toks), lang_(lang) {}

  const Tok* At(size_t i) const { return i < t_.size() ? &t_[i] : nullptr; }
  size_t size() const { return t_.size(); }
  unsigned lang() const { return lang_; }

  bool IsWord(size_t i) const { return i < t_.size() && t_[i].kind == TokKind::kWord; }
  bool IsNumber(size_t i) const { return i < t_.size() && t_[i].kind == TokKind::kNumber; }
  // Token `i` follows token i-1 with no space.
  bool Glued(size_t i) const { return i < t_.size() && i > 0 && !t_[i].space_before; }
  std::string_view Lower(size_t i) const { return i < t_.size() ? std::string_view(t_[i].lower) : ""; }

  // Number of tokens `phrase` covers when it starts at `i`, 0 if it does not
  // match. Phrases never cross a line break.
  size_t MatchAt(size_t i, std::string_view phrase) const {
    size_t n = 0;
    while (!phrase.empty()) {
      size_t cut = phrase.find(' ');
      std::string_view word = phrase.substr(0, cut);
      // Words of a unit may also be joined by hyphens ("five-nautical-mile").
      if (n > 0 && i + n + 1 < t_.size() && t_[i + n].lower == "-" && t_[i + n + 1].lower == word) {
        ++n;
      }
      if (i + n >= t_.size() || t_[i + n].lower != word) return 0;
      if (n > 0 && t_[i + n].newline_before) return 0;
      ++n;
      phrase = cut == std::string_view::npos ? std::string_view() : phrase.substr(cut + 1);
    }
    return n;
  }
  // Number of tokens `phrase` covers when it ends just before `end`, with its
  // first token at or after `floor`; 0 if it does not match.
  size_t MatchBefore(size_t end, size_t floor, std::string_view phrase) const {
    size_t words = 1 + std::count(phrase.begin(), phrase.end(), ' ');
    if (end < floor + words) return 0;
    if (end < t_.size() && t_[end].newline_before) return 0;
    return MatchAt(end - words, phrase) == words ? words : 0;
  }

 private:
  const std::vector<Tok>& t_;
  unsigned lang_;
};

// ---------------------------------------------------------------------------
// Numbers.

struct Figure {
  size_t begin = 0, end = 0;  // Tokens.
  double value = 0;
  double place = 1;  // Place value of the last significant digit.
  double scale = 1;
  bool scaled = false;
  bool round = false;
  bool from_words = false;
  bool lone_one = false;  // "one"/"ein"/"un" alone: a figure only before a unit.
  bool vague = false;
  double vague_low = 0, vague_high = 0;
  bool year_like = false;
};

std::optional<double> ScaleAt(const Reader& r, size_t i, bool money) {
  if (!r.IsWord(i)) return std::nullopt;
  for (const ScaleRow& row : kScales) {
    if ((row.langs & r.lang()) && r.Lower(i) == row.word && (!row.money_only || money)) return row.scale;
  }
  return std::nullopt;
}

// Value of a single number word, or -1.
int NumberWordValue(const Reader& r, size_t i) {
  if (!r.IsWord(i)) return -1;
  std::string_view w = r.Lower(i);
  for (const WordNumber& row : kNumberWords) {
    if ((row.langs & r.lang()) && w == row.word) return row.value;
  }
  // German writes units before tens in one word: "fünfundzwanzig".
  if (r.lang() & kDe) {
    size_t und = w.find("und");
    if (und != std::string_view::npos && und > 0) {
      int units = -1, tens = -1;
      for (const WordNumber& row : kNumberWords) {
        if (!(row.langs & kDe)) continue;
        if (w.substr(0, und) == row.word && row.value < 10) units = row.value;
        if (w.substr(und + 3) == row.word && row.value >= 20) tens = row.value;
      }
      if (units > 0 && tens > 0) return units + tens;
    }
  }
  // French "quatre-vingt(s)" is 80; the hyphen makes it three tokens.
  return -1;
}

double WordScaleAt(const Reader& r, size_t i) {
  if (!r.IsWord(i)) return 0;
  for (const WordScale& row : kWordScales) {
    if ((row.langs & r.lang()) && r.Lower(i) == row.word) return row.scale;
  }
  return 0;
}

// Whether `i` continues a number phrase: same line, after a space or a
// hyphen glued on both sides ("twenty-five", "quatre-vingt-dix").
bool Continues(const Reader& r, size_t* i) {
  const Tok* t = r.At(*i);
  if (t == nullptr || t->newline_before) return false;
  if (IsSymbol(*t, U"-") && r.Glued(*i) && r.Glued(*i + 1) && r.IsWord(*i + 1)) {
    ++*i;
    return true;
  }
  return t->space_before;
}

// Number words from `i`: "twenty-five", "three hundred", "a dozen",
// "zwei Millionen", "quatre-vingt-dix". Bounded: at most 8 tokens.
std::optional<Figure> ParseWords(const Reader& r, size_t i) {
  Figure f;
  f.begin = i;
  double total = 0, current = 0;
  size_t pos = i, words = 0;
  bool any = false;
  // "a dozen", "a hundred", "a million", "une douzaine".
  if ((r.Lower(i) == "a" || r.Lower(i) == "an") && (WordScaleAt(r, i + 1) > 0 || ScaleAt(r, i + 1, false))) {
    current = 1;
    pos = i + 1;
    any = true;
  }
  while (pos < r.size() && words < 8) {
    size_t next = pos;
    if (words > 0 || any) {
      if (!Continues(r, &next)) break;
    }
    int v = NumberWordValue(r, next);
    double ws = WordScaleAt(r, next);
    std::optional<double> scale = ScaleAt(r, next, false);
    if (v > 0) {
      if (r.Lower(next) == "vingt" || r.Lower(next) == "vingts") {
        if (current > 0 && current < 10) {
          current *= 20;  // "quatre-vingt(s)".
        } else {
          current += 20;
        }
      } else {
        current += v;
      }
    } else if (ws > 0) {
      current = std::max(current, 1.0) * ws;
    } else if (scale && (any || words > 0)) {
      total += std::max(current, 1.0) * *scale;
      current = 0;
      f.scaled = true;
      f.scale = *scale;
    } else {
      break;
    }
    any = true;
    ++words;
    pos = next + 1;
  }
  if (words == 0) return std::nullopt;
  f.end = pos;
  f.value = total + current;
  f.from_words = true;
  f.lone_one = words == 1 && f.value == 1;
  return f;
}

// A digit figure at `i` with its scale word ("1.6 billion", "$5bn", "1,6 Mrd.").
std::optional<Figure> ParseDigits(const Reader& r, size_t i, bool money) {
  const Tok& t = *r.At(i);
  if (!t.valid || t.leading_zero) return std::nullopt;
  Figure f;
  f.begin = i;
  f.end = i + 1;
  f.value = t.value;
  f.place = t.place;
  f.year_like = !t.grouped && !t.decimal && t.int_digits == 4 && t.value >= 1000 && t.value < 3000;
  size_t s = i + 1;
  if (r.IsWord(s) && (!r.Glued(s) || r.Lower(s) != "m" || money)) {
    if (std::optional<double> scale = ScaleAt(r, s, money)) {
      if (!r.At(s)->newline_before) {
        f.value *= *scale;
        f.place *= *scale;
        f.scale = *scale;
        f.scaled = true;
        f.end = s + 1;
        // "Mio." and "Mrd." carry their abbreviation point.
        const Tok* dot = r.At(s + 1);
        if (dot != nullptr && IsSymbol(*dot, U".") && r.Glued(s + 1) && r.Lower(s).size() <= 3 &&
            r.Lower(s) != "m" && r.Lower(s) != "k") {
          f.end = s + 2;
        }
      }
    }
  }
  return f;
}

// ---------------------------------------------------------------------------
// Units, qualifiers, nouns.

struct UnitMatch {
  const UnitRow* row = nullptr;
  size_t end = 0;
  bool hyphenated = false;  // "2,615-mile border".
};

UnitMatch MatchUnit(const Reader& r, size_t i) {
  UnitMatch best;
  const Tok* t = r.At(i);
  if (t == nullptr || t->newline_before) return best;
  size_t start = i;
  bool hyphen = IsSymbol(*t, U"-") && r.Glued(i) && r.Glued(i + 1) && r.IsWord(i + 1);
  if (hyphen) start = i + 1;
  size_t best_len = 0;
  for (const UnitRow& row : kUnits) {
    if (!(row.langs & r.lang())) continue;
    size_t n = r.MatchAt(start, row.phrase);
    if (n > best_len) {
      best_len = n;
      best.row = &row;
    }
  }
  if (best.row == nullptr) return best;
  // A unit glued to a following letter or digit is part of another word
  // ("5 kmh"); single letters need a break after them ("5 m." is fine).
  best.end = start + best_len;
  best.hyphenated = hyphen;
  return best;
}

std::optional<std::string_view> CurrencyBefore(const Reader& r, size_t i, size_t floor, size_t* begin) {
  for (const CurrencyRow& row : kCurrencyPrefixes) {
    size_t n = r.MatchBefore(i, floor, row.phrase);
    if (n == 0) continue;
    // Letter codes must stand apart from the figure ("USD 5", not "aUSD5").
    *begin = i - n;
    return row.code;
  }
  return std::nullopt;
}

std::optional<QualKind> QualifierBefore(const Reader& r, size_t i, size_t floor, size_t* begin) {
  size_t best = 0;
  std::optional<QualKind> kind;
  for (const QualifierRow& row : kQualifiers) {
    if (!(row.langs & r.lang())) continue;
    size_t n = r.MatchBefore(i, floor, row.phrase);
    if (n > best) {
      best = n;
      kind = row.kind;
    }
  }
  if (kind) *begin = i - best;
  return kind;
}

bool IsStopword(unsigned lang, std::string_view w) {
  if (lang & kDe) return Contains(kStopwordsDe, w);
  if (lang & kFr) return Contains(kStopwordsFr, w);
  return Contains(kStopwordsEn, w);
}

bool LooksPluralEn(std::string_view w) {
  if (Contains(kIrregularPlurals, w)) return true;
  if (w.size() < 3 || w.back() != 's') return false;
  std::string_view tail = w.substr(w.size() - 2);
  return tail != "ss" && tail != "us" && tail != "is";
}

// Lower-case singular of a plural noun, by the usual spelling rules.
std::string Singular(unsigned lang, std::string_view w) {
  std::string s(w);
  if (lang & kEn) {
    if (Contains(kIrregularPlurals, w)) {
      if (w == "men") return "man";
      if (w == "women") return "woman";
      if (w == "children") return "child";
      return s;
    }
    if (!LooksPluralEn(w)) return s;
    if (s.size() > 4 && s.ends_with("ies")) return s.substr(0, s.size() - 3) + "y";
    for (std::string_view e : {"ches", "shes", "sses", "xes", "zes"}) {
      if (s.ends_with(e)) return s.substr(0, s.size() - 2);
    }
    return s.substr(0, s.size() - 1);
  }
  if (lang & kFr) {
    if (s.size() > 3 && (s.back() == 's' || s.back() == 'x')) s.pop_back();
    return s;
  }
  // German: the common "-en" plural of nouns of three letters or more.
  if (s.size() > 5 && s.ends_with("en")) s.resize(s.size() - 2);
  return s;
}

bool IsMonth(std::string_view w) { return Contains(kMonths, w); }

// The counted noun after a figure: the first plural-looking word within the
// next four (skipping adjectives: "20,000 Russian students"), else the first
// word. German nouns are the capitalised words.
std::string HeadNounAfter(const Reader& r, size_t i) {
  std::string_view first;
  // "1,6 milliard de personnes": the noun follows "de".
  if ((r.lang() & kFr) && (r.Lower(i) == "de" || r.Lower(i) == "d'")) ++i;
  for (size_t k = 0; k < 4; ++k) {
    size_t j = i + k;
    if (!r.IsWord(j) || !r.At(j)->space_before || r.At(j)->newline_before) break;
    std::string_view w = r.Lower(j);
    if (w.empty() || IsStopword(r.lang(), w) || IsMonth(w)) break;
    if (r.lang() & kDe) {
      if (r.At(j)->capitalized) return Singular(kDe, w);
      continue;
    }
    if (r.lang() & kFr) return Singular(kFr, w);
    if (LooksPluralEn(w)) {
      // A compound's head is its last word: "news services", "crew members".
      const size_t next = j + 1;
      if (k + 1 < 4 && r.IsWord(next) && r.At(next)->space_before && !r.At(next)->newline_before &&
          !IsStopword(r.lang(), r.Lower(next)) && LooksPluralEn(r.Lower(next))) {
        continue;
      }
      return Singular(kEn, w);
    }
    if (first.empty()) first = w;
  }
  return first.empty() ? "" : Singular(r.lang(), first);
}

// "a border of [more than] 4,000 miles": the noun before "of".
std::string NounBefore(const Reader& r, size_t begin, size_t floor) {
  std::string_view of = (r.lang() & kDe) ? "von" : (r.lang() & kFr) ? "de" : "of";
  if (begin < floor + 2 || r.Lower(begin - 1) != of || !r.IsWord(begin - 2)) return "";
  std::string_view w = r.Lower(begin - 2);
  if (w.empty() || IsStopword(r.lang(), w)) return "";
  return Singular(r.lang(), w);
}

std::string RelationAfter(const Reader& r, size_t i) {
  for (const RelationRow& row : kRelationsAfter) {
    if ((row.langs & r.lang()) && r.MatchAt(i, row.phrase) && !r.At(i)->newline_before) {
      return std::string(row.relation);
    }
  }
  return "";
}

std::string RelationBefore(const Reader& r, size_t begin, size_t floor, size_t* new_begin) {
  for (const RelationRow& row : kRelationsBefore) {
    if (!(row.langs & r.lang())) continue;
    if (size_t n = r.MatchBefore(begin, floor, row.phrase)) {
      *new_begin = begin - n;
      return std::string(row.relation);
    }
  }
  return "";
}

// ---------------------------------------------------------------------------
// Exclusions: figures that number or name things rather than count them.

bool IsLabelBefore(const Reader& r, size_t i, size_t floor) {
  if (i <= floor || i == 0) return false;
  const Tok& p = *r.At(i - 1);
  if (IsSymbol(p, U"§#№+")) return true;
  if (p.kind == TokKind::kWord) {
    if (Contains(kLabels, p.lower) || IsMonth(p.lower)) return true;
  }
  // "No. 7", "p. 12".
  if (IsSymbol(p, U".") && i >= 2 && r.IsWord(i - 2) && Contains(kLabels, r.Lower(i - 2))) return true;
  return false;
}

// A figure glued to letters or a model-number hyphen ("B52", "F-16",
// "COVID-19"), or followed by letters that are no unit ("7th", "1990s",
// "1e309").
bool IsGluedToWord(const Reader& r, const Figure& f) {
  size_t i = f.begin;
  if (r.Glued(i) && r.IsWord(i - 1)) return true;
  if (r.Glued(i) && IsSymbol(*r.At(i - 1), U"-") && i >= 2 && r.Glued(i - 1) && r.IsWord(i - 2)) {
    return true;
  }
  return false;
}

bool IsClockOrRatio(const Reader& r, size_t begin, size_t end) {
  const Tok* next = r.At(end);
  if (next != nullptr && r.Glued(end) && IsSymbol(*next, U":/") && r.IsNumber(end + 1) && r.Glued(end + 1)) {
    return true;
  }
  if (begin >= 2 && r.Glued(begin) && IsSymbol(*r.At(begin - 1), U":/") && r.IsNumber(begin - 2)) return true;
  std::string_view w = r.Lower(end);
  if (r.IsWord(end) && (w == "am" || w == "pm" || w == "uhr" || (w == "h" && r.Glued(end)))) return true;
  if ((w == "a" || w == "p") && r.At(end + 1) && IsSymbol(*r.At(end + 1), U".") && r.Lower(end + 2) == "m") {
    return true;
  }
  return false;
}

// Marks number tokens in chains of three or more joined by glued "-", "."
// or "/" ("555-123-4567", "2025-06-12", "12.06.2025"), and digit groups that
// follow a "+" prefix: telephone numbers, dates and codes.
std::vector<bool> MarkCodes(const Reader& r) {
  std::vector<bool> code(r.size(), false);
  size_t i = 0;
  while (i < r.size()) {
    if (!r.IsNumber(i)) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j + 2 < r.size() && IsSymbol(*r.At(j + 1), U"-./") && r.Glued(j + 1) && r.IsNumber(j + 2) &&
           r.Glued(j + 2)) {
      j += 2;
    }
    bool phone = i > 0 && r.Glued(i) && IsSymbol(*r.At(i - 1), U"+");
    if (phone) {
      while (j + 1 < r.size() && r.IsNumber(j + 1) && !r.At(j + 1)->newline_before) ++j;
    }
    if (j >= i + 4 || phone) {
      for (size_t k = i; k <= j; ++k) code[k] = true;
    }
    i = j + 1;
  }
  return code;
}

// A bare year-like figure is a count only when a noun follows and nothing
// before it reads as a date ("1500 people" yes; "in 2023", "2023," no).
bool YearNotCount(const Reader& r, const Figure& f, size_t floor) {
  if (f.begin > floor) {
    std::string_view prev = r.Lower(f.begin - 1);
    if (Contains(kYearContext, prev) || IsMonth(prev)) return true;
    if (IsSymbol(*r.At(f.begin - 1), U",-–—/'’")) return true;
  }
  size_t n = f.end;
  if (!r.IsWord(n) || r.At(n)->newline_before) return true;
  std::string_view w = r.Lower(n);
  if (IsStopword(r.lang(), w) || IsMonth(w)) return true;
  if (r.At(n)->capitalized && !(r.lang() & kDe)) return true;
  return false;
}

// ---------------------------------------------------------------------------
// Assembly.

// Interval of a figure `v` under a qualifier, in the stated unit.
void ApplyQualifier(std::optional<QualKind> kind, double v, Quantity* q) {
  q->low = q->high = v;
  if (!kind) return;
  switch (*kind) {
    case QualKind::kAbout:
      q->qualifier = Qualifier::kAbout;
      q->low = 0.9 * v;
      q->high = 1.1 * v;
      break;
    case QualKind::kNearly:
      q->qualifier = Qualifier::kAbout;
      q->low = 0.9 * v;
      break;
    case QualKind::kJustOver:
      q->qualifier = Qualifier::kAbout;
      q->high = 1.1 * v;
      break;
    case QualKind::kMore:
      q->qualifier = Qualifier::kMoreThan;
      q->high = kInf;
      break;
    case QualKind::kAtLeast:
      q->qualifier = Qualifier::kAtLeast;
      q->high = kInf;
      break;
    case QualKind::kLess:
      q->qualifier = Qualifier::kLessThan;
      q->low = 0;
      break;
    case QualKind::kAtMost:
      q->qualifier = Qualifier::kAtMost;
      q->low = 0;
      break;
  }
}

bool IsRangeConnector(const Reader& r, size_t i, bool opened) {
  const Tok* t = r.At(i);
  if (t == nullptr || t->newline_before) return false;
  if (IsSymbol(*t, U"-–—")) return true;
  std::string_view w = t->lower;
  if (w == "to" || w == "bis" || w == "à") return true;
  return opened && (w == "and" || w == "und" || w == "et");
}

bool IsRangeOpener(const Reader& r, size_t i, size_t floor) {
  if (i <= floor || i == 0) return false;
  std::string_view w = r.Lower(i - 1);
  return w == "between" || w == "zwischen" || w == "entre";
}

// First words that can start a figure written in words or a vague amount;
// other words skip the lexicon scans (most words of a text).
bool MayStartWordFigure(std::string_view w) {
  static const std::unordered_set<std::string_view>* const kStarts = [] {
    auto* set = new std::unordered_set<std::string_view>{"a", "an"};
    for (const WordNumber& row : kNumberWords) set->insert(row.word);
    for (const WordScale& row : kWordScales) set->insert(row.word);
    for (const VagueRow& row : kVagueCounts) set->insert(row.phrase.substr(0, row.phrase.find(' ')));
    for (const VagueTimeRow& row : kVagueTimes) set->insert(row.word);
    return set;
  }();
  if (kStarts->count(w)) return true;
  // German compounds ("fünfundzwanzig").
  return w.find("und") != std::string_view::npos && w.ends_with("zig");
}

std::string CanonicalUnit(Dimension dimension, std::string_view stated_unit) {
  switch (dimension) {
    case Dimension::kCount:
      return "";
    case Dimension::kLength:
      return "m";
    case Dimension::kArea:
      return "m2";
    case Dimension::kMass:
      return "kg";
    case Dimension::kDuration:
      return "s";
    case Dimension::kPercent:
    case Dimension::kMoney:
      return std::string(stated_unit);  // "%" or "pp"; the currency code.
  }
  return "";
}

class QuantityFinder {
 public:
  QuantityFinder(const std::vector<Tok>& toks, unsigned lang, size_t cap, std::vector<Quantity>* out)
      : r_(toks, lang), codes_(MarkCodes(r_)), cap_(cap), out_(out) {}

  void Run() {
    size_t i = 0;
    while (i < r_.size() && out_->size() < cap_) {
      size_t next = i + 1;
      if (r_.IsWord(i) && !MayStartWordFigure(r_.Lower(i))) {
        ++i;
        continue;
      }
      if (std::optional<Quantity> q = TryFigure(i, &next)) {
        out_->push_back(std::move(*q));
        floor_ = next;
      } else if (std::optional<Quantity> v = TryVagueTime(i, &next)) {
        out_->push_back(std::move(*v));
        floor_ = next;
      }
      i = std::max(next, i + 1);
    }
  }

 private:
  std::optional<Figure> FigureAt(size_t i, bool money) const {
    if (r_.IsNumber(i)) {
      if (codes_[i]) return std::nullopt;
      return ParseDigits(r_, i, money);
    }
    for (const VagueRow& row : kVagueCounts) {
      if (!(row.langs & r_.lang())) continue;
      if (size_t n = r_.MatchAt(i, row.phrase)) {
        Figure f;
        f.begin = i;
        f.end = i + n;
        f.vague = true;
        f.vague_low = row.low;
        f.vague_high = row.high;
        return f;
      }
    }
    return ParseWords(r_, i);
  }

  // Tries a figure starting at token `i`; on success sets `*next` past it.
  std::optional<Quantity> TryFigure(size_t i, size_t* next);
  std::optional<Quantity> TryVagueTime(size_t i, size_t* next);
  bool Excluded(const Figure& f, bool has_unit, bool money, bool second = false) const;

  Reader r_;
  std::vector<bool> codes_;
  size_t cap_;
  std::vector<Quantity>* out_;
  size_t floor_ = 0;  // First token not used by an earlier mention.
};

bool QuantityFinder::Excluded(const Figure& f, bool has_unit, bool money, bool second) const {
  if (f.vague) return false;
  if (!f.from_words) {
    if (IsGluedToWord(r_, f)) return true;
    // The second half of "3-1" after the first was refused as a range.
    if (!second && f.begin >= 2 && r_.Glued(f.begin) && IsSymbol(*r_.At(f.begin - 1), U"-–") &&
        r_.Glued(f.begin - 1) && r_.IsNumber(f.begin - 2)) {
      return true;
    }
    if (IsClockOrRatio(r_, f.begin, f.begin + 1)) return true;
    // Letters glued after the digits that are neither unit nor scale: "7th".
    if (r_.IsWord(f.begin + 1) && r_.Glued(f.begin + 1) && !has_unit && !f.scaled) return true;
    if (!money && IsLabelBefore(r_, f.begin, floor_)) return true;
    if (r_.IsWord(f.end) && IsMonth(r_.Lower(f.end)) && !has_unit) return true;
    // "12. Juni", "7. Armee": a German or French ordinal.
    if (!(r_.lang() & kEn) && r_.At(f.end) && IsSymbol(*r_.At(f.end), U".") && r_.Glued(f.end) &&
        r_.IsWord(f.end + 1) && !has_unit) {
      return true;
    }
    if (f.year_like && !has_unit && !money && !f.scaled && YearNotCount(r_, f, floor_)) return true;
  }
  if (f.lone_one && !has_unit) return true;
  return false;
}

std::optional<Quantity> QuantityFinder::TryFigure(size_t i, size_t* next) {
  size_t begin = i;
  std::optional<std::string_view> currency = CurrencyBefore(r_, i, floor_, &begin);
  // Currency after letter codes only counts if it stands apart ("USD 5").
  std::optional<Figure> f = FigureAt(i, currency.has_value());
  if (!f) return std::nullopt;
  if (f->from_words && currency) return std::nullopt;
  UnitMatch unit = currency ? UnitMatch{} : MatchUnit(r_, f->end);
  size_t end = unit.row ? unit.end : f->end;
  // Ranges: "10 to 12", "10-12 people", "between 5 and 7 km", "$5-7 million".
  bool opened = IsRangeOpener(r_, begin, floor_);
  std::optional<Figure> f2;
  if (!unit.hyphenated && IsRangeConnector(r_, end, opened)) {
    size_t j = end + 1;
    // "$5 to $7 million": the currency may be repeated.
    if (currency && r_.At(j) && r_.At(j)->kind == TokKind::kSymbol && r_.IsNumber(j + 1)) ++j;
    f2 = FigureAt(j, currency.has_value());
    if (f2 && !f2->vague && !f->vague && !(r_.IsNumber(j) && codes_[j])) {
      // "1 to 2 million": the scale of the second figure applies to both.
      if (f2->scaled && !f->scaled) {
        f->value *= f2->scale;
        f->place *= f2->scale;
        f->scaled = true;
      }
      UnitMatch unit2 = currency ? UnitMatch{} : MatchUnit(r_, f2->end);
      bool units_agree = !unit.row || !unit2.row || unit.row->stated_unit == unit2.row->stated_unit;
      // "won 3-1": a score, not a range.
      if (f2->value <= f->value && IsSymbol(*r_.At(end), U"-–") && r_.Glued(end) && r_.Glued(end + 1)) {
        return std::nullopt;
      }
      if (f2->value > f->value && units_agree && !(f->year_like && f2->year_like && !unit.row && !unit2.row)) {
        if (unit2.row) unit = unit2;
        end = unit2.row ? unit2.end : f2->end;
      } else {
        f2.reset();
      }
    } else {
      f2.reset();
    }
  }
  if (f->value <= 0 && !f->vague) return std::nullopt;
  if (Excluded(*f, unit.row != nullptr, currency.has_value())) return std::nullopt;
  if (f2 && Excluded(*f2, true, currency.has_value(), true)) return std::nullopt;
  // Rates ("100 km/h", "5 per cent a year" stays: only units per unit).
  if (unit.row && r_.At(end) && IsSymbol(*r_.At(end), U"/") && r_.Glued(end)) return std::nullopt;

  Quantity q;
  if (currency) {
    q.dimension = Dimension::kMoney;
    q.unit = q.stated_unit = std::string(*currency);
  } else if (unit.row) {
    q.dimension = unit.row->dimension;
    q.stated_unit = std::string(unit.row->stated_unit);
    // "20 million pounds" is money; "20 pounds" of flour is mass.
    if (q.stated_unit == "lb" && f->scaled) {
      q.dimension = Dimension::kMoney;
      q.stated_unit = "GBP";
    }
  }
  double factor = unit.row && q.dimension != Dimension::kMoney ? unit.row->factor : 1;
  q.unit = CanonicalUnit(q.dimension, q.stated_unit);

  size_t qual_begin = begin;
  std::optional<QualKind> kind;
  if (f2) {
    if (opened) qual_begin = begin - 1;
    q.qualifier = Qualifier::kRange;
    q.low = f->value;
    q.high = f2->value;
  } else if (f->vague) {
    q.qualifier = Qualifier::kVague;
    q.low = f->vague_low;
    q.high = f->vague_high;
  } else {
    kind = QualifierBefore(r_, begin, floor_, &qual_begin);
    // "over three days" is a span of time, not a lower bound.
    if (kind && q.dimension == Dimension::kDuration && r_.Lower(qual_begin) == "over") {
      kind.reset();
      qual_begin = begin;
    }
    ApplyQualifier(kind, f->value, &q);
  }
  q.stated = f->vague ? f->vague_low : f->value;
  q.low *= factor;
  q.high *= factor;
  q.round = f->round || (!f->vague && (f->scaled || (!f->from_words && f->place >= 100) ||
                                       (f->from_words && f->value >= 100 && std::fmod(f->value, 100) == 0) ||
                                       q.qualifier == Qualifier::kAbout));
  if (f2) q.round = q.round || f2->scaled || f2->place >= 100;

  if (q.dimension == Dimension::kDuration) {
    q.relation = RelationAfter(r_, end);
    if (!q.relation.empty()) {
      end += r_.Lower(end) == "plus" ? 2 : 1;
    } else {
      q.relation = RelationBefore(r_, qual_begin, floor_, &qual_begin);
    }
  }
  if (unit.hyphenated || !unit.row) {
    // "2,615-mile border", "eight-page dossier", "20,000 Russian students".
    size_t noun_at = end;
    if (!unit.row && r_.At(end) && IsSymbol(*r_.At(end), U"-") && r_.Glued(end) && r_.IsWord(end + 1) &&
        r_.Glued(end + 1) && !IsStopword(r_.lang(), r_.Lower(end + 1))) {
      q.noun = Singular(r_.lang(), r_.Lower(end + 1));
      end += 2;
    } else if (q.dimension == Dimension::kCount || unit.hyphenated) {
      q.noun = HeadNounAfter(r_, noun_at);
    }
  }
  if (q.noun.empty() && q.dimension != Dimension::kMoney && q.dimension != Dimension::kPercent) {
    q.noun = NounBefore(r_, qual_begin, floor_);
  }
  if (q.dimension != Dimension::kCount && q.noun.empty() && r_.Lower(end) == "of") {
    q.noun = HeadNounAfter(r_, end + 1);
  }
  const Tok& first = *r_.At(qual_begin);
  const Tok& last = *r_.At(end - 1);
  q.span = {first.span.begin, last.span.end};
  *next = end;
  return q;
}

// "days before", "several weeks", "vor Tagen", "quelques jours".
std::optional<Quantity> QuantityFinder::TryVagueTime(size_t i, size_t* next) {
  if (!r_.IsWord(i)) return std::nullopt;
  const VagueTimeRow* row = nullptr;
  for (const VagueTimeRow& v : kVagueTimes) {
    if ((v.langs & r_.lang()) && r_.Lower(i) == v.word) row = &v;
  }
  if (row == nullptr) return std::nullopt;
  Quantity q;
  q.dimension = Dimension::kDuration;
  q.qualifier = Qualifier::kVague;
  q.low = row->low;
  q.high = row->high;
  size_t begin = i;
  bool determined = false;
  for (const VagueDeterminer& d : kVagueDeterminers) {
    if (!(d.langs & r_.lang())) continue;
    if (size_t n = r_.MatchBefore(i, floor_, d.phrase)) {
      determined = true;
      if (d.phrase != "the" && d.phrase != "des" && d.phrase != "for") begin = i - n;
      if (d.low > 0) {
        q.low = d.low;
        q.high = d.high;
      }
      break;
    }
  }
  size_t end = i + 1;
  q.relation = RelationAfter(r_, end);
  if (!q.relation.empty()) {
    end += r_.Lower(end) == "plus" ? 2 : 1;
  } else {
    q.relation = RelationBefore(r_, begin, floor_, &begin);
  }
  if (!determined && q.relation.empty()) return std::nullopt;
  UnitMatch unit = MatchUnit(r_, i);
  if (unit.row == nullptr) return std::nullopt;
  q.stated_unit = std::string(unit.row->stated_unit);
  q.unit = "s";
  q.stated = q.low;
  q.low *= unit.row->factor;
  q.high *= unit.row->factor;
  q.round = false;
  q.span = {r_.At(begin)->span.begin, r_.At(end - 1)->span.end};
  *next = end;
  return q;
}

}  // namespace


std::string_view DimensionName(Dimension dimension) {
  switch (dimension) {
    case Dimension::kCount: return "count";
    case Dimension::kLength: return "length";
    case Dimension::kArea: return "area";
    case Dimension::kMass: return "mass";
    case Dimension::kMoney: return "money";
    case Dimension::kPercent: return "percent";
    case Dimension::kDuration: return "duration";
  }
  return "";
}

std::string_view QualifierName(Qualifier qualifier) {
  switch (qualifier) {
    case Qualifier::kExact: return "exact";
    case Qualifier::kAbout: return "about";
    case Qualifier::kMoreThan: return "more_than";
    case Qualifier::kAtLeast: return "at_least";
    case Qualifier::kLessThan: return "less_than";
    case Qualifier::kAtMost: return "at_most";
    case Qualifier::kRange: return "range";
    case Qualifier::kVague: return "vague";
  }
  return "";
}

std::vector<Quantity> FindQuantities(std::string_view text, const QuantityOptions& options) {
  std::vector<Quantity> out;
  const unsigned lang = LangOf(options.language);
  const internal::NumberStyle style = internal::StyleFor(options.language);
  size_t begin = 0;
  // Bounded pieces keep the token buffer small on huge inputs.
  for (size_t end : internal::Pieces(text, kPieceBytes)) {
    if (out.size() >= options.max_mentions) break;
    std::vector<Tok> toks = internal::Scan(text.substr(begin, end - begin), style, begin);
    QuantityFinder(toks, lang, options.max_mentions, &out).Run();
    begin = end;
  }
  return out;
}

namespace {

// Canonical units per `stated_unit` (1 for counts, money and percent).
double UnitFactor(Dimension dimension, std::string_view stated_unit) {
  if (dimension == Dimension::kMoney || dimension == Dimension::kPercent) return 1;
  for (const UnitRow& row : kUnits) {
    if (row.dimension == dimension && row.stated_unit == stated_unit) return row.factor;
  }
  return 1;
}

// Half the place value of the last non-zero digit of a round figure, at most
// 10 % of it: "20,000" may stand for 18,000..22,000, "1,800" for 1,750..1,850.
// In canonical units.
double RoundTolerance(const Quantity& q) {
  if (!q.round || q.qualifier == Qualifier::kVague) return 0;
  double v = std::fabs(q.stated);
  if (v < 1 || v > kMaxStated || v != std::floor(v)) return 0;
  double place = 1;
  while (place * 10 <= v && std::fmod(v, place * 10) == 0) place *= 10;
  return std::min(place / 2, 0.1 * v) * UnitFactor(q.dimension, q.stated_unit);
}

bool IntervalsMeet(const Quantity& a, const Quantity& b) {
  double ta = RoundTolerance(a), tb = RoundTolerance(b);
  double a_low = a.low - ta, a_high = a.high + ta;
  double b_low = b.low - tb, b_high = b.high + tb;
  // Conversions between units leave rounding noise in the last bits.
  double eps = 1e-9 * std::max({1.0, std::fabs(a.low), std::fabs(b.low)});
  // Two round figures stand for half-open rounding intervals: "1.6 billion"
  // and "1.7 billion" touch at 1.65 billion but do not overlap.
  if (ta > 0 && tb > 0) return a_low < b_high - eps && b_low < a_high - eps;
  return a_low <= b_high + eps && b_low <= a_high + eps;
}

// "4,209" or "1.6" for a sentence.
std::string FormatFigure(double v) {
  char buf[64];
  if (std::fabs(v) >= 100 || v == std::floor(v)) {
    long long n = std::llround(v);
    std::string digits = std::to_string(n < 0 ? -n : n);
    std::string out;
    for (size_t k = 0; k < digits.size(); ++k) {
      if (k > 0 && (digits.size() - k) % 3 == 0) out.push_back(',');
      out.push_back(digits[k]);
    }
    return (n < 0 ? "-" : "") + out;
  }
  std::snprintf(buf, sizeof(buf), "%.2f", v);
  std::string out(buf);
  while (out.back() == '0') out.pop_back();
  if (out.back() == '.') out.pop_back();
  return out;
}

std::string_view QualifierWords(Qualifier q) {
  switch (q) {
    case Qualifier::kAbout: return "about ";
    case Qualifier::kMoreThan: return "more than ";
    case Qualifier::kAtLeast: return "at least ";
    case Qualifier::kLessThan: return "less than ";
    case Qualifier::kAtMost: return "at most ";
    default: return "";
  }
}

// `q` with its stated figure read in `unit` instead.
Quantity ReadIn(const Quantity& q, std::string_view unit) {
  Quantity r = q;
  double ratio = UnitFactor(q.dimension, unit) / UnitFactor(q.dimension, q.stated_unit);
  r.low = q.low * ratio;
  r.high = q.high * ratio;
  r.stated_unit = std::string(unit);
  return r;
}

// Stated units a figure of `dimension` is commonly confused among.
std::vector<std::string_view> Alternatives(Dimension dimension) {
  switch (dimension) {
    case Dimension::kLength: return {"km", "mi", "m", "ft", "yd", "nmi"};
    case Dimension::kArea: return {"km2", "mi2", "ha", "acre", "m2"};
    case Dimension::kMass: return {"kg", "t", "lb", "g"};
    case Dimension::kDuration: return {"s", "min", "h", "day", "week", "month", "year"};
    default: return {};
  }
}

// The sentence for `x` mis-stated relative to `y`, or "".
std::string Explain(const Quantity& x, const Quantity& y) {
  if (x.qualifier == Qualifier::kVague || y.qualifier == Qualifier::kVague) return "";
  for (std::string_view unit : Alternatives(x.dimension)) {
    if (unit == x.stated_unit) continue;
    Quantity reread = ReadIn(x, unit);
    if (!Compatible(reread, y)) continue;
    if (y.stated_unit == unit) {
      // The same figure in two units ("12 miles" / "12 kilometres").
      const double as_written =
          x.stated * UnitFactor(x.dimension, x.stated_unit) / UnitFactor(x.dimension, unit);
      return "\"" + std::string(QualifierWords(x.qualifier)) + FormatFigure(x.stated) + " " +
             x.stated_unit + "\" matches " + FormatFigure(y.stated) + " " + y.stated_unit +
             " if the figure was meant in " + std::string(unit) + ", not " + x.stated_unit + " (" +
             FormatFigure(x.stated) + " " + x.stated_unit + " is " + FormatFigure(as_written) + " " +
             std::string(unit) + ").";
    }
    double converted = y.stated * UnitFactor(y.dimension, y.stated_unit) / UnitFactor(y.dimension, unit);
    std::string out = FormatFigure(y.stated) + " " + y.stated_unit + " is " + FormatFigure(converted) + " " +
                      std::string(unit) + ": \"" + std::string(QualifierWords(x.qualifier)) +
                      FormatFigure(x.stated) + " " + x.stated_unit + "\" matches it if the figure was meant in " +
                      std::string(unit) + ", not " + x.stated_unit + ".";
    return out;
  }
  return "";
}

}  // namespace

bool Compatible(const Quantity& a, const Quantity& b) {
  if (a.dimension != b.dimension || a.unit != b.unit) return false;
  if (a.dimension == Dimension::kCount && !a.noun.empty() && !b.noun.empty() && a.noun != b.noun) return false;
  if (!a.relation.empty() && !b.relation.empty() && a.relation != b.relation) return false;
  return IntervalsMeet(a, b);
}

std::string ExplainUnitMixup(const Quantity& a, const Quantity& b) {
  if (a.dimension != b.dimension || Compatible(a, b)) return "";
  if (std::string s = Explain(a, b); !s.empty()) return s;
  return Explain(b, a);
}

}  // namespace rashomon::claims
