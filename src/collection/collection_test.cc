#include "collection/collection.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "base/file_system.h"
#include "extract/extractor.h"
#include "ingest/ingest.h"

namespace rashomon::collection {
namespace {

namespace fs = std::filesystem;

// The project's example corpus, extracted, in path order.
std::vector<Document> Examples() {
  std::vector<Document> docs;
  ingest::ReadInputs(
      {std::string(RSH_SOURCE_DIR) + "/examples"}, ingest::IngestOptions{}, RealFileSystem(),
      [&](Document d) { docs.push_back(std::move(d)); },
      [](const ingest::InputError& e) { ADD_FAILURE() << e.source << ": " << e.reason; });
  extract::ExtractBatch(extract::ExtractOptions{}, &docs);
  return docs;
}

class CollectionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("rsh_collection_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
            "_" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    path_ = (dir_ / "c.db").string();
    options_.threads = 2;
    options_.batch_size = 4;
    // A clock that moves a millisecond a call, so updated_at tells writes apart.
    options_.store.now_millis = [this] { return 1700000000000 + clock_++; };
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::unique_ptr<Collection> Open() {
    Result<std::unique_ptr<Collection>> c = Collection::Open(path_, options_);
    EXPECT_TRUE(c.ok()) << c.status().ToString();
    return c.ok() ? std::move(*c) : nullptr;
  }

  // Story id -> updated_at of every stored story.
  std::map<int64_t, std::string> Updated(store::Store& s) {
    std::map<int64_t, std::string> out;
    Result<std::vector<store::StorySummary>> list = s.ListStories(1000, 0, "");
    EXPECT_TRUE(list.ok());
    for (const store::StorySummary& summary : *list) out[summary.id] = summary.updated_at;
    return out;
  }

  // Checks every stored document is in exactly one story, and that each
  // story's "sources" name its linked documents.
  void ExpectConsistent(store::Store& s) {
    Result<std::vector<std::pair<int64_t, int64_t>>> links = s.StoryDocuments();
    ASSERT_TRUE(links.ok());
    std::map<int64_t, std::set<int64_t>> docs_of;
    std::map<int64_t, int> stories_of_doc;
    for (const auto& [story, doc] : *links) {
      docs_of[story].insert(doc);
      ++stories_of_doc[doc];
    }
    Result<int64_t> documents = s.DocumentCount();
    ASSERT_TRUE(documents.ok());
    EXPECT_EQ(static_cast<int64_t>(stories_of_doc.size()), *documents);
    for (const auto& [doc, n] : stories_of_doc) EXPECT_EQ(n, 1) << "document " << doc;
    for (const auto& [story, docs] : docs_of) {
      Result<std::optional<nlohmann::json>> j = s.GetStory(story);
      ASSERT_TRUE(j.ok() && j->has_value());
      std::set<int64_t> listed;
      for (const nlohmann::json& src : (**j)["sources"]) {
        listed.insert(src["id"].get<int64_t>());
        EXPECT_FALSE(src["document"].get<std::string>().empty());
      }
      EXPECT_EQ(listed, docs) << "story " << story;
      EXPECT_EQ((**j)["id"].get<int64_t>(), story);
      EXPECT_EQ((**j)["documents"].size(), docs.size());
    }
  }

  fs::path dir_;
  std::string path_;
  CollectionOptions options_;
  int64_t clock_ = 0;
};

TEST_F(CollectionTest, IngestsInBatchesAndFindsTheExampleStories) {
  const std::vector<Document> docs = Examples();
  ASSERT_GE(docs.size(), 12u);
  auto c = Open();
  ASSERT_NE(c, nullptr);
  std::vector<std::pair<size_t, size_t>> progress;
  Result<IngestResult> r = c->Ingest(docs);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->batches, (docs.size() + 3) / 4);
  ASSERT_EQ(r->ids.size(), docs.size());
  ExpectConsistent(c->store());
  // Each input knows its story, and that story lists it.
  for (size_t i = 0; i < docs.size(); ++i) {
    EXPECT_GT(r->story_of[i], 0) << docs[i].source;
    Result<std::optional<store::StoredDocument>> d = c->store().GetDocument(r->ids[i]);
    ASSERT_TRUE(d.ok() && d->has_value());
    EXPECT_EQ((*d)->stories, std::vector<int64_t>{r->story_of[i]});
  }
  // The largest story has the planted conflicts, as the one-shot analysis does.
  Result<std::vector<store::StorySummary>> list = c->store().ListStories(100, 0, "");
  ASSERT_TRUE(list.ok());
  ASSERT_FALSE(list->empty());
  const auto largest = std::max_element(
      list->begin(), list->end(),
      [](const auto& a, const auto& b) { return a.documents < b.documents; });
  EXPECT_GE(largest->documents, 5);
  EXPECT_GT(largest->conflicts, 0);
  EXPECT_GE(largest->languages.size(), 2u);
}

TEST_F(CollectionTest, FindsNearCopiesAcrossIngestsWithStoredSignatures) {
  const std::vector<Document> docs = Examples();
  // The copy arrives in a later ingest, after a reopen: the stored
  // signatures find it.
  Document copy = docs[0];
  copy.source = "syndicated.txt";
  ASSERT_GE(copy.blocks.size(), 3u);
  copy.blocks.back().text += " Reporting by a partner agency.";
  {
    auto c = Open();
    ASSERT_NE(c, nullptr);
    ASSERT_TRUE(c->Ingest({docs[0], docs[7]}).ok());  // The ship wire, the strike wire.
  }
  auto c = Open();
  ASSERT_NE(c, nullptr);
  Result<IngestResult> r = c->Ingest({copy});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_TRUE(r->inserted[0]);
  auto stored = c->store().GetDocument(r->ids[0]);
  ASSERT_TRUE(stored.ok() && stored->has_value());
  ASSERT_EQ((*stored)->copies.size(), 1u);
  EXPECT_EQ((*stored)->copies[0].document_id, 1);  // docs[0], stored first.
  EXPECT_TRUE((*stored)->copies[0].earlier);
  EXPECT_GT((*stored)->copies[0].jaccard, 0.8);
  // Every document has its signature stored.
  int signatures = 0;
  ASSERT_TRUE(c->store()
                  .ScanSignatures([&](int64_t, std::vector<uint32_t>&& m) -> Status {
                    EXPECT_EQ(m.size(), 128u);
                    ++signatures;
                    return Status::Ok();
                  })
                  .ok());
  EXPECT_EQ(signatures, 3);
  // The example corpus's own near-copy is found too, and no unrelated pair.
  Result<IngestResult> all = c->Ingest(docs);
  ASSERT_TRUE(all.ok());
  int pairs = 0;
  for (int64_t id = 1; id <= *c->store().DocumentCount(); ++id) {
    auto d = c->store().GetDocument(id);
    ASSERT_TRUE(d.ok() && d->has_value());
    for (const auto& link : (*d)->copies) {
      if (!link.earlier) continue;
      ++pairs;
      EXPECT_EQ((*d)->stories, c->store().GetDocument(link.document_id)->value().stories)
          << "a copy outside its original's story: " << (*d)->document.source;
    }
  }
  EXPECT_GE(pairs, 2);
}

TEST_F(CollectionTest, TheSameDocumentsTwiceChangeNothing) {
  const std::vector<Document> docs = Examples();
  auto c = Open();
  ASSERT_NE(c, nullptr);
  ASSERT_TRUE(c->Ingest(docs).ok());
  const std::map<int64_t, std::string> before = Updated(c->store());
  const int64_t count = *c->store().DocumentCount();
  Result<IngestResult> again = c->Ingest(docs);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(std::count(again->inserted.begin(), again->inserted.end(), true), 0);
  EXPECT_EQ(again->stories_updated, 0u);
  EXPECT_EQ(again->stories_removed, 0u);
  EXPECT_EQ(*c->store().DocumentCount(), count);
  EXPECT_EQ(Updated(c->store()), before);
  // After a reopen too.
  c.reset();
  c = Open();
  ASSERT_NE(c, nullptr);
  again = c->Ingest(docs);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->stories_updated, 0u);
  EXPECT_EQ(Updated(c->store()), before);
}

TEST_F(CollectionTest, ANewReportRewritesOnlyItsStory) {
  std::vector<Document> docs = Examples();
  // One batch, so that the index rebuilt on reopen (one Add) clusters the
  // same way (across Adds, clusters may differ slightly: stories/stories.h).
  options_.batch_size = 100;
  auto c = Open();
  ASSERT_NE(c, nullptr);
  Result<IngestResult> first = c->Ingest(docs);
  ASSERT_TRUE(first.ok());
  // Reopen: the index is rebuilt from the store.
  c.reset();
  c = Open();
  ASSERT_NE(c, nullptr);
  const std::map<int64_t, std::string> before = Updated(c->store());
  // A rewrite of the first report: same event, new wording at the end.
  Document extra = docs[0];
  extra.source = "late-rewrite.txt";
  ASSERT_FALSE(extra.blocks.empty());
  Block added;
  added.kind = BlockKind::kBody;
  added.text = "Officials said a further statement would follow in the evening.";
  added.line = 1000;
  extra.blocks.push_back(added);
  Result<IngestResult> r = c->Ingest({extra});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_TRUE(r->inserted[0]);
  EXPECT_EQ(r->story_of[0], first->story_of[0]);
  EXPECT_EQ(r->stories_updated, 1u);
  EXPECT_EQ(r->stories_removed, 0u);
  const std::map<int64_t, std::string> after = Updated(c->store());
  ASSERT_EQ(after.size(), before.size());
  for (const auto& [id, when] : before) {
    ASSERT_EQ(after.count(id), 1u) << "story " << id << " lost its id";
    if (id == first->story_of[0]) {
      EXPECT_GT(after.at(id), when);
    } else {
      EXPECT_EQ(after.at(id), when) << "story " << id << " was rewritten";
    }
  }
  ExpectConsistent(c->store());
}

TEST_F(CollectionTest, AFailedBatchLeavesTheCommittedOnes) {
  std::vector<Document> docs = Examples();
  docs.resize(6);
  options_.batch_size = 2;
  options_.store.test_fail_after_inserts = 1;
  // Batch 1: a document and its exact copy (one insert); batch 2: two new
  // documents, the second of which fails.
  std::vector<Document> input = {docs[0], docs[0], docs[1], docs[2]};
  input[1].source = "copy.txt";
  {
    auto c = Open();
    ASSERT_NE(c, nullptr);
    Result<IngestResult> r = c->Ingest(input);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(*c->store().DocumentCount(), 1);
    ExpectConsistent(c->store());
    ASSERT_TRUE(c->store().IntegrityCheck().ok());
  }
  options_.store.test_fail_after_inserts = -1;
  auto c = Open();
  ASSERT_NE(c, nullptr);
  Result<IngestResult> r = c->Ingest(input);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_FALSE(r->inserted[0]);
  EXPECT_EQ(r->ids[0], r->ids[1]);
  EXPECT_EQ(*c->store().DocumentCount(), 3);
  ExpectConsistent(c->store());
}

TEST_F(CollectionTest, RecoversInMemoryAfterAFailedBatch) {
  std::vector<Document> docs = Examples();
  ASSERT_GE(docs.size(), 10u);
  options_.batch_size = 100;
  options_.store.test_fail_after_inserts = 3;
  auto c = Open();
  ASSERT_NE(c, nullptr);
  ASSERT_TRUE(c->Ingest({docs[0], docs[1], docs[2]}).ok());
  // Fails at its fourth insert: rolled back, and the index forgets it.
  ASSERT_FALSE(c->Ingest({docs[3], docs[4], docs[5], docs[6]}).ok());
  EXPECT_EQ(*c->store().DocumentCount(), 3);
  // The rolled-back rows' ids are given again; the same Collection must
  // index the new documents under them.
  Result<IngestResult> r = c->Ingest({docs[7], docs[8], docs[9]});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(*c->store().DocumentCount(), 6);
  ExpectConsistent(c->store());
}

}  // namespace
}  // namespace rashomon::collection
