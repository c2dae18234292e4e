#include "collection/collection.h"

#include <algorithm>
#include <map>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "base/parallel.h"
#include "dedup/lsh.h"
#include "dedup/minhash.h"
#include "dedup/shingles.h"
#include "report/report.h"
#include "stories/stories.h"

namespace rashomon::collection {
namespace {

using Json = nlohmann::json;

// Documents added to the story index per call when loading a store: bounds
// the texts held at once.
constexpr size_t kLoadChunk = 10000;

// The story index is rebuilt from the store (one Add of everything) when it
// has grown by this factor since it was last built. Reports added one batch
// at a time are weighed with the document frequencies of their day, and
// the neighbours of older reports are not all re-scored (stories/stories.h),
// so a collection grown in many small batches drifts from the clustering
// of the same reports at once; rebuilding at geometric sizes brings it back
// at an amortised cost of a few Adds per report.
constexpr double kRebuildGrowth = 1.5;

// One story of the index, as the store will hold it.
struct Placed {
  size_t cluster = 0;  // Index into StoryIndex::Stories().
  int64_t id = 0;      // Its story id in the store.
  std::vector<int64_t> documents;  // Stored ids, in arrival order.
};

// The "sources" entry of document entry `d` (report/report.h's documents)
// whose stored id is `id`.
Json SourceEntry(const Json& d, int64_t id) {
  Json out = {{"id", id}};
  for (const char* key : {"title", "outlet", "url", "language", "published", "duplicate_of",
                          "machine_translated"}) {
    out[key] = d.value(key, Json());
  }
  out["document"] = d.value("source", "");
  auto removed = d.find("removed");
  out["removed"] = removed != d.end() && removed->is_array() ? removed->size() : 0;
  return out;
}

}  // namespace

class Collection::Impl {
 public:
  Impl(CollectionOptions options, std::unique_ptr<store::Store> store)
      : options_(std::move(options)),
        threads_(options_.threads <= 0 ? HardwareThreads() : options_.threads),
        store_(std::move(store)),
        hasher_(options_.analyze.dedup.num_permutations, options_.analyze.dedup.seed),
        lsh_params_(dedup::ChooseLshParams(options_.analyze.dedup.jaccard_threshold,
                                           hasher_.num_permutations(),
                                           options_.analyze.dedup.lsh_min_probability)) {
    options_.analyze.threads = threads_;
    if (options_.batch_size == 0) options_.batch_size = 1;
  }

  // (Re)builds the story index and the story membership from the store.
  Status Load();

  Result<IngestResult> Ingest(const std::vector<Document>& docs);

  store::Store& store() { return *store_; }

 private:
  // Stores `batch` and updates the stories, in one transaction; fills the
  // entries of `r` from `offset` on.
  Status IngestBatch(const std::vector<Document>& batch, size_t offset, IngestResult* r);

  // The MinHash signatures of `texts` (empty for a text without shingles).
  std::vector<std::vector<uint32_t>> Sign(const std::vector<std::string_view>& texts) const;

  // Finds the stored near-copies of each new document `ids[k]` (signature
  // `signatures[k]`), records them, and stores and indexes its signature.
  Status RecordCopies(const std::vector<int64_t>& ids,
                      std::vector<std::vector<uint32_t>>&& signatures);

  // Places the index's stories on store ids (a story keeps the id most of
  // its stored documents had), writes those whose documents changed and
  // retires the ids no story keeps. `fresh` maps the stored ids of the
  // batch's new documents to them.
  Status UpdateStories(const std::unordered_map<int64_t, const Document*>& fresh,
                       std::vector<Placed>* placed, IngestResult* r);

  CollectionOptions options_;
  int threads_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<stories::StoryIndex> index_;
  std::vector<int64_t> doc_ids_;  // Stored id of each index position.
  std::unordered_set<int64_t> indexed_;
  std::map<int64_t, std::vector<int64_t>> members_;  // Story id -> its documents, sorted.
  std::unordered_map<int64_t, int64_t> story_of_doc_;
  size_t built_size_ = 0;  // Documents in the index when Load built it.
  dedup::MinHasher hasher_;
  dedup::LshParams lsh_params_;
  std::unique_ptr<dedup::LshIndex> lsh_;  // Signatures of the stored documents.
  std::unordered_map<int64_t, std::vector<uint32_t>> signatures_;
  bool stale_ = true;  // The index or membership may not match the store.
};

Status Collection::Impl::Load() {
  stories::StoryOptions story_options = options_.analyze.stories;
  story_options.threads = threads_;
  index_ = std::make_unique<stories::StoryIndex>(story_options);
  doc_ids_.clear();
  indexed_.clear();
  signatures_.clear();
  RSH_RETURN_IF_ERROR(
      store_->ScanSignatures([&](int64_t id, std::vector<uint32_t>&& minhash) -> Status {
        if (static_cast<int>(minhash.size()) == hasher_.num_permutations()) {
          signatures_[id] = std::move(minhash);
        }
        return Status::Ok();
      }));
  std::vector<store::DocumentHeader> chunk;
  auto flush = [&]() {
    // Documents stored before signatures were (or with other settings).
    std::vector<std::string_view> unsigned_texts;
    std::vector<int64_t> unsigned_ids;
    for (const store::DocumentHeader& h : chunk) {
      if (signatures_.count(h.id) == 0) {
        unsigned_texts.push_back(h.text);
        unsigned_ids.push_back(h.id);
      }
    }
    std::vector<std::vector<uint32_t>> computed = Sign(unsigned_texts);
    for (size_t k = 0; k < computed.size(); ++k) {
      if (!computed[k].empty()) signatures_[unsigned_ids[k]] = std::move(computed[k]);
    }
    std::vector<stories::StoryInput> inputs;
    inputs.reserve(chunk.size());
    for (const store::DocumentHeader& h : chunk) {
      inputs.push_back({h.title, h.text, h.language, h.published});
      doc_ids_.push_back(h.id);
      indexed_.insert(h.id);
    }
    if (!inputs.empty()) index_->Add(inputs);
    chunk.clear();
  };
  RSH_RETURN_IF_ERROR(store_->ScanDocuments([&](store::DocumentHeader&& h) -> Status {
    chunk.push_back(std::move(h));
    if (chunk.size() >= kLoadChunk) flush();
    return Status::Ok();
  }));
  flush();
  lsh_ = std::make_unique<dedup::LshIndex>(lsh_params_);
  for (int64_t id : doc_ids_) {
    auto it = signatures_.find(id);
    if (it != signatures_.end()) lsh_->Add(static_cast<uint32_t>(id), it->second);
  }
  members_.clear();
  story_of_doc_.clear();
  RSH_ASSIGN_OR_RETURN(auto links, store_->StoryDocuments());
  for (const auto& [story, doc] : links) {
    members_[story].push_back(doc);
    story_of_doc_[doc] = story;
  }
  for (auto& [story, docs] : members_) std::sort(docs.begin(), docs.end());
  built_size_ = doc_ids_.size();
  stale_ = false;
  return Status::Ok();
}

Result<IngestResult> Collection::Impl::Ingest(const std::vector<Document>& docs) {
  IngestResult r;
  r.ids.assign(docs.size(), 0);
  r.inserted.assign(docs.size(), false);
  r.story_of.assign(docs.size(), 0);
  for (size_t begin = 0; begin < docs.size(); begin += options_.batch_size) {
    if (stale_) RSH_RETURN_IF_ERROR(Load());
    const size_t end = std::min(docs.size(), begin + options_.batch_size);
    const std::vector<Document> batch(docs.begin() + static_cast<std::ptrdiff_t>(begin),
                                      docs.begin() + static_cast<std::ptrdiff_t>(end));
    RSH_RETURN_IF_ERROR(IngestBatch(batch, begin, &r));
    ++r.batches;
    if (options_.progress) options_.progress(end, docs.size());
  }
  return r;
}

Status Collection::Impl::IngestBatch(const std::vector<Document>& batch, size_t offset,
                                     IngestResult* r) {
  std::vector<int64_t> ids;
  std::vector<bool> inserted;
  std::vector<Placed> placed;
  IngestResult counts;
  bool grew = false;
  // Anything the index learns inside the transaction is undone by a reload
  // when the transaction fails.
  stale_ = true;
  Status status = store_->InTransaction([&]() -> Status {
    RSH_ASSIGN_OR_RETURN(ids, store_->AddDocuments(batch, &inserted));
    std::unordered_map<int64_t, const Document*> fresh;
    std::vector<std::string> texts;
    std::vector<size_t> order;
    for (size_t i = 0; i < batch.size(); ++i) {
      if (indexed_.count(ids[i]) != 0 || fresh.count(ids[i]) != 0) continue;
      fresh.emplace(ids[i], &batch[i]);
      order.push_back(i);
    }
    if (order.empty()) return Status::Ok();
    grew = true;
    texts.resize(order.size());
    ParallelFor(order.size(), threads_, [&](size_t k) { texts[k] = batch[order[k]].ArticleText(); });
    {
      std::vector<int64_t> fresh_ids;
      for (size_t i : order) fresh_ids.push_back(ids[i]);
      RSH_RETURN_IF_ERROR(RecordCopies(
          fresh_ids, Sign(std::vector<std::string_view>(texts.begin(), texts.end()))));
    }
    const double grown = static_cast<double>(indexed_.size() + order.size());
    if (built_size_ == 0 || grown >= kRebuildGrowth * static_cast<double>(built_size_)) {
      // The store already holds the batch (this transaction sees it).
      RSH_RETURN_IF_ERROR(Load());
      stale_ = true;  // Until the transaction commits.
      return UpdateStories(fresh, &placed, &counts);
    }
    std::vector<stories::StoryInput> inputs;
    for (size_t k = 0; k < order.size(); ++k) {
      const Document& d = batch[order[k]];
      inputs.push_back({d.title, texts[k], d.language, d.published});
      doc_ids_.push_back(ids[order[k]]);
      indexed_.insert(ids[order[k]]);
    }
    index_->Add(inputs);
    return UpdateStories(fresh, &placed, &counts);
  });
  if (!status.ok()) return status;
  stale_ = false;
  if (grew) {
    members_.clear();
    story_of_doc_.clear();
    for (Placed& p : placed) {
      for (int64_t d : p.documents) story_of_doc_[d] = p.id;
      std::sort(p.documents.begin(), p.documents.end());
      members_[p.id] = std::move(p.documents);
    }
  }
  r->stories_updated += counts.stories_updated;
  r->stories_removed += counts.stories_removed;
  for (size_t i = 0; i < batch.size(); ++i) {
    r->ids[offset + i] = ids[i];
    r->inserted[offset + i] = inserted[i];
    auto it = story_of_doc_.find(ids[i]);
    r->story_of[offset + i] = it == story_of_doc_.end() ? 0 : it->second;
  }
  return Status::Ok();
}

std::vector<std::vector<uint32_t>> Collection::Impl::Sign(
    const std::vector<std::string_view>& texts) const {
  std::vector<std::vector<uint32_t>> out(texts.size());
  const size_t workers = std::min(texts.size(), static_cast<size_t>(threads_));
  ParallelFor(workers, threads_, [&](size_t w) {
    dedup::Shingler shingler(options_.analyze.dedup.shingles);
    for (size_t k = w; k < texts.size(); k += workers) {
      std::vector<uint32_t> signature(static_cast<size_t>(hasher_.num_permutations()));
      hasher_.Reset(signature);
      const dedup::ShingleInfo info = shingler.Shingle(
          texts[k], [&](std::span<const uint64_t> batch) { hasher_.Update(batch, signature); });
      if (info.shingles > 0) out[k] = std::move(signature);
    }
  });
  return out;
}

Status Collection::Impl::RecordCopies(const std::vector<int64_t>& ids,
                                      std::vector<std::vector<uint32_t>>&& signatures) {
  const double threshold = options_.analyze.dedup.jaccard_threshold;
  std::vector<uint32_t> candidates;
  for (size_t k = 0; k < ids.size(); ++k) {
    const std::vector<uint32_t>& signature = signatures[k];
    if (signature.empty()) continue;
    candidates.clear();
    lsh_->Query(signature, options_.analyze.dedup.max_bucket_compare, &candidates);
    for (uint32_t c : candidates) {
      auto other = signatures_.find(static_cast<int64_t>(c));
      if (other == signatures_.end() || other->first == ids[k]) continue;
      const double jaccard = dedup::EstimateJaccard(signature, other->second);
      if (jaccard >= threshold) RSH_RETURN_IF_ERROR(store_->AddCopy(ids[k], other->first, jaccard));
    }
    RSH_RETURN_IF_ERROR(store_->PutSignature(ids[k], signature));
    lsh_->Add(static_cast<uint32_t>(ids[k]), signature);
    signatures_[ids[k]] = std::move(signatures[k]);
  }
  return Status::Ok();
}

Status Collection::Impl::UpdateStories(const std::unordered_map<int64_t, const Document*>& fresh,
                                       std::vector<Placed>* placed, IngestResult* r) {
  const std::vector<stories::Story>& clusters = index_->Stories();
  // Which stored story each cluster's documents were in, counted.
  struct Vote {
    size_t count;
    int64_t story;
    size_t cluster;
  };
  std::vector<Vote> votes;
  for (size_t c = 0; c < clusters.size(); ++c) {
    std::map<int64_t, size_t> counts;
    for (size_t pos : clusters[c].documents) {
      auto it = story_of_doc_.find(doc_ids_[pos]);
      if (it != story_of_doc_.end()) ++counts[it->second];
    }
    for (const auto& [story, count] : counts) votes.push_back({count, story, c});
  }
  std::sort(votes.begin(), votes.end(), [](const Vote& a, const Vote& b) {
    if (a.count != b.count) return a.count > b.count;
    if (a.story != b.story) return a.story < b.story;
    return a.cluster < b.cluster;
  });
  std::vector<int64_t> id_of(clusters.size(), 0);
  std::map<int64_t, size_t> cluster_of_id;
  for (const Vote& v : votes) {
    if (id_of[v.cluster] != 0 || cluster_of_id.count(v.story) != 0) continue;
    id_of[v.cluster] = v.story;
    cluster_of_id[v.story] = v.cluster;
  }
  placed->clear();
  std::vector<size_t> changed;
  for (size_t c = 0; c < clusters.size(); ++c) {
    if (id_of[c] == 0) {
      RSH_ASSIGN_OR_RETURN(id_of[c], store_->NewStoryId());
    }
    Placed p{c, id_of[c], {}};
    for (size_t pos : clusters[c].documents) p.documents.push_back(doc_ids_[pos]);
    std::vector<int64_t> sorted = p.documents;
    std::sort(sorted.begin(), sorted.end());
    auto old = members_.find(p.id);
    if (old == members_.end() || old->second != sorted) changed.push_back(placed->size());
    placed->push_back(std::move(p));
  }

  // Stored ids no cluster keeps: retired, pointing at the story that took
  // most of their documents.
  for (const auto& [story, docs] : members_) {
    if (cluster_of_id.count(story) != 0) continue;
    std::optional<int64_t> merged_into;
    for (const Vote& v : votes) {
      if (v.story == story) {
        merged_into = id_of[v.cluster];
        break;
      }
    }
    RSH_RETURN_IF_ERROR(store_->DeleteStory(story, merged_into));
    ++r->stories_removed;
  }
  if (changed.empty()) return Status::Ok();

  // The documents of the changed stories, each once, story by story.
  std::vector<Document> docs;
  std::vector<int64_t> local_ids;
  std::vector<pipeline::StoryGroup> groups;
  for (size_t k : changed) {
    const Placed& p = (*placed)[k];
    pipeline::StoryGroup g;
    g.id = static_cast<uint64_t>(p.id);
    const size_t central_id = doc_ids_[clusters[p.cluster].central];
    for (int64_t id : p.documents) {
      if (id == static_cast<int64_t>(central_id)) g.central = docs.size();
      g.documents.push_back(docs.size());
      local_ids.push_back(id);
      auto it = fresh.find(id);
      if (it != fresh.end()) {
        docs.push_back(*it->second);
        continue;
      }
      RSH_ASSIGN_OR_RETURN(std::optional<store::StoredDocument> stored, store_->GetDocument(id));
      if (!stored.has_value()) return InternalError("document " + std::to_string(id) + " vanished");
      docs.push_back(std::move(stored->document));
    }
    groups.push_back(std::move(g));
  }
  // Sources name documents in a story object; make them unique.
  std::unordered_map<std::string, size_t> uses;
  for (const Document& d : docs) ++uses[d.source];
  for (size_t i = 0; i < docs.size(); ++i) {
    if (uses[docs[i].source] > 1) docs[i].source += " #" + std::to_string(local_ids[i]);
  }

  const pipeline::Analysis analysis = pipeline::AnalyzeGroups(docs, groups, options_.analyze);
  report::ReportOptions report_options;
  report_options.include_texts = false;
  Json report = report::BuildReport(docs, analysis, report_options);
  std::unordered_map<int64_t, Json> sources;
  for (size_t i = 0; i < docs.size(); ++i) {
    const Json& entry = report["documents"][i];
    sources[entry.value("story", int64_t{0})].push_back(SourceEntry(entry, local_ids[i]));
  }
  for (size_t s = 0; s < analysis.stories.size(); ++s) {
    Json& story = report["stories"][s];
    const int64_t id = story.value("id", int64_t{0});
    const Placed* p = nullptr;
    for (size_t k : changed) {
      if ((*placed)[k].id == id) p = &(*placed)[k];
    }
    if (p == nullptr) return InternalError("report story " + std::to_string(id) + " not placed");
    story["sources"] = std::move(sources[id]);
    RSH_RETURN_IF_ERROR(store_->PutStory(id, story.value("title", ""), story, p->documents));
    ++r->stories_updated;
  }
  return Status::Ok();
}

Collection::Collection(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Collection::~Collection() = default;

Result<std::unique_ptr<Collection>> Collection::Open(const std::string& path,
                                                     const CollectionOptions& options) {
  RSH_ASSIGN_OR_RETURN(std::unique_ptr<store::Store> store, store::Store::Open(path, options.store));
  auto impl = std::make_unique<Impl>(options, std::move(store));
  RSH_RETURN_IF_ERROR(impl->Load().WithPrefix(path));
  return std::unique_ptr<Collection>(new Collection(std::move(impl)));
}

Result<IngestResult> Collection::Ingest(const std::vector<Document>& docs) {
  return impl_->Ingest(docs);
}

store::Store& Collection::store() { return impl_->store(); }

}  // namespace rashomon::collection
