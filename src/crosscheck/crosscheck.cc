#include "crosscheck/crosscheck.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <numeric>
#include <set>
#include <unordered_map>
#include <utility>

#include "base/union_find.h"
#include "crosscheck/conflicts.h"
#include "crosscheck/sentence_vectors.h"
#include "text/normalize.h"

namespace rashomon::crosscheck {
namespace {

// Sentences with fewer content words than this are not claims (captions,
// datelines, one-word intertitles).
constexpr size_t kMinTerms = 3;

// The independent source of each document: the root of its copy chain.
std::vector<size_t> SourceRoots(const std::vector<StoryDocument>& docs) {
  std::vector<size_t> root(docs.size());
  for (size_t d = 0; d < docs.size(); ++d) {
    size_t r = d;
    // Bounded walk: a malformed chain (a cycle) stops after docs.size() steps.
    for (size_t step = 0; step < docs.size(); ++step) {
      const int next = docs[r].copy_of;
      if (next < 0 || static_cast<size_t>(next) >= docs.size() || static_cast<size_t>(next) == r) {
        break;
      }
      r = static_cast<size_t>(next);
    }
    root[d] = r;
  }
  return root;
}

size_t CountSources(const std::vector<size_t>& documents, const std::vector<size_t>& root) {
  std::set<size_t> roots;
  for (size_t d : documents) roots.insert(root[d]);
  return roots.size();
}

// Union-find over sentences that keeps each group to one sentence a document.
class Aligner {
 public:
  explicit Aligner(const std::vector<SentenceRef>& refs) : sets_(refs.size()), docs_(refs.size()) {
    for (size_t i = 0; i < refs.size(); ++i) docs_[i] = {refs[i].document};
  }
  size_t Find(size_t x) { return sets_.Find(static_cast<uint32_t>(x)); }
  // Joins the groups of a and b unless they share a document.
  void Join(size_t a, size_t b) {
    a = Find(a);
    b = Find(b);
    if (a == b) return;
    std::vector<size_t> merged;
    std::set_union(docs_[a].begin(), docs_[a].end(), docs_[b].begin(), docs_[b].end(),
                   std::back_inserter(merged));
    if (merged.size() != docs_[a].size() + docs_[b].size()) return;  // A shared document.
    docs_[a].clear();
    docs_[b].clear();
    docs_[sets_.Union(static_cast<uint32_t>(a), static_cast<uint32_t>(b))] = std::move(merged);
  }

 private:
  UnionFind sets_;
  std::vector<std::vector<size_t>> docs_;  // Documents of each root's group, ascending.
};

std::string MergeKey(std::string_view s) { return text::LooseKey(s); }

// The clause of `sentence` (a span of `text`) around `at`: between the
// nearest , ; : ( ) or dash marks; a clause of fewer than four words takes
// the clause before it too ("..., particularly Kelmstad").
text::Span ClauseAround(std::string_view text, text::Span sentence, size_t at) {
  auto is_break = [&](size_t i) {
    const char c = text[i];
    if (c == ',' || c == ';' || c == ':' || c == '(' || c == ')') return true;
    // En and em dashes (U+2013, U+2014).
    return i + 2 < text.size() && static_cast<unsigned char>(c) == 0xE2 &&
           static_cast<unsigned char>(text[i + 1]) == 0x80 &&
           (static_cast<unsigned char>(text[i + 2]) == 0x93 ||
            static_cast<unsigned char>(text[i + 2]) == 0x94);
  };
  size_t begin = at, end = at;
  while (end < sentence.end && !is_break(end)) ++end;
  auto clause_start = [&](size_t from) {
    while (from > sentence.begin && !is_break(from - 1)) --from;
    return from;
  };
  begin = clause_start(begin);
  auto words = [&](size_t b, size_t e) {
    size_t n = 0;
    bool in_word = false;
    for (size_t i = b; i < e; ++i) {
      const bool space = text[i] == ' ';
      n += !space && !in_word;
      in_word = !space;
    }
    return n;
  };
  // A short clause takes up to eight words before it.
  for (size_t extra = 0; words(begin, end) < 4 + extra && extra < 8 && begin > sentence.begin;) {
    --begin;
    while (begin > sentence.begin && text[begin - 1] != ' ') --begin;
    ++extra;
  }
  while (begin < end && (text[begin] == ' ' || is_break(begin))) ++begin;
  while (end > begin && text[end - 1] == ' ') --end;
  return {begin, end};
}

// Details: for each sentence of a corroborated claim, the clauses naming an
// entity that no other document of the story names.
void AddDetails(const std::vector<StoryDocument>& docs, std::vector<AlignedClaim>* claims) {
  std::unordered_map<std::string, std::set<size_t>> documents_of_entity;
  for (size_t d = 0; d < docs.size(); ++d) {
    if (docs[d].claims == nullptr) continue;
    for (const claims::Claim& c : docs[d].claims->claims) {
      for (const claims::Entity& e : c.entities) documents_of_entity[e.key].insert(d);
    }
  }
  std::vector<AlignedClaim> details;
  for (const AlignedClaim& claim : *claims) {
    if (claim.sources < 2) continue;
    for (const SentenceRef& r : claim.sentences) {
      const claims::Claim& sentence = docs[r.document].claims->claims[r.claim];
      std::set<std::pair<size_t, size_t>> seen;
      for (const claims::Entity& e : sentence.entities) {
        if (e.acronym || documents_of_entity[e.key].size() != 1) continue;
        const text::Span clause = ClauseAround(docs[r.document].text, sentence.span, e.span.begin);
        if (clause.end <= clause.begin || !seen.insert({clause.begin, clause.end}).second) continue;
        // Most of the sentence is what the other sources say too.
        if (10 * (clause.end - clause.begin) > 6 * (sentence.span.end - sentence.span.begin)) {
          continue;
        }
        // A name with a word or two around it ("As Marta Kovalenko") states nothing.
        const std::string_view words =
            docs[r.document].text.substr(clause.begin, clause.end - clause.begin);
        if (std::count(words.begin(), words.end(), ' ') < 3) continue;
        // A speaker's name in a quote's lead-in is the quote's, not a detail.
        bool speaker = false;
        for (const claims::Quote& q : docs[r.document].claims->quotes) {
          speaker |= q.speaker_span.begin <= e.span.begin && e.span.begin < q.speaker_span.end;
        }
        if (speaker) continue;
        AlignedClaim detail;
        detail.sentences = {r};
        detail.documents = {r.document};
        detail.sources = 1;
        detail.status = ClaimStatus::kSingleSource;
        detail.centrality = claim.centrality / 2;
        detail.detail = clause;
        details.push_back(std::move(detail));
      }
    }
  }
  for (AlignedClaim& d : details) claims->push_back(std::move(d));
}

}  // namespace

std::string_view StatusName(ClaimStatus status) {
  switch (status) {
    case ClaimStatus::kCorroborated:
      return "corroborated";
    case ClaimStatus::kSingleSource:
      return "single-source";
    case ClaimStatus::kConflicting:
      return "conflicting";
  }
  return "single-source";
}

StoryCheck Crosscheck(const std::vector<StoryDocument>& docs, const CrosscheckOptions& options) {
  StoryCheck check;
  check.documents.resize(docs.size());
  const std::vector<size_t> root = SourceRoots(docs);

  // 1. The sentences that state something, and their vectors.
  std::vector<SentenceRef> refs;
  for (size_t d = 0; d < docs.size(); ++d) {
    if (docs[d].claims == nullptr) continue;
    const auto& claims = docs[d].claims->claims;
    for (size_t c = 0; c < claims.size(); ++c) {
      if (claims[c].terms.size() >= kMinTerms) refs.push_back({d, c});
    }
  }
  const SentenceVectors vectors(docs, refs);

  // 2. Alignment. Paraphrases of one fact share few words, so a low bar
  // would chain unrelated sentences; a pair joins when each sentence is the
  // other's best match in its document and they pass `align_similarity`,
  // or when they pass `strong_similarity`. The most similar pairs first, a
  // group holding one sentence a document.
  std::vector<SimilarPair> pairs = vectors.SimilarPairs(
      std::min({options.align_similarity, options.conflict_similarity, kRelatedSimilarity}));
  std::sort(pairs.begin(), pairs.end(), [](const SimilarPair& a, const SimilarPair& b) {
    return a.similarity != b.similarity ? a.similarity > b.similarity
                                        : std::tie(a.a, a.b) < std::tie(b.a, b.b);
  });
  // best[i][d]: the similarity of sentence i's best match in document d.
  std::vector<std::unordered_map<size_t, double>> best(refs.size());
  for (const SimilarPair& p : pairs) {
    double& x = best[p.a][refs[p.b].document];
    x = std::max(x, p.similarity);
    double& y = best[p.b][refs[p.a].document];
    y = std::max(y, p.similarity);
  }
  Aligner aligner(refs);
  for (const SimilarPair& p : pairs) {
    const bool mutual = best[p.a][refs[p.b].document] == p.similarity &&
                        best[p.b][refs[p.a].document] == p.similarity;
    if (p.similarity >= options.strong_similarity ||
        (mutual && p.similarity >= options.align_similarity)) {
      aligner.Join(p.a, p.b);
    }
  }
  std::map<size_t, std::vector<size_t>> groups;  // Root -> sentence indices.
  for (size_t i = 0; i < refs.size(); ++i) groups[aligner.Find(i)].push_back(i);
  std::vector<size_t> claim_of(refs.size());
  std::unordered_map<uint64_t, double> pair_similarity;
  auto pair_key = [](size_t a, size_t b) {
    return (static_cast<uint64_t>(std::min(a, b)) << 32) | static_cast<uint64_t>(std::max(a, b));
  };
  for (const SimilarPair& p : pairs) pair_similarity[pair_key(p.a, p.b)] = p.similarity;
  for (const auto& [group_root, members] : groups) {
    AlignedClaim claim;
    // The representative: the sentence most similar to the rest of its group.
    size_t representative = members.front();
    double representative_sum = -1;
    for (size_t m : members) {
      double sum = 0;
      for (size_t o : members) {
        if (o == m) continue;
        auto it = pair_similarity.find(pair_key(m, o));
        if (it != pair_similarity.end()) sum += it->second;
      }
      if (sum > representative_sum) {
        representative_sum = sum;
        representative = m;
      }
    }
    claim.sentences.push_back(refs[representative]);
    for (size_t m : members) {
      if (m != representative) claim.sentences.push_back(refs[m]);
      claim.documents.push_back(refs[m].document);
    }
    std::sort(claim.documents.begin(), claim.documents.end());
    claim.sources = CountSources(claim.documents, root);
    claim.status = claim.sources >= 2 ? ClaimStatus::kCorroborated : ClaimStatus::kSingleSource;
    claim.centrality = vectors.Centrality(representative);
    for (size_t m : members) claim_of[m] = check.claims.size();
    check.claims.push_back(std::move(claim));
  }

  AddDetails(docs, &check.claims);

  // 3. Conflicts, then the claims they involve.
  std::unordered_map<uint64_t, size_t> index_of_ref;
  for (size_t i = 0; i < refs.size(); ++i) {
    index_of_ref[(static_cast<uint64_t>(refs[i].document) << 32) | refs[i].claim] = i;
  }
  ConflictFinder finder(docs, refs, root, pairs, options.conflict_similarity);
  check.conflicts = finder.Find();
  for (Conflict& conflict : check.conflicts) {
    for (const ConflictSide& side : conflict.sides) {
      auto it = index_of_ref.find((static_cast<uint64_t>(side.sentence.document) << 32) |
                                  side.sentence.claim);
      if (it == index_of_ref.end()) continue;
      const size_t c = claim_of[it->second];
      if (std::find(conflict.claims.begin(), conflict.claims.end(), c) == conflict.claims.end()) {
        conflict.claims.push_back(c);
      }
    }
  }

  // Order claims: most sources, then most central; remap the conflicts.
  std::vector<size_t> order(check.claims.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    const AlignedClaim& x = check.claims[a];
    const AlignedClaim& y = check.claims[b];
    if (x.sources != y.sources) return x.sources > y.sources;
    return x.centrality > y.centrality;
  });
  std::vector<size_t> new_index(order.size());
  std::vector<AlignedClaim> sorted;
  for (size_t k = 0; k < order.size(); ++k) {
    new_index[order[k]] = k;
    sorted.push_back(std::move(check.claims[order[k]]));
  }
  check.claims = std::move(sorted);
  for (Conflict& conflict : check.conflicts) {
    for (size_t& c : conflict.claims) {
      c = new_index[c];
      check.claims[c].status = ClaimStatus::kConflicting;
    }
    std::sort(conflict.claims.begin(), conflict.claims.end());
  }

  // 4. Quotes and citations, merged across documents.
  auto sentence_at = [&](size_t d, size_t offset) -> size_t {
    const auto& claims = docs[d].claims->claims;
    for (size_t c = 0; c < claims.size(); ++c) {
      if (claims[c].span.begin <= offset && offset < claims[c].span.end) return c;
    }
    return claims.empty() ? 0 : claims.size() - 1;
  };
  std::map<std::pair<std::string, std::string>, size_t> quote_index;
  for (size_t d = 0; d < docs.size(); ++d) {
    if (docs[d].claims == nullptr) continue;
    for (const claims::Quote& q : docs[d].claims->quotes) {
      if (q.speaker.empty()) continue;
      std::string key = MergeKey(q.text);
      // Quotes cut at different lengths still merge: compare a prefix.
      if (key.size() > 60) key.resize(60);
      auto [it, inserted] = quote_index.emplace(std::make_pair(MergeKey(q.speaker), key),
                                                check.quotes.size());
      if (inserted) check.quotes.push_back({q.speaker, q.text, {}});
      MergedQuote& merged = check.quotes[it->second];
      bool seen = false;
      for (const SentenceRef& m : merged.mentions) seen |= m.document == d;
      if (!seen) merged.mentions.push_back({d, sentence_at(d, q.span.begin)});
    }
  }
  // A one-word source that the story only ever writes at a sentence start
  // is a capitalised common noun ("Officials said"), not a name.
  std::set<std::string> named_inside;
  for (const StoryDocument& d : docs) {
    if (d.claims == nullptr) continue;
    for (const claims::Entity& e : d.claims->entities) {
      if (!e.sentence_initial || e.acronym || e.key.find(' ') != std::string::npos) {
        named_inside.insert(e.key);
      }
    }
  }
  std::map<std::string, size_t> citation_index;
  for (size_t d = 0; d < docs.size(); ++d) {
    if (docs[d].claims == nullptr) continue;
    for (const claims::Citation& c : docs[d].claims->citations) {
      if (c.source.empty()) continue;
      if (c.source.find(' ') == std::string::npos && !named_inside.count(c.source_key)) continue;
      auto [it, inserted] = citation_index.emplace(MergeKey(c.source), check.citations.size());
      if (inserted) check.citations.push_back({c.source, {}});
      std::vector<size_t>& cited_by = check.citations[it->second].documents;
      if (std::find(cited_by.begin(), cited_by.end(), d) == cited_by.end()) cited_by.push_back(d);
    }
  }
  std::stable_sort(check.citations.begin(), check.citations.end(),
                   [](const MergedCitation& a, const MergedCitation& b) {
                     return a.documents.size() > b.documents.size();
                   });
  for (MergedCitation& c : check.citations) {
    std::sort(c.documents.begin(), c.documents.end());
    for (size_t d : c.documents) check.documents[d].cites.push_back(c.source_name);
  }

  // 5. Per document: translation, what it adds and what it omits.
  const size_t all_sources = CountSources([&] {
    std::vector<size_t> all(docs.size());
    std::iota(all.begin(), all.end(), 0);
    return all;
  }(), root);
  for (size_t d = 0; d < docs.size(); ++d) {
    DocumentNotes& notes = check.documents[d];
    notes.translation = DetectMachineTranslation(docs[d].text, docs[d].language, options.translation);
    for (size_t c = 0; c < check.claims.size(); ++c) {
      const AlignedClaim& claim = check.claims[c];
      const bool carries =
          std::binary_search(claim.documents.begin(), claim.documents.end(), d);
      if (carries && claim.sources == 1) {
        // Its own single-source claims; a copy adds nothing of its own.
        if (root[d] == d) notes.adds.push_back(c);
      } else if (!carries && all_sources > 2) {
        const double others = static_cast<double>(all_sources - 1);
        const bool own_source_carries = [&] {
          for (size_t x : claim.documents) {
            if (root[x] == root[d]) return true;
          }
          return false;
        }();
        if (!own_source_carries &&
            static_cast<double>(claim.sources) >= options.omit_share * others) {
          notes.omits.push_back(c);
        }
      }
    }
  }
  return check;
}

}  // namespace rashomon::crosscheck
