#include "claims/claims.h"

#include <algorithm>
#include <optional>
#include <set>

#include "claims/aliases.h"
#include "claims/lexicon.h"
#include "text/normalize.h"
#include "text/stem.h"
#include "text/tokens.h"
#include "text/utf8.h"

namespace rashomon::claims {
namespace {

constexpr size_t kMaxTermBytes = 64;

// `text` with every byte of an invalid UTF-8 sequence replaced by '?', so
// that offsets stay those of `text`.
std::string SameLengthValidUtf8(std::string_view text) {
  std::string out(text);
  for (size_t pos = 0; pos < text.size();) {
    const size_t start = pos;
    const char32_t cp = text::DecodeUtf8Lenient(text, &pos);
    if (cp == U'\uFFFD' && text.substr(start, pos - start) != "\uFFFD") {
      std::fill(out.begin() + start, out.begin() + pos, '?');
    }
  }
  return out;
}

template <typename T>
void ShiftSpans(size_t offset, std::vector<T>* items) {
  for (T& item : *items) {
    item.span.begin += offset;
    item.span.end += offset;
  }
}

// Rewrites names to the table's canonical names, in place.
void ApplyAliases(const AliasTable& table, DocumentClaims* doc) {
  auto rename = [&](Entity* e) {
    const CanonicalName c = table.Canonical(e->key);
    e->canonical = c.display;
    e->type = c.type != EntityType::kUnknown ? c.type : ClassifyName(e->key, e->acronym);
  };
  for (Entity& e : doc->entities) rename(&e);
  for (Claim& claim : doc->claims) {
    for (Entity& e : claim.entities) rename(&e);
  }
  for (Quote& q : doc->quotes) {
    if (q.speaker_key.empty()) continue;
    const CanonicalName c = table.Canonical(q.speaker_key);
    q.speaker = c.display;
    if (c.type != EntityType::kUnknown) q.speaker_type = c.type;
  }
  std::vector<Citation> kept;
  for (Citation& c : doc->citations) {
    const CanonicalName name = table.Canonical(c.source_key);
    c.source = name.display;
    if (c.source_type != EntityType::kOrganisation && name.type != EntityType::kUnknown) {
      c.source_type = name.type;
    }
    if (c.source_type == EntityType::kPerson && c.cue != "according to") continue;
    kept.push_back(std::move(c));
  }
  doc->citations = std::move(kept);
}

}  // namespace

struct ClaimAnalyzer::Impl {
  text::SentenceSplitter splitter;
  EntityFinder finder;
  std::string stem_language;
  std::unique_ptr<text::Stemmer> stemmer;

  text::Stemmer& StemmerFor(std::string_view language) {
    if (!stemmer || stem_language != language) {
      stem_language = std::string(language);
      stemmer = std::make_unique<text::Stemmer>(language);
    }
    return *stemmer;
  }

  std::vector<std::string> Terms(std::string_view sentence, text::Stemmer& stem) {
    std::vector<std::string> terms;
    for (const text::Token& t : text::Tokenize(sentence)) {
      if (t.kind != text::TokenKind::kWord || t.span.end - t.span.begin > kMaxTermBytes) continue;
      const std::string folded =
          text::FoldCase(sentence.substr(t.span.begin, t.span.end - t.span.begin));
      if (internal::IsFunctionWord(folded)) continue;
      terms.push_back(stem.Stem(folded));
    }
    return terms;
  }

  Claim MakeClaim(std::string_view text, size_t index, text::Span span, const ClaimOptions& options,
                  text::Stemmer& stem) {
    Claim claim;
    claim.index = index;
    claim.span = span;
    const std::string_view sentence = text.substr(span.begin, span.end - span.begin);
    claim.text = std::string(sentence);
    claim.entities = finder.Find(sentence, span.begin);
    QuantityOptions quantity_options;
    quantity_options.language = options.language;
    claim.quantities = FindQuantities(sentence, quantity_options);
    ShiftSpans(span.begin, &claim.quantities);
    DateOptions date_options;
    date_options.language = options.language;
    date_options.published_day = options.published_day;
    claim.dates = FindDates(sentence, date_options);
    ShiftSpans(span.begin, &claim.dates);
    claim.terms = Terms(sentence, stem);
    return claim;
  }
};

ClaimAnalyzer::ClaimAnalyzer() : impl_(std::make_unique<Impl>()) {}
ClaimAnalyzer::~ClaimAnalyzer() = default;

DocumentClaims ClaimAnalyzer::Analyze(std::string_view raw, const ClaimOptions& options) {
  std::optional<std::string> repaired;
  if (!text::IsValidUtf8(raw)) repaired = SameLengthValidUtf8(raw);
  const std::string_view text = repaired ? std::string_view(*repaired) : raw;

  DocumentClaims doc;
  std::vector<text::Span> sentences = impl_->splitter.Split(text);
  if (sentences.size() > options.max_sentences) {
    sentences.resize(options.max_sentences);
    doc.truncated = true;
  }
  impl_->finder.SetDocument(text);
  text::Stemmer& stem = impl_->StemmerFor(options.language);
  for (size_t i = 0; i < sentences.size(); ++i) {
    doc.claims.push_back(impl_->MakeClaim(text, i, sentences[i], options, stem));
    for (const Entity& e : doc.claims.back().entities) {
      if (doc.entities.size() >= options.max_entities) {
        doc.truncated = true;
        break;
      }
      doc.entities.push_back(e);
    }
  }
  // Quotes and citations only in the analysed sentences.
  const std::string_view analysed = text.substr(0, sentences.empty() ? 0 : sentences.back().end);
  doc.quotes = FindQuotes(analysed, doc.entities, sentences, options.quotes);
  doc.citations = FindCitations(analysed, doc.entities, options.quotes);

  AliasTable table;
  for (const Entity& e : doc.entities) table.Add(e);
  ApplyAliases(table, &doc);
  return doc;
}

DocumentClaims AnalyzeDocument(std::string_view text, const ClaimOptions& options) {
  ClaimAnalyzer analyzer;
  return analyzer.Analyze(text, options);
}

void ResolveStory(std::vector<DocumentClaims>* docs) {
  AliasTable table;
  for (const DocumentClaims& doc : *docs) {
    for (const Entity& e : doc.entities) table.Add(e);
  }
  for (DocumentClaims& doc : *docs) ApplyAliases(table, &doc);
}

std::vector<std::string> CitedSources(const DocumentClaims& doc) {
  std::set<std::string> sources;
  for (const Citation& c : doc.citations) sources.insert(c.source);
  return {sources.begin(), sources.end()};
}

}  // namespace rashomon::claims
