#include "claims/lexicon.h"

#include <algorithm>
#include <string_view>

namespace rashomon::claims::internal {
namespace {

template <size_t N>
bool In(const std::string_view (&list)[N], std::string_view word) {
  return std::binary_search(list, list + N, word);
}

constexpr std::string_view kFunctionWords[] = {
    "a",          "about",     "above",   "according",   "after",    "again",   "against",
    "ago",        "all",       "also",    "although",    "am",       "amid",    "among",
    "an",         "and",       "another", "any",         "are",      "as",      "at",
    "be",         "because",   "been",    "before",      "being",    "below",   "besides",
    "between",    "both",      "but",     "by",          "can",      "could",   "despite",
    "did",        "do",        "does",    "doing",       "down",     "during",  "each",
    "either",     "even",      "ever",    "every",       "few",      "finally", "first",
    "for",        "from",      "further", "furthermore", "had",      "has",     "have",
    "having",     "he",        "her",     "here",        "hers",     "herself", "him",
    "himself",    "his",       "how",     "however",     "i",        "if",      "in",
    "indeed",     "inside",    "instead", "into",        "is",       "it",      "its",
    "itself",     "just",      "last",    "later",       "let",      "many",    "may",
    "me",         "meanwhile", "might",   "more",        "moreover", "most",    "much",
    "must",       "my",        "near",    "neither",     "never",    "next",    "no",
    "nor",        "not",       "now",     "of",          "off",      "on",      "once",
    "one",        "only",      "or",      "other",       "our",      "ours",    "out",
    "over",       "own",       "per",     "same",        "several",  "shall",   "she",
    "should",     "since",     "so",      "some",        "still",    "such",    "than",
    "that",       "the",       "their",   "theirs",      "them",     "then",    "there",
    "these",      "they",      "this",    "those",       "though",   "through", "thus",
    "to",         "too",       "toward",  "towards",     "under",    "unless",  "until",
    "up",         "upon",      "us",      "very",        "via",      "was",     "we",
    "were",       "what",      "when",    "where",       "whether",  "which",   "while",
    "who",        "whom",      "whose",   "why",         "will",     "with",    "within",
    "without",    "would",     "yet",     "you",         "your",     "yours",   "yourself",
    "yourselves",
};

constexpr std::string_view kOrganisationWords[] = {
    "academy",    "administration", "agency",       "army",         "association", "authority",
    "bank",       "board",          "broadcasting", "bureau",       "center",      "centre",
    "channel",    "chronicle",      "club",         "college",      "command",     "commission",
    "committee",  "company",        "congress",     "corp",         "corporation", "council",
    "court",      "daily",          "department",   "digest",       "directorate", "express",
    "federation", "force",          "forces",       "foundation",   "fund",        "gazette",
    "government", "group",          "guard",        "herald",       "inc",         "institute",
    "journal",    "league",         "leaks",        "ltd",          "magazine",    "mail",
    "media",      "ministry",       "monitor",      "navy",         "network",     "news",
    "observer",   "office",         "organisation", "organization", "parliament",  "party",
    "police",     "post",           "press",        "radio",        "reporter",    "review",
    "school",     "senate",         "service",      "services",     "telegraph",   "television",
    "times",      "tribune",        "union",        "university",
};

constexpr std::string_view kPlaceWords[] = {
    "africa",   "america", "asia",     "avenue",    "bay",    "city",    "coast",    "county",
    "east",     "europe",  "far",      "gulf",      "island", "islands", "kingdom",  "lake",
    "middle",   "mount",   "mountain", "mountains", "north",  "ocean",   "province", "region",
    "republic", "river",   "road",     "route",     "sea",    "south",   "square",   "state",
    "states",   "strait",  "street",   "west",
};

constexpr std::string_view kTitleWords[] = {
    "ambassador", "captain",   "chairman", "chancellor", "colonel", "commander",  "director",
    "dr",         "gov",       "governor", "judge",      "king",    "lieutenant", "minister",
    "mr",         "mrs",       "ms",       "pope",       "premier", "president",  "prince",
    "prof",       "professor", "queen",    "secretary",  "sen",     "senator",
};

constexpr std::string_view kSpeechVerbs[] = {
    "acknowledged", "added",     "adds",      "admitted",  "announced",  "argued",     "argues",
    "asked",        "asks",      "cautioned", "cautions",  "claimed",    "claims",     "commented",
    "conceded",     "concluded", "confirmed", "continued", "declared",   "emphasised", "emphasized",
    "explained",    "explains",  "insisted",  "insists",   "maintained", "noted",      "notes",
    "observed",     "observes",  "put",       "reads",     "recalled",   "remarked",   "replied",
    "reported",     "said",      "say",       "says",      "stated",     "states",     "stressed",
    "suggested",    "suggests",  "tells",     "testified", "told",       "tweeted",    "underlined",
    "urged",        "warned",    "warns",     "writes",    "writing",    "wrote",
};

constexpr std::string_view kCiteVerbs[] = {
    "claimed",   "claims",   "confirmed", "described", "disclosed", "estimated", "estimates",
    "explained", "explains", "found",     "learned",   "noted",     "notes",     "published",
    "reported",  "reports",  "revealed",  "reveals",   "said",      "says",      "showed",
    "shows",     "stated",   "states",    "uncovered", "verified",  "writes",    "wrote",
};

constexpr std::string_view kCiteParticiples[] = {
    "acquired", "cited",    "confirmed", "leaked",   "obtained", "published", "quoted",
    "released", "reported", "revealed",  "reviewed", "seen",     "verified",
};

constexpr std::string_view kReportNouns[] = {
    "analysis",  "article",   "broadcast",     "data",  "editorial", "exclusive",
    "findings",  "interview", "investigation", "piece", "poll",      "report",
    "reporting", "review",    "story",         "study",
};

constexpr std::string_view kDescriptorNouns[] = {
    "agency", "broadcaster", "channel", "collective", "company",   "daily",        "firm",
    "group",  "magazine",    "media",   "network",    "newspaper", "organisation", "organization",
    "outfit", "outlet",      "paper",   "platform",   "portal",    "publication",  "service",
    "site",   "tabloid",     "website", "weekly",
};

constexpr std::string_view kNameConnectors[] = {
    "al", "bin", "da", "de", "del", "der", "di", "du", "for", "la", "of", "von",
};

constexpr std::string_view kInitialsFillers[] = {
    "and", "de", "der", "for", "of", "on", "the", "von",
};

constexpr std::string_view kCalendarWords[] = {
    "april",     "august", "december", "february", "friday",   "january", "july",
    "june",      "march",  "may",      "monday",   "november", "october", "saturday",
    "september", "sunday", "thursday", "tuesday",  "wednesday"};

}  // namespace

bool IsCalendarWord(std::string_view w) { return In(kCalendarWords, w); }
bool IsFunctionWord(std::string_view w) { return In(kFunctionWords, w); }
bool IsOrganisationWord(std::string_view w) { return In(kOrganisationWords, w); }
bool IsPlaceWord(std::string_view w) { return In(kPlaceWords, w); }
bool IsTitleWord(std::string_view w) { return In(kTitleWords, w); }
bool IsSpeechVerb(std::string_view w) { return In(kSpeechVerbs, w); }
bool IsCiteVerb(std::string_view w) { return In(kCiteVerbs, w); }
bool IsCiteParticiple(std::string_view w) { return In(kCiteParticiples, w); }
bool IsReportNoun(std::string_view w) { return In(kReportNouns, w); }
bool IsDescriptorNoun(std::string_view w) { return In(kDescriptorNouns, w); }
bool IsNameConnector(std::string_view w) { return In(kNameConnectors, w); }
bool IsInitialsFiller(std::string_view w) { return In(kInitialsFillers, w); }

}  // namespace rashomon::claims::internal
