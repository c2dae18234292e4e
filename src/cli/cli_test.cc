#include "cli/cli.h"

#include <gtest/gtest.h>
#include <unistd.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

namespace rashomon::cli {
namespace {

struct Outcome {
  int code;
  std::string out;
  std::string err;
};

Outcome RunArgs(std::vector<std::string> args) {
  args.insert(args.begin(), "rashomon");
  std::vector<const char*> argv;
  for (const std::string& a : args) argv.push_back(a.c_str());
  std::ostringstream out, err;
  int code = RunCli(static_cast<int>(argv.size()), argv.data(), out, err);
  return {code, out.str(), err.str()};
}

TEST(CliTest, HelpVersionAndUsage) {
  Outcome help = RunArgs({"--help"});
  EXPECT_EQ(help.code, kExitOk);
  EXPECT_NE(help.out.find("clean"), std::string::npos);
  EXPECT_EQ(RunArgs({"--version"}).out, "rashomon 0.1.0\n");
  EXPECT_EQ(RunArgs({}).code, kExitUsage);
  Outcome no_paths = RunArgs({"clean"});
  EXPECT_EQ(no_paths.code, kExitUsage);
  EXPECT_NE(no_paths.err.find("paths is required"), std::string::npos) << no_paths.err;
  EXPECT_EQ(RunArgs({"clean", "--batch", "0", "x"}).code, kExitUsage);
  EXPECT_EQ(RunArgs({"frobnicate"}).code, kExitUsage);
}

TEST(CliTest, CleanReportsRejectedInputsWithExitTwo) {
  std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("rsh_cli_test_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  std::string good = (dir / "good.txt").string();
  std::ofstream(good) << "Title Here\n\nA sentence of body text that is long enough.\n";
  std::string missing = (dir / "missing.txt").string();
  Outcome r = RunArgs({"clean", "--json", missing, good});
  EXPECT_EQ(r.code, kExitSomeInputsRejected);
  EXPECT_NE(r.err.find(missing), std::string::npos);
  EXPECT_NE(r.err.find("1 input(s) rejected, 1 document(s) cleaned"), std::string::npos) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["source"], good);
  EXPECT_EQ(j["blocks"][1]["text"], "A sentence of body text that is long enough.");
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace rashomon::cli

// `rashomon extract`, in process, on files written to a temporary folder.
namespace rashomon::cli {
namespace {

// An invented news page: furniture around one article, metadata in meta tags.
constexpr char kHarbourPage[] = R"(<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Harbour Reopens After Storm | The Coastal Courier</title>
<meta property="og:title" content="Harbour Reopens After Storm">
<meta name="author" content="Jane Roe">
<meta property="article:published_time" content="2024-05-03T15:47:42+02:00">
<link rel="canonical" href="https://courier.example/2024/05/03/harbour-reopens">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/sport">Sport</a></li></ul></nav>
<article>
<h1>Harbour Reopens After Storm</h1>
<p class="byline">By Jane Roe</p>
<p>The harbour of Port Elling reopened on Tuesday after a two-day storm had kept every ferry
and fishing boat at the quay, the port authority said.</p>
<p>Crews worked through the night to clear debris from the main channel, and divers checked the
sea wall for damage before the first vessels were allowed out.</p>
<p>"We are relieved that nobody was hurt," the harbour master told reporters, adding that
repairs to the northern pier would take several weeks.</p>
<p>Ferries resumed their normal timetable in the afternoon, although passengers were warned to
expect delays until the weekend.</p>
</article>
<footer><p>Copyright 2024 The Coastal Courier. All rights reserved.</p></footer>
</body></html>
)";

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

// windows-1251 bytes of `utf8`, which may hold only ASCII and U+0410..U+044F.
std::string ToWindows1251(const std::string& utf8) {
  std::string out;
  for (size_t i = 0; i < utf8.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(utf8[i]);
    if (c < 0x80) {
      out.push_back(static_cast<char>(c));
      continue;
    }
    const unsigned cp = ((c & 0x1Fu) << 6) | (static_cast<unsigned char>(utf8[++i]) & 0x3Fu);
    EXPECT_TRUE(cp >= 0x410 && cp <= 0x44F) << cp;
    out.push_back(static_cast<char>(0xC0 + (cp - 0x410)));
  }
  return out;
}

class ExtractCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("rsh_cli_extract_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::string Write(const std::string& name, const std::string& data) {
    std::filesystem::path p = dir_ / name;
    std::ofstream(p, std::ios::binary) << data;
    return p.string();
  }

  std::filesystem::path dir_;
};

TEST_F(ExtractCliTest, HtmlPageGivesArticleWithMetadata) {
  std::string page = Write("harbour.html", kHarbourPage);
  Outcome r = RunArgs({"extract", "--json", "--threads", "1", page});
  ASSERT_EQ(r.code, kExitOk) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["source"], page);
  EXPECT_EQ(j["title"], "Harbour Reopens After Storm");
  EXPECT_EQ(j["authors"], nlohmann::json::array({"Jane Roe"}));
  EXPECT_EQ(j["published"], "2024-05-03T15:47:42+02:00");
  EXPECT_EQ(j["canonical_url"], "https://courier.example/2024/05/03/harbour-reopens");
  EXPECT_EQ(j["charset"], "UTF-8");
  const std::string text = j["text"];
  EXPECT_NE(text.find("reopened on Tuesday after a two-day storm"), std::string::npos) << text;
  EXPECT_NE(text.find("Ferries resumed their normal timetable"), std::string::npos) << text;
  EXPECT_EQ(text.find("Sport"), std::string::npos) << text;
  EXPECT_EQ(text.find("Copyright"), std::string::npos) << text;
  ASSERT_FALSE(j["blocks"].empty());
  EXPECT_EQ(j["blocks"][0]["kind"], "title");
  EXPECT_EQ(j["blocks"][0]["text"], "Harbour Reopens After Storm");
  for (const char* key : {"url", "site", "language", "removed"}) EXPECT_TRUE(j.contains(key));

  Outcome plain = RunArgs({"extract", page});
  ASSERT_EQ(plain.code, kExitOk) << plain.err;
  EXPECT_EQ(plain.out.rfind("Harbour Reopens After Storm\n\nThe harbour of Port Elling", 0), 0u)
      << plain.out;
}

TEST_F(ExtractCliTest, BadPagesAreNamedAndTheOthersExtracted) {
  std::string good = Write("good.html", kHarbourPage);
  std::string png = Write("picture.html", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
  const std::string gz = Gzip(kHarbourPage);
  std::string truncated = Write("cut.html.gz", gz.substr(0, gz.size() / 2));
  Outcome r = RunArgs({"extract", "--json", png, truncated, good});
  EXPECT_EQ(r.code, kExitSomeInputsRejected);
  EXPECT_NE(r.err.find(png + ": "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(truncated + ": "), std::string::npos) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["source"], good);
  EXPECT_EQ(j["title"], "Harbour Reopens After Storm");
}

TEST_F(ExtractCliTest, CleanExtractsHtmlInsteadOfCleaningMarkup) {
  std::string page = Write("page.html", kHarbourPage);
  Outcome r = RunArgs({"clean", "--json", page});
  EXPECT_EQ(r.code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["title"], "Harbour Reopens After Storm");
  for (const auto& b : j["blocks"]) {
    EXPECT_EQ(b["text"].get<std::string>().find('<'), std::string::npos) << b["text"];
  }
  EXPECT_GE(j["blocks"].size(), 2u);
}

TEST_F(ExtractCliTest, Windows1251PageDeclaredUtf8IsReadAsCyrillic) {
  const std::string title = "Порт открылся после шторма";
  const std::string first =
      "Порт города Северск вновь открылся во вторник после двухдневного шторма, сообщили в "
      "администрации порта.";
  const std::string html =
      "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + title +
      "</title></head><body><article><h1>" + title + "</h1><p>" + first +
      "</p><p>Ночью рабочие расчищали главный канал, а водолазы проверяли состояние волнолома "
      "перед выходом первых судов.</p><p>Паромы вернулись к обычному расписанию во второй "
      "половине дня, однако пассажиров предупредили о возможных задержках до конца "
      "недели.</p><p>По словам начальника порта, ремонт северного причала займет несколько "
      "недель.</p></article></body></html>";
  std::string page = Write("ru.html", ToWindows1251(html));
  Outcome r = RunArgs({"extract", "--json", page});
  ASSERT_EQ(r.code, kExitOk) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["charset"], "windows-1251");
  EXPECT_EQ(j["title"], title);
  EXPECT_NE(j["text"].get<std::string>().find(first), std::string::npos) << j["text"];
}

}  // namespace
}  // namespace rashomon::cli
