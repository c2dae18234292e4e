#include <gtest/gtest.h>

#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <vector>

#include "base/document.h"
#include "base/file_system.h"
#include "base/iso_time.h"
#include "base/parallel.h"
#include "base/result.h"
#include "base/status.h"

namespace rashomon {
namespace {

Result<int> Half(int x) {
  if (x % 2 != 0) return InvalidArgumentError("odd: " + std::to_string(x));
  return x / 2;
}

Status Quarter(int x, int* out) {
  RSH_ASSIGN_OR_RETURN(int h, Half(x));
  RSH_ASSIGN_OR_RETURN(*out, Half(h));
  return Status::Ok();
}

TEST(StatusTest, OkAndErrorsPrint) {
  EXPECT_TRUE(Status::Ok().ok());
  EXPECT_EQ(Status::Ok().ToString(), "ok");
  Status s = NotFoundError("no such file");
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.code(), StatusCode::kNotFound);
  EXPECT_EQ(s.ToString(), "not_found: no such file");
  EXPECT_EQ(s.WithPrefix("a.txt").message(), "a.txt: no such file");
}

TEST(ResultTest, MacrosPropagateTheFirstError) {
  int out = 0;
  EXPECT_TRUE(Quarter(8, &out).ok());
  EXPECT_EQ(out, 2);
  Status s = Quarter(6, &out);
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(s.message(), "odd: 3");
}

TEST(DocumentTest, CleanTextJoinsBlocksWithBlankLines) {
  Document d;
  Block title;
  title.kind = BlockKind::kTitle;
  title.text = "T";
  Block body;
  body.text = "B one.";
  d.blocks.push_back(title);
  d.blocks.push_back(body);
  EXPECT_EQ(d.CleanText(), "T\n\nB one.");
  EXPECT_EQ(BlockKindName(BlockKind::kStandfirst), "standfirst");
  EXPECT_EQ(RemoveReasonName(RemoveReason::kRelatedLink), "related_link");
}

class FileSystemTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() / ("rsh_base_test_" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::string Write(const std::string& name, const std::string& data) {
    std::string path = (dir_ / name).string();
    std::ofstream(path, std::ios::binary) << data;
    return path;
  }
  std::filesystem::path dir_;
};

TEST_F(FileSystemTest, ReadsWithinTheLimitAndRefusesBeyond) {
  std::string path = Write("a.txt", "hello");
  std::string out;
  ASSERT_TRUE(RealFileSystem().ReadFile(path, 5, &out).ok());
  EXPECT_EQ(out, "hello");
  Status s = RealFileSystem().ReadFile(path, 4, &out);
  EXPECT_EQ(s.code(), StatusCode::kResourceExhausted);
  EXPECT_NE(s.message().find("--max-bytes"), std::string::npos);
}

TEST_F(FileSystemTest, MissingFileAndFolderGiveClearCodes) {
  std::string out;
  EXPECT_EQ(RealFileSystem().ReadFile((dir_ / "nope").string(), 10, &out).code(),
            StatusCode::kNotFound);
  EXPECT_EQ(RealFileSystem().ReadFile(dir_.string(), 10, &out).code(),
            StatusCode::kFailedPrecondition);
}

TEST_F(FileSystemTest, ListDirIsSorted) {
  Write("b", "");
  Write("a", "");
  Write(".h", "");
  std::vector<std::string> names;
  ASSERT_TRUE(RealFileSystem().ListDir(dir_.string(), &names).ok());
  EXPECT_EQ(names, (std::vector<std::string>{".h", "a", "b"}));
  FileInfo info;
  ASSERT_TRUE(RealFileSystem().Stat(dir_.string(), &info).ok());
  EXPECT_EQ(info.type, FileType::kDirectory);
}

TEST_F(FileSystemTest, WriteFileAtomicallyReplaces) {
  std::string path = (dir_ / "out.json").string();
  ASSERT_TRUE(WriteFileAtomically(path, "one").ok());
  ASSERT_TRUE(WriteFileAtomically(path, "two").ok());
  std::string out;
  ASSERT_TRUE(RealFileSystem().ReadFile(path, 100, &out).ok());
  EXPECT_EQ(out, "two");
}

TEST(ParallelForTest, VisitsEveryIndexOnce) {
  std::vector<std::atomic<int>> hits(1000);
  ParallelFor(hits.size(), 2, [&](size_t i) { hits[i]++; });
  for (auto& h : hits) EXPECT_EQ(h.load(), 1);
  std::vector<size_t> order;
  ParallelFor(3, 1, [&](size_t i) { order.push_back(i); });
  EXPECT_EQ(order, (std::vector<size_t>{0, 1, 2}));
}

}  // namespace
}  // namespace rashomon

namespace rashomon {
namespace {

int64_t Seconds(const char* iso) {
  int64_t ms = -1;
  return ParseIsoInstant(iso, &ms) ? ms / 1000 : -1;
}

TEST(IsoTimeTest, ParsesDatesTimesAndOffsets) {
  EXPECT_EQ(Seconds("1970-01-02"), 86400);
  EXPECT_EQ(Seconds("2024-03-14T09:30:00Z") - Seconds("2024-03-14"), 9 * 3600 + 1800);
  EXPECT_EQ(Seconds("2024-03-14T09:30:00+02:00"), Seconds("2024-03-14T07:30:00Z"));
  EXPECT_EQ(Seconds("yesterday"), -1);
  EXPECT_EQ(Seconds("2024-13-01"), -1);
  EXPECT_EQ(Seconds("2023-02-29"), -1);
  EXPECT_EQ(Seconds(""), -1);
  EXPECT_EQ(DaysFromCivil(2000, 3, 1), 11017);
  int64_t ms = 0;
  ASSERT_TRUE(ParseIsoInstant("2024-12-31T23:59:59.5-01", &ms));
  EXPECT_EQ(FormatUtcMillis(ms), "2025-01-01T00:59:59.500Z");
}

}  // namespace
}  // namespace rashomon
