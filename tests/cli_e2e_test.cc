// End-to-end tests of the `rashomon` binary: real processes, real files,
// exit codes and messages as a user sees them.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zlib.h>

#include <cctype>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <set>
#include <string>
#include <vector>

#include "tests/e2e_util.h"

namespace {

namespace fs = std::filesystem;

using rashomon::testing::Outcome;
using rashomon::testing::ReadAll;

std::vector<std::string> Lines(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) out.push_back(line);
  }
  return out;
}

class CliTest : public rashomon::testing::E2eTest {};

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

// `rashomon analyze`: the whole analysis and its three report files.
namespace {

// Every src= and href= attribute value inside the tags of `html`, lowercased.
std::vector<std::string> LinkAttributes(const std::string& html) {
  std::vector<std::string> values;
  for (size_t open = html.find('<'); open != std::string::npos; open = html.find('<', open + 1)) {
    const size_t close = html.find('>', open);
    if (close == std::string::npos) break;
    std::string tag = html.substr(open, close - open);
    for (char& c : tag) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (const char* name : {" src=", " href="}) {
      for (size_t at = tag.find(name); at != std::string::npos; at = tag.find(name, at + 1)) {
        size_t begin = at + std::strlen(name);
        const char quote = begin < tag.size() ? tag[begin] : ' ';
        size_t end;
        if (quote == '"' || quote == '\'') {
          end = tag.find(quote, ++begin);
        } else {
          end = tag.find_first_of(" \t\n", begin);
        }
        values.push_back(tag.substr(begin, end == std::string::npos ? end : end - begin));
      }
    }
  }
  return values;
}

// The story of `report` whose documents include `source`, or null.
const nlohmann::json* StoryWith(const nlohmann::json& report, const std::string& source) {
  for (const auto& s : report["stories"]) {
    for (const auto& d : s["documents"]) {
      if (d == source) return &s;
    }
  }
  return nullptr;
}

TEST_F(CliTest, AnalyzeExamplesWritesTheThreeReports) {
  const std::string examples = std::string(RSH_SOURCE_DIR) + "/examples";
  const fs::path out = dir_ / "report";
  const Outcome r = Rashomon("analyze " + examples + " --out " + out.string());
  ASSERT_EQ(r.code, 0) << r.err;
  ASSERT_TRUE(fs::is_regular_file(out / "report.json"));
  ASSERT_TRUE(fs::is_regular_file(out / "report.md"));
  ASSERT_TRUE(fs::is_regular_file(out / "report.html"));
  EXPECT_NE(r.out.find((out / "report.html").string()), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("19 documents, 3 stories"), std::string::npos) << r.out;

  const nlohmann::json j = nlohmann::json::parse(ReadAll(out / "report.json"));
  ASSERT_EQ(j["documents"].size(), 19u);
  for (const auto& d : j["documents"]) {
    SCOPED_TRACE(d.dump().substr(0, 200));
    EXPECT_TRUE(d["source"].is_string());
    EXPECT_TRUE(d["title"].is_string());
    EXPECT_TRUE(d["language"].is_string());
    EXPECT_TRUE(d["machine_translated"].is_boolean());
    EXPECT_TRUE(d["duplicate_of"].is_null() || d["duplicate_of"].is_string());
    EXPECT_TRUE(d["removed"].is_array());
  }
  // The planted near copy points at the wire it copies.
  for (const auto& d : j["documents"]) {
    if (d["source"] == examples + "/06_nearcopy.txt") {
      EXPECT_EQ(d["duplicate_of"], examples + "/01_wire.txt");
    }
  }
  ASSERT_EQ(j["stories"].size(), 3u);
  for (const auto& s : j["stories"]) {
    SCOPED_TRACE(s["title"].dump());
    for (const char* key :
         {"id", "title", "documents", "brief", "claims", "conflicts", "quotes", "citations"}) {
      EXPECT_TRUE(s.contains(key)) << key;
    }
    EXPECT_TRUE(s["id"].is_number_unsigned());
    EXPECT_FALSE(s["title"].get<std::string>().empty());
    EXPECT_GE(s["brief"].size(), 1u);
    EXPECT_LE(s["brief"].size(), 12u);
  }
  // The Corrin Bay grounding: 7 text reports, 5 pages, 3 archive records.
  const nlohmann::json* corrin = StoryWith(j, examples + "/01_wire.txt");
  ASSERT_NE(corrin, nullptr);
  EXPECT_EQ((*corrin)["documents"].size(), 15u);
  ASSERT_GE((*corrin)["brief"].size(), 5u);
  bool names_ship = false;
  for (const auto& b : (*corrin)["brief"]) {
    EXPECT_GE(b["documents"].size(), 1u) << b.dump();
    names_ship |= b["text"].get<std::string>().find("Corrin Bay") != std::string::npos;
  }
  EXPECT_TRUE(names_ship) << (*corrin)["brief"].dump();
  EXPECT_FALSE((*corrin)["conflicts"].empty());

  const std::string html = ReadAll(out / "report.html");
  EXPECT_EQ(html.find("<script"), std::string::npos);
  const std::vector<std::string> links = LinkAttributes(html);
  EXPECT_FALSE(links.empty());  // The citations link into the page.
  for (const std::string& v : links) {
    EXPECT_EQ(v.find("http://"), std::string::npos) << v;
    EXPECT_EQ(v.find("https://"), std::string::npos) << v;
  }
  const std::string md = ReadAll(out / "report.md");
  EXPECT_NE(md.find("Corrin Bay"), std::string::npos);
}

TEST_F(CliTest, AnalyzeJsonPrintsTheReport) {
  const std::string examples = std::string(RSH_SOURCE_DIR) + "/examples";
  const fs::path out = dir_ / "report";
  const Outcome r = Rashomon("analyze --json " + examples + " --out " + out.string());
  ASSERT_EQ(r.code, 0) << r.err;
  const std::string file = ReadAll(out / "report.json");
  EXPECT_EQ(r.out, file);
  const nlohmann::json j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j, nlohmann::json::parse(file));
  EXPECT_EQ(j["documents"].size(), 19u);
  EXPECT_EQ(j["stories"].size(), 3u);
}

TEST_F(CliTest, AnalyzeEscapesMarkupFromSources) {
  // An invented article whose title and text carry HTML payloads.
  const std::string article =
      "Quarry Lake Festival Opens With <script>alert(1)</script> and <img src=x "
      "onerror=alert(2)> Banners\n\n"
      "The annual lantern festival at Quarry Lake opened on Saturday evening with more than two "
      "thousand visitors, the town council said.\n"
      "Organisers said a volunteer had typed <script>alert(1)</script> into the festival website "
      "as a prank before the opening night.\n"
      "A photo caption on the same page read <img src=x onerror=alert(2)> instead of the usual "
      "credit line for the photographer.\n"
      "The council's web team removed both entries within an hour and said no visitor data had "
      "been exposed.\n"
      "Twelve food stalls and four music stages were set up along the northern shore of the "
      "lake.\n"
      "The mayor lit the first lantern at eight o'clock and thanked the volunteers who had built "
      "the floating platforms.\n"
      "Local police closed the lakeside road to traffic until midnight to let visitors walk "
      "safely between the stages.\n"
      "Ticket sales were about fifteen percent higher than last year, according to the "
      "festival's treasurer.\n"
      "A storm expected on Sunday could force the organisers to cancel the closing fireworks "
      "display.\n"
      "The festival continues until Monday with a rowing race and a children's lantern parade.\n";
  const std::string path = Write("input/festival.txt", article);
  const fs::path out = dir_ / "report";
  const Outcome r = Rashomon("analyze " + path + " --out " + out.string());
  ASSERT_EQ(r.code, 0) << r.err;

  // The payloads reach the report (else this test would prove nothing).
  const nlohmann::json j = nlohmann::json::parse(ReadAll(out / "report.json"));
  ASSERT_EQ(j["documents"].size(), 1u);
  const std::string text = j["documents"][0]["text"];
  EXPECT_NE(text.find("<script>alert(1)</script>"), std::string::npos) << text;
  EXPECT_NE(text.find("<img src=x onerror=alert(2)>"), std::string::npos) << text;

  const std::string html = ReadAll(out / "report.html");
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("<img"), std::string::npos);
  EXPECT_EQ(html.find("alert(1)</script>"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  EXPECT_NE(html.find("&lt;img src=x onerror=alert(2)&gt;"), std::string::npos);
  for (const std::string& v : LinkAttributes(html)) EXPECT_NE(v, "x");

  // Markdown keeps them as text: backslash-escaped, so no renderer reads a tag.
  const std::string md = ReadAll(out / "report.md");
  for (size_t at = md.find('<'); at != std::string::npos; at = md.find('<', at + 1)) {
    EXPECT_TRUE(at > 0 && md[at - 1] == '\\') << md.substr(at, 40);
  }
  EXPECT_NE(md.find("\\<script\\>alert(1)\\</script\\>"), std::string::npos) << md;
  EXPECT_NE(md.find("\\<img src=x onerror=alert(2)\\>"), std::string::npos) << md;
}

TEST_F(CliTest, AnalyzeNamesAMissingInputAndReportsTheRest) {
  const std::string wire = std::string(RSH_SOURCE_DIR) + "/examples/01_wire.txt";
  const std::string missing = (dir_ / "no_such_report.txt").string();
  const fs::path out = dir_ / "report";
  const Outcome r = Rashomon("analyze " + wire + " " + missing + " --out " + out.string());
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find(missing + ": no such file"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find(wire), std::string::npos) << r.err;
  const nlohmann::json j = nlohmann::json::parse(ReadAll(out / "report.json"));
  ASSERT_EQ(j["documents"].size(), 1u);
  EXPECT_EQ(j["documents"][0]["source"], wire);
  EXPECT_NE(j["documents"][0]["text"].get<std::string>().find("MV Corrin Bay"), std::string::npos);
  ASSERT_EQ(j["stories"].size(), 1u);
  EXPECT_EQ(j["stories"][0]["documents"], nlohmann::json::array({wire}));
  EXPECT_TRUE(fs::is_regular_file(out / "report.md"));
  EXPECT_TRUE(fs::is_regular_file(out / "report.html"));
}

TEST_F(CliTest, AnalyzeOutThatIsAFileFails) {
  const std::string wire = std::string(RSH_SOURCE_DIR) + "/examples/01_wire.txt";
  const std::string file = Write("taken", "not a folder\n");
  const Outcome r = Rashomon("analyze " + wire + " --out " + file);
  EXPECT_EQ(r.code, 3);
  EXPECT_NE(r.err.find(file), std::string::npos) << r.err;
  EXPECT_EQ(ReadAll(file), "not a folder\n");
  EXPECT_EQ(r.out.find("report:"), std::string::npos) << r.out;
}

TEST_F(CliTest, AnalyzeSeedsFindsTheTranslationAndTheGoldConflicts) {
  const fs::path seeds = fs::path(RSH_SHARED_DIR) / "corpus" / "seeds";
  if (!fs::exists(seeds / "gold.json")) GTEST_SKIP() << "no " << seeds;
  const nlohmann::json gold = nlohmann::json::parse(ReadAll((seeds / "gold.json").string()));
  const Outcome r =
      Rashomon("analyze --json " + seeds.string() + " --out " + (dir_ / "report").string());
  ASSERT_EQ(r.code, 0) << r.err;
  const nlohmann::json j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j["documents"].size(), 5u);
  ASSERT_EQ(j["stories"].size(), 1u);
  EXPECT_EQ(j["stories"][0]["documents"].size(), 5u);
  const std::set<std::string> translated(gold["machine_translated"].begin(),
                                         gold["machine_translated"].end());
  for (const auto& d : j["documents"]) {
    const std::string source = d["source"];
    SCOPED_TRACE(source);
    EXPECT_EQ(d["machine_translated"], translated.count(fs::path(source).filename().string()) > 0);
  }
  // Each gold conflict: one reported conflict whose sides include words of both gold sides.
  for (const auto& g : gold["conflicts"]) {
    bool found = false;
    for (const auto& c : j["stories"][0]["conflicts"]) {
      bool sides[2] = {false, false};
      for (const auto& side : c["sides"]) {
        const std::string text = side["text"];
        for (int k = 0; k < 2; ++k) {
          const std::string want = g["sides"][k]["text"];
          sides[k] |= !text.empty() && (want.find(text) != std::string::npos ||
                                        text.find(want) != std::string::npos);
        }
      }
      found |= sides[0] && sides[1];
    }
    EXPECT_TRUE(found) << g["about"] << "\n" << j["stories"][0]["conflicts"].dump(2);
  }
}

}  // namespace
