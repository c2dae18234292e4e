// claims/quantity.h: numbers with units, qualifiers and counted nouns, read
// from news text as intervals so that reports of one event can be compared.
//
// FindQuantities scans text (English fully; German and French number formats,
// number words and units too) for figures such as "more than 3,000 miles",
// "$2.3 billion", "about 7,000 fishing boats", "four days before", "1,940-mile
// coastline", "between 5 and 7 km" and "31.500 Menschen" (de). Each becomes a
// Quantity: a dimension, a canonical unit (SI; money keeps its ISO 4217 code,
// currencies are never converted) and an interval [low, high] that encodes the
// qualifier ("more than x" is (x, +inf)). Compatible() tells whether two such
// mentions can state the same fact; ExplainUnitMixup() spots a figure written in
// the wrong unit. Dates are claims/dates.h; who said a figure is claims/quotes.h.
// docs/quantities.md has the rules, tolerances and the unit table.
//
//   for (const Quantity& q : FindQuantities("over 30,000 foreign pilgrims")) {
//     // q.dimension == kCount, q.low == 30000, q.high == +inf, q.noun == "pilgrim"
//   }
//
// Thread-safety: pure functions.
#ifndef RSH_CLAIMS_QUANTITY_H_
#define RSH_CLAIMS_QUANTITY_H_

#include <string>
#include <string_view>
#include <vector>

#include "text/sentences.h"

namespace rashomon::claims {

enum class Dimension { kCount, kLength, kArea, kMass, kMoney, kPercent, kDuration };

enum class Qualifier { kExact, kAbout, kMoreThan, kAtLeast, kLessThan, kAtMost, kRange, kVague };

struct Quantity {
  text::Span span;  // Bytes of the whole mention in the text ("more than 3,000 miles").
  Dimension dimension = Dimension::kCount;
  // Canonical unit: "" for counts, "m", "m2", "kg", "s", "%", ISO 4217 code for
  // money ("USD", "EUR", "GBP", "RUB"...).
  std::string unit;
  // Interval in the canonical unit, after the qualifier; may be +-infinity
  // (open), never NaN. Open bounds ("more than") are stored as the bound itself.
  double low = 0, high = 0;
  double stated = 0;        // The number as written (3000 for "3,000 miles", 2.3e9 for "2.3 billion").
  std::string stated_unit;  // The unit as written, normalised: "mi", "km", "day", "USD", "" ...
  Qualifier qualifier = Qualifier::kExact;
  bool round = false;  // A round figure ("20,000", "about 6,000"): approximate.
  // What is counted or measured: lower-case singular head noun ("student",
  // "page", "warhead", "border"), "" if unknown.
  std::string noun;
  // For durations: "before" / "after" / "ago" / "" ("four days before the launch").
  std::string relation;
};

struct QuantityOptions {
  // ISO 639-1 code of the text: selects number formats (thousands and decimal
  // separators) and number words. "en", "de" and "fr" are known; any other
  // language reads digits as English does and knows no number words. Default "en".
  std::string_view language = "en";
  // Most mentions returned; the scan stops after that many. Default 10,000.
  size_t max_mentions = 10000;
};

// Every quantity mentioned in `text`, in order of position. Any bytes are
// accepted (invalid UTF-8 separates words); never throws; work is linear in
// text.size(). Years, ordinals, clock times, phone-like and list-like digit
// strings are not quantities. Spans index `text`; the result keeps no
// reference to it.
std::vector<Quantity> FindQuantities(std::string_view text, const QuantityOptions& options = {});

// Whether `a` and `b` can state the same fact: same dimension and unit, and
// intervals that overlap once round figures get their tolerance. Less precise
// containing more precise is compatible. Counts with two known, different nouns
// are not compatible.
bool Compatible(const Quantity& a, const Quantity& b);

// When `a` and `b` are not compatible but one matches the other once its stated
// number is read in another unit of the same dimension (1,940 mi is 3,122 km: a
// figure in km written as miles), a short English sentence saying so; ""
// otherwise.
std::string ExplainUnitMixup(const Quantity& a, const Quantity& b);

// Short stable names for logs, tests and JSON: "count", "length", ...; "exact",
// "about", "more_than", ...
std::string_view DimensionName(Dimension dimension);
std::string_view QualifierName(Qualifier qualifier);

}  // namespace rashomon::claims

#endif  // RSH_CLAIMS_QUANTITY_H_
