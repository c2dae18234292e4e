#include "crosscheck/conflicts.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <map>
#include <numeric>
#include <set>
#include <string_view>
#include <tuple>
#include <unordered_map>

#include "base/union_find.h"
#include "claims/quantity.h"
#include "text/normalize.h"

namespace rashomon::crosscheck {
namespace {

// Sentences that share a counted noun must be at least this similar for
// their figures to be compared (conflicts.h).
constexpr double kNounSimilarity = kRelatedSimilarity;
// Most sides listed in one conflict.
constexpr size_t kMaxSides = 16;

// Nouns that count people (English, singular): counts of differently named
// people in closely related sentences ("1,800 ground workers" / "1,200
// baggage handlers") are compared as one measure.
constexpr std::string_view kPersonNouns[] = {
    "adult",     "agent",     "child",      "citizen",   "civilian",   "crew",      "customer",
    "delegate",  "doctor",    "driver",     "employee",  "farmer",     "fighter",   "firefighter",
    "handler",   "inhabitant", "journalist", "man",      "member",     "migrant",   "miner",
    "nurse",     "officer",   "official",   "passenger", "patient",    "people",    "person",
    "pilot",     "player",    "police",     "prisoner",  "protester",  "refugee",   "resident",
    "sailor",    "soldier",   "spectator",  "staff",     "striker",    "student",   "survivor",
    "teacher",   "tourist",   "traveler",   "traveller", "troop",      "victim",    "visitor",
    "volunteer", "voter",     "woman",      "worker"};

bool IsPersonNoun(std::string_view noun) {
  return std::find(std::begin(kPersonNouns), std::end(kPersonNouns), noun) !=
         std::end(kPersonNouns);
}

// Nouns that name organised actors (English, singular): with people, the
// only nouns whose counts tell "who" ("six intelligence agencies").
constexpr std::string_view kOrganisationNouns[] = {
    "agency",    "authority", "bank",     "company",   "council",     "country",  "court",
    "department", "firm",     "government", "group",   "institute",   "institution", "lab",
    "laboratory", "ministry", "network",  "newspaper", "office",      "organisation",
    "organization", "outlet", "party",    "service",   "team",        "union",    "unit",
    "university"};

bool IsActorNoun(std::string_view noun) {
  return IsPersonNoun(noun) ||
         std::find(std::begin(kOrganisationNouns), std::end(kOrganisationNouns), noun) !=
             std::end(kOrganisationNouns);
}

// Whether a name followed by `rest` modifies the next word ("African-American
// officer"): a lower-case word that is not a preposition, conjunction,
// pronoun or auxiliary comes right after it.
bool ModifiesNextWord(std::string_view rest) {
  static constexpr std::string_view kLinks[] = {
      "about", "after", "against", "and",  "are",   "as",    "at",    "before", "but",
      "by",    "during", "for",    "from", "had",   "has",   "have",  "in",     "into",
      "is",    "near",  "of",      "off",  "on",    "or",    "over",  "said",   "says",
      "since", "that",  "to",      "under", "until", "was",  "were",  "when",   "which",
      "while", "who",   "whose",   "with", "within"};
  if (rest.empty() || rest[0] != ' ') return false;
  size_t end = 1;
  while (end < rest.size() && std::isalpha(static_cast<unsigned char>(rest[end]))) ++end;
  const std::string_view word = rest.substr(1, end - 1);
  if (word.empty() || !std::islower(static_cast<unsigned char>(word[0]))) return false;
  return std::find(std::begin(kLinks), std::end(kLinks), word) == std::end(kLinks);
}

// "7 of 19 photos", "the fifth of 12 candidates": the figure after "<number>
// of" is a total that numbers a series (captions, rankings), not a fact.
bool IsSeriesTotal(std::string_view text, size_t begin) {
  size_t i = begin;
  while (i > 0 && text[i - 1] == ' ') --i;
  if (i < 2 || text.substr(i - 2, 2) != "of") return false;
  i -= 2;
  if (i > 0 && std::isalpha(static_cast<unsigned char>(text[i - 1]))) return false;  // "...of"
  while (i > 0 && text[i - 1] == ' ') --i;
  return i > 0 && std::isdigit(static_cast<unsigned char>(text[i - 1]));
}

// Reports that disagree on one fact give figures of one order of size
// (18 or 21 crew, 12 km or 12 mi, 3,000 or 1,940 miles); figures further
// apart than this are different facts (12 killed, 1.5 million marched;
// a 739-delegate lead, 2,383 delegates needed). A metre-foot mix-up (3.28)
// is missed.
constexpr double kMaxRatio = 2.5;
// Counts below this (two people, three states) recur in unrelated facts of
// a story: they need closely aligned sentences.
constexpr double kSmallCount = 10;

// A figure's size: the middle of a closed interval, else its finite bound.
double Magnitude(const claims::Quantity& q) {
  if (std::isfinite(q.low) && std::isfinite(q.high)) return (q.low + q.high) / 2;
  if (std::isfinite(q.low)) return q.low;
  return std::isfinite(q.high) ? q.high : 0;
}

// Whether `terms` (stemmed words of a sentence) hold `noun`: stems and
// singular nouns differ in their endings, so the first letters decide.
bool HasNoun(const std::vector<std::string>& terms, std::string_view noun) {
  if (noun.size() < 3) return false;
  const std::string_view stem = noun.substr(0, std::max<size_t>(3, noun.size() - 1));
  for (const std::string& t : terms) {
    if (t.size() >= stem.size() && std::string_view(t).substr(0, stem.size()) == stem &&
        t.size() <= noun.size() + 3) {
      return true;
    }
  }
  return false;
}


std::string FormatNumber(double v) {
  char buf[64];
  if (std::fabs(v) >= 1e15 || (std::fabs(v) < 1e-3 && v != 0)) {
    std::snprintf(buf, sizeof buf, "%.3g", v);
  } else {
    std::snprintf(buf, sizeof buf, "%.10g", v);
  }
  return buf;
}

// "more than 4000 mi", "between 300 and 400 t", "21 member".
std::string DescribeQuantity(const claims::Quantity& q) {
  std::string out;
  switch (q.qualifier) {
    case claims::Qualifier::kAbout:
      out = "about ";
      break;
    case claims::Qualifier::kMoreThan:
      out = "more than ";
      break;
    case claims::Qualifier::kAtLeast:
      out = "at least ";
      break;
    case claims::Qualifier::kLessThan:
      out = "less than ";
      break;
    case claims::Qualifier::kAtMost:
      out = "at most ";
      break;
    case claims::Qualifier::kVague:
      out = "an unspecified number of ";
      break;
    default:
      break;
  }
  out += FormatNumber(q.stated);
  if (!q.stated_unit.empty()) out += " " + q.stated_unit;
  return out;
}

// The English plural of a singular noun, by the usual spelling rules.
std::string Plural(const std::string& noun) {
  static const std::pair<std::string_view, std::string_view> kIrregular[] = {
      {"person", "people"}, {"people", "people"}, {"man", "men"},     {"woman", "women"},
      {"child", "children"}, {"staff", "staff"},  {"crew", "crew"},   {"police", "police"}};
  for (const auto& [one, many] : kIrregular) {
    if (noun == one) return std::string(many);
  }
  if (noun.size() > 1 && noun.back() == 'y' &&
      std::string_view("aeiou").find(noun[noun.size() - 2]) == std::string_view::npos) {
    return noun.substr(0, noun.size() - 1) + "ies";
  }
  if (noun.ends_with("s") || noun.ends_with("x") || noun.ends_with("z") || noun.ends_with("ch") ||
      noun.ends_with("sh")) {
    return noun + "es";
  }
  return noun + "s";
}

std::string About(const claims::Quantity& q) {
  if (q.dimension == claims::Dimension::kCount) {
    return q.noun.empty() ? "number" : "number of " + Plural(q.noun);
  }
  std::string about(claims::DimensionName(q.dimension));
  if (!q.noun.empty()) about += " of " + q.noun;
  return about;
}

struct WordSpan {
  size_t begin, end;
};

bool IsWordByte(char c) {
  const auto u = static_cast<unsigned char>(c);
  return std::isalnum(u) || u >= 0x80 || c == '-';
}

// The words of `s`: runs of letters, digits (any non-ASCII byte counts as
// a letter) and hyphens.
std::vector<WordSpan> WordSpans(std::string_view s) {
  std::vector<WordSpan> words;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && !IsWordByte(s[i])) ++i;
    const size_t begin = i;
    while (i < s.size() && IsWordByte(s[i])) ++i;
    if (i > begin) words.push_back({begin, i});
  }
  return words;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool IsLowerWord(std::string_view s) {
  for (char c : s) {
    if (std::isupper(static_cast<unsigned char>(c))) return false;
  }
  return !s.empty() && !std::isdigit(static_cast<unsigned char>(s[0]));
}

}  // namespace

ConflictFinder::ConflictFinder(const std::vector<StoryDocument>& docs,
                               const std::vector<SentenceRef>& refs,
                               const std::vector<size_t>& root,
                               const std::vector<SimilarPair>& pairs, double conflict_similarity)
    : docs_(docs), refs_(refs), root_(root), pairs_(pairs),
      conflict_similarity_(conflict_similarity) {}

const claims::Claim& ConflictFinder::ClaimOf(size_t ref) const {
  return docs_[refs_[ref].document].claims->claims[refs_[ref].claim];
}

std::string_view ConflictFinder::TextOf(size_t ref) const {
  return docs_[refs_[ref].document].text;
}

std::vector<Conflict> ConflictFinder::Find() const {
  std::vector<Conflict> out;
  QuantityConflicts(&out);
  AgentConflicts(&out);
  CountedActorConflicts(&out);
  DateConflicts(&out);
  return out;
}

template <typename Comparable, typename Compatible, typename Explain>
void ConflictFinder::Resolve(const std::vector<Mention>& mentions, const char* kind,
                             Comparable comparable, Compatible compatible, Explain explain,
                             std::vector<Conflict>* out) const {
  const size_t n = mentions.size();
  if (n < 2) return;
  // Comparable pairs of different sources; topics and value classes.
  struct Pair {
    size_t a, b;
    double similarity;
    bool compatible;
  };
  std::vector<Pair> pairs;
  UnionFind topic(n), value(n);
  // Only mentions in related sentences (the story's similar pairs) can be
  // comparable: work grows with those pairs, not with the square of the
  // mentions.
  std::unordered_map<size_t, std::vector<size_t>> by_ref;
  for (size_t m = 0; m < n; ++m) by_ref[mentions[m].ref].push_back(m);
  for (const SimilarPair& sp : pairs_) {
    auto ia = by_ref.find(sp.a);
    auto ib = by_ref.find(sp.b);
    if (ia == by_ref.end() || ib == by_ref.end()) continue;
    for (size_t a : ia->second) {
      for (size_t b : ib->second) {
        if (!comparable(a, b, sp.similarity)) continue;
        const bool ok = compatible(a, b);
        topic.Union(static_cast<uint32_t>(a), static_cast<uint32_t>(b));
        if (ok) value.Union(static_cast<uint32_t>(a), static_cast<uint32_t>(b));
        // A copy states its original's values: it joins their class, but it
        // is not a second source to disagree with.
        const size_t da = refs_[sp.a].document, db = refs_[sp.b].document;
        if (root_[da] != root_[db]) pairs.push_back({a, b, sp.similarity, ok});
      }
    }
  }
  // Classes that one document states both of are two facts, not a conflict.
  std::set<std::pair<size_t, size_t>> two_facts;
  std::map<size_t, std::set<size_t>> classes_of_document;
  for (size_t m = 0; m < n; ++m) {
    classes_of_document[refs_[mentions[m].ref].document].insert(value.Find(m));
  }
  for (const auto& [doc, classes] : classes_of_document) {
    for (size_t x : classes) {
      for (size_t y : classes) {
        if (x < y) two_facts.insert({x, y});
      }
    }
  }
  // Incompatible class pairs, the most similar sentences first.
  std::map<std::pair<size_t, size_t>, const Pair*> best;
  for (const Pair& p : pairs) {
    if (p.compatible) continue;
    size_t x = value.Find(p.a), y = value.Find(p.b);
    if (x == y) continue;  // Joined through a vaguer value: not a clear conflict.
    if (x > y) std::swap(x, y);
    if (two_facts.count({x, y})) continue;
    auto [it, inserted] = best.emplace(std::make_pair(x, y), &p);
    if (!inserted && p.similarity > it->second->similarity) it->second = &p;
  }
  std::vector<const Pair*> ranked;
  for (const auto& [classes, p] : best) ranked.push_back(p);
  std::sort(ranked.begin(), ranked.end(), [](const Pair* a, const Pair* b) {
    return a->similarity != b->similarity ? a->similarity > b->similarity
                                          : std::tie(a->a, a->b) < std::tie(b->a, b->b);
  });
  std::set<size_t> used;
  for (const Pair* p : ranked) {
    const size_t x = value.Find(p->a), y = value.Find(p->b);
    if (used.count(x) || used.count(y)) continue;
    used.insert(x);
    used.insert(y);
    Conflict conflict;
    conflict.kind = kind;
    conflict.about = mentions[p->a].about;
    // Sides: the two classes, each document once, the pair's own mentions first.
    std::set<size_t> documents;
    auto add = [&](size_t m) {
      const size_t d = refs_[mentions[m].ref].document;
      if (!documents.insert(d).second || conflict.sides.size() >= kMaxSides) return;
      conflict.sides.push_back({refs_[mentions[m].ref], mentions[m].span, mentions[m].value});
    };
    add(p->a);
    add(p->b);
    for (size_t m = 0; m < n; ++m) {
      const size_t c = value.Find(m);
      if ((c == x || c == y) && topic.Find(m) == topic.Find(p->a)) add(m);
    }
    conflict.explanation = explain(p->a, p->b);
    out->push_back(std::move(conflict));
  }
}

void ConflictFinder::QuantityConflicts(std::vector<Conflict>* out) const {
  std::vector<Mention> mentions;
  for (size_t r = 0; r < refs_.size(); ++r) {
    const std::string_view language = docs_[refs_[r].document].language;
    for (const claims::Quantity& q : ClaimOf(r).quantities) {
      // A bare count ("three") says nothing of what it counts.
      if (q.dimension == claims::Dimension::kCount && q.noun.empty()) continue;
      if (q.qualifier == claims::Qualifier::kVague) continue;
      if (IsSeriesTotal(TextOf(r), q.span.begin)) continue;
      Mention m;
      m.ref = r;
      m.span = q.span;
      m.value = DescribeQuantity(q);
      m.key = q.noun.empty() ? std::string() : std::string(language) + ":" + q.noun;
      m.about = About(q);
      m.quantity = &q;
      mentions.push_back(std::move(m));
    }
  }
  auto comparable = [&](size_t a, size_t b, double similarity) {
    const Mention& x = mentions[a];
    const Mention& y = mentions[b];
    if (x.quantity->dimension != y.quantity->dimension || x.quantity->unit != y.quantity->unit) {
      return false;
    }
    const double mx = std::fabs(Magnitude(*x.quantity)), my = std::fabs(Magnitude(*y.quantity));
    if (mx > 0 && my > 0 && std::max(mx, my) > kMaxRatio * std::min(mx, my)) return false;
    const bool small = x.quantity->dimension == claims::Dimension::kCount &&
                       std::min(x.quantity->stated, y.quantity->stated) < kSmallCount;
    const double bar = small ? std::max(kNounSimilarity, conflict_similarity_) : kNounSimilarity;
    const std::string& nx = x.quantity->noun;
    const std::string& ny = y.quantity->noun;
    // Across languages nouns cannot be compared: aligned sentences decide.
    if (docs_[refs_[x.ref].document].language != docs_[refs_[y.ref].document].language) {
      return x.quantity->dimension != claims::Dimension::kCount &&
             similarity >= conflict_similarity_;
    }
    // The same noun, or one side's noun among the other sentence's words
    // ("more than 3,000 miles of its coastline" / "its 1,940-mile coastline").
    if (!x.key.empty() && x.key == y.key) return similarity >= bar;
    if (x.key.empty() != y.key.empty()) {
      const Mention& bare = x.key.empty() ? x : y;
      const std::string& noun = x.key.empty() ? ny : nx;
      if (HasNoun(ClaimOf(bare.ref).terms, noun)) return similarity >= bar;
    }
    if (x.quantity->dimension == claims::Dimension::kCount) {
      // Two counts of people named differently (one language, see above).
      return IsPersonNoun(nx) && IsPersonNoun(ny) && similarity >= bar;
    }
    if (!x.key.empty() && !y.key.empty()) return false;  // Two different nouns.
    return similarity >= conflict_similarity_;
  };
  auto compatible = [&](size_t a, size_t b) {
    const claims::Quantity& x = *mentions[a].quantity;
    const claims::Quantity& y = *mentions[b].quantity;
    if (x.noun == y.noun) return claims::Compatible(x, y);
    // Comparable despite different nouns (people named two ways, a noun
    // found in the other sentence): the values decide.
    claims::Quantity x_value = x, y_value = y;
    x_value.noun.clear();
    y_value.noun.clear();
    return claims::Compatible(x_value, y_value);
  };
  auto explain = [&](size_t a, size_t b) {
    const Mention& x = mentions[a];
    const Mention& y = mentions[b];
    std::string s = "The reports disagree on the " + x.about + ": " +
                    std::string(docs_[refs_[x.ref].document].source) + " gives " + x.value +
                    ", " + std::string(docs_[refs_[y.ref].document].source) + " gives " +
                    y.value + ".";
    const std::string mixup = claims::ExplainUnitMixup(*x.quantity, *y.quantity);
    if (!mixup.empty()) s += " " + mixup;
    return s;
  };
  Resolve(mentions, "quantity", comparable, compatible, explain, out);
}

void ConflictFinder::AgentConflicts(std::vector<Conflict>* out) const {
  // "<verb> by [the] [descriptor words] <Name>": the agent of an act.
  std::vector<Mention> mentions;
  for (size_t r = 0; r < refs_.size(); ++r) {
    const claims::Claim& claim = ClaimOf(r);
    const std::string_view text = TextOf(r);
    for (const claims::Entity& e : claim.entities) {
      // Walk back from the name over at most four lower-case words to "by".
      if (e.span.begin < claim.span.begin || e.span.begin > claim.span.end) continue;
      const std::string_view before =
          text.substr(claim.span.begin, e.span.begin - claim.span.begin);
      const std::vector<WordSpan> words = WordSpans(before);
      auto word = [&](size_t k) { return before.substr(words[k].begin, words[k].end - words[k].begin); };
      size_t k = words.size();
      while (k > 0 && word(k - 1) != "by" && IsLowerWord(word(k - 1)) && words.size() - k < 4) --k;
      if (k < 2 || word(k - 1) != "by") continue;
      // "killed by African-American officer": the name modifies a noun, it
      // is not the agent.
      if (ModifiesNextWord(text.substr(e.span.end, claim.span.end - e.span.end))) continue;
      const std::string verb = Lower(word(k - 2));
      // A participle ("rescued by", "written by"), not "by Thursday" after a noun.
      if (verb.size() < 4 || !(verb.ends_with("ed") || verb.ends_with("en"))) continue;
      Mention m;
      m.ref = r;
      m.span = {claim.span.begin + words[k - 2].begin, e.span.end};
      m.value = verb + " by " + (e.canonical.empty() ? e.text : e.canonical);
      m.key = std::string(docs_[refs_[r].document].language) + ":" + verb;
      m.about = "who " + verb;
      m.agent = e.key;
      mentions.push_back(std::move(m));
    }
  }
  // The same participle and "by" in related sentences is specific enough
  // for the lower bar.
  auto comparable = [&](size_t a, size_t b, double similarity) {
    if (mentions[a].key != mentions[b].key) return false;
    return similarity >= kNounSimilarity;
  };
  auto compatible = [&](size_t a, size_t b) { return mentions[a].agent == mentions[b].agent; };
  auto explain = [&](size_t a, size_t b) {
    const Mention& x = mentions[a];
    const Mention& y = mentions[b];
    return "The reports name different agents for the same act: " +
           std::string(docs_[refs_[x.ref].document].source) + " says " + x.value + ", " +
           std::string(docs_[refs_[y.ref].document].source) + " says " + y.value + ".";
  };
  Resolve(mentions, "agent", comparable, compatible, explain, out);
}

void ConflictFinder::CountedActorConflicts(std::vector<Conflict>* out) const {
  // The same number of differently named actors: "five regional rescue
  // teams" / "five regional news agencies". The phrases must share a
  // modifier, so that they name the same group two ways.
  struct Phrase {
    std::vector<std::string> modifiers;
  };
  std::vector<Mention> mentions;
  std::vector<Phrase> phrases;
  for (size_t r = 0; r < refs_.size(); ++r) {
    const std::string_view text = TextOf(r);
    const claims::Claim& claim = ClaimOf(r);
    for (const claims::Quantity& q : claim.quantities) {
      // Three or more: "two" of something is too common to tell a group.
      if (q.dimension != claims::Dimension::kCount || !IsActorNoun(q.noun) || q.stated < 3 ||
          q.qualifier != claims::Qualifier::kExact) {
        continue;
      }
      // The words from the number to the counted noun.
      if (q.span.begin < claim.span.begin || q.span.begin >= claim.span.end) continue;
      const std::string_view rest =
          text.substr(q.span.begin, std::min(claim.span.end, q.span.begin + 80) - q.span.begin);
      const std::vector<WordSpan> words = WordSpans(rest);
      const std::string stem = q.noun.substr(0, std::max<size_t>(3, q.noun.size() - 1));
      size_t noun_at = 0;
      for (size_t w = 1; w < words.size() && w <= 5; ++w) {
        if (Lower(rest.substr(words[w].begin, words[w].end - words[w].begin)).rfind(stem, 0) == 0) {
          noun_at = w;
          break;
        }
      }
      if (noun_at < 2) continue;  // No modifier between the number and the noun.
      Phrase phrase;
      for (size_t w = 1; w < noun_at; ++w) {
        phrase.modifiers.push_back(Lower(rest.substr(words[w].begin, words[w].end - words[w].begin)));
      }
      const size_t stop = words[noun_at].end;
      Mention m;
      m.ref = r;
      m.span = {q.span.begin, q.span.begin + stop};
      m.value = std::string(rest.substr(0, stop));
      m.key = std::string(docs_[refs_[r].document].language) + ":" + FormatNumber(q.stated);
      m.about = "who the " + FormatNumber(q.stated) + " " + Plural(q.noun) + " are";
      m.quantity = &q;
      mentions.push_back(std::move(m));
      phrases.push_back(std::move(phrase));
    }
  }
  auto comparable = [&](size_t a, size_t b, double similarity) {
    if (mentions[a].key != mentions[b].key) return false;
    if (mentions[a].quantity->noun == mentions[b].quantity->noun) return false;
    bool shared = false;
    for (const std::string& w : phrases[a].modifiers) {
      for (const std::string& v : phrases[b].modifiers) shared |= w == v;
    }
    if (!shared) return false;
    return similarity >= kNounSimilarity;
  };
  auto compatible = [](size_t, size_t) { return false; };
  auto explain = [&](size_t a, size_t b) {
    const Mention& x = mentions[a];
    const Mention& y = mentions[b];
    return "The reports name the same number of actors differently: " +
           std::string(docs_[refs_[x.ref].document].source) + " has \"" + x.value + "\", " +
           std::string(docs_[refs_[y.ref].document].source) + " has \"" + y.value +
           "\". A translation or a rewrite may have changed who they are.";
  };
  Resolve(mentions, "agent", comparable, compatible, explain, out);
}

void ConflictFinder::DateConflicts(std::vector<Conflict>* out) const {
  // Closely aligned sentences with one absolute date each that cannot overlap.
  std::vector<Mention> mentions;
  for (size_t r = 0; r < refs_.size(); ++r) {
    const claims::Claim& claim = ClaimOf(r);
    if (claim.dates.size() != 1 || claim.dates[0].relative) continue;
    Mention m;
    m.ref = r;
    m.span = claim.dates[0].span;
    m.value = claim.dates[0].normalized;
    m.about = "date";
    m.date = &claim.dates[0];
    mentions.push_back(std::move(m));
  }
  auto comparable = [&](size_t, size_t, double similarity) {
    return similarity >= std::max(0.5, conflict_similarity_);
  };
  auto compatible = [&](size_t a, size_t b) {
    return claims::Overlap(*mentions[a].date, *mentions[b].date);
  };
  auto explain = [&](size_t a, size_t b) {
    const Mention& x = mentions[a];
    const Mention& y = mentions[b];
    return "The reports date the same fact differently: " +
           std::string(docs_[refs_[x.ref].document].source) + " gives " + x.value + ", " +
           std::string(docs_[refs_[y.ref].document].source) + " gives " + y.value + ".";
  };
  Resolve(mentions, "date", comparable, compatible, explain, out);
}

}  // namespace rashomon::crosscheck
