// End-to-end tests of the database commands: `rashomon ingest`, `search`,
// `stories --db` and `analyze --db`, and the durability of an ingest killed
// in the middle of a batch.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "store/store.h"
#include "tests/e2e_util.h"

namespace rashomon {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;
using testing::E2eTest;
using testing::Outcome;

class IngestTest : public E2eTest {
 protected:
  std::string Db() const { return (dir_ / "news.db").string(); }
  const std::string examples_ = std::string(RSH_SOURCE_DIR) + "/examples";
};

TEST_F(IngestTest, StoresOnceUpdatesStoriesAndSearches) {
  Outcome r = Rashomon("ingest --db " + Db() + " " + examples_ + " --json");
  ASSERT_EQ(r.code, 0) << r.err;
  Json j = Json::parse(r.out);
  EXPECT_EQ(j["database"], Db());
  const int read = j["documents_read"].get<int>();
  const int added = j["documents_added"].get<int>();
  EXPECT_GE(read, 15);
  EXPECT_GT(added, 10);
  // Exact copies (same title and text) are stored once.
  EXPECT_EQ(added + j["documents_already_stored"].get<int>(), read);
  EXPECT_EQ(j["database_documents"], added);
  EXPECT_EQ(j["database_stories"], 3);
  EXPECT_EQ(j["stories_updated"], 3);

  // Again: nothing new, no story rewritten.
  r = Rashomon("ingest --db " + Db() + " " + examples_ + " --json");
  ASSERT_EQ(r.code, 0) << r.err;
  j = Json::parse(r.out);
  EXPECT_EQ(j["documents_added"], 0);
  EXPECT_EQ(j["documents_already_stored"], read);
  EXPECT_EQ(j["stories_updated"], 0);
  EXPECT_EQ(j["database_documents"], added);

  // The stored stories, largest holding the planted conflicts in three languages.
  r = Rashomon("stories --db " + Db() + " --json");
  ASSERT_EQ(r.code, 0) << r.err;
  j = Json::parse(r.out);
  ASSERT_EQ(j["stories"].size(), 3u);
  int most = 0, conflicts = 0;
  Json languages;
  for (const Json& s : j["stories"]) {
    if (s["documents"].get<int>() > most) {
      most = s["documents"].get<int>();
      conflicts = s["conflicts"].get<int>();
      languages = s["languages"];
    }
  }
  EXPECT_GE(most, 8);
  EXPECT_GE(conflicts, 3);
  EXPECT_EQ(languages, Json::array({"de", "en", "fr"}));
  r = Rashomon("stories --db " + Db());
  ASSERT_EQ(r.code, 0);
  EXPECT_EQ(r.out.find("story "), 0u) << r.out;

  // Full-text search, with the matched word marked.
  r = Rashomon("search --db " + Db() + " strike --json");
  ASSERT_EQ(r.code, 0) << r.err;
  j = Json::parse(r.out);
  ASSERT_FALSE(j["hits"].empty());
  for (const Json& h : j["hits"]) {
    const std::string snippet = h["snippet"];
    EXPECT_NE(snippet.find("\x02"), std::string::npos) << snippet;
    EXPECT_EQ(h["stories"].size(), 1u);
  }
  r = Rashomon("search --db " + Db() + " strike");
  ASSERT_EQ(r.code, 0);
  EXPECT_NE(r.out.find("[strike]"), std::string::npos) << r.out;
  // A malformed query is a usage error, named.
  r = Rashomon("search --db " + Db() + " '\"unclosed'");
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("malformed"), std::string::npos) << r.err;
}

TEST_F(IngestTest, MissingDatabaseAndMisuseAreNamed) {
  const std::string missing = (dir_ / "none.db").string();
  Outcome r = Rashomon("stories --db " + missing);
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find(missing + ": no such database"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(missing));  // Reading never creates it.
  r = Rashomon("search --db " + missing + " word");
  EXPECT_EQ(r.code, 1);
  EXPECT_FALSE(fs::exists(missing));
  r = Rashomon("stories " + examples_ + " --db " + Db());
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("not both"), std::string::npos) << r.err;
  const std::string not_a_db = Write("text.db", std::string(5000, 'x'));
  r = Rashomon("ingest --db " + not_a_db + " " + examples_);
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find(not_a_db + ": cannot open the database"), std::string::npos) << r.err;
  EXPECT_EQ(testing::ReadAll(not_a_db), std::string(5000, 'x'));
  r = Rashomon("ingest --db " + (dir_ / "no" / "such" / "dir.db").string() + " " + examples_);
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("dir.db: cannot open the database"), std::string::npos) << r.err;
}

TEST_F(IngestTest, BadInputsAreNamedAndTheOthersStored) {
  const std::string good = Write("in/good.txt",
                                 "Ferry service resumes\n\nThe ferry between the two islands ran "
                                 "again on Monday after repairs, the operator said.\n");
  Write("in/bad.txt", std::string("\x7f" "ELF\0\0\0binary", 13));
  Outcome r = Rashomon("ingest --db " + Db() + " " + (dir_ / "in").string() + " " +
                       (dir_ / "absent.txt").string() + " --json");
  EXPECT_EQ(r.code, 2) << r.err;
  EXPECT_NE(r.err.find("bad.txt"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("absent.txt"), std::string::npos) << r.err;
  const Json j = Json::parse(r.out);
  EXPECT_EQ(j["documents_added"], 1);
  EXPECT_EQ(j["inputs_rejected"], 2);
  r = Rashomon("search --db " + Db() + " ferry --json");
  ASSERT_EQ(r.code, 0);
  EXPECT_EQ(Json::parse(r.out)["hits"][0]["source"], good);
}

TEST_F(IngestTest, AnalyzeDbStoresWhatItAnalyses) {
  const std::string out = (dir_ / "report").string();
  Outcome r = Rashomon("analyze " + examples_ + " --out " + out + " --db " + Db());
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_TRUE(fs::is_regular_file(fs::path(out) / "report.html"));
  EXPECT_NE(r.out.find(Db() + ": "), std::string::npos) << r.out;
  r = Rashomon("stories --db " + Db() + " --json");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(Json::parse(r.out)["stories"].size(), 3u);
  // The stored documents keep their original bytes (the document page shows them).
  auto store = store::Store::Open(Db());
  ASSERT_TRUE(store.ok());
  auto doc = (*store)->GetDocument(1);
  ASSERT_TRUE(doc.ok() && doc->has_value());
  EXPECT_FALSE((*doc)->document.raw.empty());
  EXPECT_FALSE((*doc)->document.blocks.empty());
}

// An invented collection: `n` distinct reports, five to an event.
std::string SyntheticJsonl(int n) {
  std::mt19937 rng(7);
  const char* syllables[] = {"ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "ber", "dan",
                             "fel", "gor", "hin", "jas", "kel", "lum", "mor", "nis"};
  auto word = [&](int parts) {
    std::string w;
    for (int i = 0; i < parts; ++i) w += syllables[rng() % 18];
    return w;
  };
  std::string out;
  for (int i = 0; i < n; ++i) {
    std::mt19937 event_rng(1000 + i / 5);
    std::string place, body;
    for (int k = 0; k < 2; ++k) place += syllables[event_rng() % 18];
    place[0] = static_cast<char>(place[0] - 'a' + 'A');
    for (int s = 0; s < 6; ++s) {
      body += "In " + place + " the " + word(2) + " " + word(3) + " said " +
              std::to_string(100 + event_rng() % 900) + " " + word(2) + " were " + word(3) +
              " on " + word(2) + ". ";
    }
    Json line = {{"id", "report-" + std::to_string(i)},
                 {"title", place + " " + word(2) + " " + word(3) + " " + std::to_string(i)},
                 {"text", body}};
    out += line.dump() + "\n";
  }
  return out;
}

TEST_F(IngestTest, KilledMidBatchKeepsExactlyTheCommittedBatches) {
  constexpr int kDocs = 4000, kBatch = 500;
  const std::string input = Write("many.jsonl", SyntheticJsonl(kDocs));
  const std::string db = Db();
  const pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    // Child: the ingest, its output discarded.
    if (std::freopen("/dev/null", "w", stdout) == nullptr) _exit(127);
    if (std::freopen("/dev/null", "w", stderr) == nullptr) _exit(127);
    execl(RSH_BINARY, RSH_BINARY, "ingest", "--db", db.c_str(), "--batch",
          std::to_string(kBatch).c_str(), "--threads", "1", input.c_str(),
          static_cast<char*>(nullptr));
    _exit(127);
  }
  // Wait until two batches are committed, then kill it in the third.
  int64_t seen = 0;
  const auto give_up = std::chrono::steady_clock::now() + std::chrono::minutes(5);
  while (seen < 2 * kBatch && std::chrono::steady_clock::now() < give_up) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    if (!fs::exists(db)) continue;
    auto reader = store::Store::Open(db);
    if (!reader.ok()) continue;
    auto count = (*reader)->DocumentCount();
    if (count.ok()) seen = *count;
  }
  ASSERT_GE(seen, 2 * kBatch) << "the ingest never committed two batches";
  ASSERT_LT(seen, kDocs) << "the ingest finished before it could be killed";
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  ASSERT_EQ(kill(pid, SIGKILL), 0);
  int status = 0;
  ASSERT_EQ(waitpid(pid, &status, 0), pid);
  ASSERT_TRUE(WIFSIGNALED(status)) << "the ingest ended on its own first";

  // The database opens, is intact, and holds whole batches, the first ones.
  {
    auto s = store::Store::Open(db);
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    ASSERT_TRUE((*s)->IntegrityCheck().ok());
    const int64_t count = *(*s)->DocumentCount();
    EXPECT_EQ(count % kBatch, 0) << count;
    EXPECT_GE(count, seen);
    EXPECT_LT(count, kDocs);
    std::set<std::string> sources;
    ASSERT_TRUE((*s)->ScanDocuments([&](store::DocumentHeader&& h) -> Status {
                     sources.insert(h.source);
                     return Status::Ok();
                   })
                    .ok());
    for (int64_t i = 0; i < count; ++i) {
      EXPECT_EQ(sources.count("report-" + std::to_string(i)), 1u) << i;
    }
    // Every stored document is in exactly one stored story.
    auto links = (*s)->StoryDocuments();
    ASSERT_TRUE(links.ok());
    std::set<int64_t> linked;
    for (const auto& [story, doc] : *links) EXPECT_TRUE(linked.insert(doc).second) << doc;
    EXPECT_EQ(static_cast<int64_t>(linked.size()), count);
  }

  // Running the ingest again stores the rest, and only the rest.
  const Outcome r = Rashomon("ingest --db " + db + " --batch 1000 " + input + " --json");
  ASSERT_EQ(r.code, 0) << r.err;
  const Json j = Json::parse(r.out);
  EXPECT_EQ(j["database_documents"], kDocs);
  EXPECT_EQ(j["documents_added"].get<int>() + j["documents_already_stored"].get<int>(), kDocs);
}

}  // namespace
}  // namespace rashomon
