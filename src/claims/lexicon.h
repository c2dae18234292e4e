// claims/lexicon.h (internal): the small English word lists the entity,
// quote and citation rules consult. Generic words only (roles, nouns for
// kinds of organisations, speech verbs); never the name of an outlet or a
// person. Every list is sorted, so lookups are binary searches.
//
// Thread-safety: pure functions over constant tables.
#ifndef RSH_CLAIMS_LEXICON_H_
#define RSH_CLAIMS_LEXICON_H_

#include <string_view>

namespace rashomon::claims::internal {

// Each takes a lower-case word. Function words: articles, pronouns,
// prepositions, conjunctions, auxiliaries and usual sentence openers.
bool IsFunctionWord(std::string_view word);
// Month and weekday names: capitalised but not names (dates.h reads them).
bool IsCalendarWord(std::string_view word);
// Words that make a capitalised name an organisation ("service", "times").
bool IsOrganisationWord(std::string_view word);
// Words that make a capitalised name a place ("sea", "east", "states").
bool IsPlaceWord(std::string_view word);
// Heads of a leading title stripped from person names ("president").
bool IsTitleWord(std::string_view word);
// Verbs that introduce direct speech ("said", "observed", "reads").
bool IsSpeechVerb(std::string_view word);
// Verbs with which a source reports ("reported", "revealed", "estimated").
bool IsCiteVerb(std::string_view word);
// Participles of "<participle> by X" ("obtained", "seen", "cited").
bool IsCiteParticiple(std::string_view word);
// Nouns for a piece of reporting ("report", "investigation", "article").
bool IsReportNoun(std::string_view word);
// Nouns that describe an organisation in an apposition ("group", "outlet").
bool IsDescriptorNoun(std::string_view word);
// Lower-case words allowed inside a name ("of", "for", "de", "von").
bool IsNameConnector(std::string_view word);
// Words joining initials that acronyms skip ("the", "of", "and", "for").
bool IsInitialsFiller(std::string_view word);

}  // namespace rashomon::claims::internal

#endif  // RSH_CLAIMS_LEXICON_H_
