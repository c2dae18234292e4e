// extract/context_rules.h: the cleaner's passes that look beyond one line.
//
// Internal to the extract module. Each pass reads the prepared lines and
// refines their Decisions (see clean_state.h); cleaner.cc runs them in the
// order docs/cleaning.md gives. All passes are linear in the number of
// lines, whatever the input.
//
// Thread-safety: pure functions of their arguments.
#ifndef RSH_EXTRACT_CONTEXT_RULES_H_
#define RSH_EXTRACT_CONTEXT_RULES_H_

#include <string>
#include <vector>

#include "base/document.h"
#include "extract/clean_state.h"
#include "extract/cleaner.h"

namespace rashomon::extract::internal {

// An author label near the end followed by at most three kept lines
// removes them as an author box; "About Jane Roe" elsewhere stays.
void ResolveAuthorBoxes(const std::vector<Line>& lines, std::vector<Decision>* ds);

// The kept lines after a summary label become summary blocks.
void MarkSummaryBoxes(const std::vector<Line>& lines, std::vector<Decision>* ds);

// Captions before credit lines; credits glued to captions are cut into
// `cut_credits`.
void MarkCaptionsAndCredits(const std::vector<Line>& lines, std::vector<Decision>* ds,
                            std::vector<RemovedLine>* cut_credits);

// Self-promotion by promo score, position and strong cues.
void RemovePromos(const CleanOptions& options, const std::vector<Line>& lines,
                  std::vector<Decision>* ds);

// Lines printed again: headlines and long lines anywhere, short sentences
// only right after their first copy or after the title.
void RemoveRepeats(const std::vector<Line>& lines, std::vector<Decision>* ds);

// A closing sentence about one of `authors` ("Jane Roe is a professor of
// ...") among the last kept lines is an author bio.
void RemoveAuthorSentences(const std::vector<std::string>& authors, const std::vector<Line>& lines,
                           std::vector<Decision>* ds);

// Labels that may also be text put back where the article surrounds them:
// a byline-shaped intertitle ("By Popular Demand"), a one-word UI label
// ("Home"), a teaser-shaped headline ("Don't Miss These Five Signs"), a
// "label: value" line of a fact box, an intertitle several unrelated
// documents share ("Why it matters"); and a teaser-shaped first line, which
// is the article's headline.
void RestoreInnerLabels(const std::vector<Line>& lines, std::vector<Decision>* ds);

// A headline: at most 25 words, no final full stop (? and ! may end it).
bool IsTitleShaped(const Line& l);

// Returns the index of the title line: the first headline-shaped kept line
// of three words or more before the first paragraph of prose (or the line
// equal to `given_key`), else the first kept line when headline-shaped,
// else lines.size().
size_t ChooseTitle(const std::vector<Line>& lines, const std::vector<Decision>& ds,
                   const std::string& given_key);

// Page furniture around the article: short non-sentence lines before the
// title, between the title and the first paragraph (dates, names, menu
// items), and after the last paragraph of prose (topic lists, teasers,
// footer links). Datelines, captions and summaries stay.
void RemovePageFurniture(const std::vector<Line>& lines, size_t title, std::vector<Decision>* ds);

}  // namespace rashomon::extract::internal

#endif  // RSH_EXTRACT_CONTEXT_RULES_H_
