#include "ingest/ingest.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "base/file_system.h"
#include "ingest/decompress.h"
#include "ingest/jsonl.h"

namespace rashomon::ingest {
namespace {

namespace fs = std::filesystem;
using std::string_view_literals::operator""sv;

// A fresh folder under the system temp folder, removed at the end.
class TempDir {
 public:
  TempDir() {
    static std::atomic<int> counter{0};
    path_ = (fs::temp_directory_path() /
             ("rsh_ingest_test_" + std::to_string(::getpid()) + "_" + std::to_string(counter++)))
                .string();
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    fs::permissions(path_, fs::perms::owner_all, fs::perm_options::add, ec);
    fs::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::string& path() const { return path_; }
  std::string Path(const std::string& relative) const { return path_ + "/" + relative; }

  // Writes `bytes` to `relative`, making its folders; returns the full path.
  std::string Write(const std::string& relative, std::string_view bytes) const {
    std::string full = Path(relative);
    fs::create_directories(fs::path(full).parent_path());
    std::ofstream out(full, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    EXPECT_TRUE(out.good()) << full;
    return full;
  }

  std::string MakeFolder(const std::string& relative) const {
    std::string full = Path(relative);
    fs::create_directories(full);
    return full;
  }

 private:
  std::string path_;
};

std::string Gzip(std::string_view data) {
  z_stream zs{};
  EXPECT_EQ(deflateInit2(&zs, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY), Z_OK);
  std::string out(deflateBound(&zs, data.size()) + 64, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(deflate(&zs, Z_FINISH), Z_STREAM_END);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

std::string Zstd(std::string_view data) {
  std::string out(ZSTD_compressBound(data.size()), '\0');
  size_t n = ZSTD_compress(out.data(), out.size(), data.data(), data.size(), 3);
  EXPECT_FALSE(ZSTD_isError(n));
  out.resize(n);
  return out;
}

// Everything one read delivered, in order.
struct Outcome {
  std::vector<Document> docs;
  std::vector<InputError> errors;
  std::vector<std::string> events;  // "doc <source>" and "error <source>: <reason>".
  size_t returned = 0;

  // "[a][b]": the sources of the documents, with `strip` removed.
  std::string Sources(const std::string& strip = "") const {
    std::string out;
    for (const Document& d : docs) out += "[" + Strip(d.source, strip) + "]";
    return out;
  }
  // "[source: reason]" for each error, with `strip` removed from sources.
  std::string Errors(const std::string& strip = "") const {
    std::string out;
    for (const InputError& e : errors) out += "[" + Strip(e.source, strip) + ": " + e.reason + "]";
    return out;
  }
  static std::string Strip(const std::string& s, const std::string& prefix) {
    if (!prefix.empty() && s.rfind(prefix, 0) == 0) return s.substr(prefix.size());
    return s;
  }
};

std::function<void(Document)> DocSink(Outcome* o) {
  return [o](Document d) {
    o->events.push_back("doc " + d.source);
    o->docs.push_back(std::move(d));
  };
}

std::function<void(const InputError&)> ErrorSink(Outcome* o) {
  return [o](const InputError& e) {
    o->events.push_back("error " + e.source + ": " + e.reason);
    o->errors.push_back(e);
  };
}

Outcome Read(const std::vector<std::string>& paths, const IngestOptions& options = {},
             const FileSystem& file_system = RealFileSystem()) {
  Outcome o;
  o.returned = ReadInputs(paths, options, file_system, DocSink(&o), ErrorSink(&o));
  EXPECT_EQ(o.returned, o.docs.size());
  return o;
}

Outcome ReadStdinText(std::string_view bytes, const IngestOptions& options = {}) {
  Outcome o;
  o.returned = ReadStdinBytes(bytes, options, DocSink(&o), ErrorSink(&o));
  EXPECT_EQ(o.returned, o.docs.size());
  return o;
}

std::string Join(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& s : items) out += "[" + s + "]";
  return out;
}

// Ten JSONL lines with ids d1..d10, plus the expected sources.
std::string TenLines() {
  std::string out;
  for (int i = 1; i <= 10; ++i) {
    out += R"({"id":"d)" + std::to_string(i) + R"(","text":"Body number )" + std::to_string(i) +
           ".\"}\n";
  }
  return out;
}

// ---------------------------------------------------------------- SniffBinary

TEST(SniffBinaryTest, NamesKnownFormats) {
  constexpr struct {
    std::string_view in;
    const char* want;
  } kCases[] = {
      {"\x89PNG\r\n\x1A\n\0\0\0\rIHDR"sv, "PNG image"},
      {"\xFF\xD8\xFF\xE0\0\x10JFIF"sv, "JPEG image"},
      {"GIF89a\x01\0"sv, "GIF image"},
      {"GIF87a"sv, "GIF image"},
      {"%PDF-1.7\n%\xE2\xE3"sv, "PDF document"},
      {"PK\x03\x04\x14\0"sv, "ZIP archive"},
      {"\x1F\x8B\x08\0"sv, "gzip data"},
      {"\x28\xB5\x2F\xFD"sv, "zstd data"},
      {"BZh91AY&SY"sv, "bzip2 data"},
      {"RIFF\x10\0\0\0WEBPVP8 "sv, "WebP image"},
      {"plain\0text"sv, "NUL bytes"},
      {"Plain news text.\n"sv, ""},
      {"Gr\xC3\xBC\xC3\x9F"
       "e aus K\xC3\xB6ln"sv,
       ""},
      {"PK is a name"sv, ""},
      {"BZh9 is not bzip2"sv, ""},
      {""sv, ""},
  };
  for (const auto& c : kCases) {
    SCOPED_TRACE(std::string(c.in));
    EXPECT_EQ(SniffBinary(c.in), c.want);
  }
}

TEST(SniffBinaryTest, LooksForNulOnlyInTheFirst64KiB) {
  std::string text(64 << 10, 'a');
  EXPECT_EQ(SniffBinary(text + '\0'), "");
  text[(64 << 10) - 1] = '\0';
  EXPECT_EQ(SniffBinary(text), "NUL bytes");
}

// ---------------------------------------------------------------- Text files

TEST(IngestTextTest, ReadsFilesWithTheirPathAsSource) {
  TempDir dir;
  std::string a = dir.Write("a.txt", "First report.\n");
  std::string b = dir.Write("page.html", "<p>Named explicitly.</p>");
  std::string c = dir.Write("README", "No extension.");
  Outcome o = Read({a, b, c});
  EXPECT_EQ(o.Errors(), "");
  ASSERT_EQ(o.docs.size(), 3u);
  EXPECT_EQ(o.docs[0].source, a);
  EXPECT_EQ(o.docs[0].raw, "First report.\n");
  EXPECT_EQ(o.docs[1].source, b);
  EXPECT_EQ(o.docs[1].raw, "<p>Named explicitly.</p>");
  EXPECT_EQ(o.docs[2].raw, "No extension.");
  EXPECT_TRUE(o.docs[0].url.empty());
  EXPECT_TRUE(o.docs[0].authors.empty());
}

TEST(IngestTextTest, RejectsMissingEmptyAndBinaryFilesWithReasons) {
  TempDir dir;
  std::string gzip = Gzip("looks like text inside");
  std::vector<std::string> paths = {
      dir.Path("missing.txt"),
      dir.Write("empty.txt", ""),
      dir.Write("photo.txt", "\x89PNG\r\n\x1A\n\0\0\0\rIHDR"sv),
      dir.Write("zipped.txt", gzip),
      dir.Write("nul.text", "text\0more"sv),
      dir.Write("scan.pdf", "%PDF-1.4\n"),
      dir.Write("ok.txt", "fine"),
      dir.Path("missing/deeper.txt"),
  };
  Outcome o = Read(paths);
  EXPECT_EQ(o.Sources(dir.path()), "[/ok.txt]");
  EXPECT_EQ(o.Errors(dir.path()),
            "[/missing.txt: no such file or folder]"
            "[/empty.txt: empty file]"
            "[/photo.txt: binary file (PNG image), not text]"
            "[/zipped.txt: binary file (gzip data), not text]"
            "[/nul.text: binary file (NUL bytes), not text]"
            "[/scan.pdf: binary file (PDF document), not text]"
            "[/missing/deeper.txt: no such file or folder]");
}

TEST(IngestTextTest, RejectsAnUnreadableFile) {
  TempDir dir;
  std::string path = dir.Write("secret.txt", "hidden");
  ASSERT_EQ(::chmod(path.c_str(), 0), 0);
  if (::access(path.c_str(), R_OK) == 0) {
    GTEST_SKIP() << "this user reads every file (root); IngestFakeFileSystemTest covers it";
  }
  Outcome o = Read({path});
  EXPECT_EQ(o.Errors(dir.path()), "[/secret.txt: permission denied]");
}

TEST(IngestTextTest, RejectsAHugeFileWithoutReadingIt) {
  TempDir dir;
  std::string path = dir.Path("huge.txt");
  std::string jsonl = dir.Path("huge.jsonl");
  for (const std::string& p : {path, jsonl}) {
    int fd = ::open(p.c_str(), O_CREAT | O_WRONLY | O_TRUNC, 0644);
    ASSERT_GE(fd, 0);
    ASSERT_EQ(::ftruncate(fd, 200ll << 20), 0);  // Sparse: costs no disk.
    ::close(fd);
  }
  auto start = std::chrono::steady_clock::now();
  Outcome o = Read({path});
  auto elapsed = std::chrono::steady_clock::now() - start;
  EXPECT_LT(elapsed, std::chrono::milliseconds(500));
  EXPECT_EQ(o.Errors(dir.path()),
            "[/huge.txt: input holds 209715200 bytes, over the limit of 67108864 bytes "
            "(raise it with --max-bytes)]");
  IngestOptions small;
  small.max_bytes = 1000;
  o = Read({jsonl, dir.Write("small.txt", std::string(1001, 'x'))}, small);
  EXPECT_EQ(o.Errors(dir.path()),
            "[/huge.jsonl: input holds 209715200 bytes, over the limit of 1000 bytes "
            "(raise it with --max-bytes)]"
            "[/small.txt: input holds 1001 bytes, over the limit of 1000 bytes "
            "(raise it with --max-bytes)]");
}

// ---------------------------------------------------------------- Folders

TEST(IngestFolderTest, ReadsRecursivelyInBytewiseOrderSkippingOthers) {
  TempDir dir;
  dir.Write("corpus/b.txt", "b");
  dir.Write("corpus/a/z.md", "z");  // Not read: a README.md is no article.
  dir.Write("corpus/a/Y.TXT", "Y");
  dir.Write("corpus/a/deep/er/x.Text", "x");
  dir.Write("corpus/B.Text", "B");
  dir.Write("corpus/.hidden.txt", "hidden");
  dir.Write("corpus/.git/HEAD.txt", "hidden too");
  dir.Write("corpus/gold.json", R"({"not": "read"})");
  dir.Write("corpus/notes.csv", "a,b");
  dir.Write("corpus/image.png", "\x89PNG\r\n\x1A\n"sv);
  dir.Write("corpus/c.jsonl", R"({"text":"c1"})"
                              "\n"
                              R"({"text":"c2"})"
                              "\n");
  dir.Write("corpus/d.JSONL.GZ", Gzip(R"({"text":"d"})"));
  dir.Write("corpus/e.jsonl.zst", Zstd(R"({"text":"e"})"
                                       "\n"));
  Outcome o = Read({dir.Path("corpus")});
  EXPECT_EQ(o.Errors(), "");
  EXPECT_EQ(o.Sources(dir.Path("corpus")),
            "[/B.Text][/a/Y.TXT][/a/deep/er/x.Text][/b.txt]"
            "[/c.jsonl:1][/c.jsonl:2][/d.JSONL.GZ:1][/e.jsonl.zst:1]");
  std::string raws;
  for (const Document& d : o.docs) raws += d.raw;
  EXPECT_EQ(raws, "BYxbc1c2de");
}

TEST(IngestFolderTest, JoinsATrailingSlashWithoutDoublingIt) {
  TempDir dir;
  dir.Write("corpus/a.txt", "a");
  Outcome o = Read({dir.Path("corpus/")});
  EXPECT_EQ(o.Sources(), "[" + dir.Path("corpus/a.txt") + "]");
}

TEST(IngestFolderTest, FolderWithoutReadableFilesIsOneError) {
  TempDir dir;
  dir.Write("gold/gold.json", "{}");
  dir.Write("gold/.notes.txt", "hidden");
  dir.Write("gold/sub/pic.jpg", "\xFF\xD8\xFF"sv);
  dir.MakeFolder("gold/empty/emptier");
  dir.MakeFolder("void");
  Outcome o = Read({dir.Path("gold"), dir.Path("void")});
  EXPECT_EQ(o.Sources(), "");
  EXPECT_EQ(o.Errors(dir.path()),
            "[/gold: folder holds no readable files (looked for .txt, .text, .jsonl, "
            ".jsonl.gz, .jsonl.zst)]"
            "[/void: folder holds no readable files (looked for .txt, .text, .jsonl, "
            ".jsonl.gz, .jsonl.zst)]");
}

TEST(IngestFolderTest, FilesInSubfoldersCountAndBadFilesAreReportedOneByOne) {
  TempDir dir;
  dir.Write("c/gold.json", "{}");
  dir.Write("c/sub/a.txt", "a");
  dir.Write("c/sub/b.txt", "");
  Outcome o = Read({dir.Path("c")});
  EXPECT_EQ(o.Sources(dir.path()), "[/c/sub/a.txt]");
  EXPECT_EQ(o.Errors(dir.path()), "[/c/sub/b.txt: empty file]");
}

// ---------------------------------------------------------------- JSONL

TEST(IngestJsonlTest, FillsDocumentFields) {
  TempDir dir;
  std::string path =
      dir.Write("a.jsonl", R"({"id":"x1","url":"https://n.example/1","title":"A \"T\"",)"
                           R"("published":"2020-01-02","outlet":"Example News",)"
                           R"("authors":"Ann Lee, Bo Chan","topic":{"a":[1,2]},)"
                           R"("text":"Line one.\nLine \u00e9."})"
                           "\n");
  Outcome o = Read({path});
  EXPECT_EQ(o.Errors(), "");
  ASSERT_EQ(o.docs.size(), 1u);
  const Document& d = o.docs[0];
  EXPECT_EQ(d.source, "x1");
  EXPECT_EQ(d.url, "https://n.example/1");
  EXPECT_EQ(d.given_title, "A \"T\"");
  EXPECT_EQ(d.published, "2020-01-02");
  EXPECT_EQ(d.outlet, "Example News");
  EXPECT_EQ(Join(d.authors), "[Ann Lee][Bo Chan]");
  EXPECT_EQ(d.raw, "Line one.\nLine \xC3\xA9.");
  EXPECT_TRUE(d.warnings.empty());
  EXPECT_TRUE(d.title.empty());  // Filled by cleaning, not by ingest.
}

TEST(IngestJsonlTest, SourceIsIdElseUrlElsePathAndLine) {
  TempDir dir;
  std::string path = dir.Write("s.jsonl", R"({"id":"abc","url":"u0","text":"t"})"
                                          "\n"
                                          R"({"id":42,"text":"t"})"
                                          "\n"
                                          "\n"
                                          R"({"id":-1.5e3 ,"text":"t"})"
                                          "\n"
                                          R"({"id":"","url":"https://x.example/","text":"t"})"
                                          "\n"
                                          R"({"id":null,"text":"t"})"
                                          "\n"
                                          "   \t\n"
                                          R"({"text":"t","id":true})"
                                          "\n");
  Outcome o = Read({path});
  EXPECT_EQ(o.Errors(), "");
  EXPECT_EQ(o.Sources(dir.path()), "[abc][42][-1.5e3][https://x.example/][/s.jsonl:6][/s.jsonl:8]");
  ASSERT_EQ(o.docs.size(), 6u);
  EXPECT_EQ(Join(o.docs[5].warnings), "[field \"id\" is not a string or a number; ignored]");
}

TEST(IngestJsonlTest, ReadsAuthorsFromAStringOrAnArray) {
  constexpr struct {
    const char* json;
    const char* want;
  } kCases[] = {
      {R"("N. R. Kleinfield")", "[N. R. Kleinfield]"},
      {R"("Ann Lee, Bo Chan,  Cy Doe ")", "[Ann Lee][Bo Chan][Cy Doe]"},
      {R"("Smith and Jones")", "[Smith and Jones]"},
      {R"("Lee,Chan")", "[Lee,Chan]"},
      {R"(["A", " B ", "C, D", ""])", "[A][B][C, D]"},
      {R"([])", ""},
      {R"(null)", ""},
      {R"("")", ""},
  };
  for (const auto& c : kCases) {
    SCOPED_TRACE(c.json);
    Outcome o = ReadStdinText(std::string(R"({"text":"t","authors":)") + c.json + "}\n");
    ASSERT_EQ(o.docs.size(), 1u) << o.Errors();
    EXPECT_EQ(Join(o.docs[0].authors), c.want);
    EXPECT_TRUE(o.docs[0].warnings.empty());
  }
}

TEST(IngestJsonlTest, WarnsAboutFieldsOfTheWrongType) {
  Outcome o = ReadStdinText(R"({"text":"t","title":7,"authors":["A",3,{}],"url":null})");
  ASSERT_EQ(o.docs.size(), 1u);
  EXPECT_EQ(o.docs[0].given_title, "");
  EXPECT_EQ(Join(o.docs[0].authors), "[A]");
  EXPECT_EQ(Join(o.docs[0].warnings),
            "[field \"title\" is not a string; ignored]"
            "[field \"authors\" holds a value that is not a string; ignored]");
}

TEST(IngestJsonlTest, RejectsBadLinesAndGoesOn) {
  constexpr struct {
    std::string_view line;
    const char* want;  // A prefix of the reason.
  } kCases[] = {
      {"[1, 2]", "not a JSON object"},
      {R"("just a string")", "not a JSON object"},
      {"42", "not a JSON object"},
      {"null", "not a JSON object"},
      {R"({"title":"no text"})", "no string field \"text\""},
      {R"({"text":5})", "no string field \"text\""},
      {R"({"text":null})", "no string field \"text\""},
      {R"({})", "no string field \"text\""},
      {R"({"text":"a")", "invalid JSON: "},
      {R"({"text":"a"} trailing)", "invalid JSON: "},
      {R"({"text":"a"}{"text":"b"})", "invalid JSON: "},
      {R"({"text":"a",})", "invalid JSON: "},
      {R"({"text":"bad \q escape"})", "invalid JSON: "},
      {R"({text:"a"})", "invalid JSON: "},
      {"not json at all", "not a JSON object"},  // Read as a misspelt null.
      {"garbage", "invalid JSON: "},
      {R"({"text":"a","x":[1,2})", "invalid JSON: "},
      {"{\"text\":\"bad \xFF utf-8\"}"sv, "invalid JSON: "},
  };
  TempDir dir;
  for (const auto& c : kCases) {
    SCOPED_TRACE(std::string(c.line));
    std::string path =
        dir.Write("bad.jsonl", std::string(R"({"text":"before"})") + "\n\n" + std::string(c.line) +
                                   "\n" + R"({"text":"after"})");
    Outcome o = Read({path});
    EXPECT_EQ(o.Sources(dir.path()), "[/bad.jsonl:1][/bad.jsonl:4]");
    ASSERT_EQ(o.errors.size(), 1u);
    EXPECT_EQ(o.errors[0].source, path + ":3");
    EXPECT_EQ(o.errors[0].reason.rfind(c.want, 0), 0u) << o.errors[0].reason;
  }
}

TEST(IngestJsonlTest, HandlesCrlfBomAndBlankLines) {
  TempDir dir;
  std::string path = dir.Write("w.jsonl",
                               "\xEF\xBB\xBF"
                               R"({"text":"one"})"
                               "\r\n"
                               "\r\n"
                               "  \n"
                               R"({"text":"two"})"
                               "\r\n");
  Outcome o = Read({path});
  EXPECT_EQ(o.Errors(), "");
  EXPECT_EQ(o.Sources(dir.path()), "[/w.jsonl:1][/w.jsonl:4]");
  ASSERT_EQ(o.docs.size(), 2u);
  EXPECT_EQ(o.docs[1].raw, "two");
}

TEST(IngestJsonlTest, ReportsAFileOfBlankLinesOrBinaryBytes) {
  TempDir dir;
  Outcome o = Read({dir.Write("blank.jsonl", "\n \n\t\n"), dir.Write("empty.jsonl", ""),
                    dir.Write("nul.jsonl", "{\"text\":\"a\0\"}"sv)});
  EXPECT_EQ(o.Errors(dir.path()),
            "[/blank.jsonl: only blank lines][/empty.jsonl: empty file]"
            "[/nul.jsonl: binary file (NUL bytes), not text]");
}

TEST(JsonlReaderTest, SameLinesWhateverTheChunking) {
  std::string input = std::string("\xEF\xBB\xBF") + TenLines() + "\n[]\n" + R"({"text":"last"})";
  Outcome whole;
  {
    internal::JsonlReader reader("in", 1000, DocSink(&whole), ErrorSink(&whole));
    reader.Feed(input);
    reader.Finish(true);
    EXPECT_EQ(reader.documents(), 11u);
    EXPECT_EQ(reader.non_blank_lines(), 12u);
  }
  EXPECT_EQ(whole.Sources(), "[d1][d2][d3][d4][d5][d6][d7][d8][d9][d10][in:13]");
  EXPECT_EQ(whole.Errors(), "[in:12: not a JSON object]");
  for (size_t step : {1u, 2u, 7u, 64u}) {
    SCOPED_TRACE(step);
    Outcome pieces;
    internal::JsonlReader reader("in", 1000, DocSink(&pieces), ErrorSink(&pieces));
    for (size_t i = 0; i < input.size(); i += step) reader.Feed(input.substr(i, step));
    reader.Finish(true);
    EXPECT_EQ(pieces.events, whole.events);
  }
}

TEST(JsonlReaderTest, DropsACutOffLastLine) {
  Outcome o;
  internal::JsonlReader reader("in", 1000, DocSink(&o), ErrorSink(&o));
  reader.Feed(R"({"text":"a"})"
              "\n"
              R"({"text":"b)");
  reader.Finish(/*complete=*/false);
  EXPECT_EQ(o.Sources(), "[in:1]");
  EXPECT_EQ(o.Errors(), "");
}

TEST(JsonlReaderTest, RejectsLongLinesWithoutHoldingThem) {
  std::string long_line = R"({"text":")" + std::string(500, 'x') + "\"}";
  std::string input = R"({"text":"a"})"
                      "\n" +
                      long_line +
                      "\n"
                      R"({"text":"b"})"
                      "\n" +
                      long_line;
  for (size_t step : {1u, 100u, 100000u}) {
    SCOPED_TRACE(step);
    Outcome o;
    internal::JsonlReader reader("in", 100, DocSink(&o), ErrorSink(&o));
    for (size_t i = 0; i < input.size(); i += step) reader.Feed(input.substr(i, step));
    reader.Finish(true);
    EXPECT_EQ(o.Sources(), "[in:1][in:3]");
    EXPECT_EQ(o.Errors(),
              "[in:2: line holds 511 bytes, over the limit of 100 bytes (raise it with "
              "--max-bytes)][in:4: line holds 511 bytes, over the limit of 100 bytes (raise it "
              "with --max-bytes)]");
  }
}

// ---------------------------------------------------------------- Compressed

// Hands out at most 7 bytes a read, so that every state crosses chunks.
class TrickleSource final : public internal::ByteSource {
 public:
  explicit TrickleSource(std::string_view bytes) : rest_(bytes) {}
  Status Read(char* buffer, size_t capacity, size_t* n) override {
    *n = std::min({capacity, rest_.size(), size_t{7}});
    std::copy_n(rest_.data(), *n, buffer);
    rest_.remove_prefix(*n);
    return Status::Ok();
  }

 private:
  std::string_view rest_;
};

TEST(DecompressTest, JoinsMembersAndFramesAcrossTinyChunks) {
  std::string a = "first part\n", b = std::string(100000, 'b'), c = "third";
  std::string gzip = Gzip(a) + Gzip(b) + std::string(5, '\0') + Gzip(c) + std::string(3, '\0');
  std::string zstd = Zstd(a) + Zstd(b) + Zstd(c);
  for (auto [compression, bytes] : {std::pair{internal::Compression::kGzip, gzip},
                                    std::pair{internal::Compression::kZstd, zstd}}) {
    TrickleSource source(bytes);
    std::string out;
    Status s = internal::Decompress(compression, source, 1 << 20,
                                    [&](std::string_view piece) { out += piece; });
    EXPECT_TRUE(s.ok()) << s.ToString();
    EXPECT_EQ(out, a + b + c);
  }
}

TEST(DecompressTest, ReportsEmptyTruncatedCorruptAndOversizeInput) {
  std::string data = TenLines();
  struct Case {
    internal::Compression compression;
    std::string bytes;
    uint64_t max_output;
    const char* want;
  };
  const Case kCases[] = {
      {internal::Compression::kGzip, "", 1000, "data_loss: compressed data ends early"},
      {internal::Compression::kZstd, "", 1000, "data_loss: compressed data ends early"},
      {internal::Compression::kGzip, Gzip(data).substr(0, 40), 1000,
       "data_loss: compressed data ends early"},
      {internal::Compression::kZstd, Zstd(data).substr(0, 40), 1000,
       "data_loss: compressed data ends early"},
      {internal::Compression::kGzip, "plain text", 1000,
       "data_loss: corrupt gzip data: incorrect header check"},
      {internal::Compression::kZstd, "plain text", 1000,
       "data_loss: corrupt zstd data: Unknown frame descriptor"},
      {internal::Compression::kGzip, Gzip(data), 100,
       "resource_exhausted: decompressed data passes the limit of 100 bytes; stopped reading "
       "(a decompression bomb?)"},
      {internal::Compression::kZstd, Zstd(data), 100,
       "resource_exhausted: decompressed data passes the limit of 100 bytes; stopped reading "
       "(a decompression bomb?)"},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.want);
    internal::MemoryByteSource source(c.bytes);
    Status s = internal::Decompress(c.compression, source, c.max_output, [](std::string_view) {});
    EXPECT_EQ(s.ToString(), c.want);
  }
}

TEST(IngestCompressedTest, ReadsGzipAndZstdLikePlainJsonl) {
  TempDir dir;
  // Lines of varied length, some longer than a decompression chunk.
  std::mt19937 rng(7);
  std::string data;
  for (int i = 0; i < 400; ++i) {
    size_t length = (i % 50 == 3) ? 700000 : rng() % 3000;
    data += R"({"id":)" + std::to_string(i) + R"(,"text":")" + std::string(length, 'a' + i % 26) +
            "\"}\n";
    if (i % 17 == 0) data += "\n";
  }
  size_t half = data.find('\n', data.size() / 2) + 1;
  std::string paths[] = {
      dir.Write("p.jsonl", data),
      dir.Write("g.jsonl.gz", Gzip(data)),
      dir.Write("m.jsonl.gz", Gzip(data.substr(0, half)) + Gzip(data.substr(half))),
      dir.Write("z.jsonl.zst", Zstd(data)),
      dir.Write("f.jsonl.zst", Zstd(data.substr(0, half)) + Zstd(data.substr(half))),
  };
  Outcome plain = Read({paths[0]});
  ASSERT_EQ(plain.docs.size(), 400u);
  EXPECT_EQ(plain.Errors(), "");
  for (const std::string& path : paths) {
    SCOPED_TRACE(path);
    Outcome o = Read({path});
    EXPECT_EQ(o.Errors(), "");
    ASSERT_EQ(o.docs.size(), plain.docs.size());
    for (size_t i = 0; i < o.docs.size(); ++i) {
      ASSERT_EQ(o.docs[i].source, plain.docs[i].source);
      ASSERT_EQ(o.docs[i].raw, plain.docs[i].raw);
    }
  }
}

// `count` JSONL lines with ids d1.. and texts of random letters, which
// compress poorly enough to fill several gzip and zstd blocks.
std::string RandomLines(int count) {
  std::mt19937 rng(11);
  std::string out;
  for (int i = 1; i <= count; ++i) {
    out += R"({"id":"d)" + std::to_string(i) + R"(","text":")";
    for (int j = 0; j < 200; ++j) out += static_cast<char>('a' + rng() % 26);
    out += "\"}\n";
  }
  return out;
}

// Whether `o` delivered d1..dN in order, for some N.
bool IsPrefixOfIds(const Outcome& o) {
  for (size_t i = 0; i < o.docs.size(); ++i) {
    if (o.docs[i].source != "d" + std::to_string(i + 1)) return false;
  }
  return true;
}

TEST(IngestCompressedTest, KeepsLinesBeforeTruncation) {
  TempDir dir;
  std::string data = RandomLines(5000);  // About 1 MB.
  std::string gzip = Gzip(data);
  std::string zstd = Zstd(data);
  for (const std::string& path : {dir.Write("cut.jsonl.gz", gzip.substr(0, gzip.size() / 2)),
                                  dir.Write("cut.jsonl.zst", zstd.substr(0, zstd.size() / 2)),
                                  dir.Write("trailer.jsonl.gz", gzip.substr(0, gzip.size() - 4))}) {
    SCOPED_TRACE(path);
    Outcome o = Read({path});
    EXPECT_GT(o.docs.size(), 1000u);
    EXPECT_TRUE(IsPrefixOfIds(o));
    EXPECT_EQ(o.Errors(), "[" + path + ": compressed data ends early]");
    EXPECT_EQ(o.events.back(), "error " + path + ": compressed data ends early");
  }
  Outcome o = Read({dir.path() + "/trailer.jsonl.gz"});
  EXPECT_EQ(o.docs.size(), 5000u);  // Only the size field was lost.
}

TEST(IngestCompressedTest, KeepsLinesBeforeDamage) {
  TempDir dir;
  std::string data = TenLines();
  // A good member or frame, then a bad one.
  std::string bad_member("\x1F\x8B\x09\x00\x00\x00\x00\x00\x00\x03garbage"sv);
  std::string zstd = Zstd(data);
  std::string bad_checksum = Gzip(data);
  bad_checksum[bad_checksum.size() - 6] ^= 0x55;  // Inside the CRC-32.
  std::vector<std::string> paths = {
      dir.Write("bad.jsonl.gz", Gzip(data) + bad_member),
      dir.Write("bad.jsonl.zst", zstd + "garbage!"),
      dir.Write("crc.jsonl.gz", bad_checksum),
      dir.Write("not.jsonl.gz", data),
  };
  Outcome o = Read(paths);
  EXPECT_EQ(o.docs.size(), 30u) << Join(o.events);
  EXPECT_EQ(o.Errors(dir.path()),
            "[/bad.jsonl.gz: corrupt gzip data: unknown compression method]"
            "[/bad.jsonl.zst: corrupt zstd data: Unknown frame descriptor]"
            "[/crc.jsonl.gz: corrupt gzip data: incorrect data check]"
            "[/not.jsonl.gz: corrupt gzip data: incorrect header check]");
  // The error for a file follows its documents.
  EXPECT_EQ(o.events[20], "doc d10");
  EXPECT_EQ(o.events[21], "error " + paths[1] + ": corrupt zstd data: Unknown frame descriptor");
}

TEST(IngestCompressedTest, BoundsLinesAndDecompressedSizeNotFileSize) {
  TempDir dir;
  std::string line = R"({"text":")" + std::string(300, 'x') + "\"}\n";
  std::string data = line + R"({"text":")" + std::string(3000, 'y') + "\"}\n" + line + line;
  std::string gz = dir.Write("a.jsonl.gz", Gzip(data));
  std::string zst = dir.Write("a.jsonl.zst", Zstd(data));
  IngestOptions options;
  options.max_bytes = 1000;  // Above each file and line but one, below the data.
  Outcome o = Read({gz, zst}, options);
  EXPECT_EQ(o.Sources(dir.path()),
            "[/a.jsonl.gz:1][/a.jsonl.gz:3][/a.jsonl.gz:4][/a.jsonl.zst:1][/a.jsonl.zst:3]"
            "[/a.jsonl.zst:4]");
  EXPECT_EQ(o.Errors(dir.path()),
            "[/a.jsonl.gz:2: line holds 3011 bytes, over the limit of 1000 bytes (raise it with "
            "--max-bytes)][/a.jsonl.zst:2: line holds 3011 bytes, over the limit of 1000 bytes "
            "(raise it with --max-bytes)]");
  options.max_decompressed_bytes = 3500;
  o = Read({gz, zst}, options);
  EXPECT_EQ(o.Sources(dir.path()), "[/a.jsonl.gz:1][/a.jsonl.zst:1]");
  EXPECT_EQ(o.Errors(dir.path()),
            "[/a.jsonl.gz:2: line holds 3011 bytes, over the limit of 1000 bytes (raise it with "
            "--max-bytes)][/a.jsonl.gz: decompressed data passes the limit of 3500 bytes; "
            "stopped reading (a decompression bomb?)]"
            "[/a.jsonl.zst:2: line holds 3011 bytes, over the limit of 1000 bytes (raise it with "
            "--max-bytes)][/a.jsonl.zst: decompressed data passes the limit of 3500 bytes; "
            "stopped reading (a decompression bomb?)]");
}

TEST(IngestCompressedTest, ReportsEmptyAndBlankCompressedFiles) {
  TempDir dir;
  Outcome o = Read({dir.Write("zero.jsonl.gz", ""), dir.Write("nothing.jsonl.gz", Gzip("")),
                    dir.Write("nothing.jsonl.zst", Zstd("")),
                    dir.Write("blank.jsonl.zst", Zstd("\n\n  \n"))});
  EXPECT_EQ(o.Errors(dir.path()),
            "[/zero.jsonl.gz: empty file]"
            "[/nothing.jsonl.gz: empty file once decompressed]"
            "[/nothing.jsonl.zst: empty file once decompressed]"
            "[/blank.jsonl.zst: only blank lines]");
}

// ---------------------------------------------------------------- stdin

TEST(IngestStdinTest, TextIsOneDocument) {
  Outcome o = ReadStdinText("Piped report.\nSecond line.\n");
  EXPECT_EQ(o.Sources(), "[stdin:1]");
  EXPECT_EQ(o.docs[0].raw, "Piped report.\nSecond line.\n");
  // A brace that does not open a JSONL record leaves the input as text.
  constexpr std::string_view kTexts[] = {
      "{braces} in prose\n", "{\"title\":\"no text\"}\n{\"text\":\"x\"}\n", "{\"text\":5}"};
  for (std::string_view text : kTexts) {
    SCOPED_TRACE(std::string(text));
    o = ReadStdinText(text);
    EXPECT_EQ(o.Sources(), "[stdin:1]");
    EXPECT_EQ(o.docs[0].raw, text);
  }
}

TEST(IngestStdinTest, JsonlIsOneDocumentALine) {
  Outcome o = ReadStdinText(
      "\n  "
      R"({"text":"a","id":"one"})"
      "\n"
      R"({"text":"b"})"
      "\n"
      "oops\n"
      R"({"text":"c","url":"https://u.example/"})");
  EXPECT_EQ(o.Sources(), "[one][stdin:3][https://u.example/]");
  EXPECT_EQ(o.Errors().rfind("[stdin:4: invalid JSON: ", 0), 0u) << o.Errors();
}

TEST(IngestStdinTest, RejectsEmptyBinaryAndOversizeInput) {
  IngestOptions options;
  options.max_bytes = 10;
  EXPECT_EQ(ReadStdinText("").Errors(), "[stdin: empty input]");
  EXPECT_EQ(ReadStdinText("GIF89a...").Errors(), "[stdin: binary input (GIF image), not text]");
  EXPECT_EQ(ReadStdinText("eleven byte", options).Errors(),
            "[stdin: input holds 11 bytes, over the limit of 10 bytes (raise it with "
            "--max-bytes)]");
}

TEST(IngestStdinTest, DashReadsTheRealStandardInput) {
  TempDir dir;
  std::string path = dir.Write("in.txt", R"({"text":"from stdin"})"
                                         "\n");
  int saved = ::dup(STDIN_FILENO);
  ASSERT_GE(saved, 0);
  int fd = ::open(path.c_str(), O_RDONLY);
  ASSERT_GE(fd, 0);
  ASSERT_EQ(::dup2(fd, STDIN_FILENO), STDIN_FILENO);
  ::close(fd);
  std::string file = dir.Write("f.txt", "file");
  Outcome o = Read({file, "-", "-"});
  ::dup2(saved, STDIN_FILENO);
  ::close(saved);
  EXPECT_EQ(o.Sources(dir.path()), "[/f.txt][stdin:1]");
  EXPECT_EQ(o.docs[1].raw, "from stdin");
  EXPECT_EQ(o.Errors(), "[stdin: empty input]");  // The second `-` finds it drained.
}

// ---------------------------------------------------------------- Any FileSystem

// Files and folders in memory; a path may fail Stat or ReadFile on purpose.
class FakeFileSystem final : public FileSystem {
 public:
  struct Entry {
    FileType type = FileType::kRegular;
    std::string bytes;
    Status stat_status;
    Status read_status;
  };
  std::map<std::string, Entry> entries;

  Status Stat(const std::string& path, FileInfo* info) const override {
    auto it = entries.find(path);
    if (it == entries.end()) return NotFoundError("cannot open: No such file or directory");
    if (!it->second.stat_status.ok()) return it->second.stat_status;
    info->type = it->second.type;
    info->size = it->second.bytes.size();
    return Status::Ok();
  }
  Status ReadFile(const std::string& path, uint64_t max_bytes, std::string* out) const override {
    auto it = entries.find(path);
    if (it == entries.end()) return NotFoundError("cannot open: No such file or directory");
    if (!it->second.read_status.ok()) return it->second.read_status;
    if (it->second.bytes.size() > max_bytes) return ResourceExhaustedError("too big");
    *out = it->second.bytes;
    return Status::Ok();
  }
  Status ListDir(const std::string& path, std::vector<std::string>* names) const override {
    auto it = entries.find(path);
    if (it == entries.end()) return NotFoundError("cannot list folder");
    if (!it->second.read_status.ok()) return it->second.read_status;
    names->clear();
    for (const auto& [name, entry] : entries) {
      if (name.size() > path.size() + 1 && name.rfind(path + "/", 0) == 0 &&
          name.find('/', path.size() + 1) == std::string::npos) {
        names->push_back(name.substr(path.size() + 1));
      }
    }
    return Status::Ok();
  }
};

TEST(IngestFakeFileSystemTest, ReadsThroughTheGivenFileSystem) {
  FakeFileSystem fake;
  Status denied = PermissionDeniedError("cannot open: Permission denied");
  fake.entries["c"].type = FileType::kDirectory;
  fake.entries["c/a.txt"].bytes = "alpha";
  fake.entries["c/b.jsonl.zst"].bytes = Zstd(R"({"text":"beta"})");
  fake.entries["c/c.jsonl.gz"].bytes = Gzip(R"({"text":"gamma"})"
                                            "\n");
  fake.entries["c/locked.txt"].read_status = denied;
  fake.entries["c/hidden"].type = FileType::kDirectory;
  fake.entries["c/hidden"].read_status = denied;
  fake.entries["c/gone.text"].stat_status = denied;
  fake.entries["c/gone.png"].stat_status = denied;  // Unknown extension: skipped.
  fake.entries["c/locked.txt"].bytes = "x";
  fake.entries["dead.txt"].read_status = DataLossError("read error: Input/output error");
  fake.entries["dead.txt"].bytes = "x";
  Outcome o = Read({"c", "dead.txt", "nowhere"}, {}, fake);
  EXPECT_EQ(o.Sources(), "[c/a.txt][c/b.jsonl.zst:1][c/c.jsonl.gz:1]");
  EXPECT_EQ(o.Errors(),
            "[c/gone.text: permission denied][c/hidden: permission denied]"
            "[c/locked.txt: permission denied][dead.txt: read error: Input/output error]"
            "[nowhere: no such file or folder]");
  ASSERT_EQ(o.docs.size(), 3u);
  EXPECT_EQ(o.docs[2].raw, "gamma");
}

TEST(IngestTest, DeliversInArgumentOrderAndReturnsTheCount) {
  TempDir dir;
  std::string a = dir.Write("a.txt", "a");
  std::string j = dir.Write("j.jsonl", R"({"text":"1","id":"j1"})"
                                       "\n[]\n"
                                       R"({"text":"2"})");
  Outcome o = Read({j, dir.Path("nope"), a, a});
  EXPECT_EQ(o.returned, 4u);
  EXPECT_EQ(Join(o.events), "[doc j1][error " + j + ":2: not a JSON object][doc " + j +
                                ":3][error " + dir.Path("nope") + ": no such file or folder][doc " +
                                a + "][doc " + a + "]");
  EXPECT_EQ(ReadInputs({}, {}, RealFileSystem(), DocSink(&o), ErrorSink(&o)), 0u);
}

// ---------------------------------------------------------------- Robustness

// Random edits of a valid line: the bytes JSON parsing trips on most.
std::string MutatedLine(std::mt19937& rng) {
  static constexpr std::string_view kValid =
      R"({"id": 12, "text": "Hello \u00e9 \"world\"", "authors": ["A", "B, C"], )"
      R"("url": "http://x", "nested": {"a": [1, 2.5e3, {"b": null, "c": true}]}})";
  static constexpr std::string_view kAlphabet = "{}[]\",:\\ 0123456789eE.-+tnfu\x80\xC3\xFF\n\r\t";
  std::string line(kValid);
  int edits = static_cast<int>(rng() % 6);
  for (int i = 0; i < edits && !line.empty(); ++i) {
    size_t at = rng() % line.size();
    char c = kAlphabet[rng() % kAlphabet.size()];
    switch (rng() % 4) {
      case 0:
        line[at] = c;
        break;
      case 1:
        line.insert(line.begin() + static_cast<long>(at), c);
        break;
      case 2:
        line.erase(at, 1 + rng() % 8);
        break;
      default:
        line.resize(at);
        break;
    }
  }
  return line;
}

TEST(IngestRobustnessTest, RandomBytesNeverCrash) {
  TempDir dir;
  std::mt19937 rng(20240601);
  size_t files = 0;
  for (int round = 0; round < 120; ++round) {
    std::string bytes;
    if (round % 2 == 0) {
      bytes.resize(rng() % 5000);
      for (char& c : bytes) c = static_cast<char>(rng());
    } else {
      int lines = 1 + static_cast<int>(rng() % 40);
      for (int i = 0; i < lines; ++i) bytes += MutatedLine(rng) + "\n";
    }
    std::string name = "r" + std::to_string(round);
    std::string gz = Gzip(bytes);
    std::string zst = Zstd(bytes);
    std::string cut_gz = gz.substr(0, rng() % (gz.size() + 1));
    std::string cut_zst = zst.substr(0, rng() % (zst.size() + 1));
    std::vector<std::string> paths = {
        dir.Write(name + ".txt", bytes),           dir.Write(name + ".jsonl", bytes),
        dir.Write(name + ".jsonl.gz", gz),         dir.Write(name + ".jsonl.zst", zst),
        dir.Write(name + "-raw.jsonl.gz", bytes),  dir.Write(name + "-raw.jsonl.zst", bytes),
        dir.Write(name + "-cut.jsonl.gz", cut_gz), dir.Write(name + "-cut.jsonl.zst", cut_zst),
    };
    size_t lines = static_cast<size_t>(std::count(bytes.begin(), bytes.end(), '\n')) + 1;
    for (const std::string& path : paths) {
      SCOPED_TRACE(path);
      ++files;
      IngestOptions options;
      options.max_bytes = 1 + rng() % 6000;
      options.max_decompressed_bytes = 1 + rng() % 8000;
      Outcome o = Read({path}, options);
      EXPECT_GE(o.events.size(), 1u);  // Each file gives a document or a reason.
      EXPECT_LE(o.docs.size(), lines);
      if (path.ends_with(".txt")) {
        EXPECT_EQ(o.events.size(), 1u);
      }
      for (const Document& d : o.docs) EXPECT_FALSE(d.source.empty());
      for (const InputError& e : o.errors) EXPECT_FALSE(e.reason.empty());
    }
    Outcome o = ReadStdinText(bytes);
    EXPECT_GE(o.events.size(), 1u);
    EXPECT_LE(o.docs.size(), lines);
  }
  EXPECT_EQ(files, 960u);
}

// ---------------------------------------------------------------- Real data

TEST(IngestPerfCorpusTest, ReadsEveryArticleOfTheCompressedCorpus) {
  const std::string path = RSH_SHARED_DIR "/data/perf/articles.jsonl.zst";
  if (!fs::exists(path)) GTEST_SKIP() << path << " is absent";
  size_t documents = 0;
  size_t with_authors = 0;
  size_t bytes = 0;
  std::vector<InputError> errors;
  std::string first_source;
  size_t n = ReadInputs(
      {path}, {}, RealFileSystem(),
      [&](Document d) {
        if (documents++ == 0) first_source = d.source;
        EXPECT_FALSE(d.source.empty());
        EXPECT_FALSE(d.raw.empty());
        with_authors += d.authors.empty() ? 0 : 1;
        bytes += d.raw.size();
      },
      [&](const InputError& e) { errors.push_back(e); });
  EXPECT_EQ(n, 37554u);
  EXPECT_EQ(documents, 37554u);
  EXPECT_TRUE(errors.empty()) << errors.size() << " errors, first: " << errors[0].source << ": "
                              << errors[0].reason;
  EXPECT_EQ(first_source, "004Gt3gcsotuiYmz");
  EXPECT_GT(with_authors, 10000u);
  EXPECT_GT(bytes, 100u << 20);
}

}  // namespace
}  // namespace rashomon::ingest

namespace rashomon::ingest {
namespace {

TEST(IngestFolderTest, SymbolicLinkLoopsAreWalkedOnce) {
  TempDir dir;
  dir.Write("corpus/a.txt", "a");
  std::filesystem::create_directory_symlink(".", dir.Path("corpus/l1"));
  std::filesystem::create_directory_symlink(".", dir.Path("corpus/l2"));
  std::filesystem::create_directory_symlink("..", dir.Path("corpus/up"));
  Outcome o = Read({dir.Path("corpus")});
  EXPECT_EQ(o.Errors(), "");
  EXPECT_EQ(o.Sources(dir.Path("corpus")), "[/a.txt]");
}

TEST(IngestFolderTest, SkipFilesAreNotRead) {
  TempDir dir;
  dir.Write("corpus/a.txt", "a");
  dir.Write("corpus/out.jsonl", R"({"text":"old output"})");
  IngestOptions options;
  options.skip_files = {dir.Path("corpus/out.jsonl"), dir.Path("not/there")};
  Outcome o = Read({dir.Path("corpus")}, options);
  EXPECT_EQ(o.Errors(), "");
  EXPECT_EQ(o.Sources(dir.Path("corpus")), "[/a.txt]");
}

}  // namespace
}  // namespace rashomon::ingest
