#include "report/report.h"

#include <algorithm>
#include <map>
#include <numeric>
#include <set>

#include "base/document_json.h"

namespace rashomon::report {
namespace {

using crosscheck::AlignedClaim;
using crosscheck::ClaimStatus;
using crosscheck::SentenceRef;

// Brief sentences need at least this many words to say something.
constexpr size_t kMinBriefWords = 6;

size_t CountWords(std::string_view s) {
  size_t words = 0;
  bool in_word = false;
  for (char c : s) {
    const bool space = c == ' ' || c == '\n' || c == '\t';
    words += !space && !in_word;
    in_word = !space;
  }
  return words;
}

const claims::Claim& ClaimAt(const pipeline::AnalyzedStory& story, const SentenceRef& r) {
  return story.claims[r.document].claims[r.claim];
}

// The sentence that best represents an aligned claim in the brief: its own
// representative unless that reads as a machine translation or is in a
// minority language and another member is not.
SentenceRef BriefSentence(const pipeline::AnalyzedStory& story, const AlignedClaim& claim,
                          const std::string& main_language,
                          const std::vector<std::string>& languages) {
  for (const SentenceRef& r : claim.sentences) {
    const bool translated = story.check.documents[r.document].translation.machine_translated;
    if (!translated && (main_language.empty() || languages[r.document] == main_language)) return r;
  }
  return claim.sentences.front();
}

// Mean position of the claim's sentences in their documents, 0 (lead) to 1.
double TellingOrder(const pipeline::AnalyzedStory& story, const AlignedClaim& claim) {
  double sum = 0;
  for (const SentenceRef& r : claim.sentences) {
    const size_t count = std::max<size_t>(1, story.claims[r.document].claims.size());
    sum += static_cast<double>(r.claim) / static_cast<double>(count);
  }
  return sum / static_cast<double>(claim.sentences.size());
}

nlohmann::json Span(const std::vector<Document>& docs, const pipeline::AnalyzedStory& story,
                    const SentenceRef& r, text::Span span) {
  return {{"document", docs[story.documents[r.document]].source},
          {"begin", span.begin},
          {"end", span.end}};
}

std::string ClaimId(size_t index) { return "c" + std::to_string(index + 1); }

// The words of an aligned claim: its detail clause, else its first sentence.
std::string ClaimText(const pipeline::Analysis& a, const pipeline::AnalyzedStory& story,
                      const AlignedClaim& claim) {
  if (claim.detail.end > claim.detail.begin) {
    const std::string& text = a.texts[story.documents[claim.sentences.front().document]];
    return text.substr(claim.detail.begin, claim.detail.end - claim.detail.begin);
  }
  return ClaimAt(story, claim.sentences.front()).text;
}

}  // namespace

std::vector<size_t> SelectBrief(const pipeline::AnalyzedStory& story,
                                const ReportOptions& options) {
  const std::vector<AlignedClaim>& claims = story.check.claims;
  std::vector<size_t> chosen;
  auto usable = [&](const AlignedClaim& c) {
    if (c.status == ClaimStatus::kConflicting || c.detail.end > c.detail.begin) return false;
    const std::string& text = ClaimAt(story, c.sentences.front()).text;
    return CountWords(text) >= kMinBriefWords && !text.ends_with("?");
  };
  // A claim whose words are mostly in a chosen one repeats it ("about 340
  // tonnes leaked" after a lead that says so among other things).
  auto repeats = [&](size_t c) {
    const std::vector<std::string>& terms = ClaimAt(story, claims[c].sentences.front()).terms;
    if (terms.empty()) return false;
    for (size_t k : chosen) {
      const std::vector<std::string>& other = ClaimAt(story, claims[k].sentences.front()).terms;
      size_t shared = 0;
      for (const std::string& t : terms) {
        shared += std::find(other.begin(), other.end(), t) != other.end();
      }
      if (10 * shared >= 6 * terms.size()) return true;
    }
    return false;
  };
  // Claims come most sources first, then most central (crosscheck's order).
  for (size_t c = 0; c < claims.size() && chosen.size() < options.max_brief; ++c) {
    if (claims[c].sources >= 2 && usable(claims[c]) && !repeats(c)) chosen.push_back(c);
  }
  if (chosen.size() < options.min_brief) {
    // Fill from the central report's own claims, most central first.
    size_t central_local = 0;
    for (size_t j = 0; j < story.documents.size(); ++j) {
      if (story.documents[j] == story.central) central_local = j;
    }
    std::vector<size_t> rest;
    for (size_t c = 0; c < claims.size(); ++c) {
      if (claims[c].sources < 2 && usable(claims[c]) &&
          std::binary_search(claims[c].documents.begin(), claims[c].documents.end(),
                             central_local)) {
        rest.push_back(c);
      }
    }
    std::stable_sort(rest.begin(), rest.end(), [&](size_t a, size_t b) {
      return claims[a].centrality > claims[b].centrality;
    });
    for (size_t c : rest) {
      if (chosen.size() >= options.min_brief) break;
      if (!repeats(c)) chosen.push_back(c);
    }
  }
  std::stable_sort(chosen.begin(), chosen.end(), [&](size_t a, size_t b) {
    return TellingOrder(story, claims[a]) < TellingOrder(story, claims[b]);
  });
  return chosen;
}

nlohmann::json BuildReport(const std::vector<Document>& docs, const pipeline::Analysis& a,
                           const ReportOptions& options) {
  nlohmann::json report;
  nlohmann::json documents = nlohmann::json::array();
  // Per document: its story's check notes, for the machine-translation flag.
  std::vector<const crosscheck::DocumentNotes*> notes_of(docs.size(), nullptr);
  for (const pipeline::AnalyzedStory& s : a.stories) {
    for (size_t j = 0; j < s.documents.size(); ++j) notes_of[s.documents[j]] = &s.check.documents[j];
  }
  for (size_t d = 0; d < docs.size(); ++d) {
    const Document& doc = docs[d];
    nlohmann::json j = {
        {"source", doc.source},
        {"title", doc.title},
        {"language", doc.language},
        {"url", doc.url},
        {"outlet", doc.outlet},
        {"published", doc.published},
        {"story", a.stories.empty() ? 0 : a.stories[a.story_of[d]].id},
        {"machine_translated", false},
        {"duplicate_of", nullptr},
        {"removed", RemovedJson(doc.removed)}};
    if (a.duplicate_of[d] >= 0) {
      j["duplicate_of"] = docs[static_cast<size_t>(a.duplicate_of[d])].source;
      j["duplicate_jaccard"] = a.duplicate_jaccard[d];
    }
    if (notes_of[d] != nullptr) {
      const crosscheck::TranslationVerdict& t = notes_of[d]->translation;
      j["machine_translated"] = t.machine_translated;
      nlohmann::json evidence = nlohmann::json::array();
      for (const crosscheck::TranslationEvidence& e : t.evidence) {
        evidence.push_back({{"kind", e.kind},
                            {"text", a.texts[d].substr(e.span.begin, e.span.end - e.span.begin)},
                            {"begin", e.span.begin},
                            {"end", e.span.end}});
      }
      j["machine_translation"] = {{"signals_per_thousand_words", t.signals_per_thousand_words},
                                  {"evidence", std::move(evidence)}};
    }
    if (options.include_texts) j["text"] = a.texts[d];
    documents.push_back(std::move(j));
  }
  report["documents"] = std::move(documents);

  nlohmann::json stories = nlohmann::json::array();
  for (const pipeline::AnalyzedStory& s : a.stories) {
    const crosscheck::StoryCheck& check = s.check;
    auto source = [&](size_t local) { return docs[s.documents[local]].source; };
    auto sources = [&](const std::vector<size_t>& locals) {
      nlohmann::json list = nlohmann::json::array();
      for (size_t l : locals) list.push_back(source(l));
      return list;
    };
    std::vector<std::string> languages(s.documents.size());
    std::map<std::string, size_t> language_count;
    for (size_t j = 0; j < s.documents.size(); ++j) {
      languages[j] = docs[s.documents[j]].language;
      if (!languages[j].empty() && languages[j] != "und") ++language_count[languages[j]];
    }
    std::string main_language;
    size_t best = 0;
    for (const auto& [lang, count] : language_count) {
      if (count > best) {
        best = count;
        main_language = lang;
      }
    }
    nlohmann::json story = {{"id", s.id},
                            {"title", s.title},
                            {"central", docs[s.central].source},
                            {"documents", sources([&] {
                               std::vector<size_t> all(s.documents.size());
                               std::iota(all.begin(), all.end(), 0);
                               return all;
                             }())}};
    nlohmann::json langs = nlohmann::json::array();
    for (const auto& [lang, count] : language_count) langs.push_back(lang);
    story["languages"] = std::move(langs);

    nlohmann::json brief = nlohmann::json::array();
    for (size_t c : SelectBrief(s, options)) {
      const AlignedClaim& claim = check.claims[c];
      const SentenceRef r = BriefSentence(s, claim, main_language, languages);
      const claims::Claim& sentence = ClaimAt(s, r);
      nlohmann::json spans = nlohmann::json::array();
      for (const SentenceRef& m : claim.sentences) spans.push_back(Span(docs, s, m, ClaimAt(s, m).span));
      brief.push_back({{"text", sentence.text},
                       {"claim", ClaimId(c)},
                       {"document", source(r.document)},
                       {"begin", sentence.span.begin},
                       {"end", sentence.span.end},
                       {"documents", sources(claim.documents)},
                       {"spans", std::move(spans)}});
    }
    story["brief"] = std::move(brief);

    nlohmann::json claims = nlohmann::json::array();
    for (size_t c = 0; c < check.claims.size(); ++c) {
      const AlignedClaim& claim = check.claims[c];
      nlohmann::json spans = nlohmann::json::array();
      const bool detail = claim.detail.end > claim.detail.begin;
      for (const SentenceRef& m : claim.sentences) {
        spans.push_back(Span(docs, s, m, detail ? claim.detail : ClaimAt(s, m).span));
      }
      claims.push_back({{"id", ClaimId(c)},
                        {"text", ClaimText(a, s, claim)},
                        {"detail", detail},
                        {"status", crosscheck::StatusName(claim.status)},
                        {"sources", claim.sources},
                        {"documents", sources(claim.documents)},
                        {"spans", std::move(spans)}});
    }
    story["claims"] = std::move(claims);

    nlohmann::json conflicts = nlohmann::json::array();
    for (const crosscheck::Conflict& conflict : check.conflicts) {
      nlohmann::json sides = nlohmann::json::array();
      for (const crosscheck::ConflictSide& side : conflict.sides) {
        const std::string& text = a.texts[s.documents[side.sentence.document]];
        const size_t begin = std::min(side.span.begin, text.size());
        const size_t end = std::clamp(side.span.end, begin, text.size());
        const claims::Claim& sentence = ClaimAt(s, side.sentence);
        sides.push_back({{"document", source(side.sentence.document)},
                         {"text", text.substr(begin, end - begin)},
                         {"value", side.value},
                         {"begin", begin},
                         {"end", end},
                         {"sentence", sentence.text}});
      }
      nlohmann::json ids = nlohmann::json::array();
      for (size_t c : conflict.claims) ids.push_back(ClaimId(c));
      conflicts.push_back({{"kind", conflict.kind},
                           {"about", conflict.about},
                           {"sides", std::move(sides)},
                           {"explanation", conflict.explanation},
                           {"claims", std::move(ids)}});
    }
    story["conflicts"] = std::move(conflicts);

    nlohmann::json quotes = nlohmann::json::array();
    for (const crosscheck::MergedQuote& q : check.quotes) {
      std::vector<size_t> locals;
      for (const SentenceRef& m : q.mentions) locals.push_back(m.document);
      quotes.push_back({{"speaker", q.speaker}, {"text", q.text}, {"documents", sources(locals)}});
    }
    story["quotes"] = std::move(quotes);

    nlohmann::json citations = nlohmann::json::array();
    for (const crosscheck::MergedCitation& c : check.citations) {
      citations.push_back({{"source_name", c.source_name}, {"documents", sources(c.documents)}});
    }
    story["citations"] = std::move(citations);

    nlohmann::json notes = nlohmann::json::array();
    for (size_t j = 0; j < s.documents.size(); ++j) {
      const crosscheck::DocumentNotes& n = check.documents[j];
      nlohmann::json adds = nlohmann::json::array(), omits = nlohmann::json::array();
      for (size_t c : n.adds) adds.push_back(ClaimId(c));
      for (size_t c : n.omits) omits.push_back(ClaimId(c));
      notes.push_back({{"document", source(j)},
                       {"machine_translated", n.translation.machine_translated},
                       {"duplicate_of", report["documents"][s.documents[j]]["duplicate_of"]},
                       {"cites", n.cites},
                       {"adds", std::move(adds)},
                       {"omits", std::move(omits)}});
    }
    story["notes"] = std::move(notes);
    stories.push_back(std::move(story));
  }
  report["stories"] = std::move(stories);
  return report;
}

}  // namespace rashomon::report
