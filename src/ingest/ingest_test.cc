#include "ingest/ingest.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "base/file_system.h"
#include "ingest/decompress.h"
#include "ingest/jsonl.h"
#include "ingest/warc.h"

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
  Outcome o = Read({path});
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
            "[/gold: folder holds no readable files (looked for .txt, .text, .jsonl(.gz, "
            ".zst), .html, .htm, .xhtml (.gz), .warc(.gz, .zst))]"
            "[/void: folder holds no readable files (looked for .txt, .text, .jsonl(.gz, "
            ".zst), .html, .htm, .xhtml (.gz), .warc(.gz, .zst))]");
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

// ================================================================ HTML and WARC

namespace rashomon::ingest {
namespace {

// "[source kind]" for each document, kind "text" or "html", with `strip`
// removed from sources.
std::string Kinds(const Outcome& o, const std::string& strip = "") {
  std::string out;
  for (const Document& d : o.docs) {
    out += "[" + Outcome::Strip(d.source, strip) +
           (d.format == DocFormat::kHtml ? " html]" : " text]");
  }
  return out;
}

constexpr std::string_view kPage =
    "<!DOCTYPE html><html><head><meta charset=\"windows-1251\"><title>T</title></head>"
    "<body><p>\xCF\xF0\xE8\xE2\xE5\xF2</p></body></html>";  // Привет in windows-1251.

// ---------------------------------------------------------------- HTML files

TEST(IngestHtmlTest, ReadsHtmlFilesAsUndecodedBytes) {
  TempDir dir;
  std::vector<std::string> paths = {
      dir.Write("a.html", kPage),
      dir.Write("b.HTM", "<p>short</p>"),
      dir.Write("c.xhtml", "<html xmlns=\"http://www.w3.org/1999/xhtml\"/>"),
      dir.Write("d.html.gz", Gzip(kPage)),
      dir.Write("e.htm.gz", Gzip("<p>e</p>")),
      // UTF-16 holds NUL bytes, but its byte order mark says it is text.
      dir.Write("f.html", "\xFF\xFE<\0p\0>\0"sv),
  };
  Outcome o = Read(paths);
  EXPECT_EQ(o.Errors(), "");
  EXPECT_EQ(Kinds(o, dir.path()),
            "[/a.html html][/b.HTM html][/c.xhtml html][/d.html.gz html][/e.htm.gz html]"
            "[/f.html html]");
  ASSERT_EQ(o.docs.size(), 6u);
  EXPECT_EQ(o.docs[0].raw, kPage);
  EXPECT_EQ(o.docs[0].source, paths[0]);
  EXPECT_EQ(o.docs[3].raw, kPage);
  EXPECT_EQ(o.docs[3].source, paths[3]);
  EXPECT_EQ(o.docs[4].raw, "<p>e</p>");
  EXPECT_EQ(o.docs[5].raw, "\xFF\xFE<\0p\0>\0"sv);
  EXPECT_TRUE(o.docs[0].url.empty());
  EXPECT_TRUE(o.docs[0].content_type.empty());
}

TEST(IngestHtmlTest, RejectsTruncatedCorruptBinaryAndOversizePages) {
  TempDir dir;
  std::string gz = Gzip(std::string(kPage) + std::string(5000, 'x'));
  std::vector<std::string> paths = {
      dir.Write("cut.html.gz", gz.substr(0, gz.size() / 2)),
      dir.Write("plain.html.gz", kPage),
      dir.Write("photo.html", "\x89PNG\r\n\x1A\n\0\0\0\rIHDR"sv),
      dir.Write("nul.htm", "<p>a\0b</p>"sv),
      dir.Write("photo.html.gz", Gzip("\x89PNG\r\n\x1A\n\0\0\0\rIHDR"sv)),
      dir.Write("empty.html", ""),
      dir.Write("nothing.html.gz", Gzip("")),
      dir.Write("big.html.gz", Gzip(std::string(3000, 'x'))),
      dir.Write("big.html", std::string(3000, 'x')),
      dir.Write("ok.html", "<p>fine</p>"),
  };
  IngestOptions options;
  options.max_bytes = 2000;
  Outcome o = Read(paths, options);
  EXPECT_EQ(o.Sources(dir.path()), "[/ok.html]");
  EXPECT_EQ(o.Errors(dir.path()),
            "[/cut.html.gz: gzip stream ends early (truncated); page not read]"
            "[/plain.html.gz: corrupt gzip data: incorrect header check]"
            "[/photo.html: binary file (PNG image), not HTML]"
            "[/nul.htm: binary file (NUL bytes), not HTML]"
            "[/photo.html.gz: binary file (PNG image) once decompressed, not HTML]"
            "[/empty.html: empty file]"
            "[/nothing.html.gz: empty file once decompressed]"
            "[/big.html.gz: page passes the limit of 2000 bytes once decompressed (raise it "
            "with --max-bytes)]"
            "[/big.html: input holds 3000 bytes, over the limit of 2000 bytes (raise it with "
            "--max-bytes)]");
}

TEST(IngestHtmlTest, AFileNamedExplicitlyIsHtmlWhenItLooksLikeHtml) {
  TempDir dir;
  std::vector<std::string> paths = {
      dir.Write("page", "\xEF\xBB\xBF \r\n<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01//EN\">"),
      dir.Write("index.php", "\n<HTML><body>x</body></HTML>"),
      dir.Write("README", "No extension; <html> later is text."),
      dir.Write("page.txt", "<html>a .txt file stays text</html>"),
      dir.Write("fragment", "<p>no doctype, no html tag: text</p>"),
  };
  Outcome o = Read(paths);
  EXPECT_EQ(o.Errors(), "");
  EXPECT_EQ(Kinds(o, dir.path()),
            "[/page html][/index.php html][/README text][/page.txt text][/fragment text]");
  EXPECT_EQ(o.docs[0].raw, "\xEF\xBB\xBF \r\n<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01//EN\">");
}

// ---------------------------------------------------------------- WARC building

// One WARC/1.0 record: `headers` (each ending in \r\n) after WARC-Type,
// then a Content-Length of the block's size plus `length_error`.
std::string WarcRecord(std::string_view type, std::string_view headers, std::string_view block,
                       long length_error = 0) {
  return "WARC/1.0\r\nWARC-Type: " + std::string(type) + "\r\n" + std::string(headers) +
         "Content-Length: " + std::to_string(static_cast<long>(block.size()) + length_error) +
         "\r\n\r\n" + std::string(block) + "\r\n\r\n";
}

std::string Warcinfo() {
  return WarcRecord("warcinfo",
                    "WARC-Date: 2024-05-01T10:00:00Z\r\nContent-Type: "
                    "application/warc-fields\r\n",
                    "software: test\r\nformat: WARC File Format 1.0\r\n");
}

std::string Request(std::string_view url) {
  return WarcRecord("request",
                    "WARC-Target-URI: " + std::string(url) +
                        "\r\nContent-Type: application/http; msgtype=request\r\n",
                    "GET / HTTP/1.1\r\nHost: news.example\r\n\r\n");
}

// A response record for `url` with the HTTP head `http_head` (status line
// and headers, without the blank line) and `body`.
std::string Response(std::string_view url, std::string_view http_head, std::string_view body,
                     long length_error = 0) {
  return WarcRecord("response",
                    "WARC-Target-URI: <" + std::string(url) +
                        ">\r\nWARC-Date: 2024-05-01T10:00:01Z\r\n"
                        "Content-Type: application/http; msgtype=response\r\n",
                    std::string(http_head) + "\r\n\r\n" + std::string(body), length_error);
}

// The size of the HTTP head HtmlResponse writes before the body.
constexpr size_t kHttpHead =
    std::string_view("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=UTF-8\r\n\r\n").size();

std::string HtmlResponse(std::string_view url, std::string_view body, long length_error = 0) {
  return Response(url, "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=UTF-8", body,
                  length_error);
}

std::string Article(int n) {
  return "<!doctype html><html><body><p>Article " + std::to_string(n) + "</p></body></html>";
}

// Gzips each record separately, as .warc.gz writers do.
std::string GzipEach(const std::vector<std::string>& records) {
  std::string out;
  for (const std::string& r : records) out += Gzip(r);
  return out;
}

std::string Concat(const std::vector<std::string>& records) {
  std::string out;
  for (const std::string& r : records) out += r;
  return out;
}

// "[source url]" for each document, `strip` removed from sources.
std::string Urls(const Outcome& o, const std::string& strip = "") {
  std::string out;
  for (const Document& d : o.docs) out += "[" + Outcome::Strip(d.source, strip) + " " + d.url + "]";
  return out;
}

// ---------------------------------------------------------------- WARC

TEST(IngestWarcTest, KeepsTheHtmlResponseOfThreeRecords) {
  TempDir dir;
  std::string warc = Warcinfo() + Request("https://news.example/a") +
                     HtmlResponse("https://news.example/a", kPage);
  std::string path = dir.Write("crawl.warc", warc);
  Outcome o = Read({path});
  EXPECT_EQ(o.Errors(), "");
  ASSERT_EQ(o.docs.size(), 1u);
  const Document& d = o.docs[0];
  EXPECT_EQ(d.source, path + "#3");
  EXPECT_EQ(d.url, "https://news.example/a");
  EXPECT_EQ(d.fetched, "2024-05-01T10:00:01Z");
  EXPECT_EQ(d.content_type, "text/html; charset=UTF-8");
  EXPECT_EQ(d.raw, kPage);
  EXPECT_EQ(d.format, DocFormat::kHtml);
  EXPECT_TRUE(d.warnings.empty());
}

TEST(IngestWarcTest, SelectsHtmlPagesAmongRecords) {
  TempDir dir;
  std::vector<std::string> records = {
      Warcinfo(),
      Request("https://n.example/1"),
      HtmlResponse("https://n.example/1", Article(1)),
      Response("https://n.example/404", "HTTP/1.1 404 Not Found\r\nContent-Type: text/html",
               Article(404)),
      Response("https://n.example/301", "HTTP/1.1 301 Moved\r\nLocation: /x", ""),
      Response("https://n.example/logo.png", "HTTP/1.1 200 OK\r\nContent-Type: image/png",
               "\x89PNG\r\n\x1A\n"),
      // No Content-Type: the body decides.
      Response("https://n.example/2", "HTTP/1.0 200 OK", "\n  " + Article(2)),
      Response("https://n.example/data", "HTTP/1.0 200 OK", "{\"json\": true}"),
      Response("https://n.example/3", "HTTP/1.1 200 OK\r\nContent-Type: application/xhtml+xml",
               Article(3)),
      WarcRecord("resource", "WARC-Target-URI: file:///4.html\r\nContent-Type: text/html\r\n",
                 Article(4)),
      WarcRecord("resource", "WARC-Target-URI: file:///4.css\r\nContent-Type: text/css\r\n",
                 "p {}"),
      WarcRecord("metadata", "WARC-Target-URI: https://n.example/1\r\n", "via: x\r\n"),
      WarcRecord("revisit", "WARC-Target-URI: https://n.example/1\r\n",
                 "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"),
      WarcRecord("response", "WARC-Target-URI: dns:n.example\r\nContent-Type: text/dns\r\n",
                 "20240501 n.example. 300 IN A 192.0.2.1\r\n"),
  };
  Outcome o = Read({dir.Write("mixed.warc", Concat(records))});
  EXPECT_EQ(o.Errors(), "");
  EXPECT_EQ(Urls(o, dir.path()),
            "[/mixed.warc#3 https://n.example/1][/mixed.warc#7 https://n.example/2]"
            "[/mixed.warc#9 https://n.example/3][/mixed.warc#10 file:///4.html]");
  ASSERT_EQ(o.docs.size(), 4u);
  EXPECT_EQ(o.docs[1].raw, "\n  " + Article(2));
  EXPECT_EQ(o.docs[1].content_type, "");
  EXPECT_EQ(o.docs[3].content_type, "text/html");
  EXPECT_EQ(o.docs[3].raw, Article(4));
  // An archive without pages says what it held.
  std::vector<std::string> none(records.begin(), records.begin() + 2);
  none.push_back(records[3]);
  none.push_back(records[5]);
  std::string path = dir.Write("none.warc", Concat(none));
  o = Read({path});
  EXPECT_EQ(o.Errors(dir.path()),
            "[/none.warc: no HTML pages among 4 records (1 request, 1 response not HTML, 1 "
            "response status 404, 1 warcinfo)]");
}

// `parts` as an HTTP chunked body; the second chunk has an extension.
std::string Chunked(const std::vector<std::string>& parts) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    char size[20];
    std::snprintf(size, sizeof(size), "%zX", parts[i].size());
    out += std::string(size) + (i == 1 ? ";ext=1" : "") + "\r\n" + parts[i] + "\r\n";
  }
  return out + "0\r\n\r\n";
}

TEST(IngestWarcTest, UndoesChunkingAndCompressionOfBodies) {
  TempDir dir;
  std::string page = Article(1);
  std::string chunked = Chunked({page.substr(0, 10), page.substr(10, 30), page.substr(40)});
  std::string gz = Gzip(page);
  std::string gz_chunked = Chunked({gz.substr(0, 5), gz.substr(5)});
  std::mt19937 rng(8);
  std::string noise;
  for (int i = 0; i < 5000; ++i) noise += static_cast<char>('a' + rng() % 26);
  std::string long_gz = Gzip(page + noise);
  z_stream zs{};
  ASSERT_EQ(deflateInit(&zs, 6), Z_OK);  // zlib framing, as "deflate" means.
  std::string zlib(200, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(page.data());
  zs.avail_in = static_cast<uInt>(page.size());
  zs.next_out = reinterpret_cast<Bytef*>(zlib.data());
  zs.avail_out = static_cast<uInt>(zlib.size());
  ASSERT_EQ(deflate(&zs, Z_FINISH), Z_STREAM_END);
  zlib.resize(zs.total_out);
  deflateEnd(&zs);
  const std::string kHtml = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n";
  std::vector<std::string> records = {
      Response("https://n.example/chunked", kHtml + "Transfer-Encoding: chunked", chunked),
      Response("https://n.example/gzip", kHtml + "Content-Encoding: gzip", gz),
      Response("https://n.example/both",
               kHtml + "Transfer-Encoding: chunked\r\nContent-Encoding: gzip", gz_chunked),
      Response("https://n.example/deflate", kHtml + "Content-Encoding: deflate", zlib),
      // Common Crawl stores bodies decoded but may keep the headers.
      Response("https://n.example/decoded",
               kHtml + "Transfer-Encoding: chunked\r\nContent-Encoding: gzip", page),
      Response("https://n.example/br", kHtml + "Content-Encoding: br", "\x0B\x02\x80"),
      Response("https://n.example/cut", kHtml + "Content-Encoding: gzip",
               long_gz.substr(0, long_gz.size() / 2)),
  };
  std::string path = dir.Write("bodies.warc", Concat(records));
  Outcome o = Read({path});
  size_t br_offset = Concat({records.begin(), records.begin() + 5}).size();
  EXPECT_EQ(o.Errors(), "[" + path + ": record 6 at byte " + std::to_string(br_offset) +
                            ": body encoded as \"br\", which is not supported]");
  EXPECT_EQ(o.Sources(path), "[#1][#2][#3][#4][#5][#7]");
  ASSERT_EQ(o.docs.size(), 6u);
  for (size_t i = 0; i < 5; ++i) {
    SCOPED_TRACE(o.docs[i].url);
    EXPECT_EQ(o.docs[i].raw, page);
    EXPECT_TRUE(o.docs[i].warnings.empty());
  }
  // A gzip body cut off keeps what was decoded, with a warning.
  EXPECT_EQ(o.docs[5].raw.rfind(page, 0), 0u);
  ASSERT_EQ(o.docs[5].warnings.size(), 1u);
  EXPECT_EQ(o.docs[5].warnings[0].rfind("gzip body ends early; kept the ", 0), 0u);
}

TEST(IngestWarcTest, ReadsGzipAndZstdArchives) {
  TempDir dir;
  std::vector<std::string> records = {Warcinfo(), Request("https://n.example/1"),
                                      HtmlResponse("https://n.example/1", Article(1)),
                                      HtmlResponse("https://n.example/2", Article(2))};
  std::vector<std::string> paths = {
      dir.Write("a.warc", Concat(records)),
      dir.Write("each.warc.gz", GzipEach(records)),
      dir.Write("whole.warc.gz", Gzip(Concat(records))),
      dir.Write("a.warc.zst", Zstd(Concat(records))),
      dir.Write("frames.warc.zst", Zstd(records[0] + records[1]) + Zstd(records[2] + records[3])),
  };
  for (const std::string& path : paths) {
    SCOPED_TRACE(path);
    Outcome o = Read({path});
    EXPECT_EQ(o.Errors(), "");
    EXPECT_EQ(Urls(o, path), "[#3 https://n.example/1][#4 https://n.example/2]");
    ASSERT_EQ(o.docs.size(), 2u);
    EXPECT_EQ(o.docs[1].raw, Article(2));
  }
}

TEST(IngestWarcTest, TruncatedLastRecordKeepsTheRecordsBefore) {
  TempDir dir;
  std::string before = Warcinfo() + HtmlResponse("https://n.example/1", Article(1)) +
                       HtmlResponse("https://n.example/2", Article(2));
  std::string body(5000 - kHttpHead, 'b');
  std::string last = HtmlResponse("https://n.example/3", body);
  size_t block_start = last.find("HTTP/1.1");
  ASSERT_EQ(last.size() - block_start - 4, 5000u);  // Content-Length 5000.
  std::string path = dir.Write("cut.warc", before + last.substr(0, block_start + 1200));
  Outcome o = Read({path});
  EXPECT_EQ(o.Sources(path), "[#2][#3]");
  EXPECT_EQ(o.Errors(), "[" + path + ": record 4 at byte " + std::to_string(before.size()) +
                            ": truncated (Content-Length 5000, 1200 bytes left)]");
  // Cut inside the header, or inside the version line.
  for (size_t keep : {size_t{30}, size_t{4}}) {
    path = dir.Write("head.warc", before + last.substr(0, keep));
    o = Read({path});
    EXPECT_EQ(o.Sources(path), "[#2][#3]");
    EXPECT_EQ(o.Errors(), "[" + path + ": record 4 at byte " + std::to_string(before.size()) +
                              ": truncated in its header (" + std::to_string(keep) +
                              " bytes left)]");
  }
  // Only the final blank line missing: the record is whole.
  path = dir.Write("tail.warc", before + last.substr(0, last.size() - 3));
  o = Read({path});
  EXPECT_EQ(o.Sources(path), "[#2][#3][#4]");
  EXPECT_EQ(o.Errors(), "");
}

// Four pages; record 2's Content-Length is off by `error` bytes.
std::string WrongLengthArchive(long error, std::vector<size_t>* offsets) {
  std::vector<std::string> records;
  for (int i = 1; i <= 4; ++i) {
    records.push_back(
        HtmlResponse("https://n.example/" + std::to_string(i), Article(i), i == 2 ? error : 0));
  }
  std::string out;
  for (const std::string& r : records) {
    offsets->push_back(out.size());
    out += r;
  }
  return out;
}

TEST(IngestWarcTest, WrongContentLengthIsReportedAndReadingResumes) {
  TempDir dir;
  for (long error : {-10L, -1L, 1L, 30L, 300L}) {
    SCOPED_TRACE(error);
    std::vector<size_t> offsets;
    std::string path = dir.Write("wrong.warc", WrongLengthArchive(error, &offsets));
    Outcome o = Read({path});
    // Record 2 is dropped; the next record found is numbered 3.
    EXPECT_EQ(Urls(o, path),
              "[#1 https://n.example/1][#3 https://n.example/3][#4 https://n.example/4]");
    size_t length = kHttpHead + Article(2).size() + error;
    EXPECT_EQ(o.Errors(), "[" + path + ": record 2 at byte " + std::to_string(offsets[1]) +
                              ": wrong Content-Length " + std::to_string(length) +
                              " (the block is not followed by a blank line); skipped to the "
                              "next record]");
  }
}

TEST(IngestWarcTest, GarbageBetweenRecordsIsSkippedOnce) {
  TempDir dir;
  std::string one = HtmlResponse("https://n.example/1", Article(1));
  std::string junk = "junk line\r\nmore WARC/1.0 junk\r\n";
  std::string two = HtmlResponse("https://n.example/2", Article(2));
  std::string path = dir.Write("junk.warc", "\r\n" + one + junk + two + "\r\n\r\ntrailing");
  Outcome o = Read({path});
  EXPECT_EQ(Urls(o, path), "[#1 https://n.example/1][#2 https://n.example/2]");
  EXPECT_EQ(o.Errors(), "[" + path + ": byte " + std::to_string(2 + one.size()) + ": " +
                            std::to_string(junk.size()) +
                            " bytes that are not a WARC record skipped][" + path + ": byte " +
                            std::to_string(2 + one.size() + junk.size() + two.size() + 4) +
                            ": 8 bytes that are not a WARC record skipped]");
  // A file that holds no record at all.
  o = Read({dir.Write("not.warc", "just text\n"), dir.Write("zip.warc", Gzip(Article(1)))});
  EXPECT_EQ(o.Errors(dir.path()),
            "[/not.warc: not a WARC archive (no WARC/1.0 or WARC/1.1 record found)]"
            "[/zip.warc: not a WARC archive (gzip data)]");
}

TEST(IngestWarcTest, OversizeRecordIsSkippedWithoutBeingHeld) {
  TempDir dir;
  std::string one = HtmlResponse("https://n.example/1", Article(1));
  std::string big = HtmlResponse("https://n.example/big", std::string(5000, 'x'));
  std::string three = HtmlResponse("https://n.example/3", Article(3));
  IngestOptions options;
  options.max_bytes = 1000;
  for (const std::string& path : {dir.Write("big.warc", one + big + three),
                                  dir.Write("big.warc.gz", GzipEach({one, big, three}))}) {
    SCOPED_TRACE(path);
    Outcome o = Read({path}, options);
    EXPECT_EQ(Urls(o, path), "[#1 https://n.example/1][#3 https://n.example/3]");
    EXPECT_EQ(o.Errors(), "[" + path + ": record 2 at byte " + std::to_string(one.size()) +
                              ": Content-Length 5059 is over the limit of 1000 bytes (raise it "
                              "with --max-bytes); skipped]");
  }
}

TEST(IngestWarcTest, GzipMemberEndingEarlyKeepsTheRecordsBefore) {
  TempDir dir;
  std::mt19937 rng(3);
  std::string noise;  // Incompressible, so that half a member holds data.
  for (int i = 0; i < 20000; ++i) noise += static_cast<char>('a' + rng() % 26);
  std::vector<std::string> records = {Warcinfo(), HtmlResponse("https://n.example/1", Article(1)),
                                      HtmlResponse("https://n.example/2", "<p>" + noise)};
  std::string first = Gzip(records[0]) + Gzip(records[1]);
  std::string last = Gzip(records[2]);
  std::string path = dir.Write("cut.warc.gz", first + last.substr(0, last.size() / 2));
  Outcome o = Read({path});
  EXPECT_EQ(o.Sources(path), "[#2]");
  ASSERT_EQ(o.errors.size(), 1u);
  std::string want = "record 3 at byte " + std::to_string(records[0].size() + records[1].size()) +
                     ": gzip stream ends early (truncated) in the member at compressed byte " +
                     std::to_string(first.size()) + " (Content-Length " +
                     std::to_string(kHttpHead + 3 + noise.size()) + ", ";
  EXPECT_EQ(o.errors[0].source, path);
  EXPECT_EQ(o.errors[0].reason.rfind(want, 0), 0u) << o.errors[0].reason;
  EXPECT_TRUE(o.errors[0].reason.ends_with(" bytes left)")) << o.errors[0].reason;
  // Cut between members, and a damaged member.
  path = dir.Write("between.warc.gz", first + last.substr(0, 5));
  o = Read({path});
  EXPECT_EQ(o.Sources(path), "[#2]");
  EXPECT_EQ(o.Errors(), "[" + path +
                            ": gzip stream ends early (truncated) in the member at compressed "
                            "byte " +
                            std::to_string(first.size()) + "]");
  // A bad checksum is found after the member's data went out: the record
  // is delivered, then the damage reported.
  std::string damaged = last;
  damaged[damaged.size() - 6] ^= 0x55;  // Inside the CRC-32.
  path = dir.Write("crc.warc.gz", first + damaged + Gzip(records[1]));
  o = Read({path});
  EXPECT_EQ(o.Sources(path), "[#2][#3]");
  EXPECT_EQ(o.Errors(), "[" + path +
                            ": corrupt gzip data: incorrect data check in the member at "
                            "compressed byte " +
                            std::to_string(first.size()) + "]");
}

TEST(IngestWarcTest, BadHeadersAreReportedAndReadingResumes) {
  TempDir dir;
  std::string one = HtmlResponse("https://n.example/1", Article(1));
  std::string last = HtmlResponse("https://n.example/9", Article(9));
  const std::string kHead = "WARC/1.1\r\nWARC-Type: response\r\n";
  struct Case {
    std::string record;
    std::string want;
  };
  const Case kCases[] = {
      {kHead + "\r\n" + Article(2) + "\r\n\r\n", "no Content-Length"},
      {kHead + "Content-Length: 12abc\r\n\r\n" + Article(2) + "\r\n\r\n",
       "invalid Content-Length \"12abc\""},
      {kHead + "Content-Length: 99999999999999999999999\r\n\r\n" + Article(2) + "\r\n\r\n",
       "invalid Content-Length \"99999999999999999999999\""},
      {kHead + "X-Long: " + std::string(70000, 'h') + "\r\n\r\n",
       "header longer than 65536 bytes; not a WARC record?"},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.want);
    std::string path = dir.Write("bad.warc", one + c.record + last);
    Outcome o = Read({path});
    EXPECT_EQ(Urls(o, path), "[#1 https://n.example/1][#3 https://n.example/9]");
    EXPECT_EQ(o.Errors(), "[" + path + ": record 2 at byte " + std::to_string(one.size()) + ": " +
                              c.want + "]");
  }
}

// Every kind of damage in one archive, fed in pieces of every size.
TEST(WarcReaderTest, SameOutcomeWhateverTheChunking) {
  std::vector<size_t> offsets;
  const std::string info = Warcinfo();
  const std::string wrong = WrongLengthArchive(40, &offsets);
  const std::string big = HtmlResponse("https://n.example/5", std::string(3000, 'y'));
  const std::string six = HtmlResponse("https://n.example/6", Article(6));
  const std::string warc = info + "garbage\r\n" + wrong + big + six +
                           HtmlResponse("https://n.example/7", Article(7)).substr(0, 150);
  auto run = [&](size_t piece) {
    Outcome o;
    internal::WarcReader reader("w", 2000, DocSink(&o), ErrorSink(&o));
    for (size_t at = 0; at < warc.size(); at += piece) reader.Feed(warc.substr(at, piece));
    reader.Finish("");
    EXPECT_EQ(reader.counts().records, 8u);
    EXPECT_EQ(reader.counts().documents, 4u);
    EXPECT_EQ(reader.counts().rejected, 4u);
    EXPECT_EQ(reader.bytes(), warc.size());
    return Join(o.events);
  };
  const size_t start = info.size() + 9;
  const std::string want =
      "[error w: byte " + std::to_string(info.size()) +
      ": 9 bytes that are not a WARC record skipped][doc w#2][error w: record 3 at byte " +
      std::to_string(start + offsets[1]) + ": wrong Content-Length " +
      std::to_string(kHttpHead + Article(2).size() + 40) +
      " (the block is not followed by a blank line); skipped to the next record][doc w#4]"
      "[doc w#5][error w: record 6 at byte " +
      std::to_string(start + wrong.size()) + ": Content-Length " +
      std::to_string(kHttpHead + 3000) +
      " is over the limit of 2000 bytes (raise it with --max-bytes); skipped][doc w#7]"
      "[error w: record 8 at byte " +
      std::to_string(start + wrong.size() + big.size() + six.size()) +
      ": truncated in its header (150 bytes left)]";
  for (size_t piece :
       {warc.size(), size_t{1}, size_t{2}, size_t{3}, size_t{7}, size_t{64}, size_t{1000}}) {
    SCOPED_TRACE(piece);
    EXPECT_EQ(run(piece), want);
  }
}

TEST(WarcReaderTest, RandomDamageNeverCrashes) {
  std::mt19937 rng(99);
  std::vector<size_t> offsets;
  const std::string valid = Warcinfo() + WrongLengthArchive(0, &offsets) +
                            Response("https://n.example/c",
                                     "HTTP/1.1 200 OK\r\nContent-Type: "
                                     "text/html\r\nTransfer-Encoding: chunked",
                                     "4\r\n<htm\r\nff\r\nl>");
  for (int round = 0; round < 400; ++round) {
    std::string bytes = valid;
    int edits = 1 + static_cast<int>(rng() % 8);
    for (int i = 0; i < edits && !bytes.empty(); ++i) {
      size_t at = rng() % bytes.size();
      switch (rng() % 4) {
        case 0:
          bytes[at] = static_cast<char>(rng());
          break;
        case 1:
          bytes.insert(at, std::string(1 + rng() % 20, static_cast<char>("0\r\nW9"[rng() % 5])));
          break;
        case 2:
          bytes.erase(at, 1 + rng() % 50);
          break;
        default:
          bytes.resize(at);
          break;
      }
    }
    Outcome o;
    internal::WarcReader reader("r", 1 + rng() % 3000, DocSink(&o), ErrorSink(&o));
    size_t piece = 1 + rng() % 300;
    for (size_t at = 0; at < bytes.size(); at += piece) reader.Feed(bytes.substr(at, piece));
    reader.Finish(round % 5 == 0 ? "stream broke" : "");
    EXPECT_LE(o.docs.size(), 6u);
    EXPECT_LE(o.docs.size(), reader.counts().records);
    for (const Document& d : o.docs) {
      EXPECT_EQ(d.source.rfind("r#", 0), 0u);
      EXPECT_EQ(d.format, DocFormat::kHtml);
      EXPECT_FALSE(d.raw.empty());
    }
    for (const InputError& e : o.errors) EXPECT_FALSE(e.reason.empty());
  }
}

// ---------------------------------------------------------------- JSONL, stdin, folders

TEST(IngestHtmlTest, JsonlHtmlFieldGivesAnHtmlDocument) {
  TempDir dir;
  std::string path = dir.Write(
      "pages.jsonl", R"({"id":"h1","html":"<p>x</p>","content_type":"text/html; charset=koi8-r"})"
                     "\n"
                     R"({"id":"h2","text":"plain","html":"<p>html wins</p>"})"
                     "\n"
                     R"({"id":"t3","text":"text only","html":null})"
                     "\n"
                     R"({"id":"t4","text":"text","html":5})"
                     "\n"
                     R"({"id":"x5","html":7})"
                     "\n");
  Outcome o = Read({path});
  EXPECT_EQ(Kinds(o), "[h1 html][h2 html][t3 text][t4 text]");
  EXPECT_EQ(o.Errors(), "[" + path + ":5: no string field \"text\"]");
  ASSERT_EQ(o.docs.size(), 4u);
  EXPECT_EQ(o.docs[0].raw, "<p>x</p>");
  EXPECT_EQ(o.docs[0].content_type, "text/html; charset=koi8-r");
  EXPECT_EQ(o.docs[1].raw, "<p>html wins</p>");
  EXPECT_EQ(o.docs[2].raw, "text only");
  EXPECT_TRUE(o.docs[2].warnings.empty());
  ASSERT_EQ(o.docs[3].warnings.size(), 1u);
  EXPECT_EQ(o.docs[3].warnings[0], "field \"html\" is not a string; ignored");
}

TEST(IngestHtmlTest, StandardInputMayBeHtmlOrWarc) {
  Outcome o = ReadStdinText("  <!DOCTYPE html><p>piped</p>");
  EXPECT_EQ(Kinds(o), "[stdin:1 html]");
  EXPECT_EQ(o.docs[0].raw, "  <!DOCTYPE html><p>piped</p>");
  // WARC goes before the binary check: records may hold images.
  std::string warc =
      Warcinfo() +
      Response("https://n.example/p.png", "HTTP/1.1 200 OK\r\nContent-Type: image/png",
               "\x89PNG\r\n\x1A\n\0\0"sv) +
      HtmlResponse("https://n.example/1", Article(1));
  o = ReadStdinText(warc);
  EXPECT_EQ(o.Errors(), "");
  EXPECT_EQ(Urls(o), "[stdin#3 https://n.example/1]");
  o = ReadStdinText(Warcinfo());
  EXPECT_EQ(o.Errors(), "[stdin: no HTML pages among 1 record (1 warcinfo)]");
  o = ReadStdinText(R"({"html":"<p>j</p>"})");
  EXPECT_EQ(Kinds(o), "[stdin:1 html]");
  EXPECT_EQ(o.docs[0].raw, "<p>j</p>");
}

TEST(IngestHtmlTest, FolderWithMixedFiles) {
  TempDir dir;
  dir.Write("c/a.txt", "a");
  dir.Write("c/b.html", "<p>b</p>");
  dir.Write("c/c.htm.gz", Gzip("<p>c</p>"));
  dir.Write("c/d.jsonl", R"({"text":"d1"})"
                         "\n"
                         R"({"html":"<p>d2</p>"})"
                         "\n");
  dir.Write("c/e.warc.gz", GzipEach({Warcinfo(), HtmlResponse("https://n.example/e", "<p>e</p>")}));
  dir.Write("c/f.warc", Request("https://n.example/f"));
  dir.Write("c/g.png", "\x89PNG\r\n\x1A\n"sv);
  dir.Write("c/page", "<!doctype html>");  // No extension: not read from a folder.
  dir.Write("c/sub/h.xhtml", "<html/>");
  dir.Write("c/w.warc.zst", Zstd(HtmlResponse("https://n.example/w", "<p>w</p>")));
  Outcome o = Read({dir.Path("c")});
  EXPECT_EQ(Kinds(o, dir.Path("c")),
            "[/a.txt text][/b.html html][/c.htm.gz html][/d.jsonl:1 text][/d.jsonl:2 html]"
            "[/e.warc.gz#2 html][/sub/h.xhtml html][/w.warc.zst#1 html]");
  EXPECT_EQ(o.Errors(dir.Path("c")), "[/f.warc: no HTML pages among 1 record (1 request)]");
  std::string raws;
  for (const Document& d : o.docs) raws += d.raw;
  EXPECT_EQ(raws, "a<p>b</p><p>c</p>d1<p>d2</p><p>e</p><html/><p>w</p>");
}

TEST(IngestHtmlTest, ReadsThroughAnyFileSystem) {
  FakeFileSystem fake;
  fake.entries["c"].type = FileType::kDirectory;
  fake.entries["c/a.html"].bytes = "<p>a</p>";
  fake.entries["c/b.html.gz"].bytes = Gzip("<p>b</p>");
  fake.entries["c/c.warc.gz"].bytes =
      GzipEach({Warcinfo(), HtmlResponse("https://n.example/c", "<p>c</p>")});
  fake.entries["c/d.warc"].bytes = HtmlResponse("https://n.example/d", "<p>d</p>");
  fake.entries["c/e.warc"].bytes = "";
  Outcome o = Read({"c"}, {}, fake);
  EXPECT_EQ(Kinds(o), "[c/a.html html][c/b.html.gz html][c/c.warc.gz#2 html][c/d.warc#1 html]");
  EXPECT_EQ(o.Errors(), "[c/e.warc: empty file]");
}

TEST(IngestHtmlTest, AFileNamedExplicitlyMayBeAWarcArchive) {
  TempDir dir;
  std::string path =
      dir.Write("CC-MAIN-00001", Warcinfo() + HtmlResponse("https://n.example/1", Article(1)));
  Outcome o = Read({path});
  EXPECT_EQ(o.Errors(), "");
  EXPECT_EQ(Urls(o, path), "[#2 https://n.example/1]");
}

}  // namespace
}  // namespace rashomon::ingest
