// End-to-end tests of the `rashomon` binary: real processes, real files,
// exit codes and messages as a user sees them.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;

struct Outcome {
  int code = -1;
  std::string out;
  std::string err;
};

std::string ReadAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<std::string> Lines(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) out.push_back(line);
  }
  return out;
}

class CliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("rsh_cli_e2e_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  // Runs `rashomon ARGS` through the shell; `stdin_file` feeds stdin.
  Outcome Rashomon(const std::string& args, const std::string& stdin_file = "/dev/null") {
    fs::path out = dir_ / "stdout", err = dir_ / "stderr";
    std::string cmd = std::string(RSH_BINARY) + " " + args + " <" + stdin_file + " >" +
                      out.string() + " 2>" + err.string();
    int status = std::system(cmd.c_str());
    Outcome r;
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = ReadAll(out);
    r.err = ReadAll(err);
    return r;
  }

  std::string Write(const std::string& name, const std::string& data) {
    fs::path p = dir_ / name;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << data;
    return p.string();
  }

  fs::path dir_;
};

const char kArticle[] =
    "Harbour Reopens\n\nThe harbour reopened on Tuesday after a two-day storm, officials "
    "said.\n\nAdvertisement\n\nFerries resumed their normal timetable in the afternoon.\n";

TEST_F(CliTest, HelpAndUsageErrors) {
  Outcome help = Rashomon("--help");
  EXPECT_EQ(help.code, 0);
  EXPECT_NE(help.out.find("clean"), std::string::npos);
  Outcome clean_help = Rashomon("clean --help");
  EXPECT_EQ(clean_help.code, 0);
  EXPECT_NE(clean_help.out.find("--max-bytes"), std::string::npos);
  EXPECT_NE(clean_help.out.find("--json"), std::string::npos);
  EXPECT_EQ(Rashomon("").code, 1);
  EXPECT_EQ(Rashomon("clean").code, 1);
  Outcome bad = Rashomon("clean --no-such-flag x");
  EXPECT_EQ(bad.code, 1);
  EXPECT_NE(bad.err.find("no-such-flag"), std::string::npos);
}

TEST_F(CliTest, CleansTextAndJson) {
  std::string a = Write("a.txt", kArticle);
  Outcome text = Rashomon("clean " + a);
  EXPECT_EQ(text.code, 0) << text.err;
  EXPECT_EQ(text.out,
            "Harbour Reopens\n\nThe harbour reopened on Tuesday after a two-day storm, officials "
            "said.\n\nFerries resumed their normal timetable in the afternoon.\n");
  Outcome json = Rashomon("clean --json " + a);
  ASSERT_EQ(json.code, 0) << json.err;
  auto j = nlohmann::json::parse(json.out);
  EXPECT_EQ(j["source"], a);
  EXPECT_EQ(j["title"], "Harbour Reopens");
  EXPECT_EQ(j["language"], "en");
  EXPECT_EQ(j["blocks"].size(), 3u);
  EXPECT_EQ(j["blocks"][0]["kind"], "title");
  ASSERT_EQ(j["removed"].size(), 1u);
  EXPECT_EQ(j["removed"][0]["text"], "Advertisement");
  EXPECT_EQ(j["removed"][0]["reason"], "ad_marker");
  EXPECT_TRUE(j["warnings"].empty());
}

TEST_F(CliTest, SeedsFolderGivesOneObjectPerReport) {
  fs::path seeds = fs::path(RSH_SHARED_DIR) / "corpus" / "seeds";
  if (!fs::exists(seeds)) GTEST_SKIP();
  Outcome r = Rashomon("clean --json " + seeds.string());
  ASSERT_EQ(r.code, 0) << r.err;
  std::vector<std::string> lines = Lines(r.out);
  ASSERT_EQ(lines.size(), 5u);
  for (const std::string& line : lines) {
    auto j = nlohmann::json::parse(line);
    EXPECT_EQ(j["language"], "en");
    EXPECT_FALSE(j["blocks"].empty());
    EXPECT_NE(j["source"].get<std::string>().find(".txt"), std::string::npos);
  }
}

TEST_F(CliTest, BadInputsAreNamedAndTheRestIsProcessed) {
  std::string good = Write("good.txt", kArticle);
  std::string empty = Write("empty.txt", "");
  std::string png = Write("image.txt", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
  std::string missing = (dir_ / "missing.txt").string();
  fs::create_directories(dir_ / "nothing");
  Write("nothing/picture.png", "x");
  Outcome r = Rashomon("clean --json " + empty + " " + png + " " + missing + " " + good + " " +
                       (dir_ / "nothing").string());
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(Lines(r.out).size(), 1u);
  EXPECT_NE(r.out.find("good.txt"), std::string::npos);
  EXPECT_NE(r.err.find(empty + ": empty file"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(png + ": binary file (PNG image)"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(missing + ": no such file"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("nothing: folder holds no readable files"), std::string::npos) << r.err;
}

TEST_F(CliTest, HugeFileIsRefusedBySizeLimit) {
  fs::path huge = dir_ / "huge.txt";
  { std::ofstream f(huge); }
  fs::resize_file(huge, 200ull << 20);  // Sparse: 200 MB without writing them.
  Outcome r = Rashomon("clean " + huge.string());
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("huge.txt"), std::string::npos);
  EXPECT_NE(r.err.find("209715200 bytes"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("--max-bytes"), std::string::npos);
  std::string small = Write("small.txt", kArticle);
  EXPECT_EQ(Rashomon("clean --max-bytes -1 " + small).code, 1);
  EXPECT_EQ(Rashomon("clean --max-bytes 0 " + small).code, 1);
  Outcome limited = Rashomon("clean --max-bytes 10 " + small);
  EXPECT_EQ(limited.code, 2);
  EXPECT_NE(limited.err.find("over the limit of 10 bytes"), std::string::npos) << limited.err;
}

TEST_F(CliTest, InvalidUtf8IsRepairedAndReported) {
  std::string bad = Write("bad.txt", std::string("Caf\xC3 ole\xFF and more words here.\n"));
  Outcome r = Rashomon("clean --json " + bad);
  ASSERT_EQ(r.code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j["warnings"].size(), 1u);
  EXPECT_NE(j["warnings"][0].get<std::string>().find("invalid UTF-8"), std::string::npos);
  EXPECT_NE(j["blocks"][0]["text"].get<std::string>().find("\xEF\xBF\xBD"), std::string::npos);
}

TEST_F(CliTest, ReadsStandardInput) {
  std::string a = Write("in.txt", kArticle);
  Outcome r = Rashomon("clean --json -", a);
  ASSERT_EQ(r.code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["source"], "stdin:1");
  Outcome jsonl = Rashomon("clean --json -", Write("in.jsonl",
                                                   "{\"id\": \"x1\", \"text\": \"One line.\"}\n"
                                                   "{\"text\": \"Another line of text.\"}\n"));
  ASSERT_EQ(jsonl.code, 0) << jsonl.err;
  std::vector<std::string> lines = Lines(jsonl.out);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(nlohmann::json::parse(lines[0])["source"], "x1");
  EXPECT_EQ(nlohmann::json::parse(lines[1])["source"], "stdin:2");
}

TEST_F(CliTest, OutNeverDestroysAnInput) {
  std::string a = Write("corpus/a.txt", kArticle);
  Outcome same = Rashomon("clean --out " + a + " " + a);
  EXPECT_EQ(same.code, 1);
  EXPECT_NE(same.err.find("is also an input"), std::string::npos) << same.err;
  EXPECT_EQ(ReadAll(a), kArticle);
  // An output inside an input folder is not read back on the next run.
  std::string out = (dir_ / "corpus" / "out.jsonl").string();
  for (int run = 0; run < 2; ++run) {
    Outcome r = Rashomon("clean --json --out " + out + " " + (dir_ / "corpus").string());
    EXPECT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(Lines(ReadAll(out)).size(), 1u);
  }
  EXPECT_FALSE(fs::exists(out + ".tmp"));
}

TEST_F(CliTest, WritesToOutFile) {
  std::string a = Write("a.txt", kArticle);
  fs::path out = dir_ / "out.jsonl";
  Outcome r = Rashomon("clean --json --out " + out.string() + " " + a);
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_TRUE(r.out.empty());
  EXPECT_NE(r.err.find("wrote 1 cleaned document"), std::string::npos);
  EXPECT_EQ(Lines(ReadAll(out)).size(), 1u);
}

}  // namespace
