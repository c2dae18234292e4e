// End-to-end tests of the `rashomon` binary: real processes, real files,
// exit codes and messages as a user sees them.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zlib.h>

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

// `rashomon extract` on HTML pages and WARC archives.
namespace {

// An invented news page with its metadata in meta tags.
std::string NewsPage(const std::string& title, const std::string& author,
                     const std::string& paragraph) {
  return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title +
         " | The Coastal Courier</title><meta property=\"og:title\" content=\"" + title +
         "\"><meta name=\"author\" content=\"" + author +
         "\"><meta property=\"article:published_time\" content=\"2024-05-03T15:47:42Z\">"
         "</head><body><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav><article>"
         "<h1>" +
         title + "</h1><p>" + paragraph +
         "</p><p>Crews worked through the night to clear debris from the main channel, and "
         "divers checked the sea wall for damage before the first vessels were allowed out.</p>"
         "<p>Ferries resumed their normal timetable in the afternoon, although passengers were "
         "warned to expect delays until the weekend.</p></article><footer>Copyright 2024 The "
         "Coastal Courier</footer></body></html>";
}

const char kFirstParagraph[] =
    "The harbour of Port Elling reopened on Tuesday after a two-day storm had kept every ferry "
    "and fishing boat at the quay, the port authority said.";

// Gzip of `data` (one member).
std::string Gzip(const std::string& data) {
  z_stream zs{};
  EXPECT_EQ(deflateInit2(&zs, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY),
            Z_OK);
  std::string out(deflateBound(&zs, data.size()), '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(deflate(&zs, Z_FINISH), Z_STREAM_END);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

// One WARC/1.1 record.
std::string WarcRecord(const std::string& type, const std::string& uri,
                       const std::string& content_type, const std::string& block) {
  std::string r = "WARC/1.1\r\nWARC-Type: " + type + "\r\n";
  if (!uri.empty()) r += "WARC-Target-URI: " + uri + "\r\n";
  r += "WARC-Date: 2024-05-03T16:00:00Z\r\nWARC-Record-ID: <urn:uuid:" + type + "-" +
       std::to_string(uri.size()) + ">\r\nContent-Type: " + content_type +
       "\r\nContent-Length: " + std::to_string(block.size()) + "\r\n\r\n" + block + "\r\n\r\n";
  return r;
}

std::string HttpResponse(const std::string& html) {
  return "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: " +
         std::to_string(html.size()) + "\r\n\r\n" + html;
}

TEST_F(CliTest, ExtractHelpAndHtmlToJson) {
  Outcome help = Rashomon("--help");
  EXPECT_NE(help.out.find("extract"), std::string::npos);
  Outcome extract_help = Rashomon("extract --help");
  EXPECT_EQ(extract_help.code, 0);
  EXPECT_NE(extract_help.out.find("--max-bytes"), std::string::npos);
  EXPECT_EQ(Rashomon("extract").code, 1);

  std::string page =
      Write("harbour.html", NewsPage("Harbour Reopens After Storm", "Jane Roe", kFirstParagraph));
  fs::path out = dir_ / "out.jsonl";
  Outcome r = Rashomon("extract --json --out " + out.string() + " " + page);
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_TRUE(r.out.empty());
  EXPECT_NE(r.err.find("wrote 1 extracted document"), std::string::npos) << r.err;
  auto j = nlohmann::json::parse(ReadAll(out));
  EXPECT_EQ(j["source"], page);
  EXPECT_EQ(j["title"], "Harbour Reopens After Storm");
  EXPECT_EQ(j["authors"], nlohmann::json::array({"Jane Roe"}));
  EXPECT_EQ(j["published"].get<std::string>().substr(0, 16), "2024-05-03T15:47");
  EXPECT_EQ(j["language"], "en");
  const std::string text = j["text"];
  EXPECT_NE(text.find(kFirstParagraph), std::string::npos) << text;
  EXPECT_EQ(text.find("Copyright"), std::string::npos) << text;
}

TEST_F(CliTest, ExtractWarcGivesOneObjectPerResponse) {
  const std::string a = "https://courier.example/2024/05/03/harbour-reopens";
  const std::string b = "https://courier.example/2024/05/03/bridge-closed";
  std::string warc =
      Gzip(WarcRecord("warcinfo", "", "application/warc-fields", "software: test\r\n")) +
      Gzip(
          WarcRecord("request", a, "application/http; msgtype=request",
                     "GET /2024/05/03/harbour-reopens HTTP/1.1\r\nHost: courier.example\r\n\r\n")) +
      Gzip(WarcRecord(
          "response", a, "application/http; msgtype=response",
          HttpResponse(NewsPage("Harbour Reopens After Storm", "Jane Roe", kFirstParagraph)))) +
      Gzip(WarcRecord(
          "response", b, "application/http; msgtype=response",
          HttpResponse(NewsPage("Bridge Closed For Repairs", "John Doe",
                                "The old bridge over the river Elling was closed on Wednesday for "
                                "repairs that will last until the end of the summer, the council "
                                "said."))));
  std::string path = Write("crawl.warc.gz", warc);
  Outcome r = Rashomon("extract --json " + path);
  ASSERT_EQ(r.code, 0) << r.err;
  std::vector<std::string> lines = Lines(r.out);
  ASSERT_EQ(lines.size(), 2u) << r.out;
  auto first = nlohmann::json::parse(lines[0]);
  auto second = nlohmann::json::parse(lines[1]);
  EXPECT_EQ(first["url"], a);
  EXPECT_EQ(first["title"], "Harbour Reopens After Storm");
  EXPECT_NE(first["fetched"].get<std::string>().find("2024-05-03"), std::string::npos);
  EXPECT_EQ(second["url"], b);
  EXPECT_EQ(second["authors"], nlohmann::json::array({"John Doe"}));
  EXPECT_NE(second["text"].get<std::string>().find("old bridge over the river Elling"),
            std::string::npos);
}

TEST_F(CliTest, ExtractNamesBadPagesAndKeepsTheOthers) {
  std::string good =
      Write("good.html", NewsPage("Harbour Reopens After Storm", "Jane Roe", kFirstParagraph));
  std::string binary = Write("binary.html", std::string("GIF89a\0\0\0\0\x01\x02", 12));
  const std::string gz = Gzip(NewsPage("Cut Short", "Jane Roe", kFirstParagraph));
  std::string truncated = Write("cut.html.gz", gz.substr(0, gz.size() / 2));
  Outcome r = Rashomon("extract --json " + binary + " " + truncated + " " + good);
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find(binary + ": "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(truncated + ": "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("2 input(s) rejected, 1 document(s) extracted"), std::string::npos) << r.err;
  std::vector<std::string> lines = Lines(r.out);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(nlohmann::json::parse(lines[0])["source"], good);
}

TEST_F(CliTest, ExtractSurvivesDeepNesting) {
  std::string html = "<html><body>";
  for (int i = 0; i < 100000; ++i) html += "<div>";
  html += std::string("<p>") + kFirstParagraph + "</p>";
  for (int i = 0; i < 100000; ++i) html += "</div>";
  html += "</body></html>";
  std::string page = Write("deep.html", html);
  Outcome r = Rashomon("extract --json " + page);
  ASSERT_EQ(r.code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_NE(j["text"].get<std::string>().find(kFirstParagraph), std::string::npos);
  ASSERT_TRUE(j.contains("warnings")) << r.out;
  EXPECT_NE(j["warnings"].dump().find("depth"), std::string::npos) << j["warnings"];
}

TEST_F(CliTest, ExtractRefusesPageOverTheHtmlBudget) {
  std::string page = NewsPage("Harbour Reopens After Storm", "Jane Roe", kFirstParagraph);
  std::string big = "<html><body><article>";
  const std::string filler = std::string("<p>") + kFirstParagraph + "</p>\n";
  while (big.size() < 50'000'000) big += filler;
  big += "</article></body></html>";
  std::string huge = Write("huge.html", big);
  big.clear();
  big.shrink_to_fit();
  std::string good = Write("good.html", page);
  Outcome r = Rashomon("extract --json " + huge + " " + good);
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find(huge + ": "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("20 MiB"), std::string::npos) << r.err;
  std::vector<std::string> lines = Lines(r.out);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(nlohmann::json::parse(lines[0])["source"], good);
}

}  // namespace

// `stories` and `dedup` read every input kind: the examples folder holds
// text, HTML pages and a web archive.
TEST_F(CliTest, StoriesOfTheExamplesAreThePlantedOnes) {
  const std::string examples = std::string(RSH_SOURCE_DIR) + "/examples";
  const Outcome r = Rashomon("stories " + examples + " --json");
  ASSERT_EQ(r.code, 0) << r.err;
  const nlohmann::json j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j["stories"].size(), 3u) << r.out;
  EXPECT_EQ(j["documents"], 19);
  // Largest first: 7 text reports, 5 pages and 3 archive records.
  EXPECT_EQ(j["stories"][0]["documents"].size(), 15u);
  EXPECT_EQ(j["stories"][0]["languages"], nlohmann::json({"de", "en", "fr"}));
  EXPECT_EQ(j["stories"][1]["documents"].size(), 3u);
  EXPECT_EQ(j["stories"][1]["languages"], nlohmann::json({"en", "fr"}));
  EXPECT_EQ(j["stories"][2]["documents"],
            nlohmann::json({examples + "/11_festival.txt"}));
  EXPECT_FALSE(j["stories"][0]["title"].get<std::string>().empty());
  EXPECT_TRUE(j["stories"][0]["id"].is_number_unsigned());
}

TEST_F(CliTest, DedupFindsTheNearCopyAndTheArchivedPages) {
  const std::string examples = std::string(RSH_SOURCE_DIR) + "/examples";
  const Outcome r = Rashomon("dedup " + examples + " --json");
  ASSERT_EQ(r.code, 0) << r.err;
  const nlohmann::json j = nlohmann::json::parse(r.out);
  bool near_copy = false;
  size_t exact = 0;
  for (const auto& g : j["groups"]) {
    for (const auto& m : g["members"]) {
      if (m["exact"].get<bool>()) ++exact;
      if (g["representative"] == examples + "/01_wire.txt" &&
          m["source"] == examples + "/06_nearcopy.txt") {
        near_copy = true;
        EXPECT_GT(m["jaccard"].get<double>(), 0.8);
        EXPECT_LT(m["jaccard"].get<double>(), 1.0);
        EXPECT_GT(m["containment"].get<double>(), 0.9);
        EXPECT_GT(m["contains_representative"].get<double>(), 0.9);
      }
    }
  }
  EXPECT_TRUE(near_copy) << r.out;
  EXPECT_EQ(exact, 3u);  // Three pages are also records of the archive.
  // Text output names the groups; a bad input is named and the rest processed.
  const std::string bad = Write("bad.html", std::string("\x89PNG\r\n\x1a\n\0\0", 10));
  const Outcome t = Rashomon("dedup " + examples + " " + bad);
  EXPECT_EQ(t.code, 2);
  EXPECT_NE(t.err.find("bad.html"), std::string::npos);
  EXPECT_NE(t.out.find("06_nearcopy.txt"), std::string::npos);
}
