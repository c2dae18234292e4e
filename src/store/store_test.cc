#include "store/store.h"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "store/schema.h"

namespace rashomon::store {
namespace {

constexpr int64_t kNow = 1700000000000;  // 2023-11-14T22:13:20.000Z

StoreOptions FixedClock() {
  StoreOptions options;
  options.now_millis = [] { return kNow; };
  return options;
}

// A fresh path in the temp directory, its database files removed on exit.
// A stored story as given to PutStory: without the "updated_at" GetStory adds.
nlohmann::json WithoutTime(nlohmann::json j) {
  j.erase("updated_at");
  return j;
}

class TempPath {
 public:
  TempPath() {
    static int counter = 0;
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    std::string name = std::string("rsh_store_") + info->name() + "_" + std::to_string(getpid()) +
                       "_" + std::to_string(counter++) + ".db";
    for (char& c : name) {
      if (c == '/') c = '_';
    }
    path_ = (std::filesystem::temp_directory_path() / name).string();
    Remove();
  }
  ~TempPath() { Remove(); }
  const std::string& path() const { return path_; }

 private:
  void Remove() {
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
      std::error_code ec;
      std::filesystem::remove(path_ + suffix, ec);
    }
  }
  std::string path_;
};

// PRAGMA user_version of the database file at `path`, read without Store.
int FileUserVersion(const std::string& path) {
  sqlite3* db = nullptr;
  EXPECT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  EXPECT_EQ(sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &stmt, nullptr), SQLITE_OK);
  EXPECT_EQ(sqlite3_step(stmt), SQLITE_ROW);
  const int version = sqlite3_column_int(stmt, 0);
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return version;
}

void ExecOnFile(const std::string& path, const char* sql) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, sql, nullptr, nullptr, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
  sqlite3_close(db);
}

Document MakeDoc(int i) {
  Document d;
  d.source = "report" + std::to_string(i) + ".txt";
  d.url = "https://example.org/" + std::to_string(i);
  d.published = "2025-03-14T10:05:00Z";
  d.outlet = "Outlet " + std::to_string(i);
  d.authors = {"Jane Roe", "John Doe"};
  d.given_title = "Given " + std::to_string(i);
  d.raw = std::string("raw\0bytes ", 10) + std::to_string(i);
  d.format = DocFormat::kHtml;
  d.content_type = "text/html; charset=utf-8";
  d.fetched = "2025-03-14T11:00:00Z";
  d.canonical_url = "https://example.org/c/" + std::to_string(i);
  d.description = "A description";
  d.charset = "windows-1251";
  d.title = "Harlow Quay bridge closed " + std::to_string(i);
  d.language = i % 2 == 0 ? "en" : "fr";
  d.language_confidence = 0.75;
  d.blocks = {
      {BlockKind::kTitle, d.title, 1},
      {BlockKind::kStandfirst, "Engineers found cracks in the main pier.", 2},
      {BlockKind::kBody,
       "The council said 14 inspectors examined the structure. Item " + std::to_string(i) + ".", 4},
      {BlockKind::kCaption, "The bridge in 1898.", 5}};
  d.removed = {{"Advertisement", RemoveReason::kAdMarker, "ad_marker", 3},
               {"By Jane Roe", RemoveReason::kByline, "byline", 6}};
  d.warnings = {"replaced 1 invalid byte"};
  return d;
}

class StoreTest : public ::testing::TestWithParam<bool> {
 protected:
  void SetUp() override {
    path_ = GetParam() ? temp_.path() : ":memory:";
    Result<std::unique_ptr<Store>> store = Store::Open(path_, FixedClock());
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    store_ = std::move(store).value();
  }

  std::vector<int64_t> Add(const std::vector<Document>& docs, std::vector<bool>* inserted) {
    Result<std::vector<int64_t>> ids = store_->AddDocuments(docs, inserted);
    EXPECT_TRUE(ids.ok()) << ids.status().ToString();
    return ids.ok() ? *ids : std::vector<int64_t>();
  }

  TempPath temp_;
  std::string path_;
  std::unique_ptr<Store> store_;
};

INSTANTIATE_TEST_SUITE_P(MemoryAndFile, StoreTest, ::testing::Values(false, true),
                         [](const auto& info) { return info.param ? "File" : "Memory"; });

TEST_P(StoreTest, AddedDocumentsReadBackEveryField) {
  std::vector<bool> inserted;
  const std::vector<Document> docs = {MakeDoc(0), MakeDoc(1)};
  const std::vector<int64_t> ids = Add(docs, &inserted);
  ASSERT_EQ(ids.size(), 2u);
  EXPECT_NE(ids[0], ids[1]);
  EXPECT_EQ(inserted, (std::vector<bool>{true, true}));
  for (size_t i = 0; i < docs.size(); ++i) {
    Result<std::optional<StoredDocument>> got = store_->GetDocument(ids[i]);
    ASSERT_TRUE(got.ok()) << got.status().ToString();
    ASSERT_TRUE(got->has_value());
    const StoredDocument& s = **got;
    const Document& d = s.document;
    const Document& want = docs[i];
    EXPECT_EQ(s.id, ids[i]);
    EXPECT_EQ(s.text, want.ArticleText());
    EXPECT_EQ(s.text,
              "Engineers found cracks in the main pier.\n\nThe council said 14 inspectors "
              "examined the structure. Item " +
                  std::to_string(i) + ".");
    EXPECT_EQ(s.content_hash.size(), 32u);
    EXPECT_EQ(d.source, want.source);
    EXPECT_EQ(d.url, want.url);
    EXPECT_EQ(d.published, want.published);
    EXPECT_EQ(d.outlet, want.outlet);
    EXPECT_EQ(d.authors, want.authors);
    EXPECT_EQ(d.given_title, want.given_title);
    EXPECT_EQ(d.raw, want.raw);
    EXPECT_EQ(d.raw.size(), 11u);  // The NUL byte survives.
    EXPECT_EQ(d.format, DocFormat::kHtml);
    EXPECT_EQ(d.content_type, want.content_type);
    EXPECT_EQ(d.fetched, want.fetched);
    EXPECT_EQ(d.canonical_url, want.canonical_url);
    EXPECT_EQ(d.description, want.description);
    EXPECT_EQ(d.charset, "windows-1251");
    EXPECT_EQ(d.title, want.title);
    EXPECT_EQ(d.language, want.language);
    EXPECT_DOUBLE_EQ(d.language_confidence, 0.75);
    EXPECT_EQ(d.warnings, want.warnings);
    ASSERT_EQ(d.blocks.size(), 4u);
    for (size_t b = 0; b < 4; ++b) {
      EXPECT_EQ(d.blocks[b].kind, want.blocks[b].kind);
      EXPECT_EQ(d.blocks[b].text, want.blocks[b].text);
      EXPECT_EQ(d.blocks[b].line, want.blocks[b].line);
    }
    ASSERT_EQ(d.removed.size(), 2u);
    EXPECT_EQ(d.removed[1].text, "By Jane Roe");
    EXPECT_EQ(d.removed[1].reason, RemoveReason::kByline);
    EXPECT_EQ(d.removed[1].rule, "byline");
    EXPECT_EQ(d.removed[1].line, 6);
    EXPECT_EQ(d.removed[0].reason, RemoveReason::kAdMarker);
  }
  Result<std::optional<StoredDocument>> missing = store_->GetDocument(9999);
  ASSERT_TRUE(missing.ok());
  EXPECT_FALSE(missing->has_value());
}

TEST_P(StoreTest, SameDocumentTwiceIsStoredOnce) {
  std::vector<bool> inserted;
  const std::vector<int64_t> first = Add({MakeDoc(0), MakeDoc(1)}, &inserted);
  // A copy differing only in white space and source is the same content.
  Document copy = MakeDoc(1);
  copy.source = "mirror.txt";
  copy.blocks[2].text = "The council  said 14 inspectors\nexamined the structure. Item 1.";
  const std::vector<int64_t> second = Add({MakeDoc(0), copy, MakeDoc(2)}, &inserted);
  ASSERT_EQ(second.size(), 3u);
  EXPECT_EQ(second[0], first[0]);
  EXPECT_EQ(second[1], first[1]);
  EXPECT_EQ(inserted, (std::vector<bool>{false, false, true}));
  // Twice within one batch: the second is the first.
  const std::vector<int64_t> third = Add({MakeDoc(3), MakeDoc(3)}, &inserted);
  ASSERT_EQ(third.size(), 2u);
  EXPECT_EQ(third[0], third[1]);
  EXPECT_EQ(inserted, (std::vector<bool>{true, false}));
  Result<std::vector<SearchHit>> hits = store_->Search("inspectors", 100);
  ASSERT_TRUE(hits.ok());
  EXPECT_EQ(hits->size(), 4u);  // Documents 0, 1, 2, 3.
}

TEST_P(StoreTest, FailedBatchLeavesTheDatabaseAsBefore) {
  // A store that fails the third new document of a batch: the file
  // reopened, or a fresh :memory: one.
  StoreOptions options = FixedClock();
  options.test_fail_after_inserts = 2;
  store_.reset();
  Result<std::unique_ptr<Store>> opened = Store::Open(path_, options);
  ASSERT_TRUE(opened.ok());
  Store& store = **opened;
  std::vector<bool> inserted;
  const std::vector<int64_t> before = *store.AddDocuments({MakeDoc(0)}, &inserted);
  ASSERT_EQ(before.size(), 1u);
  inserted = {true};
  // Document 0 exists; 1 and 2 are inserted; 3 fails.
  Result<std::vector<int64_t>> ids =
      store.AddDocuments({MakeDoc(0), MakeDoc(1), MakeDoc(2), MakeDoc(3)}, &inserted);
  ASSERT_FALSE(ids.ok());
  EXPECT_EQ(ids.status().code(), StatusCode::kInternal);
  EXPECT_EQ(inserted, (std::vector<bool>{true}));  // Left alone.
  Result<std::vector<SearchHit>> hits = store.Search("inspectors", 100);
  ASSERT_TRUE(hits.ok());
  ASSERT_EQ(hits->size(), 1u);
  EXPECT_EQ((*hits)[0].document_id, before[0]);
  for (int64_t id = before[0] + 1; id < before[0] + 4; ++id) {
    Result<std::optional<StoredDocument>> got = store.GetDocument(id);
    ASSERT_TRUE(got.ok());
    EXPECT_FALSE(got->has_value()) << id;
  }
  // The store still works after the rollback, and takes the documents again.
  const std::vector<int64_t> after = *store.AddDocuments({MakeDoc(1), MakeDoc(0)}, &inserted);
  EXPECT_EQ(inserted, (std::vector<bool>{true, false}));
  EXPECT_EQ(after[1], before[0]);
  EXPECT_TRUE(store.IntegrityCheck().ok());
}

TEST_P(StoreTest, SearchFindsAWordAndMarksItInTheSnippet) {
  const std::vector<int64_t> ids = Add({MakeDoc(0), MakeDoc(1)}, nullptr);
  Document other = MakeDoc(5);
  other.title = "Ship runs aground";
  other.blocks = {{BlockKind::kBody, "A fertiliser ship ran aground off the coast at dawn.", 1}};
  const std::vector<int64_t> other_id = Add({other}, nullptr);
  Result<std::vector<SearchHit>> hits = store_->Search("fertiliser", 10);
  ASSERT_TRUE(hits.ok()) << hits.status().ToString();
  ASSERT_EQ(hits->size(), 1u);
  EXPECT_EQ((*hits)[0].document_id, other_id[0]);
  EXPECT_EQ((*hits)[0].title, "Ship runs aground");
  EXPECT_EQ((*hits)[0].snippet, "A [fertiliser] ship ran aground off the coast at dawn.");
  EXPECT_LT((*hits)[0].rank, 0.0);  // bm25: negative, lower is better.
  // Prefix and phrase queries, and the limit.
  hits = store_->Search("\"main pier\"", 1);
  ASSERT_TRUE(hits.ok());
  ASSERT_EQ(hits->size(), 1u);
  EXPECT_NE((*hits)[0].snippet.find("cracks in the [main pier]."), std::string::npos)
      << (*hits)[0].snippet;
  hits = store_->Search("inspect*", 10);
  ASSERT_TRUE(hits.ok());
  EXPECT_EQ(hits->size(), 2u);
  hits = store_->Search("nothingmatches", 10);
  ASSERT_TRUE(hits.ok());
  EXPECT_TRUE(hits->empty());
}

TEST_P(StoreTest, MalformedQueryIsInvalidArgument) {
  Add({MakeDoc(0)}, nullptr);
  for (const char* query : {"\"unterminated", "AND", "(bridge", "nosuchcolumn:bridge", "*", ""}) {
    SCOPED_TRACE(query);
    Result<std::vector<SearchHit>> hits = store_->Search(query, 10);
    ASSERT_FALSE(hits.ok());
    EXPECT_EQ(hits.status().code(), StatusCode::kInvalidArgument) << hits.status().ToString();
    if (*query == '\0') continue;
    Result<std::vector<StorySummary>> stories = store_->ListStories(10, 0, query);
    ASSERT_FALSE(stories.ok());
    EXPECT_EQ(stories.status().code(), StatusCode::kInvalidArgument);
  }
  // The connection is still usable.
  Result<std::vector<SearchHit>> hits = store_->Search("bridge", 10);
  ASSERT_TRUE(hits.ok());
  EXPECT_EQ(hits->size(), 1u);
}

nlohmann::json StoryJson() {
  return nlohmann::json::parse(R"json({
    "id": 7, "title": "Harlow Quay bridge closed",
    "central": "report0.txt", "documents": ["report0.txt", "report1.txt", "report2.txt"],
    "languages": ["en", "fr"], "brief": [],
    "claims": [
      {"id": "c1", "text": "The bridge was closed.", "status": "corroborated", "sources": 3,
       "detail": false, "documents": ["report0.txt"], "spans": []},
      {"id": "c2", "text": "14 inspectors.", "status": "conflicting", "sources": 2,
       "detail": true, "documents": [], "spans": []}],
    "conflicts": [{"kind": "quantity", "about": "inspectors",
      "sides": [{"document": "report0.txt", "value": "14"}, {"document": "report2.txt", "value": "24"}],
      "explanation": "…", "claims": ["c2"]}],
    "quotes": [{"speaker": "Ann Lee", "text": "It is unsafe.", "documents": ["report0.txt"]}],
    "citations": [{"source_name": "The Times", "documents": ["report1.txt", "report2.txt"]}],
    "notes": []})json");
}

TEST_P(StoreTest, PutStoryRoundTrips) {
  const std::vector<int64_t> ids = Add({MakeDoc(0), MakeDoc(1), MakeDoc(2)}, nullptr);
  const nlohmann::json story = StoryJson();
  ASSERT_TRUE(store_->PutStory(7, "Harlow Quay bridge closed", story, ids).ok());
  Result<std::optional<nlohmann::json>> got = store_->GetStory(7);
  ASSERT_TRUE(got.ok());
  ASSERT_TRUE(got->has_value());
  EXPECT_EQ((**got)["updated_at"], "2023-11-14T22:13:20.000Z");
  nlohmann::json without_time = **got;
  without_time.erase("updated_at");
  EXPECT_EQ(without_time, story);
  Result<std::optional<nlohmann::json>> none = store_->GetStory(8);
  ASSERT_TRUE(none.ok());
  EXPECT_FALSE(none->has_value());

  Result<std::vector<StorySummary>> list = store_->ListStories(10, 0, "");
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  ASSERT_EQ(list->size(), 1u);
  const StorySummary& s = (*list)[0];
  EXPECT_EQ(s.id, 7);
  EXPECT_EQ(s.title, "Harlow Quay bridge closed");
  EXPECT_EQ(s.documents, 3);
  EXPECT_EQ(s.conflicts, 1);
  EXPECT_EQ(s.languages, (std::vector<std::string>{"en", "fr"}));
  EXPECT_EQ(s.updated_at, "2023-11-14T22:13:20.000Z");

  // Replace: fewer documents, no conflicts.
  nlohmann::json smaller = story;
  smaller["conflicts"] = nlohmann::json::array();
  ASSERT_TRUE(store_->PutStory(7, "Bridge shut", smaller, {ids[0]}).ok());
  list = store_->ListStories(10, 0, "");
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->size(), 1u);
  EXPECT_EQ((*list)[0].title, "Bridge shut");
  EXPECT_EQ((*list)[0].documents, 1);
  EXPECT_EQ((*list)[0].conflicts, 0);
  EXPECT_EQ((*list)[0].languages, (std::vector<std::string>{"en"}));
  nlohmann::json got_smaller = **store_->GetStory(7);
  got_smaller.erase("updated_at");
  EXPECT_EQ(got_smaller, smaller);
}

TEST_P(StoreTest, DeletedStoryIdsAreRetiredAndRememberTheirMerge) {
  const std::vector<int64_t> ids = Add({MakeDoc(0), MakeDoc(1), MakeDoc(2)}, nullptr);
  Result<int64_t> a = store_->NewStoryId();
  Result<int64_t> b = store_->NewStoryId();
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(*a, 1);
  EXPECT_EQ(*b, 2);
  ASSERT_TRUE(store_->PutStory(*a, "a", StoryJson(), {ids[0], ids[1]}).ok());
  ASSERT_TRUE(store_->PutStory(*b, "b", StoryJson(), {ids[2]}).ok());
  Result<std::optional<StoredDocument>> d = store_->GetDocument(ids[2]);
  ASSERT_TRUE(d.ok() && d->has_value());
  EXPECT_EQ((*d)->stories, std::vector<int64_t>{*b});
  // b merges into a.
  ASSERT_TRUE(store_->DeleteStory(*b, *a).ok());
  ASSERT_TRUE(store_->PutStory(*a, "a", StoryJson(), ids).ok());
  EXPECT_FALSE(store_->GetStory(*b)->has_value());
  EXPECT_EQ(*store_->MergedInto(*b), std::optional<int64_t>(*a));
  EXPECT_EQ(*store_->MergedInto(*a), std::nullopt);
  EXPECT_EQ(*store_->MergedInto(99), std::nullopt);
  EXPECT_EQ(*store_->StoryCount(), 1);
  // The retired id is never given again; deleting an unknown story is a no-op.
  EXPECT_EQ(*store_->NewStoryId(), 3);
  EXPECT_TRUE(store_->DeleteStory(42, std::nullopt).ok());
  EXPECT_EQ(*store_->NewStoryId(), 4);
  Result<std::vector<std::pair<int64_t, int64_t>>> links = store_->StoryDocuments();
  ASSERT_TRUE(links.ok());
  EXPECT_EQ(*links, (std::vector<std::pair<int64_t, int64_t>>{
                        {*a, ids[0]}, {*a, ids[1]}, {*a, ids[2]}}));
}

TEST_P(StoreTest, NestedTransactionsCommitOrRollBackTogether) {
  // The outer body fails after an inner call succeeded: nothing remains.
  Status failed = store_->InTransaction([&]() -> Status {
    Result<std::vector<int64_t>> ids = store_->AddDocuments({MakeDoc(0)}, nullptr);
    if (!ids.ok()) return ids.status();
    RSH_RETURN_IF_ERROR(store_->PutStory(1, "t", StoryJson(), *ids));
    return InternalError("later step failed");
  });
  EXPECT_EQ(failed.code(), StatusCode::kInternal);
  EXPECT_EQ(*store_->DocumentCount(), 0);
  EXPECT_EQ(*store_->StoryCount(), 0);
  // An inner failure the body handles rolls back only the inner part.
  Status ok = store_->InTransaction([&]() -> Status {
    Result<std::vector<int64_t>> ids = store_->AddDocuments({MakeDoc(0)}, nullptr);
    if (!ids.ok()) return ids.status();
    EXPECT_FALSE(store_->PutStory(1, "t", StoryJson(), {*ids->begin(), 999}).ok());
    return Status::Ok();
  });
  EXPECT_TRUE(ok.ok()) << ok.ToString();
  EXPECT_EQ(*store_->DocumentCount(), 1);
  EXPECT_EQ(*store_->StoryCount(), 0);
}

TEST_P(StoreTest, ScanDocumentsVisitsEachInIdOrder) {
  const std::vector<int64_t> ids = Add({MakeDoc(0), MakeDoc(1), MakeDoc(2)}, nullptr);
  std::vector<int64_t> seen;
  ASSERT_TRUE(store_->ScanDocuments([&](DocumentHeader&& h) -> Status {
                      seen.push_back(h.id);
                      EXPECT_FALSE(h.text.empty());
                      EXPECT_FALSE(h.title.empty());
                      return Status::Ok();
                    })
                  .ok());
  EXPECT_EQ(seen, ids);
  // An error from the callback stops the scan and is returned.
  int calls = 0;
  Status stop = store_->ScanDocuments([&](DocumentHeader&&) -> Status {
    ++calls;
    return InvalidArgumentError("stop");
  });
  EXPECT_EQ(stop.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(calls, 1);
}

TEST_P(StoreTest, SignaturesAndCopiesRoundTrip) {
  const std::vector<int64_t> ids = Add({MakeDoc(0), MakeDoc(1), MakeDoc(2)}, nullptr);
  const std::vector<uint32_t> a = {1, 0xffffffffu, 0x01020304u, 7};
  const std::vector<uint32_t> b = {9, 8, 7, 6};
  ASSERT_TRUE(store_->PutSignature(ids[2], b).ok());
  ASSERT_TRUE(store_->PutSignature(ids[0], a).ok());
  std::vector<std::pair<int64_t, std::vector<uint32_t>>> seen;
  ASSERT_TRUE(store_->ScanSignatures([&](int64_t id, std::vector<uint32_t>&& m) -> Status {
                      seen.emplace_back(id, std::move(m));
                      return Status::Ok();
                    })
                  .ok());
  ASSERT_EQ(seen.size(), 2u);
  EXPECT_EQ(seen[0], std::make_pair(ids[0], a));
  EXPECT_EQ(seen[1], std::make_pair(ids[2], b));
  // ids[1] and ids[2] both copy ids[0].
  ASSERT_TRUE(store_->AddCopy(ids[1], ids[0], 0.75).ok());
  ASSERT_TRUE(store_->AddCopy(ids[2], ids[0], 0.5).ok());
  auto original = store_->GetDocument(ids[0]);
  ASSERT_TRUE(original.ok() && original->has_value());
  ASSERT_EQ((*original)->copies.size(), 2u);
  EXPECT_EQ((*original)->copies[0].document_id, ids[1]);
  EXPECT_DOUBLE_EQ((*original)->copies[0].jaccard, 0.75);
  EXPECT_FALSE((*original)->copies[0].earlier);
  auto copy = store_->GetDocument(ids[2]);
  ASSERT_TRUE(copy.ok() && copy->has_value());
  ASSERT_EQ((*copy)->copies.size(), 1u);
  EXPECT_EQ((*copy)->copies[0].document_id, ids[0]);
  EXPECT_TRUE((*copy)->copies[0].earlier);
  // A copy of a document that is not stored is refused.
  EXPECT_FALSE(store_->AddCopy(ids[1], 999, 0.9).ok());
}

TEST_P(StoreTest, ListStoriesFiltersByFullTextAndPages) {
  std::vector<Document> docs = {MakeDoc(0), MakeDoc(1)};
  docs[1].title = "Ship runs aground";
  docs[1].blocks = {{BlockKind::kBody, "A fertiliser ship ran aground.", 1}};
  const std::vector<int64_t> ids = Add(docs, nullptr);
  ASSERT_TRUE(store_->PutStory(1, "Bridge", StoryJson(), {ids[0]}).ok());
  ASSERT_TRUE(store_->PutStory(2, "Ship", nlohmann::json::object(), {ids[1]}).ok());
  Result<std::vector<StorySummary>> list = store_->ListStories(10, 0, "fertiliser");
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  ASSERT_EQ(list->size(), 1u);
  EXPECT_EQ((*list)[0].id, 2);
  EXPECT_EQ((*list)[0].conflicts, 0);
  // Same updated_at: by id. Paging.
  list = store_->ListStories(1, 1, "");
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->size(), 1u);
  EXPECT_EQ((*list)[0].id, 2);
  list = store_->ListStories(10, 2, "");
  ASSERT_TRUE(list.ok());
  EXPECT_TRUE(list->empty());
  EXPECT_EQ(store_->ListStories(-1, 0, "").status().code(), StatusCode::kInvalidArgument);
}

TEST_P(StoreTest, PutStoryWithUnknownDocumentChangesNothing) {
  const std::vector<int64_t> ids = Add({MakeDoc(0)}, nullptr);
  ASSERT_TRUE(store_->PutStory(3, "Old", StoryJson(), ids).ok());
  Status status = store_->PutStory(3, "New", nlohmann::json::object(), {ids[0], 424242});
  EXPECT_EQ(status.code(), StatusCode::kInvalidArgument) << status.ToString();
  EXPECT_EQ(WithoutTime(**store_->GetStory(3)), StoryJson());
  Result<std::vector<StorySummary>> list = store_->ListStories(10, 0, "");
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->size(), 1u);
  EXPECT_EQ((*list)[0].title, "Old");
  EXPECT_EQ((*list)[0].conflicts, 1);
  EXPECT_EQ(store_->PutStory(4, "x", nlohmann::json::array(), {}).code(),
            StatusCode::kInvalidArgument);
}

TEST_P(StoreTest, InjectionLookingStringsAreStoredVerbatim) {
  const std::string evil = "'; DROP TABLE documents; --";
  Document d = MakeDoc(0);
  d.title = "O'Brien said \"no\" " + evil;
  d.source = evil;
  d.authors = {evil, "Robert'); DROP TABLE stories;--"};
  d.blocks = {{BlockKind::kBody, "Text with ' and \" and " + evil, 1}};
  const std::vector<int64_t> ids = Add({d}, nullptr);
  ASSERT_EQ(ids.size(), 1u);
  Result<std::optional<StoredDocument>> got = store_->GetDocument(ids[0]);
  ASSERT_TRUE(got.ok());
  ASSERT_TRUE(got->has_value());
  EXPECT_EQ((*got)->document.title, d.title);
  EXPECT_EQ((*got)->document.source, evil);
  EXPECT_EQ((*got)->document.authors, d.authors);
  EXPECT_EQ((*got)->text, "Text with ' and \" and " + evil);
  nlohmann::json story = {{"title", evil}, {"conflicts", nlohmann::json::array()}};
  ASSERT_TRUE(store_->PutStory(1, evil, story, ids).ok());
  Result<std::vector<StorySummary>> list = store_->ListStories(10, 0, "");
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->size(), 1u);
  EXPECT_EQ((*list)[0].title, evil);
  EXPECT_EQ(WithoutTime(**store_->GetStory(1)), story);
  // As a search query it is malformed, not executed.
  EXPECT_EQ(store_->Search(evil, 10).status().code(), StatusCode::kInvalidArgument);
  Result<std::vector<SearchHit>> hits = store_->Search("\"DROP TABLE documents\"", 10);
  ASSERT_TRUE(hits.ok()) << hits.status().ToString();
  ASSERT_EQ(hits->size(), 1u);
  EXPECT_EQ((*hits)[0].title, d.title);
  EXPECT_TRUE(store_->IntegrityCheck().ok());
}

TEST(StoreFileTest, ReopenedFileKeepsDataAndPassesIntegrityCheck) {
  TempPath temp;
  std::vector<int64_t> ids;
  {
    Result<std::unique_ptr<Store>> store = Store::Open(temp.path(), FixedClock());
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    ids = *(*store)->AddDocuments({MakeDoc(0), MakeDoc(1)}, nullptr);
    ASSERT_TRUE((*store)->PutStory(5, "Bridge", StoryJson(), ids).ok());
  }
  Result<std::unique_ptr<Store>> store = Store::Open(temp.path(), FixedClock());
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  EXPECT_TRUE((*store)->IntegrityCheck().ok());
  Result<std::optional<StoredDocument>> got = (*store)->GetDocument(ids[1]);
  ASSERT_TRUE(got.ok());
  ASSERT_TRUE(got->has_value());
  EXPECT_EQ((*got)->document.title, MakeDoc(1).title);
  EXPECT_EQ(WithoutTime(**(*store)->GetStory(5)), StoryJson());
  Result<std::vector<SearchHit>> hits = (*store)->Search("inspectors", 10);
  ASSERT_TRUE(hits.ok());
  EXPECT_EQ(hits->size(), 2u);
  std::vector<bool> inserted;
  EXPECT_EQ(*(*store)->AddDocuments({MakeDoc(1)}, &inserted), (std::vector<int64_t>{ids[1]}));
  EXPECT_EQ(inserted, (std::vector<bool>{false}));
  EXPECT_EQ(FileUserVersion(temp.path()), Store::LatestSchemaVersion());
}

TEST(StoreFileTest, EmptyFileIsMigratedToTheLatestVersion) {
  TempPath temp;
  { std::ofstream create(temp.path()); }
  ASSERT_EQ(std::filesystem::file_size(temp.path()), 0u);
  Result<std::unique_ptr<Store>> store = Store::Open(temp.path());
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  store->reset();
  EXPECT_EQ(Store::LatestSchemaVersion(), 3);
  EXPECT_EQ(FileUserVersion(temp.path()), 3);
  // Opening again is a no-op migration.
  ASSERT_TRUE(Store::Open(temp.path()).ok());
  EXPECT_EQ(FileUserVersion(temp.path()), 3);
}

TEST(StoreFileTest, NewerSchemaVersionIsRefused) {
  TempPath temp;
  ASSERT_TRUE(Store::Open(temp.path()).ok());
  ExecOnFile(temp.path(), "PRAGMA user_version = 99");
  Result<std::unique_ptr<Store>> store = Store::Open(temp.path());
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(store.status().message().find("schema version 99 is newer than this build knows (3)"),
            std::string::npos)
      << store.status().message();
  EXPECT_EQ(FileUserVersion(temp.path()), 99);  // Left alone.
}

TEST(StoreFileTest, NotADatabaseIsDataLoss) {
  TempPath temp;
  {
    std::ofstream out(temp.path());
    out << std::string(4096, 'x');
  }
  Result<std::unique_ptr<Store>> store = Store::Open(temp.path());
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), StatusCode::kDataLoss) << store.status().ToString();
}

// Adding a version is one entry; a version-1 database gains it in place.
TEST(StoreFileTest, NextMigrationAppliesToADatabaseOfTheLatestVersion) {
  TempPath temp;
  ASSERT_TRUE(Store::Open(temp.path()).ok());
  const int latest = Store::LatestSchemaVersion();
  std::vector<internal::Migration> migrations(internal::Migrations().begin(),
                                              internal::Migrations().end());
  migrations.push_back(
      {latest + 1, "ALTER TABLE stories ADD COLUMN pinned INTEGER NOT NULL DEFAULT 0"});
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(temp.path().c_str(), &db), SQLITE_OK);
  EXPECT_TRUE(internal::Migrate(db, migrations).ok());
  // A failing migration rolls back, version and all.
  migrations.push_back({latest + 2, "CREATE TABLE t (a); CREATE TABLE t (a)"});
  Status failed = internal::Migrate(db, migrations);
  EXPECT_FALSE(failed.ok());
  sqlite3_close(db);
  EXPECT_EQ(FileUserVersion(temp.path()), latest + 1);
  Result<std::unique_ptr<Store>> store = Store::Open(temp.path());
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), StatusCode::kFailedPrecondition);
}

TEST(StoreFileTest, AVersionOneDatabaseMigratesKeepingItsStories) {
  TempPath temp;
  std::vector<internal::Migration> v1(internal::Migrations().begin(),
                                      internal::Migrations().begin() + 1);
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(temp.path().c_str(), &db), SQLITE_OK);
  ASSERT_TRUE(internal::Migrate(db, v1).ok());
  ASSERT_EQ(sqlite3_exec(db,
                         "INSERT INTO stories (id, title, updated_at, report) "
                         "VALUES (7, 't', '2026-01-01T00:00:00.000Z', '{}')",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);
  Result<std::unique_ptr<Store>> store = Store::Open(temp.path());
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  EXPECT_EQ(FileUserVersion(temp.path()), Store::LatestSchemaVersion());
  Result<std::optional<nlohmann::json>> story = (*store)->GetStory(7);
  ASSERT_TRUE(story.ok() && story->has_value());
  Result<int64_t> next = (*store)->NewStoryId();
  ASSERT_TRUE(next.ok());
  EXPECT_EQ(*next, 8);
}

}  // namespace
}  // namespace rashomon::store
